package kg.borderlands.analyse;

/** Community detection on the undirected view. */
public enum CommunityAlgorithm {
    /** JGraphT LabelPropagationClustering, fixed seed, no k. */
    LABEL_PROPAGATION,
    /** Girvan–Newman edge removal (JGraphT edge betweenness): k parts, or the partition of best modularity. */
    GIRVAN_NEWMAN;

    /** Parses {@code label-propagation} or {@code girvan-newman}. */
    public static CommunityAlgorithm parse(String s) {
        for (CommunityAlgorithm a : values()) {
            if (a.name().replace('_', '-').equalsIgnoreCase(s) || a.name().equalsIgnoreCase(s)) return a;
        }
        throw new IllegalArgumentException("unknown community algorithm '" + s + "' (label-propagation or girvan-newman)");
    }

    public String label() {
        return name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
    }
}
