package kg.borderlands.load;

import java.io.IOException;
import java.util.Objects;

/**
 * A store that cannot be used as asked: absent, damaged, busy with another load, or not writable. The message
 * starts with a stable error ID documented in {@code docs/errors.md}.
 */
public final class StoreException extends IOException {
    /** What went wrong, with its stable ID. */
    public enum Kind {
        /** No build has been published in the store. */
        ABSENT("BKG-E201"),
        /** The published build does not match its manifest (or has none). */
        DAMAGED("BKG-E202"),
        /** Another load holds the store's lock. */
        BUSY("BKG-E203"),
        /** The store directory cannot be written. */
        READ_ONLY("BKG-E204"),
        /** The published build was made from other inputs, for a command that must not use it then. */
        STALE("BKG-E207"),
        /** {@code load} ran out of Java heap: nothing was published, the store is as it was. */
        OUT_OF_MEMORY("BKG-E208");

        private final String code;

        Kind(String code) {
            this.code = code;
        }

        public String code() {
            return code;
        }
    }

    private final Kind kind;

    public StoreException(Kind kind, String message) {
        this(kind, message, null);
    }

    public StoreException(Kind kind, String message, Throwable cause) {
        super(Objects.requireNonNull(kind, "kind").code() + " " + Objects.requireNonNull(message, "message"), cause);
        this.kind = kind;
    }

    public Kind kind() {
        return kind;
    }
}
