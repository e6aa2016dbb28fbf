package kg.borderlands.ingest;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Dates as the report writes them ("31 December 2025", "May 2023", "2026", "November–December 2024",
 * "2023-2025", "January and November 2025") turned into the data-format date syntax
 * ({@code 2025-12-31}, {@code 2023-05}, {@code 2026}).
 */
public final class CitedDates {
    private CitedDates() {}

    static final List<String> MONTHS = List.of("january", "february", "march", "april", "may", "june", "july",
            "august", "september", "october", "november", "december");
    static final String MONTH_RE = "(?:January|February|March|April|May|June|July|August|September|October|November|December)";

    private static final Pattern FULL = Pattern.compile("(?:(\\d{1,2}) )?(?:(" + MONTH_RE + ") )?(\\d{4})");
    private static final Pattern PARTIAL = Pattern.compile("(?:(\\d{1,2}) )?(" + MONTH_RE + ")?(?: ?(\\d{4}))?");
    private static final Pattern RANGE_SPLIT = Pattern.compile("\\s*(?:–|—|-| and | to )\\s*");

    /** A period: the text as written, its start and (if different) its end. */
    public record Period(String text, String from, String to) {}

    /** One date ("9 November 2025", "May 2023", "2026"); empty if {@code text} is not exactly a date. */
    public static Optional<String> date(String text) {
        Matcher m = FULL.matcher(text.strip());
        if (!m.matches()) return Optional.empty();
        return format(m.group(1), m.group(2), m.group(3));
    }

    /** A date or a period of two dates; empty if {@code text} is neither. */
    public static Optional<Period> period(String text) {
        String t = text.strip();
        Optional<String> single = date(t);
        if (single.isPresent()) return Optional.of(new Period(t, single.get(), null));
        String[] parts = RANGE_SPLIT.split(t, -1);
        if (parts.length != 2) return Optional.empty();
        Matcher end = FULL.matcher(parts[1]);
        Matcher start = PARTIAL.matcher(parts[0]);
        if (!end.matches() || !start.matches()) return Optional.empty();
        if (start.group(2) == null && start.group(3) == null) return Optional.empty();
        if (start.group(1) != null && start.group(2) == null) return Optional.empty();
        String startYear = start.group(3) != null ? start.group(3) : end.group(3);
        Optional<String> from = format(start.group(1), start.group(2), startYear);
        Optional<String> to = format(end.group(1), end.group(2), end.group(3));
        if (from.isEmpty() || to.isEmpty()) return Optional.empty();
        if (from.get().compareTo(to.get()) > 0) return Optional.empty();
        return Optional.of(new Period(t, from.get(), to.get().equals(from.get()) ? null : to.get()));
    }

    private static Optional<String> format(String day, String month, String year) {
        if (month == null) {
            return day == null ? Optional.of(year) : Optional.empty();
        }
        int mm = MONTHS.indexOf(month.toLowerCase(Locale.ROOT)) + 1;
        if (day == null) return Optional.of(String.format("%s-%02d", year, mm));
        try {
            return Optional.of(LocalDate.of(Integer.parseInt(year), mm, Integer.parseInt(day)).toString());
        } catch (DateTimeException e) {
            return Optional.empty();
        }
    }
}
