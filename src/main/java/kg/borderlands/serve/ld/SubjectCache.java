package kg.borderlands.serve.ld;

import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.Triple;
import org.apache.jena.graph.impl.GraphBase;
import org.apache.jena.shared.PrefixMapping;
import org.apache.jena.util.iterator.ExtendedIterator;
import org.apache.jena.util.iterator.WrappedIterator;

import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * For the duration of one web request ({@link #during}), the statements of each subject read from a store graph
 * are kept: describing a record asks for one property of a node after another, and each would otherwise be a
 * lookup in the TDB2 indexes. The first question about a subject reads all its statements at once (one index
 * scan, in the index's order, so the answers come in the same order as the store's); the next ones are answered
 * from them. Outside a request, and for patterns without a subject, the graph is asked directly.
 */
public final class SubjectCache {
    private static final ThreadLocal<Map<Graph, Map<Node, List<Triple>>>> CURRENT = new ThreadLocal<>();

    private SubjectCache() {}

    /** Runs {@code work} with the subject cache on (nested calls share it). */
    public static <T> T during(Supplier<T> work) {
        if (CURRENT.get() != null) return work.get();
        CURRENT.set(new IdentityHashMap<>());
        try {
            return work.get();
        } finally {
            CURRENT.remove();
        }
    }

    /** Turns the cache on for this thread; true if this call did (then call {@link #end()}), false if it already was. */
    public static boolean begin() {
        if (CURRENT.get() != null) return false;
        CURRENT.set(new IdentityHashMap<>());
        return true;
    }

    /** Turns the cache off for this thread and drops what it held. */
    public static void end() {
        CURRENT.remove();
    }

    /** A read-only view of {@code base} that uses the cache while one is on. */
    static Graph over(Graph base, Supplier<PrefixMapping> prefixes) {
        return new Cached(Objects.requireNonNull(base, "base"), prefixes);
    }

    private static final class Cached extends GraphBase {
        private final Graph base;
        private final Supplier<PrefixMapping> prefixes;

        Cached(Graph base, Supplier<PrefixMapping> prefixes) {
            this.base = base;
            this.prefixes = prefixes;
        }

        @Override
        protected ExtendedIterator<Triple> graphBaseFind(Triple t) {
            Map<Graph, Map<Node, List<Triple>>> all = CURRENT.get();
            Node s = t.getSubject();
            if (all == null || !s.isConcrete()) return base.find(t);
            List<Triple> of = all.computeIfAbsent(this, g -> new HashMap<>())
                    .computeIfAbsent(s, x -> base.find(x, Node.ANY, Node.ANY).toList());
            return WrappedIterator.create(of.iterator()).filterKeep(t::matches);
        }

        @Override
        protected int graphBaseSize() {
            return base.size();
        }

        @Override
        public PrefixMapping getPrefixMapping() {
            return prefixes.get();
        }

        @Override
        protected PrefixMapping createPrefixMapping() {
            return prefixes.get();
        }
    }
}
