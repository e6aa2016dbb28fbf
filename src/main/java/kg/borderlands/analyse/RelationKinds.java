package kg.borderlands.analyse;

import java.util.List;
import java.util.Set;

/**
 * Relation kinds that do not come from a tie class (those are named after the class, e.g. {@code Sanctuary}).
 * See docs/network.md for what each is made from.
 */
public final class RelationKinds {
    private RelationKinds() {}

    /** Claimant → accused of an allegation or counter-claim. */
    public static final String ALLEGATION = "Allegation";
    /** Denier → claimant of the denied claim. */
    public static final String DENIAL = "Denial";
    /** Mediator → negotiating party (events), and the Mediation tie class. */
    public static final String MEDIATION = "Mediation";
    /** Perpetrator → target or victim of an event. */
    public static final String ATTACK = "Attack";
    /** Organiser or authority → target of a military operation. */
    public static final String OPERATION = "Operation";
    /** Authority → subject of a measure. */
    public static final String MEASURE = "Measure";
    /** Negotiating party — negotiating party (undirected). */
    public static final String NEGOTIATION = "Negotiation";
    /** Participant — participant of a border clash (undirected). */
    public static final String CLASH = "Clash";
    /** Visitor → host of a visit. */
    public static final String VISIT = "Visit";
    /** Organiser → target of a protest. */
    public static final String PROTEST = "Protest";

    /** Kinds derived from claims and events, in documentation order. */
    public static final List<String> DERIVED = List.of(ALLEGATION, DENIAL, MEDIATION, ATTACK, OPERATION, MEASURE,
            NEGOTIATION, CLASH, VISIT, PROTEST);

    /** Derived kinds that are undirected. */
    public static final Set<String> UNDIRECTED_DERIVED = Set.of(NEGOTIATION, CLASH);
}
