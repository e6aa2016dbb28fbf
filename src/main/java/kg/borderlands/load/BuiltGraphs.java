package kg.borderlands.load;

import kg.borderlands.validate.ValidationReport;
import org.apache.jena.rdf.model.Model;
import org.apache.jena.rdf.model.ModelFactory;

/**
 * The graphs of a build — ontology, asserted data, inferences, and the VoID description of those three — and
 * what validation said of them.
 */
public record BuiltGraphs(Model ontology, Model data, Model inferred, ValidationReport report, Model voidDescription) {
    /** A build without its VoID description (nothing to describe yet, e.g. while validating). */
    public BuiltGraphs(Model ontology, Model data, Model inferred, ValidationReport report) {
        this(ontology, data, inferred, report, ModelFactory.createDefaultModel());
    }

    /** Ontology, asserted data and inferences together: what queries see as the default graph. */
    public Model union() {
        return ModelFactory.createUnion(ModelFactory.createUnion(ontology, data), inferred);
    }
}
