package kg.borderlands.link;

import kg.borderlands.Vocab;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Triple;
import org.apache.jena.sparql.graph.GraphFactory;

import java.util.Objects;

/**
 * The linkset: the mapping triples between our records and external items ({@code skos:exactMatch},
 * {@code skos:closeMatch}, {@code owl:sameAs} from an IRI under {@code …/id/} to a Wikidata, GeoNames or DBpedia
 * IRI), kept in their own named graph {@link #GRAPH} rather than in the data graph (docs/linking.md "Linkset
 * graph"). The {@code blk:Link} records that say how each mapping was checked are curated statements and stay in
 * the data graph. The store's default ("truthy") graph still holds the mapping triples, so queries and federated
 * joins without {@code GRAPH} keep working; a client that wants the report's own statements without the
 * consequences of the links reads {@code graph/data}. Pure: splits a graph, never changes it.
 */
public final class Linkset {
    /** The named graph of the mapping triples. */
    public static final String GRAPH = Vocab.BASE + "graph/links";

    private Linkset() {}

    /** True for a mapping triple: one of our records, a mapping predicate, an external item of a known dataset. */
    public static boolean isMapping(Triple t) {
        Objects.requireNonNull(t, "triple");
        if (!t.getSubject().isURI() || !t.getSubject().getURI().startsWith(Vocab.ID)) return false;
        if (!t.getObject().isURI() || ExternalIds.Predicate.byIri(t.getPredicate().getURI()) == null) return false;
        String o = t.getObject().getURI();
        for (ExternalIds.Target target : ExternalIds.Target.values()) {
            if (o.startsWith(target.namespace())) return true;
        }
        return false;
    }

    /** A data graph split in one pass: the data graph as stored, and its mapping triples (the linkset graph). */
    public record Split(Graph data, Graph links) {}

    /** Splits {@code data} into the stored data graph and the linkset graph, reading it once. */
    public static Split split(Graph data) {
        Objects.requireNonNull(data, "data");
        Split out = new Split(GraphFactory.createDefaultGraph(), GraphFactory.createDefaultGraph());
        data.find().forEachRemaining(t -> (isMapping(t) ? out.links() : out.data()).add(t));
        out.data().getPrefixMapping().setNsPrefixes(data.getPrefixMapping());
        out.links().getPrefixMapping().setNsPrefixes(data.getPrefixMapping());
        return out;
    }

    /** The mapping triples of {@code data}: the linkset graph. */
    public static Graph links(Graph data) {
        return split(data).links();
    }

    /** {@code data} without its mapping triples: the data graph as stored. */
    public static Graph withoutLinks(Graph data) {
        return split(data).data();
    }
}
