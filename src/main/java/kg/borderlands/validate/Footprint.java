package kg.borderlands.validate;

import org.apache.jena.graph.Node;
import org.apache.jena.graph.Triple;

import java.util.Collection;
import java.util.List;
import java.util.Set;

/**
 * The {@code find} patterns a validation read from its data graph ({@link RecordingGraph}): a triple whose
 * components are concrete nodes or {@code Node.ANY}. A triple added to or removed from the graph changes the answer
 * of a pattern only if it matches it; if it matches none of the patterns a validation read, that validation reads
 * the same answers with or without it.
 */
public record Footprint(Set<Triple> patterns) {
    public Footprint {
        patterns = Set.copyOf(patterns);
    }

    /** Whether {@code t} matches one of the patterns. */
    public boolean matches(Triple t) {
        for (Triple p : patterns) if (matches(p, t)) return true;
        return false;
    }

    /** Whether one of {@code ts} matches one of the patterns. */
    public boolean matchesAny(Collection<Triple> ts) {
        for (Triple t : ts) if (matches(t)) return true;
        return false;
    }

    static boolean matches(Triple pattern, Triple t) {
        return matches(pattern.getSubject(), t.getSubject()) && matches(pattern.getPredicate(), t.getPredicate())
                && matches(pattern.getObject(), t.getObject());
    }

    private static boolean matches(Node p, Node n) {
        return Node.ANY.equals(p) || p.equals(n);
    }

    /** The patterns, in a stable order (for storage). */
    public List<Triple> sorted() {
        return patterns.stream().sorted(java.util.Comparator.comparing(Triple::toString)).toList();
    }
}
