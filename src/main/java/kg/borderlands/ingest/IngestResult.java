package kg.borderlands.ingest;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The records {@code ingest} writes.
 *
 * @param reportId  id of the report's own works record
 * @param sections  section records, in document order
 * @param footnotes footnote records, in number order
 * @param paragraphs paragraph records, in document order
 * @param works     the report first, then every cited work in order of first citation
 * @param warnings  anything that could not be read cleanly
 */
public record IngestResult(String reportId, List<SectionRecord> sections, List<FootnoteRecord> footnotes,
                           List<ParagraphRecord> paragraphs, List<Work> works, List<String> warnings) {
    public IngestResult {
        sections = List.copyOf(sections);
        footnotes = List.copyOf(footnotes);
        paragraphs = List.copyOf(paragraphs);
        works = List.copyOf(works);
        warnings = List.copyOf(warnings);
    }

    /** A {@code sections} record; {@code parent} is a section id or {@code null}. */
    public record SectionRecord(String id, String number, String label, String parent, String report) {}

    /** A {@code footnotes} record; {@code section} is a section id, {@code cites} work ids. */
    public record FootnoteRecord(String id, int number, String section, List<String> cites) {
        public FootnoteRecord {
            cites = List.copyOf(cites);
        }
    }

    /** A {@code paragraphs} record: its anchor label, section id, ordinal and referenced footnotes; no text. */
    public record ParagraphRecord(String id, String label, String section, int number, List<Integer> footnotes) {
        public ParagraphRecord {
            footnotes = List.copyOf(footnotes);
        }
    }

    /** Number of works of each type (by ontology local name), sorted by name. */
    public Map<String, Integer> worksByType() {
        Map<String, Integer> counts = new TreeMap<>();
        for (Work w : works) counts.merge(w.type().local(), 1, Integer::sum);
        return counts;
    }

    /** "31 sections, 160 paragraphs, 137 footnotes, 180 works (Book 1, …)". */
    public String summary() {
        StringBuilder sb = new StringBuilder();
        sb.append(sections.size()).append(" sections, ").append(paragraphs.size()).append(" paragraphs, ")
                .append(footnotes.size()).append(" footnotes, ")
                .append(works.size()).append(" works (");
        String sep = "";
        for (Map.Entry<String, Integer> e : worksByType().entrySet()) {
            sb.append(sep).append(e.getKey()).append(' ').append(e.getValue());
            sep = ", ";
        }
        return sb.append(")").toString();
    }
}
