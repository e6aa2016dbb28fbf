package kg.borderlands.curate;

import com.fasterxml.jackson.core.JsonLocation;

/** A bound record and where it was read from, so later checks can point at the offending line. */
public record LocatedRecord(Kind kind, Records.DataRecord record, LocatedTree tree, String pointer) {

    /** A problem located at {@code field} (a relative JSON Pointer such as {@code /source/0/section}). */
    public Problem problem(String code, String field, String message) {
        JsonLocation loc = tree.locate(pointer + (field == null ? "" : field));
        return new Problem(code, tree.file(), loc == null ? 0 : loc.getLineNr(),
                loc == null ? 0 : loc.getColumnNr(), record.id(), message);
    }
}
