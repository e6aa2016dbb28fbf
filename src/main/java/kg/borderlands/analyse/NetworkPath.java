package kg.borderlands.analyse;

import java.util.ArrayList;
import java.util.List;

/** A shortest path between two actors, hop by hop. */
public record NetworkPath(String from, String to, List<Hop> hops) {
    public NetworkPath {
        hops = List.copyOf(hops);
    }

    /** Number of hops. */
    public int length() {
        return hops.size();
    }

    /** The actors along the path, from first to last. */
    public List<String> actors() {
        List<String> out = new ArrayList<>();
        out.add(from);
        hops.forEach(h -> out.add(h.to()));
        return out;
    }
}
