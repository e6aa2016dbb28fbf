package kg.borderlands.serve.cache;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.BooleanSupplier;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * HTTP caching of the read surfaces ({@link Surface}) of an immutable build. For a GET, HEAD or POSTed query
 * form:
 * <ol>
 *   <li>the normalised request and its ETag are computed ({@link RequestKey}) from the served build's id;</li>
 *   <li>an {@code If-None-Match} naming that ETag is answered 304 at once: nothing is evaluated (an ETag is only
 *       ever sent with a 200, and the answer to the same request on the same build is the same);</li>
 *   <li>an answer in the server cache ({@link ResultCache}) is sent from memory;</li>
 *   <li>otherwise the request goes on; a 200 gets the ETag, {@code Cache-Control} and {@code Vary}, and, if its
 *       body is within the entry limit, is stored. A larger body is streamed, not stored.</li>
 * </ol>
 * A SPARQL query with NOW(), RAND(), UUID(), STRUUID(), BNODE() or SERVICE is passed through untouched, as is a
 * query POSTed as a body ({@code application/sparql-query}). If the build changes while an answer is computed,
 * the answer gets no ETag and is not stored; while a reload is half done (not {@code settled}) nothing is
 * validated or stored. The first request that sees a new build empties the cache.
 */
public final class HttpCacheFilter extends HttpFilter {
    private final Supplier<?> builds;
    private final Function<Object, String> idOf;
    private final ResultCache cache;
    private final int maxAgeSeconds;
    private final boolean compressed;
    private final BooleanSupplier settled;
    private volatile Object lastBuild;

    private HttpCacheFilter(Supplier<?> builds, Function<Object, String> idOf, BooleanSupplier settled, ResultCache cache,
                            int maxAgeSeconds, boolean compressed) {
        this.builds = builds;
        this.settled = settled;
        this.idOf = idOf;
        this.cache = Objects.requireNonNull(cache, "cache");
        this.maxAgeSeconds = maxAgeSeconds;
        this.compressed = compressed;
    }

    /**
     * @param current the build served now; the same object for as long as that build is served (a reload puts
     *                a new one in place)
     * @param id      the build's id: the build directory name
     * @param settled false while a reload is half done (the dataset swapped, the web layer not yet): nothing is
     *                validated or stored then, since an answer might come from the other build
     * @param compressed true if a compression handler sits in front (ETags then depend on Accept-Encoding)
     */
    public static <B> HttpCacheFilter create(Supplier<B> current, Function<? super B, String> id, BooleanSupplier settled,
                                             ResultCache cache, int maxAgeSeconds, boolean compressed) {
        Objects.requireNonNull(current, "current");
        Objects.requireNonNull(id, "id");
        @SuppressWarnings("unchecked")
        Function<Object, String> idOf = b -> id.apply((B) b);
        return new HttpCacheFilter(current, idOf, Objects.requireNonNull(settled, "settled"), cache, maxAgeSeconds, compressed);
    }

    @Override
    protected void doFilter(HttpServletRequest req, HttpServletResponse resp, FilterChain chain)
            throws IOException, ServletException {
        Surface surface = Surface.of(req.getRequestURI());
        String method = req.getMethod();
        boolean head = "HEAD".equals(method);
        if (surface == null || !(head || "GET".equals(method) || queryForm(surface, req))) {
            chain.doFilter(req, resp);
            return;
        }
        if (!settled.getAsBoolean() || surface == Surface.SPARQL && !Surface.repeatable(req.getParameter("query"))) {
            cache.countUncacheable();
            chain.doFilter(req, resp);
            return;
        }
        Object build = builds.get();
        if (lastBuild != build) {
            if (lastBuild != null) cache.invalidateAll();
            lastBuild = build;
        }
        RequestKey key = RequestKey.of(surface, idOf.apply(build), req,
                compressed ? AcceptEncoding.tag(req.getHeaders("Accept-Encoding")) : "");
        String cacheControl = surface.cacheControl(maxAgeSeconds,
                surface == Surface.ASSET ? req.getParameter(CodeVersion.ASSET_PARAM) : null);
        if (!"POST".equals(method) && key.matches(req.getHeaders("If-None-Match"))) {
            cache.countNotModified();
            resp.setStatus(HttpServletResponse.SC_NOT_MODIFIED);
            validators(resp, surface, key, cacheControl);
            return;
        }
        CachedAnswer hit = cache.get(key.text());
        if (hit != null) {
            hit.writeTo(resp, head, () -> validators(resp, surface, key, cacheControl));
            return;
        }
        int limit = head || !cache.enabled() ? 0 : (int) cache.maxEntryBytes();
        CaptureResponse capture = new CaptureResponse(resp, limit, () -> {
            if (resp.getStatus() == 200 && builds.get() == build && settled.getAsBoolean()) validators(resp, surface, key, cacheControl);
        });
        chain.doFilter(req, capture);
        byte[] body = capture.held();
        boolean ok = resp.getStatus() == 200 && builds.get() == build && settled.getAsBoolean();
        if (body == null) {
            if (capture.streamed() && ok && cache.enabled() && !head) cache.countTooLarge();
            return;
        }
        // stored before it is sent, so that the next request can already find it
        if (ok && cache.enabled() && !head) cache.put(key.text(), new CachedAnswer(resp.getContentType(), kept(resp), body));
        capture.release(body);
    }

    /** A POSTed SPARQL query form ({@code query=…}, no update): the same request as the GET. */
    private static boolean queryForm(Surface surface, HttpServletRequest req) {
        if (surface != Surface.SPARQL || !"POST".equals(req.getMethod())) return false;
        String type = req.getContentType();
        if (type == null || !type.toLowerCase(Locale.ROOT).startsWith("application/x-www-form-urlencoded")) return false;
        return req.getParameter("query") != null && req.getParameter("update") == null;
    }

    private void validators(HttpServletResponse resp, Surface surface, RequestKey key, String cacheControl) {
        resp.setHeader("ETag", key.etag());
        resp.setHeader("Cache-Control", cacheControl);
        resp.setHeader("Pragma", null);
        resp.setHeader("Expires", null);
        if (surface.variesByAccept) addVary(resp, "Accept");
        if (compressed) addVary(resp, "Accept-Encoding");
    }

    private static List<Map.Entry<String, String>> kept(HttpServletResponse resp) {
        List<Map.Entry<String, String>> out = new ArrayList<>();
        for (String name : CachedAnswer.KEPT) {
            Collection<String> values = resp.getHeaders(name);
            if (values != null && !values.isEmpty()) out.add(Map.entry(name, String.join(", ", values)));
        }
        return out;
    }

    /** Adds tokens to {@code Vary}, keeping those already there (CORS adds Origin) and without repeats. */
    static void addVary(HttpServletResponse resp, String tokens) {
        Set<String> all = new LinkedHashSet<>();
        Set<String> seen = new java.util.HashSet<>();
        Collection<String> existing = resp.getHeaders("Vary");
        List<String> sources = new ArrayList<>(existing == null ? List.of() : existing);
        sources.add(tokens);
        for (String v : sources) {
            for (String t : v.split(",")) {
                String token = t.strip();
                if (!token.isEmpty() && seen.add(token.toLowerCase(Locale.ROOT))) all.add(token);
            }
        }
        resp.setHeader("Vary", String.join(", ", all));
    }
}
