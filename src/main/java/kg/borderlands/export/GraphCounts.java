package kg.borderlands.export;

import org.apache.jena.atlas.data.BagFactory;
import org.apache.jena.atlas.data.DistinctDataBag;
import org.apache.jena.atlas.data.SerializationFactory;
import org.apache.jena.atlas.data.ThresholdPolicyCount;
import org.apache.jena.atlas.iterator.Iter;
import org.apache.jena.atlas.lib.Sink;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFParser;
import org.apache.jena.riot.out.NodeFmtLib;
import org.apache.jena.riot.system.StreamRDFBase;
import org.apache.jena.sparql.core.Quad;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Objects;
import java.util.TreeMap;
import java.util.zip.GZIPInputStream;

/**
 * The distinct triples of each graph of a gzipped N-Quads file, counted while Jena's parser streams it, in memory
 * bounded whatever the size of the file.
 * <p>
 * A build's dump concatenates the quads of its units, and content shared by units (the data, inferred and
 * claimed graphs, the default graph) is repeated in it, so counting lines would not count what a store holds
 * once the file is loaded. Each quad is reduced to its graph and the MD5 of its subject, predicate and object in
 * N-Triples form (128 bits: a collision among 10<sup>8</sup> quads has a chance below 10<sup>-22</sup>), and
 * the keys go through Jena's {@link DistinctDataBag}, which sorts them in memory up to {@link #IN_MEMORY} keys
 * (some 50 bytes each) and spills sorted runs to temporary files beyond that (about 20 bytes a quad on disk,
 * deleted at the end), the way ARQ spills a large DISTINCT.
 */
public final class GraphCounts {
    /** Keys held in memory before the bag spills a sorted run to disk (about 12 MB of heap). */
    static final long IN_MEMORY = 250_000;

    private GraphCounts() {}

    /**
     * Counts the distinct triples of each graph of {@code nqGz}: the named graphs in the order of their IRIs, then
     * the default graph as {@link Bundle#DEFAULT_GRAPH} if it holds any.
     */
    public static List<Bundle.GraphCount> of(Path nqGz) throws IOException {
        return of(nqGz, IN_MEMORY);
    }

    /** {@link #of(Path)} holding at most {@code inMemory} keys in memory (tests spill with a small one). */
    static List<Bundle.GraphCount> of(Path nqGz, long inMemory) throws IOException {
        Objects.requireNonNull(nqGz, "nqGz");
        Keys keys = new Keys();
        DistinctDataBag<Key> bag = BagFactory.newDistinctBag(new ThresholdPolicyCount<>(inMemory), new KeySerialization(), Key.ORDER);
        keys.bag = bag;
        long[] counts;
        try {
            try (InputStream in = new GZIPInputStream(new BufferedInputStream(Files.newInputStream(nqGz), 1 << 16), 1 << 16)) {
                RDFParser.source(in).lang(Lang.NQUADS).parse(keys);
            }
            counts = new long[keys.graphs.size()];
            Iterator<Key> distinct = bag.iterator();
            try {
                distinct.forEachRemaining(k -> counts[k.graph()]++);
            } finally {
                Iter.close(distinct);
            }
        } catch (UncheckedIOException e) {
            throw e.getCause();
        } finally {
            bag.close();   // deletes the spilled runs
        }
        Map<String, Long> named = new TreeMap<>();
        long defaultGraph = 0;
        for (Map.Entry<String, Integer> g : keys.graphs.entrySet()) {
            if (g.getKey() == null) defaultGraph = counts[g.getValue()];
            else named.put(g.getKey(), counts[g.getValue()]);
        }
        List<Bundle.GraphCount> graphs = new ArrayList<>();
        named.forEach((name, n) -> graphs.add(new Bundle.GraphCount(name, n)));
        if (defaultGraph > 0) graphs.add(new Bundle.GraphCount(Bundle.DEFAULT_GRAPH, defaultGraph));
        return graphs;
    }

    /** One quad: the number of its graph and the digest of its triple. */
    record Key(int graph, long high, long low) {
        static final Comparator<Key> ORDER = Comparator.comparingInt(Key::graph).thenComparingLong(Key::high).thenComparingLong(Key::low);
    }

    /** Turns the parsed quads into keys; graphs are numbered as they come (the default graph under {@code null}). */
    private static final class Keys extends StreamRDFBase {
        final Map<String, Integer> graphs = new HashMap<>();
        final MessageDigest md5 = md5();
        DistinctDataBag<Key> bag;

        @Override
        public void triple(org.apache.jena.graph.Triple triple) {
            add(null, triple.getSubject(), triple.getPredicate(), triple.getObject());
        }

        @Override
        public void quad(Quad quad) {
            String graph = null;
            if (!quad.isDefaultGraph()) {
                if (!quad.getGraph().isURI()) throw new IllegalArgumentException("a graph named by a non-IRI: " + quad.getGraph());
                graph = quad.getGraph().getURI();
            }
            add(graph, quad.getSubject(), quad.getPredicate(), quad.getObject());
        }

        private void add(String graph, org.apache.jena.graph.Node s, org.apache.jena.graph.Node p, org.apache.jena.graph.Node o) {
            int g = graphs.computeIfAbsent(graph, x -> graphs.size());
            String triple = NodeFmtLib.strNT(s) + ' ' + NodeFmtLib.strNT(p) + ' ' + NodeFmtLib.strNT(o);
            ByteBuffer d = ByteBuffer.wrap(md5.digest(triple.getBytes(StandardCharsets.UTF_8)));
            bag.add(new Key(g, d.getLong(), d.getLong()));
        }
    }

    /** Keys on disk: 20 bytes each. */
    private static final class KeySerialization implements SerializationFactory<Key> {
        @Override
        public Sink<Key> createSerializer(OutputStream out) {
            DataOutputStream data = new DataOutputStream(new BufferedOutputStream(out, 1 << 16));
            return new Sink<>() {
                @Override
                public void send(Key k) {
                    try {
                        data.writeInt(k.graph());
                        data.writeLong(k.high());
                        data.writeLong(k.low());
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                }

                @Override
                public void flush() {
                    try {
                        data.flush();
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                }

                @Override
                public void close() {
                    try {
                        data.close();
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                }
            };
        }

        @Override
        public Iterator<Key> createDeserializer(InputStream in) {
            DataInputStream data = new DataInputStream(new BufferedInputStream(in, 1 << 16));
            return new Iterator<>() {
                private Key next = read();

                private Key read() {
                    try {
                        int g;
                        try {
                            g = data.readInt();
                        } catch (EOFException end) {
                            data.close();
                            return null;
                        }
                        return new Key(g, data.readLong(), data.readLong());
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                }

                @Override
                public boolean hasNext() {
                    return next != null;
                }

                @Override
                public Key next() {
                    if (next == null) throw new NoSuchElementException();
                    Key k = next;
                    next = read();
                    return k;
                }
            };
        }
    }

    private static MessageDigest md5() {
        try {
            return MessageDigest.getInstance("MD5");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
