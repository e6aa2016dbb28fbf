package kg.borderlands.ingest;

import org.junit.jupiter.api.Test;

import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class CitedDatesTest {

    @Test
    void singleDatesKeepTheirPrecision() {
        assertEquals(Optional.of("2025-10-13"), CitedDates.date("13 October 2025"));
        assertEquals(Optional.of("2025-02-01"), CitedDates.date("1 February 2025"));
        assertEquals(Optional.of("2023-05"), CitedDates.date("May 2023"));
        assertEquals(Optional.of("2026"), CitedDates.date("2026"));
    }

    @Test
    void nonDatesAreRejected() {
        assertTrue(CitedDates.date("31 February 2025").isEmpty());
        assertTrue(CitedDates.date("Islamabad").isEmpty());
        assertTrue(CitedDates.date("13 2025").isEmpty());
        assertTrue(CitedDates.date("in May 2023").isEmpty());
        assertTrue(CitedDates.period("police officers").isEmpty());
    }

    @Test
    void periodsGiveStartAndEnd() {
        CitedDates.Period p = CitedDates.period("November–December 2024").orElseThrow();
        assertEquals("2024-11", p.from());
        assertEquals("2024-12", p.to());
        assertEquals("November–December 2024", p.text());

        p = CitedDates.period("September 2024–January 2025").orElseThrow();
        assertEquals("2024-09", p.from());
        assertEquals("2025-01", p.to());

        p = CitedDates.period("2023-2025").orElseThrow();
        assertEquals("2023", p.from());
        assertEquals("2025", p.to());

        p = CitedDates.period("January and November 2025").orElseThrow();
        assertEquals("2025-01", p.from());
        assertEquals("2025-11", p.to());

        p = CitedDates.period("October 2024-December 2025").orElseThrow();
        assertEquals("2024-10", p.from());
        assertEquals("2025-12", p.to());
    }

    @Test
    void aSingleDateIsAPeriodWithoutEnd() {
        CitedDates.Period p = CitedDates.period("October 2024").orElseThrow();
        assertEquals("2024-10", p.from());
        assertNull(p.to());
    }

    @Test
    void backwardsPeriodsAreRejected() {
        assertTrue(CitedDates.period("2025-2023").isEmpty());
    }
}
