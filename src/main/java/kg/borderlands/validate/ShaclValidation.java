package kg.borderlands.validate;

import org.apache.jena.graph.Graph;
import org.apache.jena.rdf.model.Model;
import org.apache.jena.riot.RDFDataMgr;
import org.apache.jena.shacl.ShaclValidator;
import org.apache.jena.shacl.Shapes;
import org.apache.jena.shacl.ValidationReport;
import org.apache.jena.shacl.validation.ReportEntry;
import org.apache.jena.shacl.validation.Severity;

import org.apache.jena.shacl.engine.Target;
import org.apache.jena.shacl.engine.TargetType;
import org.apache.jena.shacl.engine.ValidationContext;
import org.apache.jena.shacl.parser.Shape;
import org.apache.jena.shacl.validation.VLib;
import org.apache.jena.system.G;
import org.apache.jena.vocabulary.RDF;

import java.nio.file.Path;
import java.util.HashSet;
import java.util.Set;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/** Runs the SHACL shapes of {@code ontology/shapes.ttl} over a data graph. */
public final class ShaclValidation {
    private final Shapes shapes;

    public ShaclValidation(Shapes shapes) {
        this.shapes = Objects.requireNonNull(shapes, "shapes");
    }

    public static ShaclValidation fromFile(Path shapesFile) {
        Objects.requireNonNull(shapesFile, "shapesFile");
        Model m = RDFDataMgr.loadModel(shapesFile.toString());
        return new ShaclValidation(Shapes.parse(m.getGraph()));
    }

    public List<Finding> validate(Graph data) {
        List<Finding> out = new ArrayList<>();
        findings(ShaclValidator.get().validate(shapes, data), out);
        return out;
    }

    /**
     * Validates only {@code focusNodes} (each against the shapes that target it) in {@code data}: one source
     * unit's nodes, in a graph that also holds the ontology and the shared unit they refer to. The same findings,
     * in the same order, as Jena's validation of each node on its own ({@code ShaclValidator.validate(shapes,
     * data, node)}, node after node), for less work: one validation context for all the nodes; the nodes a class
     * target selects found from the class's sub-classes listed once, not for every node and shape; and the
     * {@code rdfs:subClassOf} triples (what {@code sh:class} and class targets walk) indexed by class
     * ({@link SubClassIndexedGraph}).
     */
    public List<Finding> validate(Graph data, java.util.Collection<org.apache.jena.graph.Node> focusNodes) {
        Graph g = new SubClassIndexedGraph(data);
        ValidationContext vCxt = ValidationContext.create(shapes, g);
        List<Targeted> targeted = new ArrayList<>();
        for (Shape shape : shapes.getTargetShapes()) targeted.add(new Targeted(shape, g));
        for (org.apache.jena.graph.Node n : focusNodes) {
            for (Targeted t : targeted) {
                if (t.targets(n, g)) VLib.validateShape(vCxt, g, t.shape, n);
            }
        }
        List<Finding> out = new ArrayList<>();
        findings(vCxt.generateReport(), out);
        return out;
    }

    /**
     * A shape with the classes its class targets select instances of (each target class and its sub-classes, as
     * {@code G.isOfType} lists them), computed once per validation.
     */
    private static final class Targeted {
        final Shape shape;
        final List<Target> others = new ArrayList<>();
        final Set<org.apache.jena.graph.Node> classes = new HashSet<>();

        Targeted(Shape shape, Graph data) {
            this.shape = shape;
            for (Target t : shape.getTargets()) {
                if (t.getTargetType() == TargetType.targetClass || t.getTargetType() == TargetType.implicitClass) {
                    classes.addAll(G.listSubClasses(data, t.getObject()));
                } else {
                    others.add(t);
                }
            }
        }

        boolean targets(org.apache.jena.graph.Node n, Graph data) {
            if (!classes.isEmpty()) {
                var types = data.find(n, RDF.Nodes.type, org.apache.jena.graph.Node.ANY);
                try {
                    while (types.hasNext()) if (classes.contains(types.next().getObject())) return true;
                } finally {
                    types.close();
                }
            }
            for (Target t : others) if (VLib.isFocusNode(t, n, data)) return true;
            return false;
        }
    }

    /** The findings of a report of Jena's validator (tests compare with it). */
    List<Finding> findingsOf(ValidationReport report) {
        List<Finding> out = new ArrayList<>();
        findings(report, out);
        return out;
    }

    private static void findings(ValidationReport report, List<Finding> out) {
        for (ReportEntry e : report.getEntries()) {
            out.add(new Finding(severity(e.severity()), "shacl",
                    e.focusNode().isURI() ? e.focusNode().getURI() : e.focusNode().toString(),
                    e.resultPath() == null ? null : e.resultPath().toString(),
                    e.message()));
        }
    }

    private static Finding.Severity severity(Severity s) {
        if (Severity.Violation.equals(s)) return Finding.Severity.VIOLATION;
        if (Severity.Warning.equals(s)) return Finding.Severity.WARNING;
        return Finding.Severity.INFO;
    }
}
