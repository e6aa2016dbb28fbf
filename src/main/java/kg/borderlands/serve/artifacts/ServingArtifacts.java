package kg.borderlands.serve.artifacts;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import kg.borderlands.analyse.NetworkProjector;
import kg.borderlands.serve.Lazy;
import kg.borderlands.serve.SpatialIndexSetup;
import kg.borderlands.serve.api.StoryQueries;
import kg.borderlands.serve.api.StoryQuery;
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
 * serving/format            the form of these files ({@value #FORMAT})
 * </pre>
 *
 * Each is written in one form whatever the order the store yields things in, so that an incremental build, which
 * patches the previous build's files from the quads that changed ({@link ArtifactsDelta}, {@link NetworkDelta},
 * {@code StoryQuery#patch}), writes the same bytes as a build from scratch (the Lucene index: the same documents
 * in the same order). A full build writes them as streams, holding little besides ids.
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
    /** The form of the artifacts, in {@code serving/format}: an incremental build patches only a previous build's of the same form. */
    static final String FORMAT_FILE = "format";
    static final String FORMAT = "serving-artifacts 2";
    /** Above this many roots of a story query to compute again, the query is run whole. */
    static final int STORY_CAP = 5_000;
    static final String WRITTEN = "written";
    static final String PATCHED = "patched";
    static final String LINKED = "linked";
    /** How each artifact was made by the last write in this process (tests, benchmarks). */
    private static volatile Map<String, String> lastWrite = Map.of();
    private static final ObjectMapper JSON = new ObjectMapper();
    /** usage.json with its counts in key order (one form whatever the map's order). */
    private static final ObjectMapper USAGE_JSON = new ObjectMapper()
            .enable(com.fasterxml.jackson.databind.SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS);

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

    static void write(DatasetGraph dsg, Path dir, Change change) throws IOException {
        Files.createDirectories(dir);
        Laps t = new Laps();
        Map<String, String> how = new java.util.concurrent.ConcurrentSkipListMap<>();
        ArtifactsDelta delta = change == null || !sameFormat(change.previousBuild().resolve(DIR)) ? null
                : new ArtifactsDelta(dsg, change);
        Path before = delta == null ? null : delta.previous();
        // the network and the story views on two threads meanwhile, then, on the first of them free, the usage
        // counts and the spatial index (the catalogue and search index, the longest part, stay on this thread)
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(2, r -> {
            Thread th = new Thread(r, "serving-artifacts");
            th.setDaemon(true);
            return th;
        });
        try {
            t.begin();
            java.util.concurrent.Future<?> network = pool.submit(() -> {
                t.begin();
                boolean patched = delta != null && new NetworkDelta(dsg, change.removed(), change.added())
                        .patch(before.resolve(NETWORK), dir.resolve(NETWORK));
                if (!patched) NetworkFile.write(new NetworkProjector(dsg), dir.resolve(NETWORK));
                how.put(NETWORK, patched ? PATCHED : WRITTEN);
                t.lap(NETWORK + (patched ? " (patched)" : ""));
                return null;
            });
            java.util.concurrent.Future<?> story = pool.submit(() -> {
                t.begin();
                Files.createDirectories(dir.resolve(STORY));
                int patched = 0;
                for (String name : StoryQueries.NAMES) {
                    StoryQuery q = StoryQuery.named(name);
                    Path file = dir.resolve(STORY).resolve(name + ".json");
                    if (delta != null && q.patch(dsg, before.resolve(STORY).resolve(name + ".json"), file,
                            change.removed(), change.added(), STORY_CAP)) {
                        patched++;
                        how.put(STORY + "/" + name + ".json", PATCHED);
                    } else {
                        q.write(dsg, file);
                        how.put(STORY + "/" + name + ".json", WRITTEN);
                    }
                }
                t.lap(STORY + (delta == null ? "" : " (" + patched + " of " + StoryQueries.NAMES.size() + " patched)"));
                return null;
            });
            java.util.concurrent.Future<?> usageAndSpatial = pool.submit(() -> {
                t.begin();
                Optional<UsageCounts> usage = delta == null ? Optional.empty() : Txn.calculateRead(dsg, () -> io(delta::usage));
                USAGE_JSON.writeValue(dir.resolve(USAGE).toFile(), usage.isPresent() ? usage.get()
                        : Txn.calculateRead(dsg, () -> UsageScan.of(dsg).orElseGet(() -> UsageCounts.of(Snapshot.live(dsg, Map::of)))));
                t.lap(USAGE + (usage.isPresent() ? " (patched)" : ""));
                how.put(USAGE, usage.isPresent() ? PATCHED : WRITTEN);
                if (delta != null && Files.isRegularFile(before.resolve(SPATIAL)) && Txn.calculateRead(dsg, delta::sameSpatialIndex)) {
                    link(before.resolve(SPATIAL), dir.resolve(SPATIAL));
                    t.lap(SPATIAL + " (unchanged)");
                    how.put(SPATIAL, LINKED);
                } else {
                    SpatialIndexSetup.write(dsg, dir.resolve(SPATIAL));
                    t.lap(SPATIAL);
                    how.put(SPATIAL, WRITTEN);
                }
                return null;
            });
            Optional<ArtifactsDelta.RecordsChange> records = delta == null ? Optional.empty()
                    : Txn.calculateRead(dsg, () -> io(() -> delta.records(dir.resolve(RECORDS))));
            if (records.isEmpty()) {
                RecordsFile.write(dsg, dir.resolve(RECORDS), dir.resolve(SEARCH));
                t.lap(RECORDS + " and " + SEARCH);
                how.put(RECORDS, WRITTEN);
                how.put(SEARCH, WRITTEN);
            } else {
                t.lap(RECORDS + " (patched)");
                if (records.get().isEmpty()) linkAll(before.resolve(SEARCH), dir.resolve(SEARCH));
                else LabelIndex.update(before.resolve(SEARCH), dir.resolve(SEARCH), records.get().changedIris(), records.get().entries());
                t.lap(SEARCH + (records.get().isEmpty() ? " (unchanged)" : " (updated)"));
                how.put(RECORDS, PATCHED);
                how.put(SEARCH, records.get().isEmpty() ? LINKED : PATCHED);
            }
            network.get();
            story.get();
            usageAndSpatial.get();
            Files.writeString(dir.resolve(FORMAT_FILE), FORMAT + "\n");
            lastWrite = Map.copyOf(how);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while writing the serving artifacts", e);
        } catch (java.util.concurrent.ExecutionException e) {
            if (e.getCause() instanceof IOException io) throw io;
            if (e.getCause() instanceof java.io.UncheckedIOException io) throw io.getCause();
            if (e.getCause() instanceof RuntimeException re) throw re;
            if (e.getCause() instanceof Error err) throw err;
            throw new IOException(e.getCause());
        } finally {
            pool.shutdownNow();
        }
    }

    /**
     * How each artifact of the last build this process wrote was made: {@code written} (from the whole database),
     * {@code patched} (from the previous build's, by the change) or {@code linked} (the previous build's file,
     * unchanged). By path under {@code serving/} (tests, benchmarks).
     */
    public static Map<String, String> lastWrite() {
        return lastWrite;
    }

    /** True if a previous build's artifacts are of this version's form (so that they can be patched). */
    private static boolean sameFormat(Path previous) {
        try {
            return Files.isRegularFile(previous.resolve(FORMAT_FILE))
                    && Files.readString(previous.resolve(FORMAT_FILE)).strip().equals(FORMAT);
        } catch (IOException e) {
            return false;
        }
    }

    /** Hard links to every file of a folder of the previous build. */
    private static void linkAll(Path from, Path to) throws IOException {
        Files.createDirectories(to);
        try (var files = Files.list(from)) {
            for (Path f : files.toList()) link(f, to.resolve(f.getFileName().toString()));
        }
    }

    /** A hard link to a file of the previous build (a copy where links are not supported). */
    private static void link(Path from, Path to) throws IOException {
        try {
            Files.createLink(to, from);
        } catch (UnsupportedOperationException | IOException e) {
            Files.copy(from, to);
        }
    }

    /** Per-artifact timings on standard error with {@code -Dbkg.profile=true} (benchmarks). */
    private static final class Laps {
        private final long start = System.nanoTime();
        private final ThreadLocal<long[]> cpu = ThreadLocal.withInitial(() -> new long[] {cpuNow()});

        /** This thread starts on its parts. */
        void begin() {
            cpu.set(new long[] {cpuNow()});
        }

        /**
         * Milliseconds since the start, when a part is done (parts run on three threads: this one and two of a
         * pool), and the CPU time the part's thread spent on it.
         */
        void lap(String what) {
            long now = System.nanoTime();
            long[] last = cpu.get();
            long c = cpuNow();
            if (Boolean.getBoolean("bkg.profile")) {
                System.err.printf("phase   serving %s done at %d ms (%d ms CPU)%n", what, (now - start) / 1_000_000, (c - last[0]) / 1_000_000);
            }
            last[0] = c;
        }

        private static long cpuNow() {
            return java.lang.management.ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime();
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
