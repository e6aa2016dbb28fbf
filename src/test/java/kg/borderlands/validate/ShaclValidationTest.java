package kg.borderlands.validate;

import kg.borderlands.Vocab;
import kg.borderlands.load.BuiltGraphs;
import kg.borderlands.load.GraphBuilder;
import kg.borderlands.load.ProjectInputs;
import kg.borderlands.support.TestProject;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.Triple;
import org.apache.jena.riot.RDFDataMgr;
import org.apache.jena.shacl.ShaclValidator;
import org.apache.jena.shacl.Shapes;
import org.apache.jena.sparql.graph.GraphFactory;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.*;

/**
 * {@link ShaclValidation#validate(Graph, java.util.Collection)} (one validation context, class targets resolved
 * once, sub-classes indexed) gives exactly the findings, in the same order, of Jena validating each focus node on
 * its own ({@code ShaclValidator.validate(shapes, data, node)} node after node: how a unit was validated before),
 * on the project's data as built, and on a damaged copy of it that breaks many shapes (a seeded 3% of the records'
 * triples removed, rdf:type and links to other records included, and literals where nodes are expected).
 */
class ShaclValidationTest {
    private static Shapes shapes;
    private static Graph built;

    @BeforeAll
    static void build() throws Exception {
        ProjectInputs inputs = ProjectInputs.under(TestProject.root());
        shapes = Shapes.parse(RDFDataMgr.loadGraph(inputs.shapesFile().toString()));
        BuiltGraphs graphs = new GraphBuilder(inputs).build();
        built = GraphFactory.createDefaultGraph();
        graphs.all().getGraph().find().forEachRemaining(built::add);
    }

    @Test
    void sameFindingsAsJenaNodeByNodeOnTheData() {
        List<Finding> expected = assertSame(built);
        assertFalse(expected.isEmpty(), "the data has warnings to compare");
    }

    @Test
    void sameFindingsAsJenaNodeByNodeOnDamagedData() {
        Graph damaged = GraphFactory.createDefaultGraph();
        Random random = new Random(354);
        List<Triple> records = new ArrayList<>();
        built.find().forEachRemaining(t -> {
            if (t.getSubject().isURI() && t.getSubject().getURI().startsWith(Vocab.ID)) records.add(t);
            else damaged.add(t);
        });
        for (Triple t : records) {
            double r = random.nextDouble();
            if (r < 0.03) continue;                                   // removed
            if (r < 0.04 && t.getObject().isURI()) {                  // a literal where a node is expected
                damaged.add(Triple.create(t.getSubject(), t.getPredicate(),
                        org.apache.jena.graph.NodeFactory.createLiteralString(t.getObject().getURI())));
                continue;
            }
            damaged.add(t);
        }
        List<Finding> expected = assertSame(damaged);
        long violations = expected.stream().filter(f -> f.severity() == Finding.Severity.VIOLATION).count();
        assertTrue(violations >= 50, "the damage breaks shapes: " + violations + " violations");
    }

    /** Compares with the oracle on every record node of {@code data}; returns the oracle's findings. */
    private static List<Finding> assertSame(Graph data) {
        Set<Node> focus = new LinkedHashSet<>();
        data.find().forEachRemaining(t -> {
            if (t.getSubject().isURI() && t.getSubject().getURI().startsWith(Vocab.ID)) focus.add(t.getSubject());
        });
        List<Finding> expected = new ArrayList<>();
        ShaclValidation ours = new ShaclValidation(shapes);
        for (Node n : focus) expected.addAll(ours.findingsOf(ShaclValidator.get().validate(shapes, data, n)));
        List<Finding> actual = ours.validate(data, focus);
        assertEquals(expected.size(), actual.size(), "number of findings");
        assertEquals(expected, actual);
        return expected;
    }
}
