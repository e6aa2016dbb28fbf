package kg.borderlands.serve.ld;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * HTTP content negotiation (RFC 9110 §12.5.1): picks, among the media types a resource offers (in the server's
 * order of preference), the one the {@code Accept} header rates highest. A more specific range decides a
 * type's quality ({@code text/turtle;q=0} beats {@code *}{@code /*}); quality 0 means "not acceptable"; equal
 * qualities go to the server's earlier offer. A missing or empty header accepts anything.
 */
public final class Conneg {
    private record Range(String type, String subtype, double q) {
        int specificity() {
            return "*".equals(type) ? 0 : "*".equals(subtype) ? 1 : 2;
        }

        boolean matches(String t, String s) {
            return ("*".equals(type) || type.equals(t)) && ("*".equals(subtype) || subtype.equals(s));
        }
    }

    private Conneg() {}

    /** The best offer for the header, or empty when none is acceptable. */
    public static Optional<String> choose(String acceptHeader, List<String> offers) {
        List<Range> ranges = parse(acceptHeader);
        String best = null;
        double bestQ = 0;
        for (String offer : offers) {
            String[] ts = offer.toLowerCase(Locale.ROOT).split("/", 2);
            double q = quality(ranges, ts[0], ts[1]);
            if (q > bestQ) {
                bestQ = q;
                best = offer;
            }
        }
        return Optional.ofNullable(best);
    }

    private static double quality(List<Range> ranges, String type, String subtype) {
        Range chosen = null;
        for (Range r : ranges) {
            if (r.matches(type, subtype) && (chosen == null || r.specificity() > chosen.specificity()
                    || (r.specificity() == chosen.specificity() && r.q() > chosen.q()))) {
                chosen = r;
            }
        }
        return chosen == null ? 0 : chosen.q();
    }

    private static List<Range> parse(String header) {
        List<Range> out = new ArrayList<>();
        if (header == null || header.isBlank()) {
            out.add(new Range("*", "*", 1));
            return out;
        }
        for (String part : header.split(",")) {
            String[] params = part.trim().split(";");
            if (params.length == 0) continue;
            String mt = params[0].trim().toLowerCase(Locale.ROOT);
            if (mt.isEmpty()) continue;
            if (mt.equals("*")) mt = "*/*";
            String[] ts = mt.split("/", 2);
            if (ts.length != 2 || ts[0].isEmpty() || ts[1].isEmpty()) continue;
            double q = 1;
            for (int i = 1; i < params.length; i++) {
                String[] kv = params[i].trim().split("=", 2);
                if (kv.length == 2 && kv[0].trim().equalsIgnoreCase("q")) {
                    try {
                        q = Math.max(0, Math.min(1, Double.parseDouble(kv[1].trim())));
                    } catch (NumberFormatException e) {
                        q = 0;
                    }
                }
            }
            out.add(new Range(ts[0], ts[1], q));
        }
        if (out.isEmpty()) out.add(new Range("*", "*", 1));
        return out;
    }
}
