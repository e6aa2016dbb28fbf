package kg.borderlands.load;

import kg.borderlands.Vocab;
import kg.borderlands.link.Linkset;
import org.apache.jena.rdf.model.ModelFactory;
import org.apache.jena.query.Dataset;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.tdb2.DatabaseMgr;
import org.apache.jena.tdb2.TDB2;
import org.apache.jena.tdb2.TDB2Factory;
import org.apache.jena.tdb2.sys.TDBInternal;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * A store directory holding builds side by side and a {@code CURRENT} file naming the one in service.
 *
 * <pre>
 * store/CURRENT                                   name of the published build
 * store/load.lock                                 the load lock ({@link StoreLock})
 * store/leases/&lt;pid&gt;.json                          builds held by running servers ({@link Leases})
 * store/builds/20260227T101500.000Z-ab12cd34/
 *     INCOMPLETE                                  present while the build is being written
 *     tdb/                                        TDB2 database
 *     dump.nq.gz                                  the same quads, N-Quads ({@link BuildDump})
 *     manifest.json                               fingerprint, counts, checksums ({@link BuildManifest})
 * </pre>
 *
 * A build is written into a fresh directory marked {@code INCOMPLETE}, checksummed, unmarked, and only then
 * published by atomically replacing {@code CURRENT}. Writers ({@link #publish}, {@link #prune}) are called under
 * the {@link StoreLock}; readers need no lock and never write.
 */
public final class StoreManager {
    public static final String CURRENT = "CURRENT";
    public static final String BUILDS = "builds";
    public static final String INCOMPLETE = "INCOMPLETE";
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss.SSS'Z'")
            .withZone(ZoneOffset.UTC);

    private final Path root;
    /** The last build this instance verified, to verify once per process (builds are immutable). */
    private Path verified;
    private BuildManifest verifiedManifest;
    /** How the last verified build was verified; and how to verify now (digests deferred: serve's start). */
    private boolean verifiedDigests;
    private boolean deferDigests;

    public StoreManager(Path root) {
        this.root = Objects.requireNonNull(root, "root").toAbsolutePath().normalize();
    }

    public Path root() {
        return root;
    }

    private Path builds() {
        return root.resolve(BUILDS);
    }

    /** The build named by {@code CURRENT}, if {@code CURRENT} exists and names an existing directory. */
    public Optional<Path> current() throws IOException {
        Optional<String> name = currentName();
        if (name.isEmpty()) return Optional.empty();
        Path build = builds().resolve(name.get());
        return Files.isDirectory(build) ? Optional.of(build) : Optional.empty();
    }

    private Optional<String> currentName() throws IOException {
        Path cur = root.resolve(CURRENT);
        if (!Files.isRegularFile(cur)) return Optional.empty();
        String name = Files.readString(cur, StandardCharsets.UTF_8).trim();
        return name.isEmpty() || name.contains("/") || name.contains("\\") || name.startsWith(".")
                ? Optional.empty() : Optional.of(name);
    }

    /**
     * The published build, verified against its manifest.
     *
     * @throws StoreException ABSENT if nothing was published, DAMAGED if the build is missing or damaged
     */
    public Path published() throws IOException {
        return published(BuildChecksums.Scope.ALL);
    }

    private Path published(BuildChecksums.Scope scope) throws IOException {
        Path cur = root.resolve(CURRENT);
        if (!Files.exists(cur)) {
            throw new StoreException(StoreException.Kind.ABSENT, "no build has been published in the store "
                    + root + "; run 'load' first");
        }
        Optional<String> name = currentName();
        if (name.isEmpty()) {
            throw new StoreException(StoreException.Kind.DAMAGED, "the store's " + CURRENT + " file in " + root
                    + " names no build; run 'load' to rebuild it");
        }
        Path build = builds().resolve(name.get());
        if (!Files.isDirectory(build)) {
            throw new StoreException(StoreException.Kind.DAMAGED, "the store's build " + name.get()
                    + " named by " + CURRENT + " is missing; run 'load' to rebuild it");
        }
        if (scope == BuildChecksums.Scope.ALL) verify(build);
        return build;
    }

    /**
     * Verifies {@code build} against its manifest's checksums (once per build and instance); only the sizes while
     * {@link #deferDigests(boolean) digests are deferred}.
     */
    public synchronized BuildManifest verify(Path build) throws IOException {
        Path b = build.toAbsolutePath().normalize();
        if (b.equals(verified) && (verifiedDigests || deferDigests)) return verifiedManifest;
        BuildManifest m = BuildChecksums.verify(b, deferDigests ? BuildChecksums.Scope.SIZES : BuildChecksums.Scope.ALL);
        verified = b;
        verifiedManifest = m;
        verifiedDigests = !deferDigests;
        return m;
    }

    /**
     * While on, {@link #verify} checks the manifest and the size of every file but not their digests (which a
     * truncated file fails, but not a changed byte): {@code serve} starts so, then verifies the digests in the
     * background and marks the build damaged on a mismatch ({@link BuildChecksums#markDamaged}).
     */
    public synchronized void deferDigests(boolean on) {
        this.deferDigests = on;
    }

    /**
     * True if the published build verifies and was made from inputs with this fingerprint. The digests are only
     * checked when the fingerprint matches (a build made from other inputs is not reused, whatever its bytes):
     * until then only the manifest and the size of every file.
     */
    public boolean isCurrent(String fingerprint) throws IOException {
        if (!fingerprint.equals(publishedManifest().fingerprint())) return false;
        Path build = published();
        return fingerprint.equals(verify(build).fingerprint());
    }

    /**
     * The manifest of the published build, the build checked as far as {@link BuildChecksums.Scope#SIZES} goes
     * (manifest, every file present with its size, no {@code DAMAGED} marker), not its digests: for a build about
     * to be replaced, whose files are verified where they are used ({@link BuildChecksums#verify(Path, Map)}).
     *
     * @throws StoreException ABSENT if nothing was published, DAMAGED if the build is missing or damaged
     */
    public synchronized BuildManifest publishedManifest() throws IOException {
        Path build = published(BuildChecksums.Scope.SIZES).toAbsolutePath().normalize();
        if (build.equals(verified)) return verifiedManifest;
        return BuildChecksums.verify(build, BuildChecksums.Scope.SIZES);
    }

    /**
     * What a {@link BuildWriter} wrote, for the manifest; {@code change}: for an incremental build, what changed
     * since the previous build (its serving artifacts are then patched, and its files linked from the previous
     * build keep their checksums), else null; {@code copied}: the files of an incremental build copied from the
     * previous one with the state of their digest along the way (their checksums are resumed, {@link
     * BuildChecksums#compute(Path, Path, Map)}), else empty.
     */
    public record Written(long ontologyTriples, long dataTriples, long inferredTriples, long warnings,
                          Map<String, String> units, kg.borderlands.serve.artifacts.ServingArtifacts.Change change,
                          Map<String, BuildChecksums.Prefix> copied) {
        public Written {
            copied = copied == null ? Map.of() : copied;
        }

        public Written(long ontologyTriples, long dataTriples, long inferredTriples, long warnings,
                       Map<String, String> units, kg.borderlands.serve.artifacts.ServingArtifacts.Change change) {
            this(ontologyTriples, dataTriples, inferredTriples, warnings, units, change, Map.of());
        }

        public Written(long ontologyTriples, long dataTriples, long inferredTriples, long warnings,
                       Map<String, String> units) {
            this(ontologyTriples, dataTriples, inferredTriples, warnings, units, null);
        }
    }

    /** Writes the content of a new build ({@code tdb/}, the dump, anything else to be checksummed) into its directory. */
    @FunctionalInterface
    public interface BuildWriter {
        Written write(Path build) throws Exception;
    }

    /**
     * Writes the graphs into a new build and publishes it. Called under the {@link StoreLock}, only with
     * validated graphs. If anything fails, the new build is removed and the published one stays.
     */
    public Path publish(BuiltGraphs graphs, String fingerprint) throws IOException {
        Objects.requireNonNull(graphs, "graphs");
        try {
            return publish(fingerprint, build -> {
                // the mapping triples to external datasets are the linkset graph, not data (docs/linking.md):
                // split once, for the database, the dump and the count
                Linkset.Split split = Linkset.split(graphs.data().getGraph());
                writeTdb(build, graphs, split);
                BuildDump.write(build, graphs, split);
                return new Written(graphs.ontology().size(), split.data().size(),
                        graphs.inferred().size(), graphs.report().warnings(), null);
            });
        } catch (IOException | RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * Makes a new build with {@code writer} and publishes it, under the {@link StoreLock}: the build directory
     * is created with an {@code INCOMPLETE} marker, {@code writer} fills it, every file is checksummed into the
     * manifest, the marker is removed and {@code CURRENT} replaced atomically. If anything fails (the writer's
     * exceptions — bad data, violations — pass through), the new build is removed and the published one stays.
     */
    public Path publish(String fingerprint, BuildWriter writer) throws Exception {
        Objects.requireNonNull(fingerprint, "fingerprint");
        Objects.requireNonNull(writer, "writer");
        String name = STAMP.format(Instant.now()) + "-" + fingerprint.substring(0, 8);
        Path build = builds().resolve(name);
        Files.createDirectories(build);
        try {
            Files.writeString(build.resolve(INCOMPLETE), ProcessHandle.current().pid() + "\n");
            Written w = writer.write(build);
            Profile.lap("end of the build");
            kg.borderlands.serve.artifacts.ServingArtifacts.write(build, w.change());   // listed and checksummed with the rest
            Profile.lap("serving artifacts");
            var sums = w.change() == null ? BuildChecksums.compute(build)
                    : BuildChecksums.compute(build, w.change().previousBuild(), w.copied());
            Profile.lap("checksums");
            new BuildManifest(BuildManifest.FORMAT, fingerprint, Instant.now().toString(),
                    w.ontologyTriples(), w.dataTriples(), w.inferredTriples(), w.warnings(),
                    sums, w.units()).write(build);
            Files.delete(build.resolve(INCOMPLETE));
            StoreFiles.writeAtomically(root.resolve(CURRENT), name + "\n");
            Profile.lap("manifest, publication");
        } catch (Exception e) {
            deleteBuild(build);
            throw e;
        }
        return build;
    }

    private static void writeTdb(Path build, BuiltGraphs graphs, Linkset.Split split) {
        Dataset ds = TDB2Factory.connectDataset(build.resolve("tdb").toString());
        try {
            ds.executeWrite(() -> {
                ds.addNamedModel(Vocab.GRAPH_ONTOLOGY, graphs.ontology());
                ds.addNamedModel(Vocab.GRAPH_DATA, ModelFactory.createModelForGraph(split.data()));
                ds.addNamedModel(Linkset.GRAPH, ModelFactory.createModelForGraph(split.links()));
                ds.addNamedModel(Vocab.GRAPH_INFERRED, graphs.inferred());
                ds.addNamedModel(Vocab.GRAPH_CLAIMED, graphs.claimed());
                ds.addNamedModel(kg.borderlands.link.VoidDescription.GRAPH, graphs.voidDescription());
                graphs.sources().forEach(ds::addNamedModel); // one graph per source (docs/store.md)
                // The default graph is the "truthy" one: established content (and its VoID description),
                // never the claimed graph (docs/ontology.md, docs/store.md).
                ds.getDefaultModel().add(graphs.union()).add(graphs.voidDescription());
                ds.getDefaultModel().setNsPrefixes(Vocab.prefixes());
            });
        } finally {
            TDBInternal.expel(ds.asDatasetGraph());
        }
    }

    /**
     * Removes what no one needs, under the {@link StoreLock}: leftovers of killed builds (marked
     * {@code INCOMPLETE}, or without a manifest), leases of dead processes, and old builds. Never removes the
     * build named by {@code CURRENT}, a build leased by a live process, nor the newest finished build before
     * {@code CURRENT} (a reader that read {@code CURRENT} just before it moved may be opening it).
     *
     * @return the names of the removed builds
     */
    public List<String> prune(Consumer<String> notice) throws IOException {
        Objects.requireNonNull(notice, "notice");
        Files.deleteIfExists(root.resolve(CURRENT + ".tmp"));
        if (!Files.isDirectory(builds())) return List.of();
        Optional<Set<String>> leased = Leases.liveBuilds(root, notice);
        if (leased.isEmpty()) return List.of();
        Set<String> keep = new HashSet<>(leased.get());
        Optional<String> current = currentName();
        current.ifPresent(keep::add);
        List<Path> all;
        try (Stream<Path> s = Files.list(builds())) {
            all = s.filter(Files::isDirectory).sorted().collect(Collectors.toList());
        }
        if (current.isPresent()) {
            all.stream().map(p -> p.getFileName().toString())
                    .filter(n -> n.compareTo(current.get()) < 0)
                    .filter(n -> finished(builds().resolve(n)))
                    .reduce((a, b) -> b).ifPresent(keep::add);
        }
        List<String> removed = new java.util.ArrayList<>();
        for (Path b : all) {
            String n = b.getFileName().toString();
            if (keep.contains(n)) continue;
            if (!finished(b)) notice.accept("note: removing " + n + ", left unfinished by a load that was stopped");
            deleteBuild(b);
            removed.add(n);
        }
        return removed;
    }

    /** The source-unit keys named by the manifests of the finished builds (what the unit cache must keep). */
    Set<String> unitKeysInUse() throws IOException {
        Set<String> keys = new HashSet<>();
        if (!Files.isDirectory(builds())) return keys;
        try (Stream<Path> s = Files.list(builds())) {
            for (Path b : s.filter(Files::isDirectory).filter(StoreManager::finished).toList()) {
                try {
                    BuildManifest m = BuildManifest.read(b);
                    if (m.units() != null) keys.addAll(m.units().values());
                } catch (StoreException e) {
                    // a damaged build keeps nothing
                }
            }
        }
        return keys;
    }

    private static boolean finished(Path build) {
        return !Files.exists(build.resolve(INCOMPLETE)) && Files.isRegularFile(build.resolve(BuildManifest.FILE));
    }

    /** Deletes a build, its manifest first: a build interrupted while being deleted is then a leftover. */
    private static void deleteBuild(Path build) throws IOException {
        Files.deleteIfExists(build.resolve(BuildManifest.FILE));
        StoreFiles.deleteTree(build);
    }

    /**
     * Opens the published build's TDB2 database (verified first) with its stored (established, "truthy") default graph as the
     * default graph. TDB2 allows one process per database: this is for {@code serve}; read commands use
     * {@link #readPublished()}.
     */
    public DatasetGraph open() throws IOException {
        return open(published());
    }

    /** Opens the TDB2 database of {@code build}, verified first (for a server swapping in a new build). */
    public DatasetGraph open(Path build) throws IOException {
        verify(build);
        // The default graph is the established ("truthy") graph stored at publish time, not the union of the
        // named graphs: contested content is only in graph/claimed (docs/ontology.md).
        DatasetGraph dsg = DatabaseMgr.connectDatasetGraph(build.resolve("tdb").toString());
        return dsg;
    }

    /**
     * The published build read into memory from its dump: no lock, no write, any number of readers. Verifies
     * the manifest, the size of every file and the digest of the dump, which is all it reads (the full
     * verification also hashes the ~220 MB of sparse TDB2 files). The whole dump is held in memory, so the
     * heap grows with the build: for commands that query the build. Commands that only need the build's files
     * (export --bundle) use {@link #publishedBuild()}.
     */
    public PublishedBuild readPublished() throws IOException {
        return verifiedPublished(true);
    }

    /**
     * The published build, verified like {@link #readPublished()}, whose dataset is read from the dump only if
     * {@link PublishedBuild#dataset()} is called: constant memory for work on the build's files.
     */
    public PublishedBuild publishedBuild() throws IOException {
        return verifiedPublished(false);
    }

    private PublishedBuild verifiedPublished(boolean read) throws IOException {
        Optional<String> before = currentName();
        try {
            return readBuild(published(BuildChecksums.Scope.DUMP), read);
        } catch (IOException e) {
            // CURRENT moved while we read the build it named (then pruned by two loads in a row): read the new one
            if (!(e instanceof StoreException se && se.kind() != StoreException.Kind.DAMAGED)
                    && !currentName().equals(before)) {
                return readBuild(published(BuildChecksums.Scope.DUMP), read);
            }
            throw e;
        }
    }

    private static PublishedBuild readBuild(Path build, boolean read) throws IOException {
        PublishedBuild b = new PublishedBuild(build, BuildChecksums.verify(build, BuildChecksums.Scope.DUMP));
        if (read) b.read();
        return b;
    }

    /**
     * A published build, verified: its directory, its manifest and, read from its dump into memory on first use,
     * its dataset.
     */
    public static final class PublishedBuild implements AutoCloseable {
        private final Path build;
        private final BuildManifest manifest;
        private DatasetGraph dataset;

        PublishedBuild(Path build, BuildManifest manifest) {
            this.build = java.util.Objects.requireNonNull(build, "build");
            this.manifest = java.util.Objects.requireNonNull(manifest, "manifest");
        }

        public Path build() {
            return build;
        }

        public BuildManifest manifest() {
            return manifest;
        }

        /** The build's dump as an in-memory dataset, read the first time it is asked for. */
        public synchronized DatasetGraph dataset() {
            try {
                return read();
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        }

        private synchronized DatasetGraph read() throws IOException {
            if (dataset == null) dataset = BuildDump.read(build);
            return dataset;
        }

        @Override
        public synchronized void close() {
            StoreManager.close(dataset);
        }
    }

    /** Releases a dataset opened with {@link #open()} or read with {@link #readPublished()}. */
    public static void close(DatasetGraph dsg) {
        if (dsg == null) return;
        if (TDBInternal.isTDB2(dsg)) TDBInternal.expel(dsg);
        else dsg.close();
    }
}
