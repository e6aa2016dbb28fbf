package kg.borderlands.load;

import org.apache.jena.graph.Node;
import org.apache.jena.graph.Triple;
import org.apache.jena.riot.system.StreamRDFBase;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.Quad;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * The change an incremental build makes to a copy of the previous database (docs/store.md "Incremental builds"):
 * for each changed unit, only the quads that differ between its previous and its new cache entry. A quad the unit
 * stated before and states no more is deleted unless the ontology or another unit (in its new state) states it
 * too; a quad it states now and did not state before is added. Quads it states in both are not touched. Whether a
 * unit states a quad is read from the units' sorted 64-bit quad hashes ({@link UnitCache}): a collision would keep
 * a quad that should go (or skip one that should come), a chance of about r·n/2⁶⁴ for r changed quads among n.
 *
 * <p>What the delta really changed — each quad actually removed from or added to the database (an add of a quad
 * already there, or a delete of one not there, changes nothing and is not listed) — is returned as
 * {@link Changes}: the later stages (quality checks, VoID, serving artifacts) are scoped by it.
 */
final class UnitDelta {
    private UnitDelta() {}

    /** The quads a delta removed from and added to the database (default-graph quads named {@link Quad#defaultGraphIRI}). */
    record Changes(List<Quad> removed, List<Quad> added) {
        Changes {
            removed = List.copyOf(removed);
            added = List.copyOf(added);
        }

        boolean isEmpty() {
            return removed.isEmpty() && added.isEmpty();
        }

        /** The triples removed from the default graph. */
        List<Triple> removedDefault() {
            return removed.stream().filter(Quad::isDefaultGraph).map(Quad::asTriple).toList();
        }

        /** The triples added to the default graph. */
        List<Triple> addedDefault() {
            return added.stream().filter(Quad::isDefaultGraph).map(Quad::asTriple).toList();
        }

        /** Every node of a changed quad (subject, predicate, object; graph names left out). */
        Set<Node> nodes() {
            Set<Node> out = new LinkedHashSet<>();
            for (Collection<Quad> qs : List.of(removed, added)) {
                for (Quad q : qs) {
                    out.add(q.getSubject());
                    out.add(q.getPredicate());
                    out.add(q.getObject());
                }
            }
            return out;
        }

        /** The names of the named graphs a changed quad is in. */
        Set<Node> graphs() {
            Set<Node> out = new LinkedHashSet<>();
            for (Collection<Quad> qs : List.of(removed, added)) {
                for (Quad q : qs) if (!q.isDefaultGraph()) out.add(q.getGraph());
            }
            return out;
        }
    }

    /**
     * Applies the delta inside the caller's write transaction on {@code dsg}. Per changed unit, the quads that
     * differ are found from the two entries' sorted hashes (a merge), then only their lines are parsed
     * ({@link UnitCache#replayWhere}); whether another unit states a quad is looked up in its mapped hashes.
     *
     * @param changed  unit id → the unit's previous key
     * @param now      unit id → the unit's key in this build (every unit)
     * @param ontology the sorted hashes of the ontology's quads
     */
    static Changes apply(DatasetGraph dsg, UnitCache cache, Map<String, String> changed, Map<String, String> now,
                         long[] ontology) throws IOException {
        Objects.requireNonNull(dsg, "dsg");
        List<java.nio.LongBuffer> stated = null;   // every unit's hashes (new state), mapped when first needed
        List<Quad> removed = new ArrayList<>();
        List<Quad> added = new ArrayList<>();
        for (Map.Entry<String, String> c : changed.entrySet()) {
            String before = c.getValue();
            String after = now.get(c.getKey());
            long[] old = cache.readHashes(before);
            long[] fresh = cache.readHashes(after);
            long[] gone = minus(old, fresh);
            long[] come = minus(fresh, old);
            // a quad the unit no longer states stays if the ontology or another unit (in its new state) states it
            int kept = 0;
            for (long h : gone) {
                boolean elsewhere = Arrays.binarySearch(ontology, h) >= 0;
                if (!elsewhere) {
                    if (stated == null) {
                        stated = new ArrayList<>();
                        for (String key : now.values()) stated.add(cache.mapHashes(key));
                    }
                    for (java.nio.LongBuffer other : stated) {
                        if (UnitCache.contains(other, h)) {
                            elsewhere = true;
                            break;
                        }
                    }
                }
                if (!elsewhere) gone[kept++] = h;
            }
            long[] remove = Arrays.copyOf(gone, kept);
            if (remove.length > 0) cache.replayWhere(before, h -> Arrays.binarySearch(remove, h) >= 0, new StreamRDFBase() {
                @Override
                public void quad(Quad q) {
                    Quad stored = stored(q);
                    if (dsg.contains(stored)) {
                        dsg.delete(stored);
                        removed.add(stored);
                    }
                }
            });
            if (come.length > 0) cache.replayWhere(after, h -> Arrays.binarySearch(come, h) >= 0, new StreamRDFBase() {
                @Override
                public void quad(Quad q) {
                    Quad stored = stored(q);
                    if (!dsg.contains(stored)) {
                        dsg.add(stored);
                        added.add(stored);
                    }
                }
            });
        }
        return new Changes(removed, added);
    }

    /** The distinct values of sorted {@code a} that sorted {@code b} does not hold, sorted. */
    static long[] minus(long[] a, long[] b) {
        long[] out = new long[a.length];
        int n = 0;
        int j = 0;
        for (int i = 0; i < a.length; i++) {
            long v = a[i];
            if (i > 0 && a[i - 1] == v) continue;
            while (j < b.length && b[j] < v) j++;
            if (j < b.length && b[j] == v) continue;
            out[n++] = v;
        }
        return Arrays.copyOf(out, n);
    }

    private static Quad stored(Quad q) {
        return q.isDefaultGraph() ? Quad.create(Quad.defaultGraphIRI, q.asTriple()) : q;
    }

    /** For callers that cannot throw {@link IOException} (inside a transaction's lambda). */
    static Changes applyUnchecked(DatasetGraph dsg, UnitCache cache, Map<String, String> changed,
                                  Map<String, String> now, long[] ontology) {
        try {
            return apply(dsg, cache, changed, now, ontology);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
