package kg.borderlands.curate;

import kg.borderlands.Vocab;
import org.apache.jena.rdf.model.Model;
import org.apache.jena.rdf.model.RDFNode;
import org.apache.jena.rdf.model.Resource;
import org.apache.jena.rdf.model.Statement;
import org.apache.jena.vocabulary.OWL;
import org.apache.jena.vocabulary.RDF;
import org.apache.jena.vocabulary.RDFS;
import org.apache.jena.vocabulary.SKOS;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashSet;
import java.util.Objects;
import java.util.Set;

/** What the loader needs to know of the ontology: which blk: classes exist, their superclasses, individuals. */
public final class OntologyIndex {
    private final Model ontology;

    public OntologyIndex(Model ontology) {
        this.ontology = Objects.requireNonNull(ontology, "ontology");
    }

    public Model model() {
        return ontology;
    }

    /** True if {@code blk:localName} is declared as a class. */
    public boolean isClass(String localName) {
        Resource c = ontology.getResource(Vocab.BLK + localName);
        return ontology.contains(c, RDF.type, OWL.Class) || ontology.contains(c, RDF.type, RDFS.Class);
    }

    /** True if {@code blk:sub} is {@code blk:sup} or a (transitive) subclass of it. */
    public boolean isSubClassOf(String sub, String sup) {
        Resource target = ontology.getResource(Vocab.BLK + sup);
        Deque<Resource> todo = new ArrayDeque<>();
        Set<Resource> seen = new HashSet<>();
        todo.push(ontology.getResource(Vocab.BLK + sub));
        while (!todo.isEmpty()) {
            Resource c = todo.pop();
            if (c.equals(target)) return true;
            if (!seen.add(c)) continue;
            for (Statement s : ontology.listStatements(c, RDFS.subClassOf, (RDFNode) null).toList()) {
                if (s.getObject().isURIResource()) todo.push(s.getObject().asResource());
            }
        }
        return false;
    }

    /**
     * The controlled value (an individual of {@code blk:type}, e.g. a {@code ParticipantRole}) that data
     * writes as {@code token}: matched on its {@code skos:notation}, else on its local name in {@code blkv:}. Null if none.
     */
    public Resource resolveValue(String token, String type) {
        Objects.requireNonNull(token, "token");
        for (Statement s : ontology.listStatements(null, SKOS.notation, (RDFNode) null).toList()) {
            if (s.getObject().isLiteral() && token.equals(s.getObject().asLiteral().getLexicalForm())
                    && isIndividualOf(s.getSubject(), type)) {
                return s.getSubject();
            }
        }
        Resource byName = ontology.getResource(Vocab.VOCAB + token);
        return isIndividualOf(byName, type) ? byName : null;
    }

    private boolean isIndividualOf(Resource ind, String type) {
        for (Statement s : ontology.listStatements(ind, RDF.type, (RDFNode) null).toList()) {
            RDFNode t = s.getObject();
            if (t.isURIResource() && t.asResource().getURI().startsWith(Vocab.BLK)
                    && isSubClassOf(t.asResource().getURI().substring(Vocab.BLK.length()), type)) {
                return true;
            }
        }
        return false;
    }
}
