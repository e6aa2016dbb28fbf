package kg.borderlands.analyse;

import java.util.Comparator;
import java.util.Objects;

/**
 * A footnote a record cites, as a link target: its {@code id} is its IRI's path under {@code …/id/} — inside its
 * source's space since issue #11 ({@code icg-asia-354/fn-32}; {@code fn-32} in an unscoped data directory) — and
 * {@code number} the footnote's number within its source. Footnote numbers alone are ambiguous once two sources
 * are loaded (both have a fn 2); links are made from the id, read from the data.
 */
public record FootnoteRef(String id, int number) {
    /** By number, then id (a record citing fn 2 of two sources lists both). */
    public static final Comparator<FootnoteRef> ORDER = Comparator.comparingInt(FootnoteRef::number).thenComparing(FootnoteRef::id);

    public FootnoteRef {
        Objects.requireNonNull(id, "id");
    }
}
