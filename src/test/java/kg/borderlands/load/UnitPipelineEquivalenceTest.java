package kg.borderlands.load;

import kg.borderlands.Vocab;
import kg.borderlands.link.VoidDescription;
import kg.borderlands.support.TestProject;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.sparql.core.DatasetGraph;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import static org.junit.jupiter.api.Assertions.*;

/**
 * The unit-by-unit build of {@code load} ({@link UnitPipeline}) gives the same graphs as the whole build in
 * one model ({@link GraphBuilder}, how {@code load} built before issue #11) on the project's {@code data/}:
 * every named graph and the default graph are isomorphic, in the dump (against the in-memory graphs) and in
 * the TDB2 database (against a database written from the one-model build, as {@code load} wrote it before).
 */
class UnitPipelineEquivalenceTest {
    @TempDir
    Path tmp;

    @Test
    void sameGraphsAsTheWholeBuildInOneModel() throws Exception {
        ProjectInputs inputs = ProjectInputs.under(TestProject.root());
        BuiltGraphs expected = new GraphBuilder(inputs).build();
        assertTrue(expected.report().conforms(), expected.report().summary());

        StoreManager store = new StoreManager(tmp.resolve("store"));
        LoadOperation.Result r = LoadOperation.ensure(inputs, store, false, Duration.ZERO, s -> {});
        assertFalse(r.reused());
        assertEquals(kg.borderlands.link.Linkset.withoutLinks(expected.data().getGraph()).size(), r.dataTriples());
        assertEquals(expected.inferred().size(), r.inferredTriples());
        assertEquals(expected.report().warnings(), r.report().warnings());

        try (StoreManager.PublishedBuild dump = store.readPublished()) {
            assertSameGraphs(expected, dump.dataset(), "dump");
        }
        // TDB2 stores some literals by value ("10"^^xsd:decimal comes back as "10.0"): compare the database
        // with one written from the one-model build as load wrote it before (StoreManager.publish(BuiltGraphs)).
        StoreManager before = new StoreManager(tmp.resolve("before"));
        before.publish(expected, "0123456789abcdef-one-model-build");
        DatasetGraph want = before.open();
        DatasetGraph got = store.open();
        try {
            org.apache.jena.system.Txn.executeRead(want, () -> org.apache.jena.system.Txn.executeRead(got, () -> {
                for (String g : List.of(Vocab.GRAPH_ONTOLOGY, Vocab.GRAPH_DATA, kg.borderlands.link.Linkset.GRAPH, Vocab.GRAPH_INFERRED,
                        Vocab.GRAPH_CLAIMED, VoidDescription.GRAPH)) {
                    Graph w = copy(want.getGraph(NodeFactory.createURI(g)));
                    Graph a = copy(got.getGraph(NodeFactory.createURI(g)));
                    assertEquals(w.size(), a.size(), "TDB2: size of " + g);
                    assertTrue(w.isIsomorphicWith(a), "TDB2: " + g + " differs: " + difference(w, a));
                }
                Graph w = copy(want.getDefaultGraph());
                Graph a = copy(got.getDefaultGraph());
                assertEquals(w.size(), a.size(), "TDB2: size of the default graph");
                assertTrue(w.isIsomorphicWith(a), "TDB2: the default graph differs: " + difference(w, a));
            }));
        } finally {
            StoreManager.close(want);
            StoreManager.close(got);
        }
    }

    /** An in-memory copy (the isomorphism check is made on in-memory graphs). */
    private static Graph copy(Graph g) {
        Graph m = org.apache.jena.sparql.graph.GraphFactory.createDefaultGraph();
        g.find().forEachRemaining(m::add);
        return m;
    }

    /** A few ground triples of one graph not in the other (for the failure message). */
    private static String difference(Graph a, Graph b) {
        StringBuilder sb = new StringBuilder();
        a.find().filterKeep(t -> !t.getSubject().isBlank() && !t.getObject().isBlank() && !b.contains(t))
                .forEachRemaining(t -> { if (sb.length() < 600) sb.append("\n- ").append(t); });
        b.find().filterKeep(t -> !t.getSubject().isBlank() && !t.getObject().isBlank() && !a.contains(t))
                .forEachRemaining(t -> { if (sb.length() < 1200) sb.append("\n+ ").append(t); });
        return sb.toString();
    }

    private static void assertSameGraphs(BuiltGraphs expected, DatasetGraph actual, String where) {
        for (var g : List.of(
                new Object[] {Vocab.GRAPH_ONTOLOGY, expected.ontology().getGraph()},
                new Object[] {Vocab.GRAPH_DATA, kg.borderlands.link.Linkset.withoutLinks(expected.data().getGraph())},
                new Object[] {kg.borderlands.link.Linkset.GRAPH, kg.borderlands.link.Linkset.links(expected.data().getGraph())},
                new Object[] {Vocab.GRAPH_INFERRED, expected.inferred().getGraph()},
                new Object[] {Vocab.GRAPH_CLAIMED, expected.claimed().getGraph()},
                new Object[] {VoidDescription.GRAPH, expected.voidDescription().getGraph()})) {
            Graph want = (Graph) g[1];
            Graph got = copy(actual.getGraph(NodeFactory.createURI((String) g[0])));
            assertEquals(want.size(), got.size(), where + ": size of " + g[0]);
            assertTrue(want.isIsomorphicWith(got), where + ": " + g[0] + " differs: " + difference(want, got));
        }
        Graph truthy = org.apache.jena.sparql.graph.GraphFactory.createDefaultGraph();
        expected.union().getGraph().find().forEachRemaining(truthy::add);
        expected.voidDescription().getGraph().find().forEachRemaining(truthy::add);
        Graph got = copy(actual.getDefaultGraph());
        assertEquals(truthy.size(), got.size(), where + ": size of the default graph");
        assertTrue(truthy.isIsomorphicWith(got), where + ": the default graph differs");
    }
}
