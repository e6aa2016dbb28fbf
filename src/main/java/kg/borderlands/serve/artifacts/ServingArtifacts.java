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
     * Writes the artifacts of a build whose TDB2 database ({@code <build>/tdb}) is written and closed: the one
     * call the load pipeline makes, before it checksums the build.
     */
    public static void write(Path build) throws IOException {
        Objects.requireNonNull(build, "build");
        long t0 = System.nanoTime();
        DatasetGraph dsg = DatabaseMgr.connectDatasetGraph(build.resolve("tdb").toString());
        try {
            write(dsg, build.resolve(DIR));
        } finally {
            TDBInternal.expel(dsg);
        }
        LoggerFactory.getLogger(ServingArtifacts.class).info("serving artifacts written in {} ms",
                (System.nanoTime() - t0) / 1_000_000);
    }

    /** Writes the artifacts of a dataset into {@code dir}. */
    public static void write(DatasetGraph dsg, Path dir) throws IOException {
        Files.createDirectories(dir);
        Laps t = new Laps();
        Snapshot snapshot = Snapshot.of(dsg);
        List<Snapshot.Entry> records = snapshot.read(() -> new ArrayList<>(snapshot.entries()));
        JSON.writeValue(dir.resolve(RECORDS).toFile(), records);
        t.lap(RECORDS);
        LabelIndex.write(records, dir.resolve(SEARCH));
        t.lap(SEARCH);
        NetworkFile.write(new NetworkProjector(dsg).project(), dir.resolve(NETWORK));
        t.lap(NETWORK);
        StoryQueries.run(dsg).write(dir.resolve(STORY));
        t.lap(STORY);
        JSON.writeValue(dir.resolve(USAGE).toFile(), snapshot.read(() -> UsageCounts.of(snapshot)));
        t.lap(USAGE);
        SpatialIndexSetup.write(dsg, dir.resolve(SPATIAL));
        t.lap(SPATIAL);
    }

    /** Per-artifact timings on standard error with {@code -Dbkg.profile=true} (benchmarks). */
    private static final class Laps {
        private long last = System.nanoTime();

        void lap(String what) {
            long now = System.nanoTime();
            if (Boolean.getBoolean("bkg.profile")) System.err.printf("phase   serving %s: %d ms%n", what, (now - last) / 1_000_000);
            last = now;
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
