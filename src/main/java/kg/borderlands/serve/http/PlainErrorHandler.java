package kg.borderlands.serve.http;

import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.handler.ErrorHandler;
import org.eclipse.jetty.util.Callback;

import java.nio.ByteBuffer;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * Jetty's own error answers (a request line or header it cannot parse, a header over the size limit) as one
 * plain line with a stable error ID, instead of an HTML page naming the server and the exception. An
 * unsupported HTTP version is a malformed request here: 400, not 505, so no malformed request is ever a 5xx.
 */
public final class PlainErrorHandler extends ErrorHandler {
    @Override
    protected boolean generateAcceptableResponse(Request request, Response response, Callback callback, String contentType,
                                                 List<Charset> charsets, int code, String message, Throwable cause) {
        if (code == 505) {
            code = 400;
            response.setStatus(400);
        }
        String id = code == 413 || code == 414 || code == 431 ? HttpProblem.TOO_LARGE
                : code == 415 ? HttpProblem.UNSUPPORTED : code == 405 ? HttpProblem.METHOD
                : code == 404 ? "BKG-E103" : code >= 500 ? HttpProblem.INTERNAL : HttpProblem.MALFORMED;
        String text = switch (code) {
            case 404 -> "not found";
            case 405 -> "method not allowed";
            case 413 -> "request body too large";
            case 414 -> "request URI too long";
            case 431 -> "request headers too large";
            case 415 -> "unsupported content type or encoding";
            default -> code >= 500 ? "internal error (logged on the server)" : "malformed request";
        };
        response.getHeaders().put(HttpHeader.CONTENT_TYPE, "text/plain;charset=utf-8");
        response.getHeaders().put(HttpHeader.CACHE_CONTROL, "no-store");
        response.write(true, ByteBuffer.wrap((id + " " + text + "\n").getBytes(StandardCharsets.UTF_8)), callback);
        return true;
    }
}
