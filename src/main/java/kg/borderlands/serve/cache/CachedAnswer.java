package kg.borderlands.serve.cache;

import jakarta.servlet.http.HttpServletResponse;

import java.io.IOException;
import java.util.List;
import java.util.Map;

/**
 * A 200 answer kept by the server: its content type, the headers that describe the representation, and the
 * body bytes. Request-specific headers (request ids, CORS, security headers) are not kept; the filters in
 * front add them to every answer.
 */
record CachedAnswer(String contentType, List<Map.Entry<String, String>> headers, byte[] body) {
    /** Representation headers worth keeping. */
    static final List<String> KEPT = List.of("Content-Location", "Content-Disposition", "Content-Language", "Link", "Vary");

    CachedAnswer {
        headers = List.copyOf(headers);
    }

    /** An estimate of the memory the entry holds (body, headers, object overheads), for the cache's bound. */
    int weight(String key) {
        long w = 96L + body.length + 2L * key.length();
        if (contentType != null) w += 40 + 2L * contentType.length();
        for (Map.Entry<String, String> h : headers) w += 64 + 2L * (h.getKey().length() + h.getValue().length());
        return (int) Math.min(Integer.MAX_VALUE, w);
    }

    /** Writes status, headers, then {@code moreHeaders}, then (unless HEAD) the body. */
    void writeTo(HttpServletResponse resp, boolean head, Runnable moreHeaders) throws IOException {
        resp.setStatus(200);
        if (contentType != null) resp.setContentType(contentType);
        for (Map.Entry<String, String> h : headers) {
            if (h.getKey().equals("Vary")) HttpCacheFilter.addVary(resp, h.getValue());
            else resp.setHeader(h.getKey(), h.getValue());
        }
        moreHeaders.run();
        resp.setContentLength(body.length);
        if (!head) resp.getOutputStream().write(body);
    }
}
