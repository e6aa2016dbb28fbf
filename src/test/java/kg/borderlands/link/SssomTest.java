package kg.borderlands.link;

import kg.borderlands.cli.Main;
import kg.borderlands.load.StoreManager;
import kg.borderlands.support.TestProject;
import org.apache.jena.query.QueryExecution;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.system.Txn;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.*;

/** The committed SSSOM file is exactly what the graph gives, and agrees with the graph's link triples. */
class SssomTest {
    private static String committed;
    private static List<Sssom.Mapping> fromGraph;
    private static Set<String> graphTriples;

    @BeforeAll
    static void load() throws Exception {
        committed = Files.readString(TestProject.root().resolve(Sssom.DEFAULT_FILE), StandardCharsets.UTF_8);
        DatasetGraph dsg = TestProject.realStore().open();
        try {
            fromGraph = Sssom.fromGraph(dsg);
            graphTriples = Txn.calculateRead(dsg, () -> {
                Set<String> s = new HashSet<>();
                // The mapping triples themselves (not the Link nodes): our record, mapping predicate, external IRI.
                String q = """
                        SELECT ?s ?p ?o WHERE {
                          VALUES ?p { <http://www.w3.org/2004/02/skos/core#exactMatch> <http://www.w3.org/2004/02/skos/core#closeMatch>
                                      <http://www.w3.org/2002/07/owl#sameAs> }
                          ?s ?p ?o . FILTER(STRSTARTS(STR(?s), "https://w3id.org/borderlands-kg/id/"))
                          FILTER(isIRI(?o) && !STRSTARTS(STR(?o), "https://w3id.org/borderlands-kg/"))
                        }""";
                try (QueryExecution qe = QueryExecution.dataset(org.apache.jena.query.DatasetFactory.wrap(dsg)).query(q).build()) {
                    qe.execSelect().forEachRemaining(r -> s.add(r.getResource("s").getURI() + " " + r.getResource("p").getURI()
                            + " " + r.getResource("o").getURI()));
                }
                return s;
            });
        } finally {
            StoreManager.close(dsg);
        }
    }

    @Test
    void committedFileIsWhatTheGraphGives() {
        assertEquals(Sssom.write(fromGraph), committed,
                "data/mappings/borderlands-kg.sssom.tsv is stale: run 'borderlands-kg link sssom'");
    }

    @Test
    void everyLinkInTheGraphIsInTheFileAndViceVersa() throws Exception {
        Sssom.MappingSet set = Sssom.parse(committed);
        Map<String, String> prefixes = curieMap(set);
        Set<String> inFile = new HashSet<>();
        for (Sssom.Mapping m : set.mappings()) {
            inFile.add(expand(m.subjectId(), prefixes) + " " + expand(m.predicateId(), prefixes) + " "
                    + expand(m.objectId(), prefixes));
        }
        assertEquals(graphTriples, inFile);
        assertEquals(graphTriples.size(), set.mappings().size(), "no mapping twice");
        assertTrue(set.mappings().size() >= 90, "the curated links are all there: " + set.mappings().size());
    }

    @Test
    void idsAreWellFormedAndMappingsUnique() throws Exception {
        Sssom.MappingSet set = Sssom.parse(committed);
        Map<String, String> prefixes = curieMap(set);
        Pattern subject = Pattern.compile("^bkr:[a-z0-9]+(-[a-z0-9]+)*$");
        Set<String> seen = new HashSet<>();
        Map<String, String> identityOwner = new java.util.HashMap<>();
        for (Sssom.Mapping m : set.mappings()) {
            assertTrue(subject.matcher(m.subjectId()).matches(), m.subjectId());
            assertNotNull(ExternalIds.toCurie(expand(m.objectId(), prefixes)),
                    m.objectId() + " does not expand to an identifier of a dataset we link to");
            assertTrue(Set.of("skos:exactMatch", "skos:closeMatch", "owl:sameAs").contains(m.predicateId()), m.predicateId());
            assertEquals("semapv:ManualMappingCuration", m.justification());
            assertTrue(m.mappingDate().matches("^[0-9]{4}-[0-9]{2}-[0-9]{2}$"), m.mappingDate());
            assertFalse(m.subjectLabel().isBlank() || m.objectLabel().isBlank() || m.comment().isBlank(), m.toString());
            assertTrue(seen.add(m.subjectId() + " " + m.predicateId() + " " + m.objectId()), "duplicate " + m);
            if (!m.predicateId().equals("skos:closeMatch")) {
                String other = identityOwner.putIfAbsent(m.objectId(), m.subjectId());
                assertTrue(other == null || other.equals(m.subjectId()),
                        m.objectId() + " is exactMatch/sameAs of both " + other + " and " + m.subjectId());
            }
        }
    }

    @Test
    void metadataBlockHasTheRequiredSlots() throws Exception {
        Sssom.MappingSet set = Sssom.parse(committed);
        for (String slot : Sssom.METADATA_SLOTS) assertTrue(set.metadata().containsKey(slot), "missing metadata slot " + slot);
        assertEquals(Sssom.MAPPING_SET_ID, set.metadata().get("mapping_set_id"));
        assertTrue(String.valueOf(set.metadata().get("license")).startsWith("https://"), "license is an IRI");
        assertEquals(Sssom.COLUMNS, set.columns());
        Map<String, String> prefixes = curieMap(set);
        for (Sssom.Mapping m : set.mappings()) {
            for (String curie : List.of(m.subjectId(), m.predicateId(), m.objectId(), m.justification(), m.authorId())) {
                String prefix = curie.substring(0, curie.indexOf(':'));
                assertTrue(prefixes.containsKey(prefix), "prefix '" + prefix + "' of " + curie + " is not in the curie_map");
            }
        }
    }

    /**
     * Read by a real SSSOM library (sssom-java's TSVReader, which validates the set and expands every CURIE by the
     * file's own curie_map): each mapping, as a triple subject–predicate–object, is in the graph, and each mapping
     * triple of the graph is a mapping of the file.
     */
    @Test
    void anSssomLibraryReadsTheFileAndItJoinsWithTheGraph() throws Exception {
        org.incenp.obofoundry.sssom.model.MappingSet set = readWithSssomJava(committed);
        assertEquals(kg.borderlands.Vocab.LICENSE_DATA, set.getLicense());
        assertEquals(Sssom.MAPPING_SET_ID, set.getMappingSetId());
        Set<String> triples = triplesOf(set);
        assertEquals(set.getMappings().size(), triples.size(), "no mapping twice");
        Set<String> nowhere = new java.util.TreeSet<>(triples);
        nowhere.removeAll(graphTriples);
        assertEquals(Set.of(), nowhere, "mappings whose triple is not in the graph");
        Set<String> unpublished = new java.util.TreeSet<>(graphTriples);
        unpublished.removeAll(triples);
        assertEquals(Set.of(), unpublished, "mapping triples of the graph missing from the file");
        assertTrue(triples.stream().anyMatch(t -> t.endsWith(" https://sws.geonames.org/1149361/")),
                "the GeoNames feature of Afghanistan, with its slash");
    }

    /** The join above can fail: a GeoNames CURIE that expands without the slash points nowhere. */
    @Test
    void aGeoNamesIdWithoutItsSlashDoesNotJoin() throws Exception {
        String broken = committed.replace("geonames:1149361/", "geonames:1149361");
        assertNotEquals(committed, broken, "the committed file links Afghanistan to GeoNames 1149361");
        Set<String> triples = triplesOf(readWithSssomJava(broken));
        triples.removeAll(graphTriples);
        assertEquals(1, triples.size(), triples.toString());
        assertTrue(triples.iterator().next().endsWith(" https://sws.geonames.org/1149361"), triples.toString());
    }

    private static org.incenp.obofoundry.sssom.model.MappingSet readWithSssomJava(String tsv) throws Exception {
        org.incenp.obofoundry.sssom.TSVReader reader = new org.incenp.obofoundry.sssom.TSVReader(new java.io.StringReader(tsv));
        return reader.read();
    }

    private static Set<String> triplesOf(org.incenp.obofoundry.sssom.model.MappingSet set) {
        Set<String> s = new HashSet<>();
        for (org.incenp.obofoundry.sssom.model.Mapping m : set.getMappings()) {
            s.add(m.getSubjectId() + " " + m.getPredicateId() + " " + m.getObjectId());
        }
        return s;
    }

    @Test
    void checkModeFailsOnAStaleFile(@TempDir Path tmp) throws Exception {
        Path stale = tmp.resolve("stale.sssom.tsv");
        Files.writeString(stale, committed.replace("skos:closeMatch", "skos:exactMatch"));
        Path root = TestProject.root();
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        String[] common = {"--store", root.resolve("target/test-store").toString(), "--ontology", root.resolve("ontology").toString(),
                "--data", root.resolve("data").toString(), "--qc", root.resolve("queries/qc").toString()};
        int bad = Main.run(new PrintWriter(out, true), new PrintWriter(err, true),
                concat(new String[] {"link", "sssom", "--check", "--out", stale.toString()}, common));
        assertEquals(1, bad, err.toString());
        assertTrue(err.toString().contains("is not what the graph gives"), err.toString());
        Path fresh = tmp.resolve("fresh.sssom.tsv");
        int wrote = Main.run(new PrintWriter(out, true), new PrintWriter(err, true),
                concat(new String[] {"link", "sssom", "--out", fresh.toString()}, common));
        assertEquals(0, wrote, err.toString());
        assertEquals(committed, Files.readString(fresh));
    }

    private static String[] concat(String[] a, String[] b) {
        String[] r = java.util.Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, r, a.length, b.length);
        return r;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, String> curieMap(Sssom.MappingSet set) {
        return (Map<String, String>) set.metadata().get("curie_map");
    }

    private static String expand(String curie, Map<String, String> prefixes) {
        int c = curie.indexOf(':');
        return prefixes.get(curie.substring(0, c)) + curie.substring(c + 1);
    }
}
