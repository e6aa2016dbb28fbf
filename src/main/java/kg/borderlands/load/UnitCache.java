package kg.borderlands.load;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import kg.borderlands.validate.Finding;
import org.apache.jena.graph.Node;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFParser;
import org.apache.jena.riot.lang.LabelToNode;
import org.apache.jena.riot.system.StreamRDF;
import org.apache.jena.riot.system.StreamRDFWrapper;
import org.apache.jena.sparql.core.Quad;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.DigestInputStream;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.zip.GZIPInputStream;

/**
 * The validated output of source units, kept in the store ({@code store/units/}) by the hash of everything
 * the unit's output depends on ({@link UnitKeys}), so that an unchanged unit is neither re-mapped nor
 * re-validated. Per unit key:
 * <pre>
 * &lt;key&gt;.nq.gz   the unit's quads, gzipped N-Quads (one gzip member, at the fastest level: the build's dump
 *               concatenates them)
 * &lt;key&gt;.qh      a sorted list of 64-bit hashes of those quads (to tell, in an incremental build, whether a
 *               quad a changed unit no longer states is still stated by another unit)
 * &lt;key&gt;.ql      the same hashes in the order of the quads' lines (an incremental build parses only the lines of
 *               the quads that changed); optional: without it, the whole entry is parsed
 * &lt;key&gt;.json    {@link Meta}: unit, quads, SHA-256 of the .nq.gz, ids, works and cited works, warnings;
 *               written last, so an entry without it (a killed load) is ignored and overwritten
 * </pre>
 * Entries are immutable: a key names one content. Old entries are removed by {@link #retain}.
 */
final class UnitCache {
    static final String DIR = "units";
    private static final ObjectMapper JSON = new ObjectMapper()
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    /** What a cached unit is. {@code cites}: work ids of other units it cites (they must still exist). */
    record Meta(String unit, String key, long quads, String sha256, List<String> ids, List<String> works,
                List<String> statements, List<String> cites, List<Finding> findings) {
        IdIndex.UnitIds unitIds() {
            return new IdIndex.UnitIds(ids, works, statements);
        }
    }

    private final Path dir;

    UnitCache(Path storeRoot) {
        this.dir = Objects.requireNonNull(storeRoot, "storeRoot").resolve(DIR);
    }

    Path dir() {
        return dir;
    }

    Path quads(String key) {
        return dir.resolve(key + ".nq.gz");
    }

    Path hashes(String key) {
        return dir.resolve(key + ".qh");
    }

    /** The hashes of the quads in the order of their lines ({@code .ql}, written with {@code .qh}). */
    Path lineHashes(String key) {
        return dir.resolve(key + ".ql");
    }

    /** The entry of {@code key} if it is complete and its quads file has the recorded digest. */
    Optional<Meta> get(String key) {
        Path meta = dir.resolve(key + ".json");
        if (!Files.isRegularFile(meta) || !Files.isRegularFile(quads(key)) || !Files.isRegularFile(hashes(key))) {
            return Optional.empty();
        }
        try {
            Meta m = JSON.readValue(meta.toFile(), Meta.class);
            if (!key.equals(m.key()) || !m.sha256().equals(sha256(quads(key)))) return Optional.empty();
            return Optional.of(m);
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }

    /** Streams a cached unit's quads, blank nodes with their stored labels (they join the ontology's). */
    void replay(String key, StreamRDF out) throws IOException {
        try (InputStream in = new GZIPInputStream(new BufferedInputStream(Files.newInputStream(quads(key)), 1 << 16), 1 << 16)) {
            RDFParser.source(in).lang(Lang.NQUADS).labelToNode(LabelToNode.createUseLabelEncoded())
                    .parse(new StreamRDFWrapper(out) {
                        @Override public void start() {}
                        @Override public void finish() {}
                    });
        }
    }

    /** The sorted quad hashes of a cached unit. */
    long[] readHashes(String key) throws IOException {
        return readLongs(hashes(key));
    }

    /** A count (int), then that many longs (big-endian), read in bulk. */
    private static long[] readLongs(Path file) throws IOException {
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ)) {
            ByteBuffer all = ByteBuffer.allocate(Math.toIntExact(ch.size()));
            while (all.hasRemaining() && ch.read(all) >= 0) {
                // until the whole file is read
            }
            all.flip();
            int n = all.getInt();
            if (n < 0 || all.remaining() != 8L * n) throw new IOException("truncated hash file " + file);
            long[] h = new long[n];
            all.asLongBuffer().get(h);
            return h;
        }
    }

    /**
     * The sorted quad hashes of a cached unit, mapped (not read): for a few look-ups ({@link #contains}) in many
     * units, each touching a few pages.
     */
    java.nio.LongBuffer mapHashes(String key) throws IOException {
        try (FileChannel ch = FileChannel.open(hashes(key), StandardOpenOption.READ)) {
            java.nio.MappedByteBuffer m = ch.map(FileChannel.MapMode.READ_ONLY, 0, ch.size());
            int n = m.getInt(0);
            if (n < 0 || ch.size() != 4 + 8L * n) throw new IOException("truncated hash file " + hashes(key));
            return m.position(4).slice().asLongBuffer();
        }
    }

    /** True if the sorted {@code hashes} hold {@code h} (binary search). */
    static boolean contains(java.nio.LongBuffer hashes, long h) {
        int lo = 0;
        int hi = hashes.limit() - 1;
        while (lo <= hi) {
            int mid = (lo + hi) >>> 1;
            long v = hashes.get(mid);
            if (v < h) lo = mid + 1;
            else if (v > h) hi = mid - 1;
            else return true;
        }
        return false;
    }

    /**
     * Streams the quads of a cached unit whose hash {@code wanted} accepts: with the entry's line hashes
     * ({@code .ql}) only those lines are parsed; without them (an entry of an older version) every quad is parsed
     * and its hash computed. Blank nodes with their stored labels, as {@link #replay}.
     */
    void replayWhere(String key, java.util.function.LongPredicate wanted, StreamRDF out) throws IOException {
        Path lines = lineHashes(key);
        if (!Files.isRegularFile(lines)) {
            replay(key, new StreamRDFWrapper(out) {
                @Override
                public void quad(Quad q) {
                    if (wanted.test(hash(q))) out.quad(q);
                }
            });
            return;
        }
        long[] order = readLongs(lines);
        StringBuilder picked = new StringBuilder();
        try (java.io.BufferedReader r = new java.io.BufferedReader(new java.io.InputStreamReader(
                new GZIPInputStream(Files.newInputStream(quads(key)), 1 << 16), java.nio.charset.StandardCharsets.UTF_8), 1 << 16)) {
            int i = 0;
            for (String line = r.readLine(); line != null; line = r.readLine(), i++) {
                if (i >= order.length) throw new IOException("line hashes of unit entry " + key + " do not match its quads");
                if (wanted.test(order[i])) picked.append(line).append('\n');
            }
            if (i != order.length) throw new IOException("line hashes of unit entry " + key + " do not match its quads");
        }
        if (picked.length() == 0) return;
        RDFParser.fromString(picked.toString(), Lang.NQUADS).labelToNode(LabelToNode.createUseLabelEncoded())
                .parse(new StreamRDFWrapper(out) {
                    @Override public void start() {}
                    @Override public void finish() {}
                });
    }

    /** Writes one unit's entry: {@code output} emits its quads; the metadata file goes last. */
    Meta put(String key, UnitOutput output, IdIndex.UnitIds ids, List<String> cites) throws IOException {
        return put(key, output, ids, cites, null);
    }

    /**
     * Writes one unit's entry, its quads also streamed to {@code also} if given (the build's database: the
     * unit's graphs are gone through once). The quads are written in one pass — N-Quads ({@link NQuadsOut}),
     * gzip at {@link java.util.zip.Deflater#BEST_SPEED}, the SHA-256 of the compressed bytes taken on their
     * way to the file — and the metadata file goes last.
     */
    Meta put(String key, UnitOutput output, IdIndex.UnitIds ids, List<String> cites, StreamRDF also) throws IOException {
        Files.createDirectories(dir);
        Path tmp = dir.resolve(key + ".nq.gz.tmp");
        long[] hashes;
        long[] lineOrder;
        MessageDigest md = sha256();
        try (OutputStream os = NQuadsOut.gzip(new DigestOutputStream(
                new BufferedOutputStream(Files.newOutputStream(tmp), 1 << 16), md))) {
            NQuadsOut w = new NQuadsOut(os);
            HashingStream hs = new HashingStream(w);
            StreamRDF to = also == null ? hs : new StreamRDFWrapper(hs) {
                @Override
                public void quad(Quad q) {
                    hs.quad(q);
                    also.quad(q);
                }
            };
            hs.start();
            output.emit(to);
            hs.finish();
            lineOrder = hs.inOrder();
            hashes = hs.sorted();
        } catch (java.io.UncheckedIOException e) {
            throw e.getCause();
        }
        String sha = HexFormat.of().formatHex(md.digest());
        StoreFiles.forceAndMove(tmp, quads(key));
        writeLongs(dir.resolve(key + ".ql.tmp"), lineOrder);
        StoreFiles.forceAndMove(dir.resolve(key + ".ql.tmp"), lineHashes(key));
        writeLongs(dir.resolve(key + ".qh.tmp"), hashes);
        StoreFiles.forceAndMove(dir.resolve(key + ".qh.tmp"), hashes(key));
        Meta m = new Meta(output.unit().id(), key, hashes.length, sha, ids.ids(), ids.works(), ids.statements(), cites,
                output.findings());
        Path mtmp = dir.resolve(key + ".json.tmp");
        JSON.writeValue(mtmp.toFile(), m);
        StoreFiles.forceAndMove(mtmp, dir.resolve(key + ".json"));
        return m;
    }

    private static void writeLongs(Path file, long[] values) throws IOException {
        ByteBuffer b = ByteBuffer.allocate(4 + 8 * values.length);
        b.putInt(values.length);
        b.asLongBuffer().put(values);
        b.rewind();
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                StandardOpenOption.TRUNCATE_EXISTING)) {
            while (b.hasRemaining()) ch.write(b);
        }
    }

    /** Removes every entry whose key is not in {@code keep} (and leftovers of killed loads). */
    void retain(java.util.Set<String> keep) throws IOException {
        if (!Files.isDirectory(dir)) return;
        try (var s = Files.list(dir)) {
            for (Path f : s.toList()) {
                String name = f.getFileName().toString();
                String key = name.substring(0, name.indexOf('.') < 0 ? name.length() : name.indexOf('.'));
                if (!keep.contains(key) || name.endsWith(".tmp")) Files.deleteIfExists(f);
            }
        }
    }

    /** A 64-bit hash of a quad; default-graph quads hash alike however their graph is named. */
    static long hash(Quad q) {
        long h = q.isDefaultGraph() ? 0x5bd1e995L : mix(q.getGraph());
        h = h * 0x9E3779B97F4A7C15L + mix(q.getSubject());
        h = h * 0x9E3779B97F4A7C15L + mix(q.getPredicate());
        h = h * 0x9E3779B97F4A7C15L + mix(q.getObject());
        h ^= h >>> 33;
        h *= 0xff51afd7ed558ccdL;
        h ^= h >>> 33;
        return h;
    }

    private static long mix(Node n) {
        // String hash codes are specified, so these hashes are the same in every JVM.
        long h = n.isLiteral() ? (n.getLiteralLexicalForm().hashCode() * 31L + n.getLiteralDatatypeURI().hashCode()) * 31L
                + n.getLiteralLanguage().hashCode() : n.isBlank() ? n.getBlankNodeLabel().hashCode() * 17L : n.getURI().hashCode();
        return h * 0xC2B2AE3D27D4EB4FL + (n.isLiteral() ? 1 : n.isBlank() ? 2 : 3);
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    static String sha256(Path f) throws IOException {
        MessageDigest md = sha256();
        try (InputStream in = new DigestInputStream(Files.newInputStream(f), md)) {
            in.transferTo(OutputStream.nullOutputStream());
        }
        return HexFormat.of().formatHex(md.digest());
    }

    /** Passes quads on and remembers their hashes. */
    static final class HashingStream extends StreamRDFWrapper {
        private long[] hashes = new long[1024];
        private int n;

        HashingStream(StreamRDF other) {
            super(other);
        }

        @Override
        public void quad(Quad q) {
            if (n == hashes.length) hashes = Arrays.copyOf(hashes, n * 2);
            hashes[n++] = hash(q);
            super.quad(q);
        }

        long[] sorted() {
            long[] h = inOrder();
            Arrays.sort(h);
            return h;
        }

        /** The hashes in the order the quads came. */
        long[] inOrder() {
            return Arrays.copyOf(hashes, n);
        }
    }
}
