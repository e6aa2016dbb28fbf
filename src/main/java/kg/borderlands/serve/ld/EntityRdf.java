package kg.borderlands.serve.ld;

import kg.borderlands.Vocab;
import org.apache.jena.rdf.model.Model;
import org.apache.jena.rdf.model.ModelFactory;
import org.apache.jena.rdf.model.RDFNode;
import org.apache.jena.rdf.model.Resource;
import org.apache.jena.rdf.model.Statement;
import org.apache.jena.vocabulary.RDF;
import org.apache.jena.vocabulary.SKOS;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * The RDF description of a record served at {@code /id/{id}} as Turtle or JSON-LD: what the record says
 * (asserted statements and the nodes inside it, plus the inferred direct shortcuts), every statement that
 * points at it (incoming ties, claims, participations, figures, recommendations, other references) with the
 * full description of the tie, claim, participation's event or figure, the claims that respond to its claims,
 * its footnotes with their section and cited works, and the type and label of every record mentioned.
 */
public final class EntityRdf {
    private final Snapshot snapshot;

    public EntityRdf(Snapshot snapshot) {
        this.snapshot = Objects.requireNonNull(snapshot, "snapshot");
    }

    /** The description of a record (an empty model when the id is unknown). */
    public Model describe(String id) {
        Model out = ModelFactory.createDefaultModel();
        out.setNsPrefixes(Vocab.prefixes());
        if (snapshot.entry(id).isEmpty()) return out;
        Model data = snapshot.data();
        Resource r = data.getResource(Vocab.ID + id);
        Set<Resource> described = new HashSet<>();
        describeRecord(r, out, described);
        // shortcuts and other non-type inferences about the record itself, both directions
        for (Statement st : snapshot.inferred().listStatements(r, null, (RDFNode) null).toList()) {
            if (!st.getPredicate().equals(RDF.type)) out.add(st);
        }
        for (Statement st : snapshot.inferred().listStatements(null, null, r).toList()) {
            if (!st.getPredicate().equals(RDF.type) && Snapshot.idOf(st.getSubject()) != null) out.add(st);
        }
        // incoming statements, with the record (tie, claim, event, figure…) they belong to
        for (Statement st : data.listStatements(null, null, r).toList()) {
            out.add(st);
            Resource s = st.getSubject();
            String sid = Snapshot.idOf(s);
            if (sid == null) continue;
            if (sid.contains("/") && snapshot.entry(sid).isEmpty()) {
                Resource owner = data.getResource(Vocab.ID + snapshot.ownerOf(sid));
                describeRecord(owner, out, described);
            } else if (st.getPredicate().equals(EntityDescriber.SUBJECT) || st.getPredicate().equals(EntityDescriber.OBJECT)
                    || st.getPredicate().equals(EntityDescriber.CLAIMANT) || st.getPredicate().equals(EntityDescriber.ACCUSED)
                    || st.getPredicate().equals(EntityDescriber.REPORTED_BY)) {
                describeRecord(s, out, described);
            }
        }
        // claims that answer the claims described so far
        Deque<Resource> claims = new ArrayDeque<>(described);
        while (!claims.isEmpty()) {
            Resource c = claims.pop();
            for (Resource resp : data.listSubjectsWithProperty(EntityDescriber.RESPONDS_TO, c).toList()) {
                if (!described.contains(resp)) {
                    describeRecord(resp, out, described);
                    claims.push(resp);
                }
            }
        }
        // sources: footnotes of everything described, their sections and works
        for (Resource d : List.copyOf(described)) {
            for (Statement fn : data.listStatements(d, EntityDescriber.CITED_FOOTNOTE, (RDFNode) null).toList()) {
                Resource f = fn.getResource();
                out.add(data.listStatements(f, null, (RDFNode) null));
                for (Statement w : data.listStatements(f, EntityDescriber.CITES, (RDFNode) null).toList()) {
                    labelAndType(w.getResource(), out);
                    out.add(data.listStatements(w.getResource(), Vocab.blkProp("publisherName"), (RDFNode) null));
                }
                Resource sec = f.getPropertyResourceValue(EntityDescriber.REFERENCED_IN);
                if (sec != null) {
                    labelAndType(sec, out);
                    out.add(data.listStatements(sec, EntityDescriber.NUMBER, (RDFNode) null));
                }
            }
        }
        // label and type of every other record mentioned, so the description reads on its own
        Set<Resource> mentioned = new HashSet<>();
        out.listStatements().forEachRemaining(st -> {
            if (st.getObject().isURIResource()) mentioned.add(st.getResource());
            mentioned.add(st.getSubject());
        });
        for (Resource m : mentioned) {
            String mid = Snapshot.idOf(m);
            if (mid != null && snapshot.entry(mid).isPresent() && !described.contains(m)) labelAndType(m, out);
        }
        return out;
    }

    /** Asserted statements of a record and of the nodes inside it (dates, intervals, participations…). */
    private void describeRecord(Resource r, Model out, Set<Resource> described) {
        if (!described.add(r)) return;
        Model data = snapshot.data();
        Deque<Resource> todo = new ArrayDeque<>();
        todo.push(r);
        Set<Resource> seen = new HashSet<>();
        String inside = r.getURI() + "/";
        while (!todo.isEmpty()) {
            Resource n = todo.pop();
            if (!seen.add(n)) continue;
            for (Statement st : data.listStatements(n, null, (RDFNode) null).toList()) {
                out.add(st);
                if (st.getObject().isURIResource() && st.getResource().getURI().startsWith(inside)) todo.push(st.getResource());
            }
        }
    }

    private void labelAndType(Resource r, Model out) {
        Model data = snapshot.data();
        out.add(data.listStatements(r, RDF.type, (RDFNode) null));
        out.add(data.listStatements(r, SKOS.prefLabel, (RDFNode) null));
    }
}
