package kg.borderlands.curate;

/** The sections of a data file: each binds to one record type and has one ontology base class. */
public enum Kind {
    ACTORS("actors", "Actor", Records.Actor.class),
    PLACES("places", "Place", Records.Place.class),
    TIES("ties", "Tie", Records.Tie.class),
    EVENTS("events", "Event", Records.Event.class),
    CLAIMS("claims", "Claim", Records.Claim.class),
    FIGURES("figures", "Figure", Records.Figure.class),
    RECOMMENDATIONS("recommendations", "Recommendation", Records.Recommendation.class),
    SECTIONS("sections", "Section", Records.Section.class),
    FOOTNOTES("footnotes", "Footnote", Records.Footnote.class),
    PARAGRAPHS("paragraphs", "Paragraph", Records.Paragraph.class),
    WORKS("works", "Work", Records.Work.class),
    LINKS("links", "Link", Records.Link.class);

    private final String key;
    private final String baseClass;
    private final Class<? extends Records.DataRecord> recordType;

    Kind(String key, String baseClass, Class<? extends Records.DataRecord> recordType) {
        this.key = key;
        this.baseClass = baseClass;
        this.recordType = recordType;
    }

    /** The top-level YAML key of this section. */
    public String key() {
        return key;
    }

    /** Local name of the ontology class every record of this section must be an instance of. */
    public String baseClass() {
        return baseClass;
    }

    public Class<? extends Records.DataRecord> recordType() {
        return recordType;
    }

    /** True for records curated from the report (as opposed to the source records written by ingest). */
    public boolean curated() {
        return this != SECTIONS && this != FOOTNOTES && this != PARAGRAPHS && this != WORKS;
    }

    public static Kind byKey(String key) {
        for (Kind k : values()) if (k.key.equals(key)) return k;
        return null;
    }
}
