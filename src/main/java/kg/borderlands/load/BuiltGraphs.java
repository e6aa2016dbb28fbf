package kg.borderlands.load;

import kg.borderlands.validate.ValidationReport;
import org.apache.jena.rdf.model.Model;
import org.apache.jena.rdf.model.ModelFactory;

/**
 * The graphs of a build, and what validation said of them. {@code claimed} holds contested content and its
 * inferences (docs/ontology.md, "Status graphs"); the other three make up the default ("truthy") graph.
 */
public record BuiltGraphs(Model ontology, Model data, Model inferred, Model claimed, ValidationReport report) {
    /** Ontology, asserted data and inferences: what the report establishes, the store's default graph. */
    public Model union() {
        return ModelFactory.createUnion(ModelFactory.createUnion(ontology, data), inferred);
    }

    /** Everything, contested content included: what validation checks. */
    public Model all() {
        return ModelFactory.createUnion(union(), claimed);
    }
}
