package kg.borderlands.analyse;

/** What {@link NetworkAnalytics#top} ranks by. */
public enum Metric {
    BETWEENNESS, PAGERANK, DEGREE;

    /** Parses {@code betweenness}, {@code pagerank} or {@code degree} (case-insensitive). */
    public static Metric parse(String s) {
        for (Metric m : values()) if (m.name().equalsIgnoreCase(s)) return m;
        throw new IllegalArgumentException("unknown metric '" + s + "' (betweenness, pagerank or degree)");
    }
}
