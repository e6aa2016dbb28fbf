package kg.borderlands.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import kg.borderlands.support.TestProject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class CorpusGeneratorTest {
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
    private static final Path DATA = TestProject.root().resolve("data");

    /** Every record of every YAML file under {@code dir}: section name and record. */
    private static List<Map.Entry<String, JsonNode>> records(Path dir) throws IOException {
        List<Map.Entry<String, JsonNode>> all = new ArrayList<>();
        try (Stream<Path> s = Files.walk(dir)) {
            // records only: a source's descriptor (source.yaml: id, work, citedAs…) is not a record file
            for (Path f : (Iterable<Path>) s.filter(p -> p.toString().endsWith(".yaml"))
                    .filter(p -> !p.getFileName().toString().equals(kg.borderlands.curate.SourceUnits.DESCRIPTOR)).sorted()::iterator) {
                YAML.readTree(f.toFile()).fields().forEachRemaining(e -> e.getValue().forEach(r -> all.add(Map.entry(e.getKey(), r))));
            }
        }
        return all;
    }

    private static Map<String, String> contents(Path dir) throws IOException {
        Map<String, String> m = new TreeMap<>();
        try (Stream<Path> s = Files.walk(dir)) {
            for (Path f : (Iterable<Path>) s.filter(Files::isRegularFile)::iterator) {
                m.put(dir.relativize(f).toString(), Files.readString(f));
            }
        }
        return m;
    }

    @Test
    void sameSeedSameCorpusOtherSeedOtherCrossReferences(@TempDir Path tmp) throws IOException {
        new CorpusGenerator(DATA, 4, 42).write(tmp.resolve("a"));
        new CorpusGenerator(DATA, 4, 42).write(tmp.resolve("b"));
        new CorpusGenerator(DATA, 4, 43).write(tmp.resolve("c"));
        Map<String, String> a = contents(tmp.resolve("a"));
        assertEquals(a, contents(tmp.resolve("b")), "byte for byte the same corpus from the same seed");
        Map<String, String> c = contents(tmp.resolve("c"));
        assertEquals(a.keySet(), c.keySet());
        assertNotEquals(a, c.entrySet().stream().collect(TreeMap::new, (m, e) -> m.put(e.getKey(),
                e.getKey().equals(CorpusGenerator.MARKER) ? a.get(e.getKey()) : e.getValue()), Map::putAll),
                "another seed chooses other cross-references");
    }

    @Test
    void nSourcesHoldTheExpectedRecordsWithoutCollisions(@TempDir Path out) throws IOException {
        int n = 3;
        // the rule of docs/benchmarks.md, counted here from the real data
        int shared = 0;
        int perSource = 0;
        Set<String> originalPerSourceIds = new HashSet<>();
        for (var e : records(DATA)) {
            String section = e.getKey();
            JsonNode r = e.getValue();
            boolean isShared = Set.of("actors", "places", "links").contains(section)
                    || section.equals("works") && !r.path("type").asText().equals("Interview") && !r.path("id").asText().equals("icg-asia-354");
            if (isShared) shared++;
            else {
                perSource++;
                originalPerSourceIds.add(r.path("id").asText());
            }
        }
        assertTrue(perSource > 500 && shared > 300, "the real data has " + perSource + " + " + shared + " records");

        CorpusGenerator.Corpus c = new CorpusGenerator(DATA, n, 1).write(out);
        assertEquals(shared, c.sharedRecords());
        assertEquals(perSource, c.recordsPerSource());

        List<Map.Entry<String, JsonNode>> generated = records(out);
        assertEquals(shared + n * perSource, generated.size());
        Map<String, Integer> seen = new HashMap<>();
        for (var e : generated) seen.merge(e.getValue().path("id").asText(), 1, Integer::sum);
        assertEquals(List.of(), seen.entrySet().stream().filter(e -> e.getValue() > 1).map(Map.Entry::getKey).toList(),
                "no id is used twice");
        for (int k = 1; k <= n; k++) {
            String suffix = String.format("-s%04d", k);
            for (String id : List.of("fn-25", "sec-ii-b", "par-summary-1", "icg-asia-354")) {
                assertTrue(seen.containsKey(id + suffix), id + suffix + " exists: each source has its own apparatus");
            }
        }
        // no reference of a copy points to an unsuffixed per-source id: the copies are closed under renaming
        List<String> leaks = new ArrayList<>();
        for (var e : generated) texts(e.getValue(), t -> {
            if (originalPerSourceIds.contains(t)) leaks.add(e.getValue().path("id").asText() + " -> " + t);
        });
        assertEquals(List.of(), leaks);
        // actors and places are written once, with their original ids
        assertTrue(seen.containsKey("pakistan") && seen.get("pakistan") == 1);
        assertTrue(c.crossReferences() >= 1 && c.crossReferences() <= 3 * (n - 1), "cross-references: " + c.crossReferences());
        assertTrue(records(out.resolve("sources/s0002")).stream().anyMatch(e -> e.getValue().path("id").asText().equals("icg-asia-354-s0002")
                && e.getValue().path("label").asText().endsWith("(synthetic copy 2, benchmarks only)")), "the copy says it is synthetic");
    }

    @Test
    void eachCopyIsASourceUnitWhoseNumbersResolveToItsOwnApparatus(@TempDir Path out) throws Exception {
        new CorpusGenerator(DATA, 2, 1).write(out);
        org.apache.jena.rdf.model.Model ontology = org.apache.jena.rdf.model.ModelFactory.createDefaultModel();
        try (Stream<Path> s = Files.list(TestProject.root().resolve("ontology"))) {
            s.filter(p -> p.toString().endsWith(".ttl")).forEach(p -> org.apache.jena.riot.RDFDataMgr.read(ontology, p.toString()));
        }
        List<kg.borderlands.curate.SourceUnit> units = kg.borderlands.curate.SourceUnits.of(out);
        assertEquals(List.of("s0001", "s0002"), units.stream().filter(kg.borderlands.curate.SourceUnit::isSource)
                .map(kg.borderlands.curate.SourceUnit::id).toList());
        // the records pass the checks the loader runs (references, sources, units)
        kg.borderlands.curate.RecordSet set = new kg.borderlands.curate.RecordChecker(new kg.borderlands.curate.OntologyIndex(ontology))
                .check(new kg.borderlands.curate.RecordReader().readAll(out, units), units);
        // footnote 25 of each copy is that copy's own
        assertEquals("fn-25-s0001", set.footnote("s0001", 25).id());
        assertEquals("fn-25-s0002", set.footnote("s0002", 25).id());
    }

    private static void texts(JsonNode n, java.util.function.Consumer<String> f) {
        if (n.isTextual()) f.accept(n.asText());
        n.forEach(c -> texts(c, f));
    }

    @Test
    void neverWritesIntoTheDataItCopiesNorOverAForeignDirectory(@TempDir Path tmp) throws IOException {
        var into = assertThrows(IllegalArgumentException.class, () -> new CorpusGenerator(DATA, 1, 1).write(DATA.resolve("synthetic")));
        assertTrue(into.getMessage().startsWith("the synthetic corpus is never written into or over the data"), into.getMessage());
        assertFalse(Files.exists(DATA.resolve("synthetic")));
        Files.writeString(tmp.resolve("notes.txt"), "mine");
        assertThrows(IllegalArgumentException.class, () -> new CorpusGenerator(DATA, 1, 1).write(tmp));
        assertTrue(Files.exists(tmp.resolve("notes.txt")));
        assertThrows(IllegalArgumentException.class, () -> new CorpusGenerator(DATA, 0, 1));
        assertThrows(IllegalArgumentException.class, () -> new CorpusGenerator(DATA, 1001, 1));
    }
}
