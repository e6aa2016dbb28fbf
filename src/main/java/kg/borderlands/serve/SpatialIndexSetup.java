package kg.borderlands.serve;

import org.apache.jena.geosparql.spatial.SpatialIndexException;
import org.apache.jena.geosparql.spatial.index.v2.SpatialIndexLib;
import org.apache.jena.sparql.core.DatasetGraph;
import org.slf4j.LoggerFactory;

import java.util.Objects;

/**
 * Builds Jena GeoSPARQL's spatial index (an STR-tree per graph over every {@code geo:asWKT}) in memory and
 * puts it in the dataset's context, so spatial property functions ({@code spatial:nearby},
 * {@code spatial:withinBox}…) work on {@code /kg/sparql}. The {@code geof:} filter functions need no index.
 * Built at serve start: with a few dozen geometries it costs milliseconds (logged, see docs/geo.md).
 */
public final class SpatialIndexSetup {
    private SpatialIndexSetup() {}

    /** Builds the index over the dataset and installs it; returns the time taken in milliseconds. */
    public static long install(DatasetGraph dsg) {
        Objects.requireNonNull(dsg, "dataset");
        long t0 = System.nanoTime();
        try {
            SpatialIndexLib.buildSpatialIndex(dsg);
        } catch (SpatialIndexException e) {
            throw new IllegalStateException("cannot build the spatial index: " + e.getMessage(), e);
        }
        long ms = (System.nanoTime() - t0) / 1_000_000;
        LoggerFactory.getLogger(SpatialIndexSetup.class).info("spatial index built in {} ms", ms);
        return ms;
    }
}
