package kg.borderlands.load;

import kg.borderlands.Vocab;
import kg.borderlands.link.VoidDescription;
import kg.borderlands.support.TestProject;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.sparql.core.DatasetGraph;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.*;

/**
 * The unit-by-unit build of {@code load} ({@link UnitPipeline}) gives the same graphs as the whole build in
 * one model ({@link GraphBuilder}, how {@code load} built before issue #11) on the project's {@code data/}, and
 * on {@code data/} with a second source unit beside N°354 (the synthetic Test Report N°9001 of
 * {@code MultiSourceTest}, which co-asserts one of N°354's ties): every named graph — ontology, data, links,
 * inferred, claimed, VoID and each source's graph {@code …/graph/source/{id}} with its PROV — and the default graph
 * are isomorphic, in the dump (against the in-memory graphs) and in the TDB2 database (against a database written
 * from the one-model build, as {@code load} wrote it before).
 */
class UnitPipelineEquivalenceTest {
    @TempDir
    Path tmp;

    @Test
    void sameGraphsAsTheWholeBuildInOneModel() throws Exception {
        assertSameAsOneModelBuild(ProjectInputs.under(TestProject.root()), 1);
    }

    @Test
    void sameGraphsWithASecondSourceBesideN354() throws Exception {
        Path root = TestProject.root();
        Path data = tmp.resolve("data");
        TestProject.copyTree(root.resolve("data"), data);
        String t9001 = "test-report-9001";
        Path resources = root.resolve("src/test/resources/sources");
        Path unit = data.resolve("sources").resolve(t9001);
        Files.createDirectories(unit);
        try (Stream<Path> s = Files.list(resources.resolve(t9001))) {
            for (Path p : (Iterable<Path>) s.filter(p -> p.toString().endsWith(".yaml"))::iterator) {
                Files.copy(p, unit.resolve(p.getFileName()));
            }
        }
        StringWriter err = new StringWriter();
        CommandLine ingest = new CommandLine(new kg.borderlands.cli.IngestCommand());
        ingest.setErr(new PrintWriter(err));
        ingest.setOut(new PrintWriter(new StringWriter()));
        int exit = ingest.execute(resources.resolve(t9001 + ".md").toString(), "--data", data.toString(),
                "--report-id", t9001, "--publisher", "Borderlands-kg test suite (synthetic)", "--quiet");
        assertEquals(0, exit, err.toString());
        assertSameAsOneModelBuild(new ProjectInputs(root.resolve("ontology"), data, root.resolve("queries/qc")), 2);
    }

    private void assertSameAsOneModelBuild(ProjectInputs inputs, int sources) throws Exception {
        BuiltGraphs expected = new GraphBuilder(inputs).build();
        assertTrue(expected.report().conforms(), expected.report().summary());
        assertEquals(sources, expected.sources().size(), "source graphs of the one-model build");

        StoreManager store = new StoreManager(tmp.resolve("store"));
        LoadOperation.Result r = LoadOperation.ensure(inputs, store, false, Duration.ZERO, s -> {});
        assertFalse(r.reused());
        assertEquals(kg.borderlands.link.Linkset.withoutLinks(expected.data().getGraph()).size(), r.dataTriples());
        assertEquals(expected.inferred().size(), r.inferredTriples());
        assertEquals(expected.report().warnings(), r.report().warnings(), () -> findingsDifference(expected.report(), r.report()));

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
                Set<Node> names = new TreeSet<>(Comparator.comparing(Node::getURI));
                want.listGraphNodes().forEachRemaining(names::add);
                Set<Node> gotNames = new TreeSet<>(Comparator.comparing(Node::getURI));
                got.listGraphNodes().forEachRemaining(gotNames::add);
                assertEquals(names, gotNames, "TDB2: the named graphs");
                assertTrue(names.containsAll(expected.sources().keySet().stream().map(NodeFactory::createURI).toList()),
                        "TDB2: the source graphs are stored");
                for (Node g : names) {
                    Graph w = copy(want.getGraph(g));
                    Graph a = copy(got.getGraph(g));
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

    /** The findings of one report not in the other (for the failure message). */
    private static String findingsDifference(kg.borderlands.validate.ValidationReport want, kg.borderlands.validate.ValidationReport got) {
        StringBuilder sb = new StringBuilder();
        want.findings().stream().filter(f -> !got.findings().contains(f)).limit(10).forEach(f -> sb.append("\n- ").append(f.format()));
        got.findings().stream().filter(f -> !want.findings().contains(f)).limit(10).forEach(f -> sb.append("\n+ ").append(f.format()));
        return sb.toString();
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
            compare(where, (String) g[0], (Graph) g[1], actual);
        }
        expected.sources().forEach((name, model) -> compare(where, name, model.getGraph(), actual));
        Graph truthy = org.apache.jena.sparql.graph.GraphFactory.createDefaultGraph();
        expected.union().getGraph().find().forEachRemaining(truthy::add);
        expected.voidDescription().getGraph().find().forEachRemaining(truthy::add);
        Graph got = copy(actual.getDefaultGraph());
        assertEquals(truthy.size(), got.size(), where + ": size of the default graph");
        assertTrue(truthy.isIsomorphicWith(got), where + ": the default graph differs");
    }

    private static void compare(String where, String name, Graph want, DatasetGraph actual) {
        {
            Graph got = copy(actual.getGraph(NodeFactory.createURI(name)));
            assertEquals(want.size(), got.size(), where + ": size of " + name);
            assertTrue(want.isIsomorphicWith(got), where + ": " + name + " differs: " + difference(want, got));
        }
    }
}
