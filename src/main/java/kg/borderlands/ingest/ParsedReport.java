package kg.borderlands.ingest;

import java.util.List;

/**
 * What {@link ReportParser} reads from the report's markdown.
 *
 * @param title     the report title (first level-1 heading that is not the table of contents), or {@code null}
 * @param date      the publication date in the data-format date syntax, or {@code null}
 * @param sections  the section tree in document order
 * @param footnotes the footnotes in number order
 * @param paragraphs the paragraphs of the running text in document order
 * @param warnings  anything irregular the parser noticed
 */
public record ParsedReport(String title, String date, List<ReportSection> sections,
                           List<FootnoteEntry> footnotes, List<ReportParagraph> paragraphs,
                           List<String> warnings) {
    public ParsedReport {
        sections = List.copyOf(sections);
        footnotes = List.copyOf(footnotes);
        paragraphs = List.copyOf(paragraphs);
        warnings = List.copyOf(warnings);
    }
}
