package kg.borderlands.serve.artifacts;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import kg.borderlands.analyse.Network;
import kg.borderlands.analyse.NetworkProjector;
import kg.borderlands.serve.Lazy;
import kg.borderlands.serve.SpatialIndexSetup;
import kg.borderlands.serve.api.StoryQueries;
import kg.borderlands.serve.ld.Snapshot;
import kg.borderlands.serve.ontology.OntologyCatalogue.UsageCounts;
import kg.borderlands.serve.search.LabelIndex;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.tdb2.DatabaseMgr;
import org.apache.jena.tdb2.sys.TDBInternal;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.apache.jena.system.Txn;

/**
 * The serving artifacts of a build: everything the web layer and the SPARQL endpoint derive from the whole graph,
 * written once per build by {@code load} into {@code <build>/serving/} (so they are listed in the build's manifest
 * with their sizes and checksums, and verified with the rest), and read by {@code serve} at start and on every
 * reload instead of being recomputed from an in-memory copy of the store.
 *
 * <pre>
 * serving/records.json      catalogue of curated records (id, IRI, label, aliases, kind, type)
 * serving/search/           Lucene index of their labels and aliases (opened memory-mapped)
 * serving/network.json      the projected actor network
 * serving/story/*.json      the timeline, map and claim views' data (SPARQL JSON results)
 * serving/usage.json        usage counts of the ontology's terms
 * serving/spatial.index     GeoSPARQL spatial index (Jena's own Kryo format)
 * </pre>
 *
 * Entity pages and descriptions are not stored: they are read from the build's TDB2 database per request.
 */
public final class ServingArtifacts {
    /** The folder of the artifacts inside a build. */
    public static final String DIR = "serving";
    static final String RECORDS = "records.json";
    static final String SEARCH = "search";
    static final String NETWORK = "network.json";
    static final String STORY = "story";
    static final String USAGE = "usage.json";
    static final String SPATIAL = "spatial.index";
    private static final ObjectMapper JSON = new ObjectMapper();

    private ServingArtifacts() {}

    /**
     * What changed since the previous build, for an incremental build: the previous build (published, verified)
     * and the quads the delta really removed from and added to its database (default-graph quads named
     * {@link org.apache.jena.sparql.core.Quad#defaultGraphIRI}).
     */
    public record Change(Path previousBuild, List<org.apache.jena.sparql.core.Quad> removed,
                         List<org.apache.jena.sparql.core.Quad> added) {
        public Change {
            Objects.requireNonNull(previousBuild, "previousBuild");
            removed = List.copyOf(removed);
            added = List.copyOf(added);
        }
    }

    /**
     * Writes the artifacts of a build whose TDB2 database ({@code <build>/tdb}) is written and closed: the one
     * call the load pipeline makes, before it checksums the build.
     */
    public static void write(Path build) throws IOException {
        write(build, null);
    }

    /**
     * Writes the artifacts of a build; with {@code change} (an incremental build), the catalogue, search index
     * and usage counts are patched from the previous build's ({@link ArtifactsDelta}), the same as recomputed.
     */
    public static void write(Path build, Change change) throws IOException {
        Objects.requireNonNull(build, "build");
        long t0 = System.nanoTime();
        DatasetGraph dsg = DatabaseMgr.connectDatasetGraph(build.resolve("tdb").toString());
        try {
            write(dsg, build.resolve(DIR), change);
        } finally {
            TDBInternal.expel(dsg);
        }
        LoggerFactory.getLogger(ServingArtifacts.class).info("serving artifacts written in {} ms",
                (System.nanoTime() - t0) / 1_000_000);
    }

    /** Writes the artifacts of a dataset into {@code dir}. */
    public static void write(DatasetGraph dsg, Path dir) throws IOException {
        write(dsg, dir, null);
    }

    private static void write(DatasetGraph dsg, Path dir, Change change) throws IOException {
        Files.createDirectories(dir);
        Laps t = new Laps();
        // the network and the story views read the whole graph: on their own threads meanwhile
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(2, r -> {
            Thread th = new Thread(r, "serving-artifacts");
            th.setDaemon(true);
            return th;
        });
        try {
            java.util.concurrent.Future<?> network = pool.submit(() -> {
                NetworkFile.write(new NetworkProjector(dsg).project(), dir.resolve(NETWORK));
                t.lap(NETWORK);
                return null;
            });
            java.util.concurrent.Future<?> story = pool.submit(() -> {
                StoryQueries.run(dsg).write(dir.resolve(STORY));
                t.lap(STORY);
                return null;
            });
            ArtifactsDelta delta = change == null ? null : new ArtifactsDelta(dsg, change);
            Snapshot snapshot = delta == null ? Snapshot.of(dsg) : Snapshot.live(dsg, Map::of);
            List<Snapshot.Entry> records = snapshot.read(() -> io(() -> {
                Optional<List<Snapshot.Entry>> patched = delta == null ? Optional.empty() : delta.records(snapshot);
                if (patched.isPresent()) return patched.get();
                Snapshot full = delta == null ? snapshot : Snapshot.of(dsg);
                List<Snapshot.Entry> all = new ArrayList<>(full.entries());
                all.sort(java.util.Comparator.comparing(Snapshot.Entry::id));   // one order, whatever the store's
                return all;
            }));
            JSON.writeValue(dir.resolve(RECORDS).toFile(), records);
            t.lap(RECORDS);
            if (delta != null && delta.sameRecords(records)) delta.linkSearchIndex(dir.resolve(SEARCH));
            else LabelIndex.write(records, dir.resolve(SEARCH));
            t.lap(SEARCH);
            Optional<UsageCounts> usage = delta == null ? Optional.empty()
                    : Txn.calculateRead(dsg, () -> io(delta::usage));
            JSON.writeValue(dir.resolve(USAGE).toFile(), usage.isPresent() ? usage.get()
                    : snapshot.read(() -> UsageCounts.of(snapshot)));
            t.lap(USAGE);
            SpatialIndexSetup.write(dsg, dir.resolve(SPATIAL));
            t.lap(SPATIAL);
            network.get();
            story.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while writing the serving artifacts", e);
        } catch (java.util.concurrent.ExecutionException e) {
            if (e.getCause() instanceof IOException io) throw io;
            if (e.getCause() instanceof RuntimeException re) throw re;
            throw new IOException(e.getCause());
        } finally {
            pool.shutdownNow();
        }
    }

    /** Per-artifact timings on standard error with {@code -Dbkg.profile=true} (benchmarks). */
    private static final class Laps {
        private final long start = System.nanoTime();

        /** Milliseconds since the start, when a part is done (parts run on two threads). */
        void lap(String what) {
            long now = System.nanoTime();
            if (Boolean.getBoolean("bkg.profile")) System.err.printf("phase   serving %s done at %d ms%n", what, (now - start) / 1_000_000);
        }
    }

    /** True if the build has serving artifacts. */
    public static boolean present(Path build) {
        return Files.isRegularFile(build.resolve(DIR).resolve(RECORDS));
    }

    /** The path of a build's saved spatial index. */
    public static Path spatialIndex(Path build) {
        return build.resolve(DIR).resolve(SPATIAL);
    }

    /** The web layer's data of a build, each part read from its artifacts on first use. */
    public static WebData read(Path build) throws IOException {
        Path dir = build.resolve(DIR);
        if (!present(build)) throw new IOException("the build " + build.getFileName() + " has no serving artifacts");
        return new WebData(Lazy.of(() -> io(() -> catalogue(dir.resolve(RECORDS)))),
                snapshot -> io(() -> LabelIndex.open(dir.resolve(SEARCH), snapshot)),
                Lazy.of(() -> io(() -> NetworkFile.read(dir.resolve(NETWORK)))),
                Lazy.of(() -> io(() -> StoryQueries.read(dir.resolve(STORY)))),
                Lazy.of(() -> io(() -> JSON.readValue(dir.resolve(USAGE).toFile(), UsageCounts.class))));
    }

    private static Map<String, Snapshot.Entry> catalogue(Path file) throws IOException {
        List<Snapshot.Entry> records = JSON.readValue(file.toFile(), new TypeReference<List<Snapshot.Entry>>() {});
        Map<String, Snapshot.Entry> m = new LinkedHashMap<>();
        for (Snapshot.Entry e : records) m.put(e.id(), e);
        return Collections.unmodifiableMap(m);
    }

    private interface IoSupplier<T> {
        T get() throws IOException;
    }

    private static <T> T io(IoSupplier<T> s) {
        try {
            return s.get();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
