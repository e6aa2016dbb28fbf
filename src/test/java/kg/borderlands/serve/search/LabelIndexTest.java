package kg.borderlands.serve.search;

import kg.borderlands.load.StoreManager;
import kg.borderlands.serve.ld.Snapshot;
import kg.borderlands.support.TestProject;
import org.apache.jena.query.Dataset;
import org.apache.jena.query.DatasetFactory;
import org.apache.jena.query.QueryExecution;
import org.apache.jena.rdf.model.Model;
import org.apache.jena.rdf.model.ModelFactory;
import org.apache.jena.rdf.model.Resource;
import org.apache.jena.system.Txn;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.vocabulary.RDF;
import org.apache.jena.vocabulary.SKOS;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.*;

/** Label and alias search over the real data, and ranking on a small synthetic set. */
class LabelIndexTest {
    private static LabelIndex index;

    @BeforeAll
    static void build() throws Exception {
        DatasetGraph dsg = TestProject.realStore().open();
        try {
            index = LabelIndex.build(Snapshot.of(dsg));
        } finally {
            StoreManager.close(dsg);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"Pakistani Taliban", "tehreek", "TTP", "ttp", "Tehreek-e-Taliban Pakistan", "pakistani taliban"})
    void theTtpComesFirst(String query) {
        List<LabelIndex.Hit> hits = index.search(query, Set.of(), 10);
        assertFalse(hits.isEmpty(), query);
        assertEquals("ttp", hits.get(0).id(), query + " → " + hits);
    }

    @Test
    void exactAliasMatchIsMarkedAndNamesTheAlias() {
        LabelIndex.Hit top = index.search("pakistani TALIBAN", Set.of(), 5).get(0);
        assertEquals(LabelIndex.Match.EXACT, top.match());
        assertEquals("Pakistani Taliban", top.matched());
        assertEquals("Tehreek-e-Taliban Pakistan", top.label());
        assertEquals("actor", top.kind());
    }

    @Test
    void exactMatchesComeBeforePrefixAndTextMatches() {
        List<LabelIndex.Hit> hits = index.search("TTP", Set.of(), 50);
        assertTrue(hits.size() > 3, "TTP names many records: " + hits.size());
        for (int i = 1; i < hits.size(); i++) {
            assertTrue(hits.get(i - 1).match().ordinal() <= hits.get(i).match().ordinal(), "ranking tiers in order: " + hits);
        }
        assertTrue(hits.stream().anyMatch(h -> h.match() != LabelIndex.Match.EXACT), "also finds labels that contain TTP");
    }

    @Test
    void kindFilterKeepsOnlyThatKind() {
        List<LabelIndex.Hit> hits = index.search("Taliban", Set.of("event"), 100);
        assertFalse(hits.isEmpty());
        assertTrue(hits.stream().allMatch(h -> h.kind().equals("event")), hits.toString());
        assertTrue(index.search("Taliban", Set.of("actor"), 100).stream().anyMatch(h -> h.id().equals("afghan-taliban")));
    }

    @Test
    void prefixOfAWordFindsIt() {
        assertTrue(index.search("qata", Set.of("actor"), 5).stream().anyMatch(h -> h.id().equals("qatar")));
    }

    @Test
    void queryWithoutWordsIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> index.search("  -- ", Set.of(), 5));
        assertThrows(IllegalArgumentException.class, () -> index.search("", Set.of(), 5));
    }

    @Test
    void unknownWordFindsNothing() {
        assertTrue(index.search("zzyzxqwv", Set.of(), 5).isEmpty());
    }

    @Test
    void limitIsRespected() {
        assertEquals(3, index.search("Pakistan", Set.of(), 3).size());
    }

    @Test
    void rankingOnSyntheticRecords() {
        Model data = ModelFactory.createDefaultModel();
        Model inferred = ModelFactory.createDefaultModel();
        record("a-1", "Zeta Front", List.of("ZF"), "Actor", data, inferred);
        record("a-2", "Front for Zeta Liberation", List.of(), "Actor", data, inferred);
        record("e-1", "Zeta Front attack on the capital", List.of(), "Event", data, inferred);
        record("a-3", "Café Müller group", List.of(), "Actor", data, inferred);
        LabelIndex small = LabelIndex.build(Snapshot.of(data, inferred, ModelFactory.createDefaultModel()));

        List<LabelIndex.Hit> hits = small.search("zeta front", Set.of(), 10);
        assertEquals(List.of("a-1", "e-1", "a-2"), hits.stream().map(LabelIndex.Hit::id).toList(),
                "exact label, then label starting with the query, then other matches: " + hits);
        assertEquals(List.of(LabelIndex.Match.EXACT, LabelIndex.Match.PREFIX, LabelIndex.Match.TEXT),
                hits.stream().map(LabelIndex.Hit::match).toList());
        assertEquals("a-1", small.search("zf", Set.of(), 10).get(0).id(), "alias");
        assertEquals("a-3", small.search("cafe muller", Set.of(), 10).get(0).id(), "accents folded");
        assertEquals(LabelIndex.Match.EXACT, small.search("Café Müller Group", Set.of(), 10).get(0).match());
    }

    @Test
    void anIndexWrittenToDiskAnswersAsTheOneBuiltInMemory(@TempDir Path dir) throws Exception {
        DatasetGraph dsg = TestProject.realStore().open();
        Snapshot snapshot;
        try {
            snapshot = Snapshot.of(dsg);
        } finally {
            StoreManager.close(dsg);
        }
        LabelIndex.write(snapshot.entries(), dir.resolve("search"));
        assertFalse(Files.exists(dir.resolve("search").resolve("write.lock")), "no lock file is left in the build");
        LabelIndex opened = LabelIndex.open(dir.resolve("search"), snapshot);
        for (String q : List.of("taliban", "Pakistani Taliban", "ttp", "tehreek", "kabul", "qatar", "air strike", "talbian")) {
            assertEquals(index.search(q, Set.of(), 50), opened.search(q, Set.of(), 50), q);
        }
        assertEquals(index.search("pakistan", Set.of("actor"), 10), opened.search("pakistan", Set.of("actor"), 10));
    }

    @Test
    void normaliseFoldsCaseAccentsAndPunctuation() {
        assertEquals("tehreek e taliban pakistan", LabelIndex.normalise("  Tehreek-e-Taliban   Pakistan "));
        assertEquals("turkiye", LabelIndex.normalise("Türkiye"));
    }

    private static void record(String id, String label, List<String> aliases, String base, Model data, Model inferred) {
        Resource r = data.createResource("https://w3id.org/borderlands-kg/id/" + id);
        r.addProperty(RDF.type, data.createResource("https://w3id.org/borderlands-kg/ontology#" + base));
        r.addProperty(SKOS.prefLabel, label, "en");
        aliases.forEach(a -> r.addProperty(SKOS.altLabel, a, "en"));
        inferred.add(r, RDF.type, inferred.createResource("https://w3id.org/borderlands-kg/ontology#" + base));
    }
}
