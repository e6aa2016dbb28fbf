package kg.borderlands.load;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import kg.borderlands.validate.Finding;
import org.apache.jena.graph.Node;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFFormat;
import org.apache.jena.riot.RDFParser;
import org.apache.jena.riot.lang.LabelToNode;
import org.apache.jena.riot.system.StreamRDF;
import org.apache.jena.riot.system.StreamRDFWrapper;
import org.apache.jena.riot.system.StreamRDFWriter;
import org.apache.jena.sparql.core.Quad;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;

/**
 * The validated output of source units, kept in the store ({@code store/units/}) by the hash of everything
 * the unit's output depends on ({@link UnitKeys}), so that an unchanged unit is neither re-mapped nor
 * re-validated. Per unit key:
 * <pre>
 * &lt;key&gt;.nq.gz   the unit's quads, gzipped N-Quads (one gzip member: the build's dump concatenates them)
 * &lt;key&gt;.qh      a sorted list of 64-bit hashes of those quads (to tell, in an incremental build, whether a
 *               quad a changed unit no longer states is still stated by another unit)
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
        try (DataInputStream in = new DataInputStream(new BufferedInputStream(Files.newInputStream(hashes(key)), 1 << 16))) {
            int n = in.readInt();
            long[] h = new long[n];
            for (int i = 0; i < n; i++) h[i] = in.readLong();
            return h;
        }
    }

    /** Writes one unit's entry: {@code output} emits its quads; the metadata file goes last. */
    Meta put(String key, UnitOutput output, IdIndex.UnitIds ids, List<String> cites) throws IOException {
        Files.createDirectories(dir);
        Path tmp = dir.resolve(key + ".nq.gz.tmp");
        long[] hashes;
        try (OutputStream os = new GZIPOutputStream(new BufferedOutputStream(Files.newOutputStream(tmp), 1 << 16), 1 << 16)) {
            StreamRDF w = StreamRDFWriter.getWriterStream(os, RDFFormat.NQUADS);
            HashingStream hs = new HashingStream(w);
            hs.start();
            output.emit(hs);
            hs.finish();
            hashes = hs.sorted();
        }
        StoreFiles.forceAndMove(tmp, quads(key));
        Path htmp = dir.resolve(key + ".qh.tmp");
        try (DataOutputStream out = new DataOutputStream(new BufferedOutputStream(Files.newOutputStream(htmp), 1 << 16))) {
            out.writeInt(hashes.length);
            for (long h : hashes) out.writeLong(h);
        }
        StoreFiles.forceAndMove(htmp, hashes(key));
        Meta m = new Meta(output.unit().id(), key, hashes.length, sha256(quads(key)), ids.ids(), ids.works(), ids.statements(), cites,
                output.findings());
        Path mtmp = dir.resolve(key + ".json.tmp");
        JSON.writeValue(mtmp.toFile(), m);
        StoreFiles.forceAndMove(mtmp, dir.resolve(key + ".json"));
        return m;
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

    static String sha256(Path f) throws IOException {
        MessageDigest md;
        try {
            md = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
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
            long[] h = Arrays.copyOf(hashes, n);
            Arrays.sort(h);
            return h;
        }
    }
}
