package kg.borderlands.validate;

import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.Triple;
import org.apache.jena.graph.impl.WrappedGraph;
import org.apache.jena.util.iterator.ExtendedIterator;
import org.apache.jena.util.iterator.WrappedIterator;
import org.apache.jena.vocabulary.RDFS;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A read-only view of a graph that does not change while it is used (a validation), with its
 * {@code rdfs:subClassOf} triples indexed by super-class. SHACL's {@code sh:class} and class targets list a
 * class's sub-classes by walking {@code (?, rdfs:subClassOf, C)}, which an in-memory graph answers from its
 * object index: every triple whose object is {@code C} — all the instances of {@code C} too — filtered by
 * predicate. Here it is one map look-up. Every other pattern goes to the graph.
 */
final class SubClassIndexedGraph extends WrappedGraph {
    private static final Node SUB_CLASS_OF = RDFS.Nodes.subClassOf;
    private final Map<Node, List<Triple>> bySuperClass = new HashMap<>();

    SubClassIndexedGraph(Graph base) {
        super(Objects.requireNonNull(base, "base"));
        base.find(Node.ANY, SUB_CLASS_OF, Node.ANY).forEachRemaining(
                t -> bySuperClass.computeIfAbsent(t.getObject(), k -> new java.util.ArrayList<>(2)).add(t));
    }

    @Override
    public ExtendedIterator<Triple> find(Triple m) {
        return find(m.getSubject(), m.getPredicate(), m.getObject());
    }

    @Override
    public ExtendedIterator<Triple> find(Node s, Node p, Node o) {
        if (SUB_CLASS_OF.equals(p) && (s == null || !s.isConcrete()) && o != null && o.isConcrete()) {
            return WrappedIterator.create(bySuperClass.getOrDefault(o, List.of()).iterator());
        }
        return super.find(s, p, o);
    }
}
