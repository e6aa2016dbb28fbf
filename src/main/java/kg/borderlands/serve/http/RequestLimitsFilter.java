package kg.borderlands.serve.http;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * Checks every request before a servlet sees it: no body larger than the limit (413, also enforced while
 * reading by Jetty's {@code SizeLimitHandler} for chunked bodies), no {@code Content-Encoding} (415: the
 * server does not inflate request bodies), a {@code Content-Type} charset Java knows (415), and a query
 * string that is well-formed percent-encoded UTF-8 (400) — so parameter decoding never fails inside a servlet.
 */
public final class RequestLimitsFilter extends HttpFilter {
    private final long maxRequestBytes;

    public RequestLimitsFilter(long maxRequestBytes) {
        this.maxRequestBytes = maxRequestBytes;
    }

    @Override
    protected void doFilter(HttpServletRequest req, HttpServletResponse resp, FilterChain chain)
            throws IOException, ServletException {
        HttpProblem p = check(req);
        if (p != null) {
            if (p.status() == 413) resp.setHeader("Connection", "close");
            p.send(resp);
            return;
        }
        chain.doFilter(req, resp);
    }

    HttpProblem check(HttpServletRequest req) {
        long length = req.getContentLengthLong();
        if (length > maxRequestBytes)
            return new HttpProblem(413, HttpProblem.TOO_LARGE, "request body of " + length + " bytes is over the limit of "
                    + maxRequestBytes + " bytes");
        String encoding = req.getHeader("Content-Encoding");
        if (encoding != null && !encoding.isBlank() && !encoding.trim().equalsIgnoreCase("identity"))
            return new HttpProblem(415, HttpProblem.UNSUPPORTED, "Content-Encoding is not supported: send the body uncompressed");
        String type = req.getHeader("Content-Type");
        if (type != null) {
            String charset = charsetOf(type);
            if (charset != null && !supported(charset))
                return new HttpProblem(415, HttpProblem.UNSUPPORTED, "unknown charset in Content-Type: use UTF-8");
        }
        String qs = req.getQueryString();
        if (qs != null && !validPercentUtf8(qs)) return HttpProblem.malformed("the query string is not valid percent-encoded UTF-8");
        return null;
    }

    /** The charset parameter of a media type, or null. */
    static String charsetOf(String contentType) {
        for (String part : contentType.split(";")) {
            String[] kv = part.trim().split("=", 2);
            if (kv.length == 2 && kv[0].trim().equalsIgnoreCase("charset")) {
                String v = kv[1].trim();
                if (v.length() >= 2 && v.startsWith("\"") && v.endsWith("\"")) v = v.substring(1, v.length() - 1);
                return v;
            }
        }
        return null;
    }

    private static boolean supported(String charset) {
        try {
            return Charset.isSupported(charset.toLowerCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    /** True if every %XX escape is complete and the decoded bytes are UTF-8. */
    static boolean validPercentUtf8(String s) {
        ByteBuffer bytes = ByteBuffer.allocate(s.length() * 3);
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '%') {
                if (i + 2 >= s.length()) return false;
                int hi = Character.digit(s.charAt(i + 1), 16), lo = Character.digit(s.charAt(i + 2), 16);
                if (hi < 0 || lo < 0) return false;
                bytes.put((byte) (hi * 16 + lo));
                i += 2;
            } else if (c > 0x7f) {
                byte[] b = String.valueOf(c).getBytes(StandardCharsets.UTF_8);
                if (bytes.remaining() < b.length) return false;
                bytes.put(b);
            } else {
                bytes.put((byte) c);
            }
        }
        bytes.flip();
        try {
            StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(bytes);
            return true;
        } catch (CharacterCodingException e) {
            return false;
        }
    }
}
