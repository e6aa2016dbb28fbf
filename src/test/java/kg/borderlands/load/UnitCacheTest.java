package kg.borderlands.load;

import kg.borderlands.curate.SourceUnit;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.graph.Triple;
import org.apache.jena.riot.system.StreamRDFBase;
import org.apache.jena.sparql.core.Quad;
import org.apache.jena.sparql.graph.GraphFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.*;

/**
 * The unit cache's hashes as an incremental build reads them ({@link UnitDelta}): bulk-read and mapped sorted hashes,
 * the line hashes that let it parse only the lines of the quads it wants, and the same quads without them (an entry
 * written by an older version).
 */
class UnitCacheTest {
    @TempDir
    Path tmp;

    @Test
    void onlyTheWantedLinesAreReplayedWithOrWithoutLineHashes() throws Exception {
        UnitCache cache = new UnitCache(tmp);
        UnitOutput out = output();
        cache.put("k1", out, new IdIndex.UnitIds(List.of("a"), List.of(), List.of()), List.of());
        assertTrue(cache.get("k1").isPresent());
        assertTrue(Files.isRegularFile(cache.lineHashes("k1")));

        List<Quad> all = new ArrayList<>();
        cache.replay("k1", new StreamRDFBase() {
            @Override
            public void quad(Quad q) {
                all.add(q);
            }
        });
        long[] sorted = cache.readHashes("k1");
        assertEquals(all.size(), sorted.length);
        long[] expected = all.stream().mapToLong(UnitCache::hash).sorted().toArray();
        assertArrayEquals(expected, sorted);
        java.nio.LongBuffer mapped = cache.mapHashes("k1");
        for (long h : sorted) assertTrue(UnitCache.contains(mapped, h));
        assertFalse(UnitCache.contains(mapped, 42L) && Arrays.binarySearch(sorted, 42L) < 0);

        // every other quad is wanted
        Set<Long> wanted = new java.util.HashSet<>();
        for (int i = 0; i < all.size(); i += 2) wanted.add(UnitCache.hash(all.get(i)));
        Set<Quad> want = all.stream().filter(q -> wanted.contains(UnitCache.hash(q))).collect(Collectors.toSet());
        assertEquals(want, replayed(cache, "k1", wanted));

        // an entry without line hashes (an older version's): the same quads, every line parsed
        Files.delete(cache.lineHashes("k1"));
        assertEquals(want, replayed(cache, "k1", wanted));
        assertTrue(replayed(cache, "k1", Set.of()).isEmpty());
    }

    @Test
    void minusKeepsTheDistinctValuesOfTheFirstNotInTheSecond() {
        assertArrayEquals(new long[] {1, 4}, UnitDelta.minus(new long[] {1, 1, 2, 3, 4, 4}, new long[] {0, 2, 3, 5}));
        assertArrayEquals(new long[] {}, UnitDelta.minus(new long[] {2, 3}, new long[] {2, 3}));
        assertArrayEquals(new long[] {-5, 7}, UnitDelta.minus(new long[] {-5, 7}, new long[] {}));
        assertArrayEquals(new long[] {}, UnitDelta.minus(new long[] {}, new long[] {1}));
    }

    private static Set<Quad> replayed(UnitCache cache, String key, Set<Long> wanted) throws Exception {
        Set<Quad> got = new java.util.HashSet<>();
        cache.replayWhere(key, wanted::contains, new StreamRDFBase() {
            @Override
            public void quad(Quad q) {
                got.add(q);
            }
        });
        return got;
    }

    /** A unit's output with literals, language tags, a blank node and escapes, in every graph of the shared unit. */
    private static UnitOutput output() {
        Graph data = GraphFactory.createDefaultGraph();
        Graph inferred = GraphFactory.createDefaultGraph();
        Graph claimed = GraphFactory.createDefaultGraph();
        Node p = NodeFactory.createURI("https://example.org/p");
        Node b = NodeFactory.createBlankNode("b0");
        for (int i = 0; i < 50; i++) {
            Node s = NodeFactory.createURI("https://example.org/s" + i);
            data.add(Triple.create(s, p, NodeFactory.createLiteralString("label \"" + i + "\"\n\u00e9")));
            data.add(Triple.create(s, p, NodeFactory.createLiteralLang("nom " + i, "fr")));
            inferred.add(Triple.create(s, p, b));
            claimed.add(Triple.create(s, p, NodeFactory.createLiteralDT(Integer.toString(i),
                    org.apache.jena.datatypes.xsd.XSDDatatype.XSDinteger)));
        }
        data.add(Triple.create(b, p, NodeFactory.createURI("https://example.org/o")));
        SourceUnit unit = new SourceUnit(null, Path.of("shared"), null);   // the shared unit: no source graph
        return new UnitOutput(new BuildUnits.Unit(unit, List.of(), null), data, inferred, claimed, null, List.of(), List.of());
    }
}
