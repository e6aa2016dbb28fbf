package kg.borderlands.load;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import kg.borderlands.Vocab;
import org.apache.jena.query.Dataset;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.tdb2.DatabaseMgr;
import org.apache.jena.tdb2.TDB2;
import org.apache.jena.tdb2.TDB2Factory;
import org.apache.jena.tdb2.sys.TDBInternal;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.time.ZoneOffset;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * A store directory holding TDB2 builds side by side and a {@code CURRENT} file naming the one in service.
 * A new build is written into a fresh directory and only then published by atomically replacing
 * {@code CURRENT}; a failed build is deleted and leaves the published one untouched.
 *
 * <pre>
 * store/CURRENT                      name of the published build
 * store/builds/20260227T101500Z-ab12cd34/tdb/            TDB2 database
 * store/builds/20260227T101500Z-ab12cd34/manifest.json   fingerprint, counts, time
 * </pre>
 */
public final class StoreManager {
    public static final String CURRENT = "CURRENT";
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss.SSS'Z'")
            .withZone(ZoneOffset.UTC);
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private final Path root;

    public StoreManager(Path root) {
        this.root = Objects.requireNonNull(root, "root").toAbsolutePath().normalize();
    }

    public Path root() {
        return root;
    }

    /** The published build, if any. */
    public Optional<Path> current() throws IOException {
        Path cur = root.resolve(CURRENT);
        if (!Files.isRegularFile(cur)) return Optional.empty();
        Path build = root.resolve("builds").resolve(Files.readString(cur, StandardCharsets.UTF_8).trim());
        return Files.isDirectory(build.resolve("tdb")) ? Optional.of(build) : Optional.empty();
    }

    /** The manifest of the published build (empty map if none). */
    public Map<String, Object> currentManifest() throws IOException {
        Optional<Path> cur = current();
        if (cur.isEmpty() || !Files.exists(cur.get().resolve("manifest.json"))) return Map.of();
        @SuppressWarnings("unchecked")
        Map<String, Object> m = JSON.readValue(cur.get().resolve("manifest.json").toFile(), Map.class);
        return m;
    }

    /** True if the published build was made from inputs with this fingerprint. */
    public boolean isCurrent(String fingerprint) throws IOException {
        return fingerprint.equals(currentManifest().get("fingerprint"));
    }

    /**
     * Writes the graphs into a new TDB2 build and publishes it. Called only with validated graphs; if
     * anything fails, the new build is removed and the published one stays.
     */
    public Path publish(BuiltGraphs graphs, String fingerprint) throws IOException {
        Objects.requireNonNull(graphs, "graphs");
        Objects.requireNonNull(fingerprint, "fingerprint");
        String name = STAMP.format(Instant.now()) + "-" + fingerprint.substring(0, 8);
        Path build = root.resolve("builds").resolve(name);
        Files.createDirectories(build);
        try {
            Dataset ds = TDB2Factory.connectDataset(build.resolve("tdb").toString());
            try {
                ds.executeWrite(() -> {
                    ds.addNamedModel(Vocab.GRAPH_ONTOLOGY, graphs.ontology());
                    ds.addNamedModel(Vocab.GRAPH_DATA, graphs.data());
                    ds.addNamedModel(Vocab.GRAPH_INFERRED, graphs.inferred());
                    ds.addNamedModel(Vocab.GRAPH_CLAIMED, graphs.claimed());
                    ds.addNamedModel(kg.borderlands.link.VoidDescription.GRAPH, graphs.voidDescription());
                    // The default graph is the "truthy" one: established content (and its VoID description),
                    // never the claimed graph (docs/ontology.md, docs/store.md).
                    ds.getDefaultModel().add(graphs.union()).add(graphs.voidDescription());
                    ds.getDefaultModel().setNsPrefixes(Vocab.prefixes());
                });
            } finally {
                TDBInternal.expel(ds.asDatasetGraph());
            }
            Map<String, Object> manifest = new LinkedHashMap<>();
            manifest.put("fingerprint", fingerprint);
            manifest.put("built", Instant.now().toString());
            manifest.put("ontologyTriples", graphs.ontology().size());
            manifest.put("dataTriples", graphs.data().size());
            manifest.put("inferredTriples", graphs.inferred().size());
            manifest.put("claimedTriples", graphs.claimed().size());
            manifest.put("warnings", graphs.report().warnings());
            JSON.writeValue(build.resolve("manifest.json").toFile(), manifest);
            switchCurrent(name);
        } catch (IOException | RuntimeException e) {
            deleteTree(build);
            throw e;
        }
        prune(name);
        return build;
    }

    /**
     * Opens the published build read-write. Its default graph is the established ("truthy") graph written at
     * publish time; contested content is only in the named graph {@code graph/claimed}.
     */
    public DatasetGraph open() throws IOException {
        Path build = current().orElseThrow(() -> new IOException("no store built yet in " + root
                + " (run 'load' first)"));
        return DatabaseMgr.connectDatasetGraph(build.resolve("tdb").toString());
    }

    /** Releases a dataset opened with {@link #open()}. */
    public static void close(DatasetGraph dsg) {
        if (dsg != null) TDBInternal.expel(dsg);
    }

    private void switchCurrent(String name) throws IOException {
        Path tmp = root.resolve(CURRENT + ".tmp");
        Files.writeString(tmp, name + "\n", StandardCharsets.UTF_8);
        try {
            Files.move(tmp, root.resolve(CURRENT), StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(tmp, root.resolve(CURRENT), StandardCopyOption.REPLACE_EXISTING);
        }
    }

    /** Keeps the published build and the one before it (a running server may still use it). */
    private void prune(String keep) throws IOException {
        Path builds = root.resolve("builds");
        List<Path> all;
        try (Stream<Path> s = Files.list(builds)) {
            all = s.filter(Files::isDirectory).sorted(Comparator.reverseOrder()).collect(Collectors.toList());
        }
        int kept = 0;
        for (Path b : all) {
            if (b.getFileName().toString().equals(keep) || kept++ < 1) continue;
            deleteTree(b);
        }
    }

    static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir)) return;
        try (Stream<Path> s = Files.walk(dir)) {
            for (Path p : s.sorted(Comparator.reverseOrder()).collect(Collectors.toList())) {
                Files.deleteIfExists(p);
            }
        }
    }
}
