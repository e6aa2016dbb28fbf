package kg.borderlands.curate;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A date as the report gives it, keeping its precision: "17 August 2021" (day), "October 2025" (month),
 * "2021" (year), "mid-2021" (year with a qualifier), "the mid-2010s" (decade), "around 2007" (approximate).
 * {@link #earliest()} and {@link #latest()} bound it for filtering.
 */
public record DateValue(String text, Precision precision, String qualifier, boolean approximate,
                        LocalDate earliest, LocalDate latest) {

    public enum Precision { DAY, MONTH, YEAR, DECADE }

    private static final Pattern SHAPE = Pattern.compile(
            "(~)?(?:(early|mid|late|spring|summer|autumn|winter)-)?(\\d{4})(s)?(?:-(\\d{2}))?(?:-(\\d{2}))?");

    /**
     * Parses the date syntax of {@code docs/data-format.md}. An approximate date ("~2007") has its bounds
     * widened by one unit of its precision on either side (2006-01-01 to 2008-12-31).
     */
    public static DateValue parse(String raw) {
        DateValue d = parseExact(raw);
        if (!d.approximate) return d;
        return switch (d.precision) {
            case DAY -> new DateValue(d.text, d.precision, d.qualifier, true, d.earliest.minusDays(1), d.latest.plusDays(1));
            case MONTH -> new DateValue(d.text, d.precision, d.qualifier, true, d.earliest.minusMonths(1),
                    YearMonth.from(d.latest.plusMonths(1)).atEndOfMonth());
            case YEAR -> new DateValue(d.text, d.precision, d.qualifier, true, d.earliest.minusYears(1), d.latest.plusYears(1));
            case DECADE -> new DateValue(d.text, d.precision, d.qualifier, true, d.earliest.minusYears(10), d.latest.plusYears(10));
        };
    }

    private static DateValue parseExact(String raw) {
        if (raw == null || raw.isBlank()) throw new IllegalArgumentException("empty date");
        String text = raw.trim();
        Matcher m = SHAPE.matcher(text.toLowerCase(Locale.ROOT));
        if (!m.matches()) throw new IllegalArgumentException(bad(text));
        boolean approx = m.group(1) != null;
        String qualifier = m.group(2);
        int year = Integer.parseInt(m.group(3));
        boolean decade = m.group(4) != null;
        String month = m.group(5);
        String day = m.group(6);
        try {
            if (decade) {
                if (month != null || year % 10 != 0) throw new IllegalArgumentException(bad(text));
                return new DateValue(text, Precision.DECADE, qualifier, approx,
                        LocalDate.of(year, 1, 1), LocalDate.of(year + 9, 12, 31));
            }
            if (month == null) {
                return new DateValue(text, Precision.YEAR, qualifier, approx,
                        LocalDate.of(year, 1, 1), LocalDate.of(year, 12, 31));
            }
            if (qualifier != null) throw new IllegalArgumentException(bad(text));
            YearMonth ym = YearMonth.of(year, Integer.parseInt(month));
            if (day == null) {
                return new DateValue(text, Precision.MONTH, null, approx, ym.atDay(1), ym.atEndOfMonth());
            }
            LocalDate d = LocalDate.parse(m.group(3) + "-" + month + "-" + day);
            return new DateValue(text, Precision.DAY, null, approx, d, d);
        } catch (java.time.DateTimeException e) {
            throw new IllegalArgumentException(bad(text));
        }
    }

    private static String bad(String text) {
        return "'" + text + "' is not a date: use 2021-08-17, 2025-10, 2021, mid-2021, 2010s or ~2007";
    }

    /** The stated date itself (not its widened bounds), at its precision's start. */
    public LocalDate stated() {
        if (!approximate) return earliest;
        return switch (precision) {
            case DAY -> earliest.plusDays(1);
            case MONTH -> earliest.plusMonths(1);
            case YEAR -> earliest.plusYears(1);
            case DECADE -> earliest.plusYears(10);
        };
    }

    /** The lexical form for time:inXSDDate / inXSDgYearMonth / inXSDgYear. */
    public String xsdLexical() {
        LocalDate d = stated();
        switch (precision) {
            case DAY: return d.toString();
            case MONTH: return d.toString().substring(0, 7);
            default: return String.format("%04d", d.getYear());
        }
    }
}
