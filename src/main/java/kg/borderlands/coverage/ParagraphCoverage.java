package kg.borderlands.coverage;

import java.util.List;

/**
 * One paragraph of the report and the curated records that cite it.
 *
 * @param id             the paragraph's record id ({@code par-ii-b-4})
 * @param anchor         how it is cited ({@code II.B ¶4})
 * @param records        ids of the curated records citing it, sorted
 * @param noRecordReason why the curators left it without records, or {@code null} when they did not say
 */
public record ParagraphCoverage(String id, String anchor, List<String> records, String noRecordReason) {
    public ParagraphCoverage {
        records = List.copyOf(records);
    }

    public boolean covered() {
        return !records.isEmpty();
    }

    /** Without records and not marked by the curators as holding no fact: something is missing. */
    public boolean missing() {
        return records.isEmpty() && noRecordReason == null;
    }

    /** Marked as holding no fact, yet cited by records: the mark is out of date. */
    public boolean staleNote() {
        return !records.isEmpty() && noRecordReason != null;
    }
}
