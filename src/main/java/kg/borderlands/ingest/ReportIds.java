package kg.borderlands.ingest;

import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The works id of a Crisis Group report, from the series line at the head of its markdown
 * ({@code Asia-Pacific Report N°354 | 27 February 2026} → {@code icg-asia-354}): {@code icg-{region}-{N}} for a
 * report, {@code icg-{region}-briefing-{N}} for a briefing. Only Crisis Group's own regional series are read;
 * anything else (a synthetic test report, another publisher) needs {@code --report-id}.
 */
public final class ReportIds {
    private static final Pattern SERIES = Pattern.compile(
            "^(Asia-Pacific|Asia|Africa|Europe(?: and Central Asia| & Central Asia)?|Latin America(?: and the Caribbean| & Caribbean)?"
                    + "|Middle East(?: and North Africa| & North Africa)?) (Report|Briefing) N°\\s*(\\d+)\\b");
    private static final Map<String, String> REGIONS = Map.of("asia-pacific", "asia", "asia", "asia", "africa", "africa",
            "europe", "europe", "latin", "latam", "middle", "mena");

    private ReportIds() {}

    /** The id derived from the first series line before the table of contents or first section, if any. */
    public static Optional<String> derive(String markdown) {
        return seriesLine(markdown).map(m -> {
            String region = REGIONS.get(m.group(1).toLowerCase(Locale.ROOT).split(" ")[0]);
            String kind = m.group(2).equals("Briefing") ? "briefing-" : "";
            return "icg-" + region + "-" + kind + Integer.parseInt(m.group(3));
        });
    }

    /**
     * The works id another report's citation of this one gets from ingest ({@code Asia Report N°354} →
     * {@code work-icg-report-354}, the rule of {@link WorkResolver}), from the same series line, if any: the
     * descriptor's {@code citedAs}.
     */
    public static Optional<String> citedAs(String markdown) {
        return seriesLine(markdown).map(m -> WorkResolver.seriesId(m.group(2).equals("Briefing") ? "briefing" : "report",
                m.group(3)));
    }

    private static Optional<Matcher> seriesLine(String markdown) {
        int seen = 0;
        for (String raw : markdown.split("\\R")) {
            String line = raw.strip();
            if (line.isEmpty()) continue;
            if (++seen > 40 || line.matches("(?i)^#*\\s*(table of )?contents$")) break;
            Matcher m = SERIES.matcher(line);
            if (m.find()) return Optional.of(m);
        }
        return Optional.empty();
    }
}
