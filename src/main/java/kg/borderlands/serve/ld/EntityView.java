package kg.borderlands.serve.ld;

import java.util.List;

/**
 * Everything the explorer and the Linked Data page show about one record: its own statements, its ties in
 * both directions, the claims it made and received (with the claims that answer them), the events it took part
 * in (with its role), the figures it reported, its sources (footnotes, their sections and cited works) and its
 * external links. Serialised as JSON by {@code /api/entity/{id}} and rendered as HTML by {@code /id/{id}}.
 */
public record EntityView(
        String id, String iri, String page, String label, List<String> aliases, String description,
        String kind, Term type,
        List<Fact> facts,
        List<TieView> outgoingTies, List<TieView> incomingTies,
        List<ClaimView> claimsMade, List<ClaimView> claimsReceived,
        List<EventRole> events,
        List<FigureView> figures,
        List<Ref> recommendations,
        List<Fact> referencedBy,
        List<SourceView> sources, List<SectionRef> sections, List<String> paragraphs,
        List<Link> externalLinks) {

    /** A curated record referred to: id, label, kind and type. */
    public record Ref(String id, String iri, String label, String kind, String type) {}

    /** An ontology term (class, property, controlled value): IRI, compact name and label. */
    public record Term(String iri, String name, String label) {}

    /** A value: a record (ref), another IRI (term) or a literal (with its datatype). */
    public record Value(Ref ref, Term term, String literal, String datatype) {}

    /** One statement: for {@code facts} the entity is the subject; for {@code referencedBy}, {@code from} is. */
    public record Fact(Term property, Value value, Ref from) {}

    /**
     * A tie seen from the entity: {@code direction} is {@code outgoing} when the entity is its subject.
     * {@code from}/{@code until} are the xsd:date bounds used for filtering; {@code fromText}/{@code untilText}
     * the dates as the data give them ("2022-04"). {@code attestedFrom}: for a tie whose start the report does not
     * give, the earliest date at which the report places it (not a start date). {@code contested} ties are asserted only by
     * {@code accordingTo}.
     */
    public record TieView(String id, String iri, String label, Term kind, Ref subject, Ref object, Ref other,
                          String direction, String from, String until, String fromText, String untilText,
                          String attestedFrom, String office, boolean contested, List<Ref> accordingTo, String description,
                          List<Integer> footnotes, List<kg.borderlands.analyse.FootnoteRef> footnoteRefs, List<String> sections) {}

    /** A claim (allegation, denial, counter-claim, acknowledgement), with the claims that respond to it. */
    public record ClaimView(String id, String iri, String label, Term type, List<Ref> claimants, List<Ref> accused,
                            Term act, Term stance, String date, String earliest, String latest, String quote,
                            Ref respondsTo, List<Ref> about, List<ClaimView> responses, List<Integer> footnotes,
                            List<kg.borderlands.analyse.FootnoteRef> footnoteRefs, List<String> sections) {}

    /** An event the entity took part in, with its role(s). */
    public record EventRole(Ref event, List<Term> roles, String date, String earliest, String latest,
                            List<Ref> places, List<Integer> footnotes, List<kg.borderlands.analyse.FootnoteRef> footnoteRefs) {}

    /** A figure the entity reported. */
    public record FigureView(Ref figure, String measure, String value, String valueMax, Term qualifier, Term unit,
                             Ref event, String period, List<Ref> reportedBy, List<Integer> footnotes,
                             List<kg.borderlands.analyse.FootnoteRef> footnoteRefs) {}

    /** A footnote that supports the record, the section it is in, and the works it cites. */
    public record SourceView(int footnote, String id, String iri, SectionRef section, List<WorkRef> works) {}

    public record SectionRef(String id, String iri, String number, String label) {}

    public record WorkRef(String id, String iri, String label, Term type, String publisher, List<String> authors,
                          String date) {}

    /** An external identifier: {@code skos:exactMatch}, {@code skos:closeMatch} or {@code owl:sameAs}. */
    public record Link(Term property, String iri) {}
}
