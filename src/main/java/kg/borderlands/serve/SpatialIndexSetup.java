package kg.borderlands.serve;

import org.apache.jena.geosparql.implementation.SRSInfo;
import org.apache.jena.geosparql.spatial.SpatialIndex;
import org.apache.jena.geosparql.spatial.SpatialIndexException;
import org.apache.jena.geosparql.spatial.index.v2.SpatialIndexIoKryo;
import org.apache.jena.geosparql.spatial.index.v2.SpatialIndexLib;
import org.apache.jena.geosparql.spatial.index.v2.SpatialIndexPerGraph;
import org.apache.jena.graph.Node;
import org.apache.jena.sparql.core.DatasetGraph;
import org.locationtech.jts.geom.Envelope;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collection;
import java.util.Objects;

/**
 * Jena GeoSPARQL's spatial index (an STR-tree per graph over every {@code geo:asWKT}) in the dataset's context,
 * so spatial property functions ({@code spatial:nearby}, {@code spatial:withinBox}…) work on {@code /kg/sparql}.
 * The {@code geof:} filter functions need no index. {@code load} builds it once per build and saves it with the
 * build's serving artifacts ({@link #write}); {@code serve} installs the saved one, read on first use or in the
 * background once the server answers ({@link #install(DatasetGraph, Path)}, {@link #warm}), since building it scans
 * the whole store (seconds at 32 sources).
 */
public final class SpatialIndexSetup {
    private SpatialIndexSetup() {}

    /** Builds the index over the dataset and installs it; returns the time taken in milliseconds. */
    public static long install(DatasetGraph dsg) {
        Objects.requireNonNull(dsg, "dataset");
        long t0 = System.nanoTime();
        build(dsg);
        long ms = (System.nanoTime() - t0) / 1_000_000;
        LoggerFactory.getLogger(SpatialIndexSetup.class).info("spatial index built in {} ms", ms);
        return ms;
    }

    /**
     * Installs the index saved by {@link #write} in {@code file}, read on its first use (a spatial query, or
     * {@link #warm}), so that the server does not wait for it at start.
     */
    public static void install(DatasetGraph dsg, Path file) {
        Objects.requireNonNull(dsg, "dataset");
        Objects.requireNonNull(file, "file");
        SpatialIndexLib.setSpatialIndex(dsg, new Saved(file));
    }

    /** Reads a saved index now, on a background thread, if the dataset has one not read yet. */
    public static void warm(DatasetGraph dsg) {
        if (SpatialIndexLib.getSpatialIndex(dsg.getContext()) instanceof Saved saved) {
            Thread t = new Thread(saved::index, "spatial-index-read");
            t.setDaemon(true);
            t.start();
        }
    }

    /** A saved index, read on first use. */
    private static final class Saved implements SpatialIndex {
        private final Lazy<SpatialIndex> index;

        Saved(Path file) {
            this.index = Lazy.of(() -> {
                long t0 = System.nanoTime();
                try {
                    SpatialIndex i = SpatialIndexIoKryo.load(file);
                    LoggerFactory.getLogger(SpatialIndexSetup.class).info("spatial index read in {} ms",
                            (System.nanoTime() - t0) / 1_000_000);
                    return i;
                } catch (SpatialIndexException e) {
                    throw new IllegalStateException("cannot read the spatial index " + file + ": " + e.getMessage(), e);
                }
            });
        }

        SpatialIndex index() {
            return index.get();
        }

        @Override
        public SRSInfo getSrsInfo() {
            return index().getSrsInfo();
        }

        @Override
        public boolean isEmpty() {
            return index().isEmpty();
        }

        @Override
        public long getSize() {
            return index().getSize();
        }

        @Override
        public Collection<Node> query(Envelope searchEnvelope, Node graphName) {
            return index().query(searchEnvelope, graphName);
        }

        @Override
        public Path getLocation() {
            return index().getLocation();
        }

        @Override
        public void setLocation(Path location) {
            index().setLocation(location);
        }
    }

    /** Builds the index of a dataset and saves it in {@code file}. */
    public static void write(DatasetGraph dsg, Path file) throws IOException {
        SpatialIndex index = build(dsg);
        if (!(index instanceof SpatialIndexPerGraph perGraph))
            throw new IllegalStateException("unexpected spatial index " + index.getClass().getName());
        Files.createDirectories(file.toAbsolutePath().getParent());
        try {
            SpatialIndexIoKryo.save(file, perGraph);
        } catch (SpatialIndexException e) {
            throw new IOException("cannot write the spatial index " + file + ": " + e.getMessage(), e);
        }
    }

    private static SpatialIndex build(DatasetGraph dsg) {
        try {
            return SpatialIndexLib.buildSpatialIndex(dsg);
        } catch (SpatialIndexException e) {
            throw new IllegalStateException("cannot build the spatial index: " + e.getMessage(), e);
        }
    }
}
