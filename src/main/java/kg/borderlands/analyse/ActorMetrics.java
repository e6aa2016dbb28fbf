package kg.borderlands.analyse;

/**
 * Every metric of one actor.
 *
 * @param actor                 the actor
 * @param degree                its degree
 * @param betweenness           raw betweenness on the undirected view (not normalised)
 * @param betweennessNormalised betweenness / ((n-1)(n-2)/2)
 * @param pageRank              PageRank on the directed view
 * @param community             index of its group in {@link NetworkAnalytics#communities()}
 */
public record ActorMetrics(ActorNode actor, Degree degree, double betweenness, double betweennessNormalised,
                           double pageRank, int community) {
    public String id() {
        return actor.id();
    }

    public double value(Metric m) {
        return switch (m) {
            case BETWEENNESS -> betweenness;
            case PAGERANK -> pageRank;
            case DEGREE -> degree.total();
        };
    }
}
