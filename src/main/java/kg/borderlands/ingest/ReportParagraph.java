package kg.borderlands.ingest;

import java.util.List;
import java.util.Locale;

/**
 * One paragraph of the report's running text, anchored by its section and its ordinal in that section
 * ({@code II.B ¶4}). No text is kept: only where it is and which footnotes it references.
 *
 * @param sectionNumber the report's number of the enclosing section ({@code summary}, {@code II.B}…)
 * @param ordinal       1-based position among the section's paragraphs
 * @param line          1-based line where the paragraph starts in the source
 * @param footnotes     numbers of the footnotes referenced inline in the paragraph, in order
 */
public record ReportParagraph(String sectionNumber, int ordinal, int line, List<Integer> footnotes) {
    public ReportParagraph {
        footnotes = List.copyOf(footnotes);
    }

    /** Record id of a paragraph: {@code par-} + section number lower-cased, {@code .} → {@code -}, then the ordinal. */
    public static String idOf(String sectionNumber, int ordinal) {
        return "par-" + sectionNumber.toLowerCase(Locale.ROOT).replace('.', '-') + "-" + ordinal;
    }

    /** The anchor as the report would be cited: {@code II.B ¶4}. */
    public static String anchorOf(String sectionNumber, int ordinal) {
        return sectionNumber + " ¶" + ordinal;
    }

    public String id() {
        return idOf(sectionNumber, ordinal);
    }
}
