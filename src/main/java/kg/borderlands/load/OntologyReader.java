package kg.borderlands.load;

import kg.borderlands.Vocab;
import kg.borderlands.curate.CurationException;
import kg.borderlands.curate.Problem;
import org.apache.jena.rdf.model.Model;
import org.apache.jena.rdf.model.ModelFactory;
import org.apache.jena.riot.RDFParser;
import org.apache.jena.riot.RiotException;
import org.apache.jena.riot.lang.LabelToNode;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.UUID;

/**
 * Reads the ontology's Turtle files into one model. Blank nodes (OWL restrictions, disjointness axioms) get
 * labels that depend only on the file's name and bytes, so that two builds from the same ontology name them
 * alike: a source unit's cached output that points at one of them (an inferred {@code rdf:type} of a
 * restriction) stays joined to the ontology of the next build.
 */
final class OntologyReader {
    private OntologyReader() {}

    static Model read(List<Path> files) throws CurationException {
        Model m = ModelFactory.createDefaultModel();
        m.setNsPrefixes(Vocab.prefixes());
        for (Path f : files) {
            UUID seed = UUID.nameUUIDFromBytes(f.getFileName().toString().getBytes(StandardCharsets.UTF_8));
            try {
                RDFParser.source(f).labelToNode(LabelToNode.createScopeByDocumentHash(seed)).parse(m.getGraph());
            } catch (RiotException e) {
                throw new CurationException(List.of(new Problem(Problem.SYNTAX, f, 0, 0, null,
                        "ontology: " + e.getMessage())));
            }
        }
        return m;
    }
}
