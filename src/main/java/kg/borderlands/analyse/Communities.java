package kg.borderlands.analyse;

import java.util.List;
import java.util.Map;

/**
 * A partition of the actors.
 *
 * @param groups      actor ids per community, each sorted; groups sorted by size (desc), then first id
 * @param communityOf actor id → index into {@code groups}
 * @param modularity  Newman modularity of the partition on the undirected view (0 without edges)
 * @param algorithm   how it was found, e.g. {@code label-propagation (seed 42)}
 */
public record Communities(List<List<String>> groups, Map<String, Integer> communityOf, double modularity,
                          String algorithm) {
    public Communities {
        groups = groups.stream().map(List::copyOf).toList();
        communityOf = Map.copyOf(communityOf);
    }
}
