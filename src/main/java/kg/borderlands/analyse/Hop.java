package kg.borderlands.analyse;

import java.util.List;

/**
 * One step of a path: from one actor to the next, with every relation between the two.
 */
public record Hop(String from, String to, List<HopRelation> relations) {
    public Hop {
        relations = List.copyOf(relations);
    }
}
