package kg.borderlands.export;

import kg.borderlands.bench.CorpusGenerator;
import kg.borderlands.load.BuildDump;
import kg.borderlands.load.StoreManager;
import kg.borderlands.support.Cli;
import kg.borderlands.support.TestProject;
import org.apache.jena.graph.Node;
import org.apache.jena.query.QueryExecution;
import org.apache.jena.query.QuerySolution;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.system.Txn;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code export --bundle} counts the graphs of the dump while streaming it (issue #11 at scale: the 1,000-source
 * dump did not fit in a 6 GB heap when it was read into memory to be counted). The streamed counts must equal
 * independent counts — the old in-memory count and a SPARQL COUNT over the build's TDB2 database — and the bundle
 * must be made in a heap where reading the dump into memory fails.
 */
class BundleCountsTest {
    /** Synthetic sources: enough quads (some 60,000 a source) that the in-memory dataset cannot fit in {@link #HEAP}. */
    private static final int SOURCES = 6;
    private static final String HEAP = "64m";

    private static Path tmp;
    private static Path store;

    @BeforeAll
    static void buildSyntheticStore() throws IOException {
        tmp = Files.createTempDirectory("bundle-counts");
        Path root = TestProject.root();
        Path data = tmp.resolve("corpus");
        new CorpusGenerator(root.resolve("data"), SOURCES, 1).write(data);
        store = tmp.resolve("store");
        Cli.Run r = Cli.run(Cli.args(List.of("load", "--store", store.toString()), Cli.inputs(data)));
        assertEquals(0, r.code(), r.err());
    }

    @AfterAll
    static void cleanUp() throws IOException {
        if (tmp != null) TestProject.deleteTree(tmp);
    }

    @Test
    void streamedCountsEqualTheInMemoryCountOnTheProjectData() throws Exception {
        assertStreamedEqualsInMemory(TestProject.realStore());
    }

    @Test
    void streamedCountsEqualTheInMemoryCountAndTheTdb2CountOnASyntheticCorpus() throws Exception {
        StoreManager sm = new StoreManager(store);
        List<Bundle.GraphCount> streamed = assertStreamedEqualsInMemory(sm);
        assertEquals(tdb2Counts(sm), streamed, "streamed counts == SPARQL COUNT over the TDB2 database");
        assertTrue(streamed.stream().mapToLong(Bundle.GraphCount::triples).sum() > 300_000,
                "the corpus is big enough to matter: " + streamed);
    }

    @Test
    void countsDoNotDependOnHowManyKeysAreHeldInMemory() throws Exception {
        Path dump = TestProject.realStore().published().resolve(BuildDump.FILE);
        // ~29,000 quads in runs of 100: some 290 spilled runs, more than Jena merges at once
        assertEquals(GraphCounts.of(dump, Long.MAX_VALUE), GraphCounts.of(dump, 100));
        assertEquals(counted(new StoreManager(store)), GraphCounts.of(new StoreManager(store).published().resolve(BuildDump.FILE), 20_000));
    }

    @Test
    void theBundleIsMadeInASmallHeapWhereReadingTheDumpIntoMemoryFails() throws Exception {
        Path bundle = tmp.resolve("bundle");
        Child export = child("export", "--store", store.toString(), "--bundle", bundle.toString());
        assertEquals(0, export.code, export.err);
        Bundle.Manifest m = Bundle.read(bundle);
        assertEquals(counted(new StoreManager(store)), m.graphs(), "the manifest of the small heap counts what the dump holds");

        // the control: a command that reads the dump into memory (query) cannot run in the same heap
        Child query = child("query", "--store", store.toString(), "-q", "ASK { ?s ?p ?o }");
        assertNotEquals(0, query.code, "query read " + m.quads() + " quads into " + HEAP + ": " + query.err);
        assertTrue(query.err.contains("OutOfMemoryError") || query.err.contains("BKG-E208"), query.err);
    }

    private static List<Bundle.GraphCount> assertStreamedEqualsInMemory(StoreManager sm) throws Exception {
        List<Bundle.GraphCount> streamed = counted(sm);
        try (StoreManager.PublishedBuild b = sm.readPublished()) {
            DatasetGraph dsg = b.dataset();
            // the count export --bundle made before: the triples of each graph of the in-memory dataset
            List<Node> names = new ArrayList<>();
            dsg.listGraphNodes().forEachRemaining(names::add);
            names.sort(Comparator.comparing(Node::getURI));
            List<Bundle.GraphCount> inMemory = new ArrayList<>(names.stream()
                    .map(n -> new Bundle.GraphCount(n.getURI(), dsg.getGraph(n).size())).toList());
            long defaultTriples = dsg.getDefaultGraph().size();
            if (defaultTriples > 0) inMemory.add(new Bundle.GraphCount(Bundle.DEFAULT_GRAPH, defaultTriples));
            assertEquals(inMemory, streamed);
        }
        return streamed;
    }

    private static List<Bundle.GraphCount> counted(StoreManager sm) throws IOException {
        return GraphCounts.of(sm.published().resolve(BuildDump.FILE));
    }

    private static List<Bundle.GraphCount> tdb2Counts(StoreManager sm) throws IOException {
        DatasetGraph dsg = sm.open();
        try {
            return Txn.calculateRead(dsg, () -> {
                List<Bundle.GraphCount> counts = new ArrayList<>();
                try (QueryExecution qe = QueryExecution.dataset(org.apache.jena.query.DatasetFactory.wrap(dsg))
                        .query("SELECT ?g (COUNT(*) AS ?n) { GRAPH ?g { ?s ?p ?o } } GROUP BY ?g ORDER BY STR(?g)").build()) {
                    qe.execSelect().forEachRemaining((QuerySolution s) ->
                            counts.add(new Bundle.GraphCount(s.getResource("g").getURI(), s.getLiteral("n").getLong())));
                }
                try (QueryExecution qe = QueryExecution.dataset(org.apache.jena.query.DatasetFactory.wrap(dsg)).query("SELECT (COUNT(*) AS ?n) { ?s ?p ?o }").build()) {
                    long n = qe.execSelect().next().getLiteral("n").getLong();
                    if (n > 0) counts.add(new Bundle.GraphCount(Bundle.DEFAULT_GRAPH, n));
                }
                return counts;
            });
        } finally {
            StoreManager.close(dsg);
        }
    }

    private record Child(int code, String err) {}

    private static Child child(String... args) throws Exception {
        Path errLog = Files.createTempFile(tmp, "child", ".err");
        Process p = Cli.start(errLog, HEAP, args);
        p.getInputStream().transferTo(java.io.OutputStream.nullOutputStream());
        assertTrue(p.waitFor(5, TimeUnit.MINUTES), "the child JVM ends");
        return new Child(p.exitValue(), Files.readString(errLog, StandardCharsets.UTF_8));
    }
}
