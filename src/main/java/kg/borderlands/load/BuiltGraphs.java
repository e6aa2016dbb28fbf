package kg.borderlands.load;

import kg.borderlands.validate.ValidationReport;
import org.apache.jena.rdf.model.Model;
import org.apache.jena.rdf.model.ModelFactory;

/**
 * The graphs of a build — ontology, asserted data, inferences, the claimed graph (contested content and its
 * inferences, docs/ontology.md "Status graphs"), and the VoID description of the established graphs — and what
 * validation said of them.
 */
public record BuiltGraphs(Model ontology, Model data, Model inferred, Model claimed, ValidationReport report,
                          Model voidDescription, java.util.Map<String, Model> sources) {
    /** A build without per-source graphs. */
    public BuiltGraphs(Model ontology, Model data, Model inferred, Model claimed, ValidationReport report,
                       Model voidDescription) {
        this(ontology, data, inferred, claimed, report, voidDescription, java.util.Map.of());
    }

    /** A build without its VoID description (nothing to describe yet, e.g. while validating). */
    public BuiltGraphs(Model ontology, Model data, Model inferred, Model claimed, ValidationReport report) {
        this(ontology, data, inferred, claimed, report, ModelFactory.createDefaultModel());
    }

    /** A build without contested content and without its VoID description (tests, tools). */
    public BuiltGraphs(Model ontology, Model data, Model inferred, ValidationReport report) {
        this(ontology, data, inferred, ModelFactory.createDefaultModel(), report, ModelFactory.createDefaultModel());
    }

    /** Ontology, asserted data and inferences: what the report establishes, the store's default graph. */
    public Model union() {
        return ModelFactory.createUnion(ModelFactory.createUnion(ontology, data), inferred);
    }

    /** Everything, contested content included: what validation checks. */
    public Model all() {
        return ModelFactory.createUnion(union(), claimed);
    }
}
