package kg.borderlands.ingest;

/**
 * One footnote of the report.
 *
 * @param number        the footnote number
 * @param sectionNumber number of the section in which the inline reference appears ({@code null} if unknown)
 * @param text          the footnote body (used only to extract citations; never written out)
 * @param bodyLine      1-based line of the body in the source
 */
public record FootnoteEntry(int number, String sectionNumber, String text, int bodyLine) {}
