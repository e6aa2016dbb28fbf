package kg.borderlands.export;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import kg.borderlands.load.BuildDump;
import kg.borderlands.load.BuildManifest;
import kg.borderlands.load.StoreManager;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;

/**
 * A build as one file for bulk loaders ({@code tdb2.tdbloader}, GraphDB's preload, Virtuoso's {@code ld_dir},
 * Neptune's bulk loader…): the build's own gzipped N-Quads dump, copied byte for byte and checked against the
 * build's checksum, and a {@code manifest.json} saying what it holds.
 */
public final class Bundle {
    public static final String DUMP = "dump.nq.gz";
    public static final String MANIFEST = "manifest.json";
    /** The name under which the manifest counts the triples of the default graph. */
    public static final String DEFAULT_GRAPH = "default";
    /** The project has not chosen a licence yet; the manifest says so rather than guess one. */
    /** The data licence (CC BY 4.0, see LICENSE-DATA), the same IRI as VoID and SSSOM state. */
    public static final String LICENCE = kg.borderlands.Vocab.LICENSE_DATA;

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private Bundle() {}

    /** What the bundle holds. */
    public record Manifest(String dataset, String build, String fingerprint, String built, String file, String mediaType,
                           long bytes, String sha256, long quads, List<GraphCount> graphs, String defaultGraph,
                           String licence) {
        public Manifest {
            Objects.requireNonNull(file, "file");
            Objects.requireNonNull(sha256, "sha256");
            graphs = List.copyOf(graphs);
        }
    }

    /** The triples of one named graph. */
    public record GraphCount(String name, long triples) {}

    /** Writes the bundle of {@code build} into {@code dir} (created if needed; its two files are replaced). */
    public static Manifest write(StoreManager.PublishedBuild build, Path dir) throws IOException {
        Objects.requireNonNull(build, "build");
        Objects.requireNonNull(dir, "dir");
        Files.createDirectories(dir);
        BuildManifest.FileSum expected = build.manifest().files().get(BuildDump.FILE);
        if (expected == null) throw new IOException("the build " + build.build().getFileName() + " lists no " + BuildDump.FILE);
        Path tmp = dir.resolve(DUMP + ".tmp");
        String sha;
        try (InputStream in = new DigestInputStream(Files.newInputStream(build.build().resolve(BuildDump.FILE)), sha256())) {
            Files.copy(in, tmp, StandardCopyOption.REPLACE_EXISTING);
            sha = HexFormat.of().formatHex(((DigestInputStream) in).getMessageDigest().digest());
        }
        if (!sha.equals(expected.sha256()) || Files.size(tmp) != expected.size()) {
            Files.deleteIfExists(tmp);
            throw new IOException("the dump of build " + build.build().getFileName() + " changed while it was copied");
        }
        // counted from the copy just checked, streaming: the build's dataset is never read into memory
        List<GraphCount> graphs = GraphCounts.of(tmp);
        Files.move(tmp, dir.resolve(DUMP), StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);

        long quads = graphs.stream().mapToLong(GraphCount::triples).sum();
        Manifest m = new Manifest("borderlands-kg", build.build().getFileName().toString(),
                build.manifest().fingerprint(), build.manifest().built(), DUMP, "application/n-quads (gzip)",
                expected.size(), sha, quads, graphs,
                "stored in the dump (quads without a graph name), listed as '" + DEFAULT_GRAPH + "'; do not set unionDefaultGraph on the target", LICENCE);
        Path mtmp = dir.resolve(MANIFEST + ".tmp");
        JSON.writeValue(mtmp.toFile(), m);
        Files.move(mtmp, dir.resolve(MANIFEST), StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        return m;
    }

    /** Reads a bundle's manifest. */
    public static Manifest read(Path dir) throws IOException {
        return JSON.readValue(dir.resolve(MANIFEST).toFile(), Manifest.class);
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
