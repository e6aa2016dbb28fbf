package kg.borderlands.validate;

import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.Triple;
import org.apache.jena.graph.impl.WrappedGraph;
import org.apache.jena.util.iterator.ExtendedIterator;

import java.util.Set;

/**
 * A read-only view of a graph that notes every pattern it is asked ({@code find}, {@code contains}; {@code size},
 * {@code isEmpty} as the pattern that matches everything) into {@link #current}, when set: what a validation read
 * ({@link Footprint}). A literal in a pattern is noted as a wildcard (a store may answer for a literal of the same
 * value written another way), and so is a variable.
 */
final class RecordingGraph extends WrappedGraph {
    /** Where the patterns go; null: nowhere. */
    Set<Triple> current;

    RecordingGraph(Graph base) {
        super(base);
    }

    private void note(Node s, Node p, Node o) {
        if (current != null) current.add(Triple.createMatch(wild(s), wild(p), wild(o)));
    }

    private static Node wild(Node n) {
        return n == null || !n.isConcrete() || n.isLiteral() ? Node.ANY : n;
    }

    @Override
    public ExtendedIterator<Triple> find(Triple m) {
        note(m.getSubject(), m.getPredicate(), m.getObject());
        return super.find(m);
    }

    @Override
    public ExtendedIterator<Triple> find(Node s, Node p, Node o) {
        note(s, p, o);
        return super.find(s, p, o);
    }

    @Override
    public boolean contains(Node s, Node p, Node o) {
        note(s, p, o);
        return super.contains(s, p, o);
    }

    @Override
    public boolean contains(Triple t) {
        note(t.getSubject(), t.getPredicate(), t.getObject());
        return super.contains(t);
    }

    @Override
    public boolean isEmpty() {
        note(null, null, null);
        return super.isEmpty();
    }

    @Override
    public int size() {
        note(null, null, null);
        return super.size();
    }

    @Override
    public boolean isIsomorphicWith(Graph g) {
        note(null, null, null);
        return super.isIsomorphicWith(g);
    }
}
