package kg.borderlands.curate;

import java.nio.file.Path;

/**
 * One thing wrong with the curated data, located precisely enough for a curator to fix it.
 * Codes are stable and explained in {@code docs/errors.md}.
 */
public record Problem(String code, Path file, int line, int column, String recordId, String message) {

    public static final String SYNTAX = "BKG-E001";
    public static final String UNKNOWN_FIELD = "BKG-E002";
    public static final String MISSING_FIELD = "BKG-E003";
    public static final String UNKNOWN_TYPE = "BKG-E004";
    public static final String DANGLING_REFERENCE = "BKG-E005";
    public static final String DUPLICATE_ID = "BKG-E006";
    public static final String BAD_ID = "BKG-E007";
    public static final String BAD_DATE = "BKG-E008";
    public static final String BAD_VALUE = "BKG-E009";
    public static final String UNKNOWN_SECTION = "BKG-E010";
    public static final String BAD_EXTERNAL_ID = "BKG-E011";
    public static final String SHARED_EXTERNAL_ID = "BKG-E012";

    /** {@code file:line:column: [record id] CODE message} — one line, like a compiler. */
    public String format() {
        StringBuilder sb = new StringBuilder();
        sb.append(file == null ? "<input>" : file.toString());
        if (line > 0) {
            sb.append(':').append(line);
            if (column > 0) sb.append(':').append(column);
        }
        sb.append(": ");
        if (recordId != null) sb.append("record '").append(recordId).append("': ");
        sb.append(code).append(' ').append(message);
        return sb.toString();
    }

    @Override
    public String toString() {
        return format();
    }
}
