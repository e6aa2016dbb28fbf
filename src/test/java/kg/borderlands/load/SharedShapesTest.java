package kg.borderlands.load;

import kg.borderlands.Vocab;
import kg.borderlands.support.TestProject;
import kg.borderlands.validate.Finding;
import kg.borderlands.validate.ShaclValidation;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.graph.Triple;
import org.apache.jena.sparql.core.Quad;
import org.apache.jena.sparql.graph.GraphFactory;
import org.apache.jena.vocabulary.RDF;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.*;

/**
 * {@link SharedShapes}: after a change, validating again only the nodes whose footprint a changed triple matches
 * gives the findings of validating every node on the changed graph; the record is kept per database content, a
 * missing or damaged one means every node is validated.
 */
class SharedShapesTest {
    private static ShaclValidation shacl;
    private static Graph built;
    private static List<Node> focus;

    @TempDir
    Path dir;

    @BeforeAll
    static void build() throws Exception {
        ProjectInputs inputs = ProjectInputs.under(TestProject.root());
        shacl = ShaclValidation.fromFile(inputs.shapesFile());
        built = GraphFactory.createDefaultGraph();
        new GraphBuilder(inputs).build().all().getGraph().find().forEachRemaining(built::add);
        // the actors and places (what the shared unit holds), in a stable order
        Set<Node> nodes = new LinkedHashSet<>();
        for (String c : List.of("Actor", "Place")) {
            Set<Node> classes = new LinkedHashSet<>(org.apache.jena.system.G.listSubClasses(built, Vocab.blk(c).asNode()));
            built.find(Node.ANY, RDF.Nodes.type, Node.ANY).forEachRemaining(t -> {
                if (classes.contains(t.getObject()) && t.getSubject().isURI()) nodes.add(t.getSubject());
            });
        }
        focus = nodes.stream().sorted(java.util.Comparator.comparing(Node::getURI)).toList();
    }

    @Test
    void aScopedRunGivesTheFindingsOfAWholeRunOnTheChangedGraph() throws Exception {
        Map<String, String> v1 = Map.of("(shared)", "k", "s1", "a");
        Map<String, String> v2 = Map.of("(shared)", "k", "s1", "b");
        SharedShapes.Result first = SharedShapes.run(shacl, built, () -> focus, dir, "k", v1, null, null);
        assertFalse(first.scoped());
        assertEquals(focus.size(), first.validated());
        assertTrue(Files.isRegularFile(SharedShapes.file(dir, "k", SharedShapes.digest(v1))));
        assertEquals(shacl.validate(built, focus), first.findings(), "the same findings as the unit's validation");

        // a person who held no tie gets one; a tie loses its subject; a place loses its label; a new alias
        Node person = person(first.findings());
        Node tie = NodeFactory.createURI(Vocab.ID + "t-tie");
        List<Quad> added = new ArrayList<>(List.of(
                quad(tie, RDF.Nodes.type, Vocab.blk("Alliance").asNode()),
                quad(tie, Vocab.blk("subject").asNode(), person)));
        List<Quad> removed = new ArrayList<>();
        Random random = new Random(7);
        List<Triple> all = new ArrayList<>();
        built.find().forEachRemaining(all::add);
        for (int i = 0; i < 5; i++) removed.add(Quad.create(Quad.defaultGraphIRI, all.get(random.nextInt(all.size()))));
        Graph changed = GraphFactory.createDefaultGraph();
        built.find().forEachRemaining(changed::add);
        removed.forEach(q -> changed.delete(q.asTriple()));
        added.forEach(q -> changed.add(q.asTriple()));

        SharedShapes.Result scoped = SharedShapes.run(shacl, changed, SharedShapesTest::notAsked, dir, "k", v2, v1,
                new UnitDelta.Changes(removed, added));
        assertTrue(scoped.scoped());
        assertTrue(scoped.validated() >= 1 && scoped.validated() < focus.size() / 4,
                scoped.validated() + " of " + focus.size() + " validated");
        List<Finding> whole = shacl.validate(changed, focus);
        assertEquals(whole, scoped.findings());
        assertNotEquals(first.findings(), scoped.findings(), "the change changes findings");
        assertTrue(first.findings().stream().anyMatch(f -> f.focusNode().equals(person.getURI())));

        // both records are kept (the previous one: the published build's); a third run keeps only its own and v2's
        assertTrue(Files.isRegularFile(SharedShapes.file(dir, "k", SharedShapes.digest(v1))));
        assertTrue(Files.isRegularFile(SharedShapes.file(dir, "k", SharedShapes.digest(v2))));
        Map<String, String> v3 = Map.of("(shared)", "k", "s1", "c");
        SharedShapes.Result none = SharedShapes.run(shacl, changed, SharedShapesTest::notAsked, dir, "k", v3, v2, new UnitDelta.Changes(List.of(), List.of()));
        assertEquals(0, none.validated());
        assertEquals(whole, none.findings());
        assertFalse(Files.exists(SharedShapes.file(dir, "k", SharedShapes.digest(v1))));
        assertTrue(Files.isRegularFile(SharedShapes.file(dir, "k", SharedShapes.digest(v3))));
    }

    @Test
    void withoutAReadableRecordEveryNodeIsValidated() throws Exception {
        Map<String, String> v1 = Map.of("(shared)", "k", "s1", "a");
        Map<String, String> v2 = Map.of("(shared)", "k", "s1", "b");
        SharedShapes.run(shacl, built, () -> focus, dir, "k", v1, null, null);
        Path record = SharedShapes.file(dir, "k", SharedShapes.digest(v1));
        byte[] bytes = Files.readAllBytes(record);
        Files.write(record, java.util.Arrays.copyOf(bytes, bytes.length / 2));   // truncated
        SharedShapes.Result r = SharedShapes.run(shacl, built, () -> focus, dir, "k", v2, v1, new UnitDelta.Changes(List.of(), List.of()));
        assertFalse(r.scoped());
        assertEquals(focus.size(), r.validated());
        assertEquals(shacl.validate(built, focus), r.findings());
        // no record for the previous build at all (another shared key)
        Map<String, String> v3 = Map.of("(shared)", "k2", "s1", "c");
        SharedShapes.Result other = SharedShapes.run(shacl, built, () -> focus, dir, "k2", v3, v2,
                new UnitDelta.Changes(List.of(), List.of()));
        assertFalse(other.scoped());
        assertEquals(focus.size(), other.validated());
    }

    /** The focus nodes of a run that must take them from the previous build's record. */
    private static List<Node> notAsked() {
        throw new AssertionError("the focus nodes come from the record");
    }

    private static Quad quad(Node s, Node p, Node o) {
        return Quad.create(Quad.defaultGraphIRI, s, p, o);
    }

    /** A person the findings say holds no tie. */
    private static Node person(List<Finding> findings) {
        return findings.stream().filter(f -> f.message().startsWith("Person holds no tie")).findFirst()
                .map(f -> NodeFactory.createURI(f.focusNode())).orElseThrow();
    }
}
