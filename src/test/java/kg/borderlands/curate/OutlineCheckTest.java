package kg.borderlands.curate;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.*;

/** Outlines in data/places.yaml: WKT that parses, of a polygon or line type, valid, lon/lat in range. */
class OutlineCheckTest {
    @Test
    void acceptsPolygonsMultipolygonsAndLines() {
        assertNull(OutlineCheck.problem("POLYGON((70 33, 71 33, 71 34, 70 34, 70 33))"));
        assertNull(OutlineCheck.problem("MULTIPOLYGON(((70 33, 71 33, 71 34, 70 33)), ((72 33, 73 33, 73 34, 72 33)))"));
        assertNull(OutlineCheck.problem("LINESTRING(69 32, 70 33, 71 34)"));
    }

    @Test
    void refusesWhatIsNotAUsableOutline() {
        assertTrue(OutlineCheck.problem("POLYGON((70 33, 71 33").startsWith("outline is not WKT"));
        assertTrue(OutlineCheck.problem("POINT(70 33)").contains("polygon or a line"));
        // a bow tie: the ring crosses itself
        assertTrue(OutlineCheck.problem("POLYGON((70 33, 71 34, 71 33, 70 34, 70 33))").contains("not a valid geometry"));
        // lat lon swapped: 'latitude' 170 is out of range
        assertTrue(OutlineCheck.problem("POLYGON((33 170, 34 170, 34 171, 33 170))").contains("out of range"));
    }
}
