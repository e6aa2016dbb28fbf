package kg.borderlands.analyse;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.*;

class NetworkFilterTest {
    private final Network net = FixtureNetwork.network();

    private static LocalDate d(String s) {
        return s == null || s.isEmpty() ? null : LocalDate.parse(s);
    }

    private static Set<String> records(Network n) {
        return new java.util.TreeSet<>(n.edges().stream().map(NetworkEdge::record).toList());
    }

    /** Edge span [from, until] against window [wFrom, wTo]; empty = open. */
    @ParameterizedTest(name = "[{0} .. {1}] vs window [{2} .. {3}] -> {4}")
    @CsvSource({
            // edge inside the window, window inside the edge
            "2020-01-01, 2020-12-31, 2019-01-01, 2021-12-31, true",
            "2019-01-01, 2022-12-31, 2020-06-01, 2020-06-30, true",
            // entirely before / entirely after
            "2010-01-01, 2015-12-31, 2016-01-01, 2020-12-31, false",
            "2021-01-01, 2021-12-31, 2019-01-01, 2020-12-31, false",
            // overlapping the window's start / the window's end
            "2018-01-01, 2020-03-01, 2020-01-01, 2020-12-31, true",
            "2020-11-01, 2022-01-01, 2020-01-01, 2020-12-31, true",
            // touching exactly on a boundary (inclusive)
            "2010-01-01, 2015-12-31, 2015-12-31, 2015-12-31, true",
            "2010-01-01, 2015-12-31, 2010-01-01, 2010-01-01, true",
            "2010-01-01, 2015-12-31, 2009-12-31, 2009-12-31, false",
            "2010-01-01, 2015-12-31, 2016-01-01, 2016-01-01, false",
            // open-ended edges
            "2020-01-01, , 2025-06-01, 2025-06-01, true",
            "2020-01-01, , 2019-12-31, 2019-12-31, false",
            ", 2015-12-31, 1900-01-01, 1900-01-01, true",
            ", 2015-12-31, 2016-01-01, , false",
            ", , 2025-01-01, 2025-01-01, true",
            // open windows
            "2010-01-01, 2015-12-31, , 2009-12-31, false",
            "2010-01-01, 2015-12-31, , 2010-01-01, true",
            "2010-01-01, 2015-12-31, 2015-12-31, , true",
            "2010-01-01, 2015-12-31, , , true",
    })
    void spanOverlapsWindow(String from, String until, String wFrom, String wTo, boolean expected) {
        NetworkEdge e = new NetworkEdge(null, "x", "y", "Support", true, d(from), d(until), false, List.of(), List.of(),
                List.of(), "r", "Support", null);
        assertEquals(expected, e.overlaps(d(wFrom), d(wTo)));
    }

    @Test
    void asOfATieThatEndedIsNotInALaterNetwork() {
        // 2012-06-01: only the sanctuary tie (2010..2015) and the undated contested support tie hold
        assertEquals(Set.of("t-sanctuary", "t-support"), records(net.filter(NetworkFilter.all().asOf(d("2012-06-01")))));
        // the sanctuary tie ended on 2015-12-31: in the network of that day, not of the next
        assertTrue(records(net.filter(NetworkFilter.all().asOf(d("2015-12-31")))).contains("t-sanctuary"));
        assertFalse(records(net.filter(NetworkFilter.all().asOf(d("2016-01-01")))).contains("t-sanctuary"));
        // first day of the tie
        assertTrue(records(net.filter(NetworkFilter.all().asOf(d("2010-01-01")))).contains("t-sanctuary"));
        assertFalse(records(net.filter(NetworkFilter.all().asOf(d("2009-12-31")))).contains("t-sanctuary"));
        // 2025-10-18: the open-ended alliance, the undated support and the talks of that day
        assertEquals(Set.of("t-alliance", "t-support", "ev-talks"), records(net.filter(NetworkFilter.all().asOf(d("2025-10-18")))));
    }

    @Test
    void windowKeepsEverythingThatOverlapsIt() {
        // 2024-04-15 .. 2025-02-01: the denial (April 2024), the allegation of May 2024, the attack (1 Feb 2025),
        // the alliance (from 2020, open) and the undated support; not the allegation of March 2024
        assertEquals(Set.of("cl-a-denies", "cl-b-accuses-c", "ev-attack", "t-alliance", "t-support"),
                records(net.filter(NetworkFilter.all().between(d("2024-04-15"), d("2025-02-01")))));
        // open start: everything up to 2011
        assertEquals(Set.of("t-sanctuary", "t-support"), records(net.filter(NetworkFilter.all().between(null, d("2011-01-01")))));
    }

    @Test
    void filteringKeepsIsolatedActors() {
        Network n = net.filter(NetworkFilter.all().asOf(d("2012-06-01")));
        assertEquals(7, n.nodes().size());
        assertEquals(2, n.edges().size());
    }

    @Test
    void kindsFilter() {
        Network n = net.filter(NetworkFilter.all().withKinds(Set.of("Allegation", "Denial")));
        assertEquals(Set.of("cl-b-accuses-a", "cl-b-accuses-c", "cl-a-denies"), records(n));
    }

    @Test
    void classFilterIncludesSubclassesAndDropsEdgesToOtherActors() {
        Network orgs = net.filter(NetworkFilter.all().withClasses(Set.of("Organisation")));
        assertFalse(orgs.contains("person-f"));
        assertTrue(orgs.contains("outlet-g") && orgs.contains("group-c") && orgs.contains("state-a"));
        assertTrue(orgs.edges().stream().noneMatch(e -> e.touches("person-f")));
        Network states = net.filter(NetworkFilter.all().withClasses(Set.of("State")));
        assertEquals(List.of("mediator-e", "state-a", "state-b"), states.nodes().stream().map(ActorNode::id).toList());
        assertEquals(Set.of("cl-a-denies", "cl-b-accuses-a"), records(states));
    }

    @Test
    void contestedEdgesCanBeDropped() {
        assertTrue(records(net).contains("t-support"));
        Network n = net.filter(NetworkFilter.all().withContested(false));
        assertFalse(records(n).contains("t-support"));
        assertEquals(net.edges().size() - 1, n.edges().size());
    }

    @Test
    void unknownKindOrClassAndReversedWindowAreErrors() {
        IllegalArgumentException k = assertThrows(IllegalArgumentException.class,
                () -> net.filter(NetworkFilter.all().withKinds(Set.of("Friendship"))));
        assertTrue(k.getMessage().startsWith("BKG-E051 unknown relation kind 'Friendship'"), k.getMessage());
        IllegalArgumentException c = assertThrows(IllegalArgumentException.class,
                () -> net.filter(NetworkFilter.all().withClasses(Set.of("Province"))));
        assertTrue(c.getMessage().startsWith("BKG-E051 unknown actor class 'Province'"), c.getMessage());
        IllegalArgumentException w = assertThrows(IllegalArgumentException.class,
                () -> NetworkFilter.all().between(d("2025-01-01"), d("2024-01-01")));
        assertTrue(w.getMessage().startsWith("BKG-E052"), w.getMessage());
    }
}
