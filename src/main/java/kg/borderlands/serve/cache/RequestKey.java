package kg.borderlands.serve.cache;

import jakarta.servlet.http.HttpServletRequest;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.Enumeration;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * The normalised request an answer depends on, and the strong ETag derived from it: GET, HEAD and a POSTed
 * query form are the same request; parameters are sorted by name (values keep their order); {@code Accept} is
 * lower-cased without blanks, and only counts where the surface negotiates; the host counts because some
 * answers name the server (VoID's endpoint).
 *
 * <p>The ETag is {@code "<build>.<code>.<hash>"}: the served build's id (escaped so that distinct ids stay
 * distinct), the {@link CodeVersion} and 128 bits of SHA-256 of the key and, when answers are compressed, of
 * the acceptable codings ({@link AcceptEncoding}), so a gzip body and a plain one never share an ETag. Two builds therefore never share an
 * ETag, and a reload changes every ETag of a per-build surface. Assets do not depend on the build and carry
 * {@code "asset"} in its place.
 */
final class RequestKey {
    private static final HexFormat HEX = HexFormat.of();

    private final String text;
    private final String etag;

    private RequestKey(String text, String etag) {
        this.text = text;
        this.etag = etag;
    }

    /**
     * @param codings the normalised {@code Accept-Encoding} ({@link AcceptEncoding#tag}) when answers are
     *                compressed, else empty: part of the ETag, not of the key
     */
    static RequestKey of(Surface surface, String buildId, HttpServletRequest req, String codings) {
        StringBuilder sb = new StringBuilder(256);
        String build = surface.perBuild ? escape(buildId) : "asset";
        sb.append(build).append('\n').append(surface.name()).append('\n');
        sb.append(req.getScheme()).append("://").append(nullToEmpty(req.getHeader("Host"))).append('\n');
        sb.append(req.getRequestURI()).append('\n');
        Map<String, String[]> params = new TreeMap<>(req.getParameterMap());
        for (Map.Entry<String, String[]> p : params.entrySet()) {
            sb.append(p.getKey().length()).append(':').append(p.getKey());
            for (String v : p.getValue()) {
                String value = "query".equals(p.getKey()) ? v.strip() : v;
                sb.append('=').append(value.length()).append(':').append(value);
            }
            sb.append('\n');
        }
        if (surface.variesByAccept) sb.append("accept:").append(normaliseAccept(req.getHeaders("Accept")));
        String text = sb.toString();
        String tagged = codings.isEmpty() ? hash(text) : hash(text + "\nencoding:" + codings);
        return new RequestKey(text, "\"" + build + "." + CodeVersion.value() + "." + tagged + "\"");
    }

    /** The whole key (what the server cache is keyed by). */
    String text() {
        return text;
    }

    /** The strong ETag, quoted. */
    String etag() {
        return etag;
    }

    /** True if an {@code If-None-Match} header names this ETag (weak comparison, as RFC 9110 asks). */
    boolean matches(Enumeration<String> ifNoneMatch) {
        if (ifNoneMatch == null) return false;
        String bare = etag.substring(1, etag.length() - 1);
        while (ifNoneMatch.hasMoreElements()) {
            for (String tag : ifNoneMatch.nextElement().split(",")) {
                String t = tag.strip();
                if (t.startsWith("W/")) t = t.substring(2);
                if (t.length() >= 2 && t.startsWith("\"") && t.endsWith("\"") && t.substring(1, t.length() - 1).equals(bare)) {
                    return true;
                }
            }
        }
        return false;
    }

    static String normaliseAccept(Enumeration<String> accept) {
        if (accept == null) return "";
        StringBuilder sb = new StringBuilder();
        while (accept.hasMoreElements()) {
            if (!sb.isEmpty()) sb.append(',');
            sb.append(accept.nextElement());
        }
        StringBuilder out = new StringBuilder(sb.length());
        for (int i = 0; i < sb.length(); i++) {
            char c = sb.charAt(i);
            if (!Character.isWhitespace(c)) out.append(Character.toLowerCase(c));
        }
        return out.toString();
    }

    /**
     * Letters, digits and '.' stay; every other character becomes {@code _} and its code in hex, padded to
     * four digits, so the escaping is one-to-one and the result never holds "--" (the separator Jetty's
     * compression appends to ETags) or a quote.
     */
    static String escape(String id) {
        StringBuilder sb = new StringBuilder(id.length() + 8);
        for (int i = 0; i < id.length(); i++) {
            char c = id.charAt(i);
            if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '.') sb.append(c);
            else sb.append('_').append(String.format(Locale.ROOT, "%04x", (int) c));
        }
        return sb.toString();
    }

    private static String hash(String text) {
        try {
            byte[] d = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
            return HEX.formatHex(Arrays.copyOf(d, 16));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String nullToEmpty(String s) {
        return s == null ? "" : s;
    }
}
