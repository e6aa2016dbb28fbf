package kg.borderlands.coverage;

import java.util.List;

/**
 * Which paragraphs of the report the curated records cite.
 *
 * @param paragraphs   every paragraph of the report, in document order
 * @param unknownNotes paragraph ids the curators' notes name but the report does not have
 */
public record Coverage(List<ParagraphCoverage> paragraphs, List<String> unknownNotes) {
    public Coverage {
        paragraphs = List.copyOf(paragraphs);
        unknownNotes = List.copyOf(unknownNotes);
    }

    public long coveredCount() {
        return paragraphs.stream().filter(ParagraphCoverage::covered).count();
    }

    public List<ParagraphCoverage> uncovered() {
        return paragraphs.stream().filter(p -> !p.covered()).toList();
    }

    /** Paragraphs without records that the curators did not mark as holding no fact. */
    public List<ParagraphCoverage> missing() {
        return paragraphs.stream().filter(ParagraphCoverage::missing).toList();
    }

    public List<ParagraphCoverage> staleNotes() {
        return paragraphs.stream().filter(ParagraphCoverage::staleNote).toList();
    }

    /** True when every paragraph has records or a reason for having none, and every note is current. */
    public boolean complete() {
        return missing().isEmpty() && staleNotes().isEmpty() && unknownNotes.isEmpty();
    }

    /** "96 of 107 paragraphs cited by records; 11 without (11 marked as holding no fact, 0 not marked)". */
    public String summary() {
        int without = uncovered().size();
        return coveredCount() + " of " + paragraphs.size() + " paragraphs cited by records; " + without
                + " without (" + (without - missing().size()) + " marked as holding no fact, " + missing().size()
                + " not marked)";
    }
}
