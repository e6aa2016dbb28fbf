package kg.borderlands.curate;

import org.junit.jupiter.api.Test;

import java.time.LocalDate;

import static org.junit.jupiter.api.Assertions.*;

class DateValueTest {
    @Test
    void dayMonthYearKeepTheirPrecision() {
        DateValue day = DateValue.parse("2021-08-17");
        assertEquals(DateValue.Precision.DAY, day.precision());
        assertEquals(LocalDate.of(2021, 8, 17), day.earliest());
        assertEquals(day.earliest(), day.latest());
        assertEquals("2021-08-17", day.xsdLexical());

        DateValue month = DateValue.parse("2025-10");
        assertEquals(DateValue.Precision.MONTH, month.precision());
        assertEquals(LocalDate.of(2025, 10, 1), month.earliest());
        assertEquals(LocalDate.of(2025, 10, 31), month.latest());
        assertEquals("2025-10", month.xsdLexical());

        DateValue feb = DateValue.parse("2024-02");
        assertEquals(LocalDate.of(2024, 2, 29), feb.latest(), "leap year");

        DateValue year = DateValue.parse("2007");
        assertEquals(DateValue.Precision.YEAR, year.precision());
        assertEquals(LocalDate.of(2007, 12, 31), year.latest());
    }

    @Test
    void qualifiedApproximateAndDecadeDates() {
        DateValue mid = DateValue.parse("mid-2021");
        assertEquals(DateValue.Precision.YEAR, mid.precision());
        assertEquals("mid", mid.qualifier());
        assertFalse(mid.approximate());
        assertEquals("mid-2021", mid.text());

        DateValue circa = DateValue.parse("~2007");
        assertTrue(circa.approximate());
        assertNull(circa.qualifier());

        DateValue decade = DateValue.parse("mid-2010s");
        assertEquals(DateValue.Precision.DECADE, decade.precision());
        assertEquals(LocalDate.of(2010, 1, 1), decade.earliest());
        assertEquals(LocalDate.of(2019, 12, 31), decade.latest());
        assertEquals("mid", decade.qualifier());
    }

    @Test
    void rejectsWhatIsNotADate() {
        for (String bad : new String[] {"", "October 2025", "2025-13", "2025-02-30", "2015s", "mid-2025-10", "25"}) {
            assertThrows(IllegalArgumentException.class, () -> DateValue.parse(bad), bad);
        }
    }
}
