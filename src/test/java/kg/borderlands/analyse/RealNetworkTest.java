package kg.borderlands.analyse;

import kg.borderlands.load.StoreManager;
import kg.borderlands.support.TestProject;
import org.apache.jena.sparql.core.DatasetGraph;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.List;

import static org.junit.jupiter.api.Assertions.*;

/** The network of the project's real store. */
class RealNetworkTest {
    private static Network net;

    @BeforeAll
    static void project() throws Exception {
        DatasetGraph dsg = TestProject.realStore().open();
        try {
            net = new NetworkProjector(dsg).project();
        } finally {
            StoreManager.close(dsg);
        }
    }

    @Test
    void ttpAndTheAfghanTalibanAreConnected() {
        assertFalse(net.edgesBetween("ttp", "afghan-taliban").isEmpty(), "a direct relation");
        NetworkPath p = new NetworkAnalytics(net).shortestPath("ttp", "afghan-taliban").orElseThrow();
        assertEquals(1, p.length());
    }

    @Test
    void qatarToTtpPathHasSourcesOnEveryHop() {
        NetworkPath p = new NetworkAnalytics(net).shortestPath("qatar", "ttp").orElseThrow();
        assertTrue(p.length() >= 1);
        assertEquals("qatar", p.actors().get(0));
        assertEquals("ttp", p.actors().get(p.actors().size() - 1));
        for (Hop h : p.hops()) {
            assertFalse(h.relations().isEmpty(), "hop " + h.from() + " – " + h.to() + " has relations");
            for (HopRelation r : h.relations()) {
                assertTrue(!r.edge().footnotes().isEmpty() || !r.edge().sections().isEmpty(),
                        "edge " + r.edge().id() + " cites a footnote or section");
                assertTrue(r.edge().touches(h.from()) && r.edge().touches(h.to()));
            }
        }
    }

    @Test
    void everyEdgeCitesTheReportAndEndsAtActors() {
        assertTrue(net.nodes().size() > 50, net.toString());
        assertTrue(net.edges().size() > 100, net.toString());
        for (NetworkEdge e : net.edges()) {
            assertFalse(e.sections().isEmpty(), e.id() + " cites a section");
            assertTrue(net.contains(e.source()) && net.contains(e.target()));
        }
        for (String kind : List.of("Allegation", "Denial", "Mediation", "Attack", "Sanctuary", "Allegiance", "OfficeHolding")) {
            assertTrue(net.kinds().contains(kind), "kind " + kind + " present");
        }
    }

    @Test
    void asOfFiltersTheRealNetwork() {
        Network y2025 = net.filter(NetworkFilter.all().asOf(LocalDate.of(2025, 10, 18)));
        assertTrue(y2025.edges().size() < net.edges().size());
        for (NetworkEdge e : y2025.edges()) assertTrue(e.overlaps(LocalDate.of(2025, 10, 18), LocalDate.of(2025, 10, 18)));
        assertTrue(y2025.edges().stream().anyMatch(e -> e.record().equals("ev-2025-10-18-doha-round")));
    }

    @Test
    void accusationsIncludeTheSanctuaryDispute() {
        AccusationMatrix m = new NetworkAnalytics(net).accusations();
        assertTrue(m.count("pakistan", "taliban-government") > 0);
        assertTrue(m.count("taliban-government", "pakistan") > 0, "counter-claims count as accusations");
    }
}
