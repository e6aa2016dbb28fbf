package kg.borderlands.curate;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;

import java.math.BigDecimal;
import java.util.List;

/**
 * The curated record types, one Java record per section of a data file (see {@code docs/data-format.md}).
 * Jackson binds them with unknown fields rejected and {@code required} fields enforced.
 */
public final class Records {
    private Records() {}

    /** Fields every record has. */
    public interface DataRecord {
        String id();

        String type();

        String label();

        List<String> aliases();

        String description();

        /** Where in the report the record comes from; empty for the source records themselves. */
        List<SourceRef> source();
    }

    /**
     * A place in a source: a section number, optional paragraph ordinals within that section and optional
     * footnote numbers. {@code support} says how the place supports the record: absent when the report's own
     * text does, {@value #TITLE_ONLY} when only the title of a work cited in the footnotes does. {@code work}
     * names the source by the work id of its document: needed in the shared unit and to cite another source;
     * absent, the numbers are those of the record's own source.
     */
    public record SourceRef(String work, @JsonProperty(required = true) String section, List<Integer> paragraphs,
                            List<Integer> footnotes, String support) {
        public static final String TITLE_ONLY = "title-only";

        public SourceRef {
            paragraphs = nn(paragraphs);
            footnotes = nn(footnotes);
        }
    }

    public record Point(@JsonProperty(required = true) BigDecimal lat,
                        @JsonProperty(required = true) BigDecimal lon,
                        @JsonProperty(required = true) String source) {}

    /** An outline (polygon or line) as WKT in CRS84 (lon lat), with the open source it was taken from. */
    public record Outline(@JsonProperty(required = true) String wkt,
                          @JsonProperty(required = true) String source) {}

    /**
     * An actor's part in an event. {@code accordingTo}: the participation is stated only by these actors
     * (contested), although the event itself is established.
     */
    public record Participant(@JsonProperty(required = true) String actor,
                              @JsonProperty(required = true) String role,
                              List<String> accordingTo) {
        public Participant {
            accordingTo = nn(accordingTo);
        }

        public Participant(String actor, String role) {
            this(actor, role, List.of());
        }
    }

    /** A period: either a single date string or {@code {from, to}}. */
    public record Period(String from, String to) {
        @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
        public static Period of(String date) {
            return new Period(date, date);
        }

        @JsonCreator(mode = JsonCreator.Mode.PROPERTIES)
        public Period(@JsonProperty("from") String from, @JsonProperty("to") String to) {
            this.from = from;
            this.to = to;
        }
    }

    public record Actor(@JsonProperty(required = true) String id,
                        @JsonProperty(required = true) String type,
                        @JsonProperty(required = true) String label,
                        List<String> aliases, String description,
                        @JsonProperty(required = true) List<SourceRef> source,
                        String founded, String dissolved, String country,
                        List<String> partOf, List<String> basedIn, String territory) implements DataRecord {
        public Actor {
            aliases = nn(aliases);
            partOf = nn(partOf);
            basedIn = nn(basedIn);
        }
    }

    public record Place(@JsonProperty(required = true) String id,
                        @JsonProperty(required = true) String type,
                        @JsonProperty(required = true) String label,
                        List<String> aliases, String description,
                        @JsonProperty(required = true) List<SourceRef> source,
                        String within, Point point, Outline outline) implements DataRecord {
        public Place {
            aliases = nn(aliases);
        }
    }

    public record Tie(@JsonProperty(required = true) String id,
                      @JsonProperty(required = true) String type,
                      @JsonProperty(required = true) String label,
                      List<String> aliases, String description,
                      @JsonProperty(required = true) List<SourceRef> source,
                      @JsonProperty(required = true) String subject,
                      @JsonProperty(required = true) String object,
                      String objectDescription,
                      String from, String to, String attestedFrom, String office,
                      List<String> accordingTo, Boolean ended) implements DataRecord {
        public Tie {
            aliases = nn(aliases);
            accordingTo = nn(accordingTo);
        }
    }

    public record Event(@JsonProperty(required = true) String id,
                        @JsonProperty(required = true) String type,
                        @JsonProperty(required = true) String label,
                        List<String> aliases, String description,
                        @JsonProperty(required = true) List<SourceRef> source,
                        String date, String from, String to,
                        List<String> place, List<Participant> participants,
                        List<String> partOf, List<String> causedBy, String outcome,
                        List<String> accordingTo) implements DataRecord {
        public Event {
            aliases = nn(aliases);
            accordingTo = nn(accordingTo);
            place = nn(place);
            participants = nn(participants);
            partOf = nn(partOf);
            causedBy = nn(causedBy);
        }
    }

    public record Claim(@JsonProperty(required = true) String id,
                        @JsonProperty(required = true) String type,
                        @JsonProperty(required = true) String label,
                        List<String> aliases, String description,
                        @JsonProperty(required = true) List<SourceRef> source,
                        @JsonProperty(required = true) List<String> claimant,
                        List<String> accused, String act, String date,
                        List<String> about, List<String> respondsTo,
                        String quote, String stance, List<String> content) implements DataRecord {
        public Claim {
            aliases = nn(aliases);
            content = nn(content);
            claimant = nn(claimant);
            accused = nn(accused);
            about = nn(about);
            respondsTo = nn(respondsTo);
        }
    }

    public record Figure(@JsonProperty(required = true) String id,
                         @JsonProperty(required = true) String type,
                         @JsonProperty(required = true) String label,
                         List<String> aliases, String description,
                         @JsonProperty(required = true) List<SourceRef> source,
                         @JsonProperty(required = true) BigDecimal value,
                         BigDecimal valueMax, String qualifier,
                         @JsonProperty(required = true) String unit,
                         @JsonProperty(required = true) String measure,
                         String event, Period period, List<String> place,
                         @JsonProperty(required = true) List<String> reportedBy) implements DataRecord {
        public Figure {
            aliases = nn(aliases);
            place = nn(place);
            reportedBy = nn(reportedBy);
        }
    }

    public record Recommendation(@JsonProperty(required = true) String id,
                                 @JsonProperty(required = true) String type,
                                 @JsonProperty(required = true) String label,
                                 List<String> aliases, String description,
                                 @JsonProperty(required = true) List<SourceRef> source,
                                 @JsonProperty(required = true) List<String> addressedTo,
                                 List<String> concerns, List<String> topic) implements DataRecord {
        public Recommendation {
            aliases = nn(aliases);
            addressedTo = nn(addressedTo);
            concerns = nn(concerns);
            topic = nn(topic);
        }
    }

    public record Section(@JsonProperty(required = true) String id,
                          @JsonProperty(required = true) String type,
                          @JsonProperty(required = true) String label,
                          @JsonProperty(required = true) String number,
                          String parent, String report) implements DataRecord {
        @Override public List<String> aliases() { return List.of(); }
        @Override public String description() { return null; }
        @Override public List<SourceRef> source() { return List.of(); }
    }

    public record Footnote(@JsonProperty(required = true) String id,
                           @JsonProperty(required = true) String type,
                           String label,
                           @JsonProperty(required = true) Integer number,
                           @JsonProperty(required = true) String section,
                           List<String> cites) implements DataRecord {
        public Footnote {
            cites = nn(cites);
            if (label == null && number != null) label = "Footnote " + number;
        }
        @Override public List<String> aliases() { return List.of(); }
        @Override public String description() { return null; }
        @Override public List<SourceRef> source() { return List.of(); }
    }

    /** A paragraph of the report (written by {@code ingest}): its section, ordinal and referenced footnotes. */
    public record Paragraph(@JsonProperty(required = true) String id,
                            @JsonProperty(required = true) String type,
                            String label,
                            @JsonProperty(required = true) String section,
                            @JsonProperty(required = true) Integer number,
                            List<Integer> footnotes) implements DataRecord {
        public Paragraph {
            footnotes = nn(footnotes);
            if (label == null && number != null) label = "¶" + number;
        }
        @Override public List<String> aliases() { return List.of(); }
        @Override public String description() { return null; }
        @Override public List<SourceRef> source() { return List.of(); }
    }

    public record Work(@JsonProperty(required = true) String id,
                       @JsonProperty(required = true) String type,
                       @JsonProperty(required = true) String label,
                       String publisher, List<String> author, String date, String dateTo,
                       String interlocutor, String location, String mode) implements DataRecord {
        public Work {
            author = nn(author);
        }
        @Override public List<String> aliases() { return List.of(); }
        @Override public String description() { return null; }
        @Override public List<SourceRef> source() { return List.of(); }
    }

    /**
     * A verified link from one of our records to an item of an external dataset (Wikidata, GeoNames,
     * DBpedia); see {@code docs/linking.md}. {@code object} is a CURIE such as {@code wikidata:Q843}.
     */
    public record Link(@JsonProperty(required = true) String id,
                       @JsonProperty(required = true) String type,
                       @JsonProperty(required = true) String label,
                       String description,
                       @JsonProperty(required = true) List<SourceRef> source,
                       @JsonProperty(required = true) String subject,
                       @JsonProperty(required = true) String predicate,
                       @JsonProperty(required = true) String object,
                       @JsonProperty(required = true) String verifiedLabel,
                       @JsonProperty(required = true) String verifiedType,
                       @JsonProperty(required = true) String verifiedOn,
                       @JsonProperty(required = true) String verifiedVia) implements DataRecord {
        @Override public List<String> aliases() { return List.of(); }
    }

    static <T> List<T> nn(List<T> list) {
        return list == null ? List.of() : List.copyOf(list);
    }
}
