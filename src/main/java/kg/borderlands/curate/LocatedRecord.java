package kg.borderlands.curate;

import com.fasterxml.jackson.core.JsonLocation;

/**
 * A bound record, where it was read from (so later checks can point at the offending line) and the source unit
 * it belongs to ({@code null}: the shared unit, or the only unit of a directory without {@code sources/}).
 */
public record LocatedRecord(Kind kind, Records.DataRecord record, LocatedTree tree, String pointer, String unit) {

    /** A record of the shared (or only) unit. */
    public LocatedRecord(Kind kind, Records.DataRecord record, LocatedTree tree, String pointer) {
        this(kind, record, tree, pointer, null);
    }

    /**
     * True for the apparatus of a source (sections, paragraphs, footnotes, interviews): identified inside the
     * source's space, {@code …/id/{source}/{id}} (docs/data-format.md "Identifiers").
     */
    public boolean scoped() {
        return unit != null && (kind == Kind.SECTIONS || kind == Kind.FOOTNOTES || kind == Kind.PARAGRAPHS
                || (kind == Kind.WORKS && "Interview".equals(record.type())));
    }

    /** The record's key: its path under {@code …/id/}, {@code {source}/{id}} when scoped, else the id. */
    public String key() {
        return scoped() ? unit + "/" + record.id() : record.id();
    }

    /** A problem located at {@code field} (a relative JSON Pointer such as {@code /source/0/section}). */
    public Problem problem(String code, String field, String message) {
        JsonLocation loc = tree.locate(pointer + (field == null ? "" : field));
        return new Problem(code, tree.file(), loc == null ? 0 : loc.getLineNr(),
                loc == null ? 0 : loc.getColumnNr(), record.id(), message);
    }
}
