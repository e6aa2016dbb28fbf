package kg.borderlands.analyse;

import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import com.fasterxml.jackson.databind.ser.std.ToStringSerializer;

import java.time.LocalDate;
import java.util.List;
import java.util.Objects;

/**
 * One relation between two actors, with its time span and its sources.
 *
 * @param id          {@code record:kind:source:target}
 * @param source      actor id the relation starts from (for undirected edges: the first actor as recorded)
 * @param target      actor id it points to
 * @param kind        relation kind: a tie class local name or a derived kind (see {@link RelationKinds})
 * @param directed    false for symmetric relations
 * @param from        first day of the span, or null (open)
 * @param until       last day of the span, or null (open)
 * @param contested   true if the tie is asserted only by some actors ({@code accordingTo})
 * @param accordingTo the actors who assert a contested tie
 * @param footnotes   footnote numbers the record cites, ascending (within their sources: see footnoteRefs)
 * @param footnoteRefs the footnotes the record cites as link targets (id and number), by number then id
 * @param sections    report section numbers the record cites
 * @param record      id of the tie, event or claim the edge comes from
 * @param recordType  most specific class of that record (local name)
 * @param label       that record's label
 */
public record NetworkEdge(String id, String source, String target, String kind, boolean directed,
                          @JsonSerialize(using = ToStringSerializer.class) LocalDate from,
                          @JsonSerialize(using = ToStringSerializer.class) LocalDate until,
                          boolean contested, List<String> accordingTo, List<Integer> footnotes,
                          List<FootnoteRef> footnoteRefs,
                          List<String> sections, String record, String recordType, String label) {
    /** An edge whose footnotes are known by number only (no link targets). */
    public NetworkEdge(String id, String source, String target, String kind, boolean directed, LocalDate from,
                       LocalDate until, boolean contested, List<String> accordingTo, List<Integer> footnotes,
                       List<String> sections, String record, String recordType, String label) {
        this(id, source, target, kind, directed, from, until, contested, accordingTo, footnotes, List.of(), sections,
                record, recordType, label);
    }

    public NetworkEdge {
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(target, "target");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(record, "record");
        if (id == null) id = record + ":" + kind + ":" + source + ":" + target;
        accordingTo = List.copyOf(accordingTo);
        footnotes = List.copyOf(footnotes);
        footnoteRefs = footnoteRefs == null ? List.of() : List.copyOf(footnoteRefs);
        sections = List.copyOf(sections);
        if (from != null && until != null && until.isBefore(from)) {
            throw new IllegalArgumentException("edge " + id + " ends before it starts");
        }
    }

    /**
     * True if the edge's span [from, until] overlaps the window [windowFrom, windowTo]; every bound may be null
     * (open). Bounds are inclusive.
     */
    public boolean overlaps(LocalDate windowFrom, LocalDate windowTo) {
        boolean startsInTime = from == null || windowTo == null || !from.isAfter(windowTo);
        boolean endsInTime = until == null || windowFrom == null || !until.isBefore(windowFrom);
        return startsInTime && endsInTime;
    }

    public boolean touches(String actorId) {
        return source.equals(actorId) || target.equals(actorId);
    }

    /** The actor at the other end from {@code actorId}. */
    public String other(String actorId) {
        if (source.equals(actorId)) return target;
        if (target.equals(actorId)) return source;
        throw new IllegalArgumentException(actorId + " is not an end of " + id);
    }
}
