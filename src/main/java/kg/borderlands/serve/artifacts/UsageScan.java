package kg.borderlands.serve.artifacts;

import kg.borderlands.NodeIds;
import kg.borderlands.Vocab;
import kg.borderlands.serve.ontology.OntologyCatalogue.UsageCounts;
import org.apache.jena.atlas.lib.tuple.Tuple;
import org.apache.jena.graph.Node;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.tdb2.store.NodeId;
import org.apache.jena.vocabulary.RDF;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * {@code usage.json}'s counts ({@link UsageCounts#of}, over data ∪ links ∪ claimed and inferred) read from a TDB2
 * database's quad indexes on node ids: the same counts, but a term is decoded once, not once per triple it is in.
 * Each graph is scanned in its {@code GOSP} index, so the triples of one object come together (the object is
 * decoded once per run; a literal stored inline is not decoded at all) and predicates are counted by id (decoded
 * at the end). A triple of the links or claimed graph that the graphs before it in the union also hold is counted
 * once, as the union does (a lookup in the index, for these two small graphs). The distinct instances of each class
 * are counted on the ids of the subjects. Held: the counts by id, and the instances of one class at a time.
 * Inside a read transaction of the database.
 */
final class UsageScan {
    private static final List<String> DATA = List.of(Vocab.GRAPH_DATA, kg.borderlands.link.Linkset.GRAPH, Vocab.GRAPH_CLAIMED);

    private final QuadIndexes quads;
    private final NodeId type;

    private UsageScan(QuadIndexes quads) {
        this.quads = quads;
        this.type = quads.id(RDF.type.asNode());
    }

    /** The counts of a TDB2 database, or empty if it is not one (or lacks the indexes): then use {@link UsageCounts#of}. */
    static Optional<UsageCounts> of(DatasetGraph dsg) {
        return QuadIndexes.of(dsg).map(q -> new UsageScan(q).count());
    }

    private UsageCounts count() {
        Map<NodeId, long[]> predicate = new HashMap<>();
        Map<NodeId, long[]> inferredPredicate = new HashMap<>();
        Map<String, Long> asserted = new HashMap<>();
        Map<String, Long> asObject = new HashMap<>();
        Map<NodeId, Node> classes = new HashMap<>();
        List<NodeId> before = new ArrayList<>();
        for (String g : DATA) {
            NodeId gid = quads.graph(g);
            if (gid == null) continue;
            List<NodeId> earlier = List.copyOf(before);
            NodeId object = null;
            Node decoded = null;
            for (Iterator<Tuple<NodeId>> it = quads.byObject(gid); it.hasNext(); ) {
                Tuple<NodeId> q = it.next();
                NodeId s = q.get(1), p = q.get(2), o = q.get(3);
                if (inAny(earlier, s, p, o)) continue;   // the union holds it once
                add(predicate, p);
                if (!NodeIds.same(o, object)) {   // not equals: it ignores the id's type
                    object = o;
                    decoded = counted(o);
                }
                if (decoded == null) continue;
                if (p.equals(type)) {
                    asserted.merge(decoded.getURI(), 1L, Long::sum);
                    classes.put(o, decoded);
                } else {
                    asObject.merge(decoded.getURI(), 1L, Long::sum);
                }
            }
            before.add(gid);
        }
        NodeId inferred = quads.graph(Vocab.GRAPH_INFERRED);
        if (inferred != null) {
            for (Iterator<Tuple<NodeId>> it = quads.byPredicate(inferred, null, null); it.hasNext(); ) {
                Tuple<NodeId> q = it.next();
                add(inferredPredicate, q.get(2));
                if (q.get(2).equals(type) && !classes.containsKey(q.get(3))) {
                    Node c = counted(q.get(3));
                    if (c != null) classes.put(q.get(3), c);
                }
            }
        }
        Map<String, Long> withInferred = new HashMap<>();
        List<NodeId> typed = new ArrayList<>(before);
        if (inferred != null) typed.add(inferred);
        for (Map.Entry<NodeId, Node> c : classes.entrySet()) {
            Set<NodeId> instances = new HashSet<>();
            for (NodeId g : typed) {
                for (Iterator<Tuple<NodeId>> it = quads.byPredicate(g, type, c.getKey()); it.hasNext(); ) instances.add(it.next().get(1));
            }
            withInferred.put(c.getValue().getURI(), (long) instances.size());
        }
        return new UsageCounts(asserted, withInferred, decode(predicate), decode(inferredPredicate), asObject);
    }

    private boolean inAny(List<NodeId> graphs, NodeId s, NodeId p, NodeId o) {
        for (NodeId g : graphs) {
            if (quads.contains(g, s, p, o)) return true;
        }
        return false;
    }

    /** The node of an id if it is an IRI of the namespaces counted, else null (a literal stored inline is not read). */
    private Node counted(NodeId id) {
        if (id.isInline()) return null;
        Node n = quads.node(id);
        return n != null && n.isURI() && UsageCounts.counted(n.getURI()) ? n : null;
    }

    private static void add(Map<NodeId, long[]> m, NodeId id) {
        m.computeIfAbsent(id, k -> new long[1])[0]++;
    }

    /** Counts by id as counts by IRI, for the IRIs of the namespaces counted. */
    private Map<String, Long> decode(Map<NodeId, long[]> byId) {
        Map<String, Long> out = new HashMap<>();
        for (Map.Entry<NodeId, long[]> e : byId.entrySet()) {
            Node n = counted(e.getKey());
            if (n != null) out.merge(n.getURI(), e.getValue()[0], Long::sum);
        }
        return out;
    }
}
