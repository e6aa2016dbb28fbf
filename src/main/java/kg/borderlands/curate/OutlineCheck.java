package kg.borderlands.curate;

import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.io.ParseException;
import org.locationtech.jts.io.WKTReader;

import java.util.Set;

/** Checks a place outline: WKT that parses (JTS), a polygon or line type, valid, with lon/lat in range. */
final class OutlineCheck {
    private static final Set<String> TYPES = Set.of("Polygon", "MultiPolygon", "LineString", "MultiLineString");

    private OutlineCheck() {}

    /** Null if the WKT is a usable outline, else what is wrong with it. */
    static String problem(String wkt) {
        Geometry g;
        try {
            g = new WKTReader().read(wkt);
        } catch (ParseException e) {
            return "outline is not WKT: " + e.getMessage();
        }
        if (!TYPES.contains(g.getGeometryType())) return "outline must be a polygon or a line, got " + g.getGeometryType();
        if (!g.isValid()) return "outline is not a valid geometry (self-intersecting or unclosed ring)";
        var env = g.getEnvelopeInternal();
        if (env.getMinX() < -180 || env.getMaxX() > 180 || env.getMinY() < -90 || env.getMaxY() > 90) {
            return "outline coordinates out of range (WKT is lon lat)";
        }
        return null;
    }
}
