package kg.borderlands.serve.api;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * An HTTP error of the web layer, with a stable code documented in {@code docs/errors.md} and
 * {@code docs/api.md}. Rendered as {@code {"error": {"status": 404, "code": "BKG-E101", "message": "…"}}}.
 */
public final class ApiException extends RuntimeException {
    /** No record with this id (404). */
    public static final String UNKNOWN_ID = "BKG-E101";
    /** A parameter is missing, malformed or out of range (400). */
    public static final String BAD_PARAMETER = "BKG-E102";
    /** No such endpoint (404). */
    public static final String NO_ENDPOINT = "BKG-E103";
    /** None of the media types the client accepts can be produced (406). */
    public static final String NOT_ACCEPTABLE = "BKG-E104";
    /** The method is not allowed: the web layer is read-only (405). */
    public static final String METHOD_NOT_ALLOWED = "BKG-E105";
    /** An unexpected failure inside the server (500). */
    public static final String INTERNAL = "BKG-E106";

    private final int status;
    private final String code;

    public ApiException(int status, String code, String message) {
        super(message);
        this.status = status;
        this.code = code;
    }

    public static ApiException unknownId(String id) {
        return new ApiException(404, UNKNOWN_ID, "no record with id '" + id + "'");
    }

    public static ApiException badParameter(String message) {
        return new ApiException(400, BAD_PARAMETER, message);
    }

    public int status() {
        return status;
    }

    public String code() {
        return code;
    }

    /** The JSON body of the error. */
    public Map<String, Object> body() {
        Map<String, Object> e = new LinkedHashMap<>();
        e.put("status", status);
        e.put("code", code);
        e.put("message", getMessage());
        return Map.of("error", e);
    }
}
