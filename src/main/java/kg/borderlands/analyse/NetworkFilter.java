package kg.borderlands.analyse;

import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import com.fasterxml.jackson.databind.ser.std.ToStringSerializer;

import java.time.LocalDate;
import java.util.Collection;
import java.util.Set;
import java.util.TreeSet;

/**
 * Which part of the network to keep. Immutable; every {@code with…} method returns a new filter.
 *
 * @param kinds     relation kinds to keep; empty = all
 * @param classes   actor classes (local names) to keep, subclasses included; empty = all
 * @param from      window start, inclusive, or null (open)
 * @param to        window end, inclusive, or null (open)
 * @param contested whether edges asserted only by some actors are kept
 */
public record NetworkFilter(Set<String> kinds, Set<String> classes,
                            @JsonSerialize(using = ToStringSerializer.class) LocalDate from,
                            @JsonSerialize(using = ToStringSerializer.class) LocalDate to,
                            boolean contested) {
    public NetworkFilter {
        kinds = Set.copyOf(kinds);
        classes = Set.copyOf(classes);
        if (from != null && to != null && to.isBefore(from)) {
            throw new IllegalArgumentException("BKG-E052 the time window ends (" + to + ") before it starts (" + from + ")");
        }
    }

    /** Keeps everything. */
    public static NetworkFilter all() {
        return new NetworkFilter(Set.of(), Set.of(), null, null, true);
    }

    public NetworkFilter withKinds(Collection<String> k) {
        return new NetworkFilter(new TreeSet<>(k), classes, from, to, contested);
    }

    public NetworkFilter withClasses(Collection<String> c) {
        return new NetworkFilter(kinds, new TreeSet<>(c), from, to, contested);
    }

    /** The window [from, to], both inclusive; either may be null (open). */
    public NetworkFilter between(LocalDate windowFrom, LocalDate windowTo) {
        return new NetworkFilter(kinds, classes, windowFrom, windowTo, contested);
    }

    /** The network as of one day: edges whose span contains {@code date}. */
    public NetworkFilter asOf(LocalDate date) {
        if (date == null) throw new IllegalArgumentException("asOf needs a date");
        return between(date, date);
    }

    public NetworkFilter withContested(boolean keepContested) {
        return new NetworkFilter(kinds, classes, from, to, keepContested);
    }

    public boolean accepts(ActorNode actor) {
        if (classes.isEmpty()) return true;
        for (String c : classes) if (actor.isA(c)) return true;
        return false;
    }

    /** Kind, time and contested test for an edge (the ends are checked by {@link Network#filter}). */
    public boolean accepts(NetworkEdge edge) {
        if (!kinds.isEmpty() && !kinds.contains(edge.kind())) return false;
        if (!contested && edge.contested()) return false;
        return edge.overlaps(from, to);
    }

    /** True if this filter keeps everything. */
    public boolean isAll() {
        return kinds.isEmpty() && classes.isEmpty() && from == null && to == null && contested;
    }
}
