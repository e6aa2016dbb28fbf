package kg.borderlands.validate;

import org.apache.jena.graph.Graph;
import org.apache.jena.rdf.model.Model;
import org.apache.jena.riot.RDFDataMgr;
import org.apache.jena.shacl.ShaclValidator;
import org.apache.jena.shacl.Shapes;
import org.apache.jena.shacl.ValidationReport;
import org.apache.jena.shacl.validation.ReportEntry;
import org.apache.jena.shacl.validation.Severity;

import java.nio.file.Path;
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
     * unit's nodes, in a graph that also holds the ontology and the shared unit they refer to.
     */
    public List<Finding> validate(Graph data, java.util.Collection<org.apache.jena.graph.Node> focusNodes) {
        List<Finding> out = new ArrayList<>();
        ShaclValidator v = ShaclValidator.get();
        for (org.apache.jena.graph.Node n : focusNodes) findings(v.validate(shapes, data, n), out);
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
