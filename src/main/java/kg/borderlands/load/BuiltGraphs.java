package kg.borderlands.load;

import kg.borderlands.validate.ValidationReport;
import org.apache.jena.rdf.model.Model;
import org.apache.jena.rdf.model.ModelFactory;

/** The three graphs of a build, and what validation said of them. */
public record BuiltGraphs(Model ontology, Model data, Model inferred, ValidationReport report) {
    /** Ontology, asserted data and inferences together: what queries see as the default graph. */
    public Model union() {
        return ModelFactory.createUnion(ModelFactory.createUnion(ontology, data), inferred);
    }
}
