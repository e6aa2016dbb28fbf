package kg.borderlands.publish;

import java.io.IOException;
import java.util.Objects;

/**
 * A publication that could not be completed. The message starts with a stable error ID documented in
 * {@code docs/errors.md} and never contains credentials.
 */
public final class PublishException extends IOException {
    /** What went wrong, with its stable ID. */
    public enum Kind {
        /** The target could not be reached, or kept failing (5xx, 429, time-outs) after every retry. */
        UNAVAILABLE("BKG-E301"),
        /** The target refused a request (401, 403, 404, 405, 415…): retrying would not help. */
        REFUSED("BKG-E302");

        private final String code;

        Kind(String code) {
            this.code = code;
        }

        public String code() {
            return code;
        }
    }

    private final Kind kind;

    public PublishException(Kind kind, String message, Throwable cause) {
        super(Objects.requireNonNull(kind, "kind").code() + " " + Objects.requireNonNull(message, "message"), cause);
        this.kind = kind;
    }

    public Kind kind() {
        return kind;
    }
}
