package kg.borderlands.validate;

import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.Triple;
import org.apache.jena.rdf.model.Model;
import org.apache.jena.riot.RDFDataMgr;
import org.apache.jena.shacl.ShaclValidator;
import org.apache.jena.shacl.Shapes;
import org.apache.jena.shacl.ValidationReport;
import org.apache.jena.shacl.engine.ShaclPaths;
import org.apache.jena.shacl.engine.Target;
import org.apache.jena.shacl.engine.TargetType;
import org.apache.jena.shacl.engine.ValidationContext;
import org.apache.jena.shacl.engine.constraint.ClassConstraint;
import org.apache.jena.shacl.engine.constraint.ShNot;
import org.apache.jena.shacl.engine.constraint.ShOr;
import org.apache.jena.shacl.engine.constraint.SparqlConstraint;
import org.apache.jena.shacl.parser.Constraint;
import org.apache.jena.shacl.parser.NodeShape;
import org.apache.jena.shacl.parser.PropertyShape;
import org.apache.jena.shacl.parser.Shape;
import org.apache.jena.shacl.validation.ReportEntry;
import org.apache.jena.shacl.validation.Severity;
import org.apache.jena.shacl.validation.VLib;
import org.apache.jena.sparql.path.Path;
import org.apache.jena.system.G;
import org.apache.jena.vocabulary.RDF;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/** Runs the SHACL shapes of {@code ontology/shapes.ttl} over a data graph. */
public final class ShaclValidation {
    private final Shapes shapes;
    private final SparqlScreens screens = new SparqlScreens();

    public ShaclValidation(Shapes shapes) {
        this.shapes = Objects.requireNonNull(shapes, "shapes");
    }

    public static ShaclValidation fromFile(java.nio.file.Path shapesFile) {
        Objects.requireNonNull(shapesFile, "shapesFile");
        Model m = RDFDataMgr.loadModel(shapesFile.toString());
        return new ShaclValidation(Shapes.parse(m.getGraph()));
    }

    Shapes shapes() {
        return shapes;
    }

    SparqlScreens screens() {
        return screens;
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
     * data, node)}, node after node), for less work:
     * <ul>
     * <li>one validation context for all the nodes; the nodes a class target selects found from the class's
     * sub-classes listed once, not for every node and shape; the {@code rdfs:subClassOf} triples indexed by class
     * ({@link SubClassIndexedGraph});</li>
     * <li>each {@code sh:sparql} SELECT constraint that passes {@link SparqlScreens}' check is evaluated once for
     * all nodes, with {@code $this} free: a node none of whose rows it gives has no result from it (Jena would
     * find none), and for a node it gives rows for, Jena's own evaluation runs, as before, and reports;</li>
     * <li>{@code sh:class}, and {@code sh:not} / {@code sh:or} of shapes made only of {@code sh:class} (the
     * "must not also be" and "has a specific kind" shapes), are decided from each node's types with their
     * super-classes, computed once per node ({@code G.allTypesOfNodeRDFS}, what Jena's {@code sh:class}
     * reads); only when a node would be reported does Jena's own constraint run, and report.</li>
     * </ul>
     * Every constraint that is not skipped this way runs as Jena runs it, in the order Jena runs it.
     */
    public List<Finding> validate(Graph data, Collection<Node> focusNodes) {
        Run run = new Run(data, null, true);
        for (Node n : focusNodes) run.validateNode(n, run.root);
        List<Finding> out = new ArrayList<>();
        findings(run.root.generateReport(), out);
        return out;
    }

    /**
     * As {@link #validate(Graph, Collection)}, with, for each focus node, its findings and everything its validation
     * read from {@code data} (the {@code find} patterns, {@link Footprint}); {@link Recorded#global()} is what was read
     * for every node (the instances of the target classes' sub-classes). The {@code sh:sparql} constraints run as
     * Jena runs them, node by node (what they read is then the node's). If no triple that changes between
     * {@code data} and another graph matches a pattern a node's validation read (nor a global one), that node's
     * validation reads the same answers in both, and so gives the same findings in both (Jena's validation is a
     * function of what it reads).
     */
    public Recorded validateRecorded(Graph data, Collection<Node> focusNodes) {
        RecordingGraph rec = new RecordingGraph(new SubClassIndexedGraph(data));
        Set<Triple> global = new HashSet<>();
        rec.current = global;
        Run run = new Run(rec, rec, false);
        Map<Node, NodeResult> out = new LinkedHashMap<>();
        for (Node n : focusNodes) {
            if (out.containsKey(n)) continue;
            Set<Triple> reads = new HashSet<>();
            rec.current = reads;
            ValidationContext nodeCxt = ValidationContext.create(run.root);
            run.validateNode(n, nodeCxt);
            List<Finding> found = new ArrayList<>();
            if (nodeCxt.hasViolation()) findings(nodeCxt.generateReport(), found);
            out.put(n, new NodeResult(found, new Footprint(reads)));
        }
        rec.current = null;
        return new Recorded(new Footprint(global), out);
    }

    /** What {@link #validateRecorded} found: per focus node (in the order given) its findings and footprint. */
    public record Recorded(Footprint global, Map<Node, NodeResult> nodes) {
    }

    /** One focus node's findings, and the {@code find} patterns its validation read. */
    public record NodeResult(List<Finding> findings, Footprint reads) {
    }

    /** One validation: its context, the graph it reads, the node types and SPARQL screens computed so far. */
    private final class Run {
        final Graph data;
        final RecordingGraph rec;
        final ValidationContext root;
        final List<Targeted> targeted = new ArrayList<>();
        final boolean screenSparql;
        /** Node → its types with their super-classes (and what computing them read, when recording). */
        final Map<Node, Types> types = new HashMap<>();
        final Map<SparqlScreens.Screen, Set<Node>> flagged = new IdentityHashMap<>();

        Run(Graph data, RecordingGraph rec, boolean screenSparql) {
            this.data = rec != null ? rec : new SubClassIndexedGraph(data);
            this.rec = rec;
            this.screenSparql = screenSparql;
            this.root = ValidationContext.create(shapes, this.data);
            for (Shape shape : shapes.getTargetShapes()) targeted.add(new Targeted(shape, this.data));
        }

        void validateNode(Node n, ValidationContext vCxt) {
            for (Targeted t : targeted) {
                if (t.targets(n, data)) validateShape(vCxt, t.shape, n);
            }
        }

        // VLib.validateShape and VLib.validationPropertyShape, with the constraints Jena would report nothing for
        // left out (skip); Jena's listener events are not sent (this validation has no listener).
        void validateShape(ValidationContext vCxt, Shape shape, Node focusNode) {
            if (shape.deactivated()) return;
            Path path;
            Set<Node> vNodes;
            if (shape instanceof NodeShape) {
                path = null;
                vNodes = null;
            } else if (shape instanceof PropertyShape propertyShape) {
                path = propertyShape.getPath();
                vNodes = ShaclPaths.valueNodes(data, focusNode, path);
            } else {
                return;
            }
            for (Constraint c : shape.getConstraints()) evalConstraint(vCxt, shape, focusNode, path, vNodes, c);
            validatePropertyShapes(vCxt, shape.getPropertyShapes(), focusNode);
        }

        void validatePropertyShapes(ValidationContext vCxt, Collection<PropertyShape> propertyShapes, Node focusNode) {
            if (propertyShapes == null) return;
            for (PropertyShape ps : propertyShapes) {
                if (ps.deactivated()) continue;
                Path path = ps.getPath();
                Set<Node> vNodes = ShaclPaths.valueNodes(data, focusNode, path);
                for (Constraint c : ps.getConstraints()) evalConstraint(vCxt, ps, focusNode, path, vNodes, c);
                for (Node v : vNodes) validatePropertyShapes(vCxt, ps.getPropertyShapes(), v);
            }
        }

        void evalConstraint(ValidationContext vCxt, Shape shape, Node focusNode, Path path, Set<Node> vNodes, Constraint c) {
            if (reportsNothing(shape, focusNode, path, vNodes, c)) return;
            VLib.evalConstraint(vCxt, data, shape, focusNode, path, vNodes, c);
        }

        /** True only if Jena's evaluation of {@code c} would report nothing (then it need not run). */
        boolean reportsNothing(Shape shape, Node focusNode, Path path, Set<Node> vNodes, Constraint c) {
            if (c instanceof SparqlConstraint sc) {
                if (!screenSparql) return false;
                // a property shape's SPARQL constraint runs once per value node (none: it does not run)
                if (path != null && vNodes.isEmpty()) return true;
                SparqlScreens.Screen screen = screens.screen(shape, path, sc);
                if (screen == null) return false;
                return !flagged.computeIfAbsent(screen, s -> s.flagged(data)).contains(focusNode);
            }
            if (c instanceof ClassConstraint || c instanceof ShNot || c instanceof ShOr) {
                if (path == null) return passes(c, focusNode) == Boolean.TRUE;
                for (Node v : vNodes) if (passes(c, v) != Boolean.TRUE) return false;
                return true;
            }
            return false;
        }

        /**
         * Whether Jena's {@code c.validate(…, node)} (a {@code sh:class}, {@code sh:not} or {@code sh:or}) passes on
         * {@code node}: TRUE, FALSE, or null when this cannot tell.
         */
        Boolean passes(Constraint c, Node node) {
            if (c instanceof ClassConstraint cc) {
                // ClassConstraint.validate: a literal fails; else the class must be among G.allTypesOfNodeRDFS
                if (node.isLiteral()) return false;
                return types(node).contains(cc.getExpectedClass());
            }
            if (c instanceof ShNot not) {
                // ShNot.validate: passes iff the other shape does not conform
                Boolean inner = conforms(not.getOther(), node);
                return inner == null ? null : !inner;
            }
            if (c instanceof ShOr or) {
                // ShOr.validate: passes iff some shape conforms
                boolean unknown = false;
                for (Shape s : or.getOthers()) {
                    Boolean b = conforms(s, node);
                    if (b == null) unknown = true;
                    else if (b) return true;
                }
                return unknown ? null : false;
            }
            return null;
        }

        /**
         * Whether {@code shape} conforms on {@code node} (ValidationProc.execValidateShape into a fresh context gives
         * no entry) for a node shape whose constraints this can decide and that has no property shapes; else null.
         */
        Boolean conforms(Shape shape, Node node) {
            if (shape.deactivated()) return true;
            if (!(shape instanceof NodeShape) || !shape.getPropertyShapes().isEmpty()) return null;
            for (Constraint c : shape.getConstraints()) {
                Boolean b = passes(c, node);
                if (b == null) return null;
                if (!b) return false;
            }
            return true;
        }

        /** G.allTypesOfNodeRDFS(data, node), once per node (a recorded node's footprint gets what it read). */
        Set<Node> types(Node node) {
            Types t = types.get(node);
            if (t != null) {
                if (rec != null && rec.current != null) rec.current.addAll(t.reads);
                return t.types;
            }
            if (rec == null) {
                t = new Types(G.allTypesOfNodeRDFS(data, node), Set.of());
            } else {
                Set<Triple> outer = rec.current;
                rec.current = new HashSet<>();
                Set<Node> found = G.allTypesOfNodeRDFS(data, node);
                t = new Types(found, rec.current);
                rec.current = outer;
                if (outer != null) outer.addAll(t.reads);
            }
            types.put(node, t);
            return t.types;
        }
    }

    private record Types(Set<Node> types, Set<Triple> reads) {
    }

    /**
     * A shape with the classes its class targets select instances of (each target class and its sub-classes, as
     * {@code G.isOfType} lists them), computed once per validation.
     */
    private static final class Targeted {
        final Shape shape;
        final List<Target> others = new ArrayList<>();
        final Set<Node> classes = new HashSet<>();

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

        boolean targets(Node n, Graph data) {
            if (!classes.isEmpty()) {
                var types = data.find(n, RDF.Nodes.type, Node.ANY);
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
