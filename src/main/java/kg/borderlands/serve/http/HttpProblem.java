package kg.borderlands.serve.http;

import jakarta.servlet.http.HttpServletResponse;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Objects;

/**
 * A refused request: status, stable error ID ({@code docs/errors.md}) and a short plain message that never
 * names an exception class or a file path. Sent as {@code text/plain}: {@code BKG-E108 query longer than …}.
 */
public record HttpProblem(int status, String code, String message) {
    /** Malformed request: invalid UTF-8 or percent-encoding, a query nested too deeply, a bad header (400). */
    public static final String MALFORMED = "BKG-E107";
    /** Request body or query text over the limit (413). */
    public static final String TOO_LARGE = "BKG-E108";
    /** Content-Type, charset or Content-Encoding the server does not accept (415). */
    public static final String UNSUPPORTED = "BKG-E109";
    /** Too many queries at once, or a long query found no free slot: retry later (503 + Retry-After). */
    public static final String BUSY = "BKG-E110";
    /** The result is bigger than the result cap (422): narrow the query or add LIMIT. */
    public static final String RESULT_TOO_LARGE = "BKG-E111";
    /** A SERVICE call to an endpoint that is not on the allow-list (403). */
    public static final String SERVICE_REFUSED = "BKG-E112";
    /** The query ran past the timeout and was cancelled (503). */
    public static final String TIMEOUT = "BKG-E113";
    /** An allowed SERVICE endpoint failed (502) or timed out (504). */
    public static final String REMOTE = "BKG-E114";
    /** The method is not allowed on this resource (405, with a truthful Allow). */
    public static final String METHOD = "BKG-E105";
    /** An unexpected failure inside the server (500); details only in the server log. */
    public static final String INTERNAL = "BKG-E106";

    public HttpProblem {
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(message, "message");
    }

    public static HttpProblem malformed(String message) {
        return new HttpProblem(400, MALFORMED, message);
    }

    /** Writes the problem, keeping headers already set (CORS, security) but replacing the body and type. */
    public void send(HttpServletResponse resp) throws IOException {
        if (resp.isCommitted()) return;
        resp.resetBuffer();
        byte[] body = (code + " " + message + "\n").getBytes(StandardCharsets.UTF_8);
        resp.setStatus(status);
        resp.setHeader("Content-Encoding", null);
        resp.setHeader("Content-Disposition", null);
        resp.setContentType("text/plain;charset=utf-8");
        resp.setHeader("Cache-Control", "no-store");
        resp.setContentLength(body.length);
        resp.getOutputStream().write(body);
    }
}
