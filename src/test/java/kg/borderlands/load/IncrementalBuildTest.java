package kg.borderlands.load;

import kg.borderlands.bench.CorpusGenerator;
import kg.borderlands.support.TestProject;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.graph.GraphFactory;
import org.apache.jena.system.Txn;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.*;

/**
 * Builds of a data directory with source units (a synthetic corpus of two sources, test-scoped): a build from
 * the unit cache, and an incremental build after one record of one source changed (its label, then its type),
 * give the same database (every quad, the VoID graph included), dump, findings and serving artifacts as a
 * build from scratch of the same inputs.
 */
class IncrementalBuildTest {
    @TempDir
    Path tmp;

    @Test
    void incrementalAndCachedBuildsEqualABuildFromScratch() throws Exception {
        Path root = TestProject.root();
        Path data = tmp.resolve("corpus");
        new CorpusGenerator(root.resolve("data"), 2, 1).write(data);
        ProjectInputs inputs = new ProjectInputs(root.resolve("ontology"), data, root.resolve("queries/qc"));
        StoreManager store = new StoreManager(tmp.resolve("store"));
        LoadOperation.ensure(inputs, store, false, Duration.ZERO, s -> {});

        // one record of the second source changes: the label of one of its ties
        Path ties = Files.list(data.resolve("sources/s0002/ties")).sorted().findFirst().orElseThrow();
        String text = Files.readString(ties);
        int at = text.indexOf("  label: ");
        assertTrue(at > 0, "a tie label in " + ties);
        String edited = text.substring(0, at) + "  label: \"An edited label for the incremental test\"\n"
                + text.substring(text.indexOf('\n', at) + 1);
        Files.writeString(ties, edited);
        StoreManager fresh = rebuildEqualsBuildFromScratch(inputs, store, tmp.resolve("fresh"), "incremental").fresh();

        // a second edit on top: the same tie becomes a rivalry (its types, inferred types and shortcuts change:
        // VoID's classes, partitions and entities, the network, the usage counts)
        String retyped = edited.replaceFirst("type: \"Hostility\"", "type: \"Rivalry\"");
        Files.writeString(ties, retyped);
        Rebuilt second = rebuildEqualsBuildFromScratch(inputs, store, tmp.resolve("fresh2"), "second incremental");
        StoreManager fresh2 = second.fresh();
        assertVoidDiffers(fresh, fresh2);

        // a third edit that changes a shared node's findings: the tie's subject becomes a person of the shared unit
        // who held no tie (SHACL warned "Person holds no tie"); the shared unit's shapes, validated again only for
        // the nodes the change can affect, must drop that warning as a build from scratch does
        String lodhi = kg.borderlands.Vocab.ID + "maleeha-lodhi";
        assertTrue(holdsNoTie(second.incremental(), lodhi), "the person held no tie before");
        Files.writeString(ties, retyped.replaceFirst("subject: \"ttp\"", "subject: \"maleeha-lodhi\""));
        Rebuilt third = rebuildEqualsBuildFromScratch(inputs, store, tmp.resolve("fresh3"), "third incremental");
        assertFalse(holdsNoTie(third.incremental(), lodhi), "the person now holds a tie");
        fresh2 = third.fresh();

        // --force: every unit from the cache, through the bulk loader
        LoadOperation.ensure(inputs, store, true, Duration.ZERO, s -> {});
        assertSameDatabase(fresh2, store, "from the cache");
        assertSameDump(fresh2, store, "from the cache");
    }

    /**
     * Loads {@code store} again after one record of source s0002 changed — an incremental build — then builds the
     * same inputs from scratch into {@code freshDir}, and checks both give the same database, dump, findings and
     * serving artifacts. Returns the build from scratch and the incremental build's result.
     */
    /** A build from scratch, and the incremental build it was compared with. */
    private record Rebuilt(StoreManager fresh, LoadOperation.Result incremental) {
    }

    private static boolean holdsNoTie(LoadOperation.Result build, String person) {
        return build.report().findings().stream().anyMatch(f -> person.equals(f.focusNode())
                && f.message().startsWith("Person holds no tie"));
    }

    private static Rebuilt rebuildEqualsBuildFromScratch(ProjectInputs inputs, StoreManager store, Path freshDir,
                                                              String what) throws Exception {
        List<String> notes = new ArrayList<>();
        LoadOperation.Result incremental = LoadOperation.ensure(inputs, store, false, Duration.ZERO, notes::add);
        assertFalse(incremental.reused(), what);
        assertTrue(notes.stream().anyMatch(n -> n.contains("incremental build: 1 of 3 units changed [s0002]")), notes.toString());

        StoreManager fresh = new StoreManager(freshDir);
        LoadOperation.Result full = LoadOperation.ensure(inputs, fresh, false, Duration.ZERO, s -> {});
        assertSameDatabase(fresh, store, what);
        assertSameDump(fresh, store, what);
        assertSameFindings(full, incremental, what);
        ServingArtifactsComparison.assertSame(fresh.published(), store.published(), what);
        return new Rebuilt(fresh, incremental);
    }

    /** The findings (SHACL warnings, quality checks) of both builds are the same, in any order. */
    private static void assertSameFindings(LoadOperation.Result want, LoadOperation.Result got, String what) {
        assertNotNull(got.report(), what);
        assertEquals(new java.util.HashSet<>(want.report().findings()), new java.util.HashSet<>(got.report().findings()),
                what + ": findings");
        assertEquals(want.report().findings().size(), got.report().findings().size(), what + ": number of findings");
    }

    /** The second edit changed VoID's counts (so the comparison above compared counts that moved). */
    private static void assertVoidDiffers(StoreManager before, StoreManager after) throws Exception {
        Graph a = voidGraph(before);
        Graph b = voidGraph(after);
        assertFalse(a.isIsomorphicWith(b), "the retyped tie changes the VoID description");
    }

    private static Graph voidGraph(StoreManager store) throws Exception {
        DatasetGraph d = store.open();
        try {
            return Txn.calculateRead(d, () -> copy(d.getGraph(org.apache.jena.graph.NodeFactory.createURI(
                    kg.borderlands.link.VoidDescription.GRAPH))));
        } finally {
            StoreManager.close(d);
        }
    }

    private static void assertSameDatabase(StoreManager want, StoreManager got, String what) throws Exception {
        DatasetGraph a = want.open();
        DatasetGraph b = got.open();
        try {
            Txn.executeRead(a, () -> Txn.executeRead(b, () -> {
                List<Node> graphs = new ArrayList<>();
                a.listGraphNodes().forEachRemaining(graphs::add);
                List<Node> other = new ArrayList<>();
                b.listGraphNodes().forEachRemaining(other::add);
                assertEquals(new java.util.HashSet<>(graphs), new java.util.HashSet<>(other), what + ": graph names");
                for (Node g : graphs) assertSame(a.getGraph(g), b.getGraph(g), what + ": " + g);
                assertSame(a.getDefaultGraph(), b.getDefaultGraph(), what + ": default graph");
            }));
        } finally {
            StoreManager.close(a);
            StoreManager.close(b);
        }
    }

    private static void assertSameDump(StoreManager want, StoreManager got, String what) throws Exception {
        try (StoreManager.PublishedBuild a = want.readPublished(); StoreManager.PublishedBuild b = got.readPublished()) {
            a.dataset().listGraphNodes().forEachRemaining(g -> assertSame(a.dataset().getGraph(g), b.dataset().getGraph(g),
                    what + ": dump graph " + g));
            assertSame(a.dataset().getDefaultGraph(), b.dataset().getDefaultGraph(), what + ": dump default graph");
        }
    }

    private static void assertSame(Graph want, Graph got, String what) {
        Graph w = copy(want);
        Graph g = copy(got);
        assertEquals(w.size(), g.size(), what + ": size");
        assertTrue(w.isIsomorphicWith(g), what + ": not the same triples");
    }

    private static Graph copy(Graph g) {
        Graph m = GraphFactory.createDefaultGraph();
        g.find().forEachRemaining(m::add);
        return m;
    }
}
