package kg.borderlands.analyse;

import java.util.Map;

/**
 * The actors within {@code hops} of {@code center} (undirected view) and every edge among them.
 *
 * @param center   the actor id
 * @param hops     the radius
 * @param distance actor id → hops from the center (the center has 0)
 * @param network  the induced sub-network
 */
public record EgoNetwork(String center, int hops, Map<String, Integer> distance, Network network) {
    public EgoNetwork {
        distance = Map.copyOf(distance);
    }
}
