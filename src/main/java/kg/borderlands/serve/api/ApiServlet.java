package kg.borderlands.serve.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import kg.borderlands.serve.ld.EntityDescriber;
import kg.borderlands.serve.ld.EntityView;
import kg.borderlands.serve.search.LabelIndex;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Supplier;
import java.util.regex.Pattern;

/**
 * The JSON API under {@code /api}: search, entity descriptions, the competency questions and (through
 * {@link NetworkRoutes}) the actor network. Read-only: GET and HEAD only. Every error is a JSON body
 * {@code {"error": {"status", "code", "message"}}} with a stable code ({@link ApiException}). See
 * {@code docs/api.md}.
 */
public final class ApiServlet extends ReadOnlyServlet {
    private static final Logger LOG = LoggerFactory.getLogger(ApiServlet.class);
    static final ObjectMapper JSON = new ObjectMapper()
            .findAndRegisterModules()
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .setSerializationInclusion(JsonInclude.Include.NON_NULL);
    private static final Pattern ID = Pattern.compile("[a-z0-9]+(-[a-z0-9]+)*");
    private static final Set<String> KINDS = Set.of("actor", "place", "tie", "event", "claim", "figure", "recommendation",
            "section", "footnote", "work", "link");
    static final int MAX_LIMIT = 100;

    private final EntityDescriber describer;
    private final Supplier<LabelIndex> search;
    private final CompetencyQueries queries;
    private final Supplier<NetworkRoutes> network;

    /** The search index and the network are opened on their first use. */
    ApiServlet(EntityDescriber describer, Supplier<LabelIndex> search, CompetencyQueries queries, Supplier<NetworkRoutes> network) {
        this.describer = Objects.requireNonNull(describer, "describer");
        this.search = Objects.requireNonNull(search, "search");
        this.queries = Objects.requireNonNull(queries, "queries");
        this.network = Objects.requireNonNull(network, "network");
    }

    @Override
    protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        String path = req.getPathInfo() == null ? "" : req.getPathInfo();
        try {
            route(path, req, resp);
        } catch (ApiException e) {
            sendError(resp, e);
        } catch (RuntimeException e) {
            LOG.warn("API failure on {}: {}", path, e.toString(), e);
            sendError(resp, new ApiException(500, ApiException.INTERNAL, "internal error (logged on the server)"));
        }
    }

    private void route(String path, HttpServletRequest req, HttpServletResponse resp) throws IOException {
        String[] seg = Arrays.stream(path.split("/")).filter(s -> !s.isEmpty()).toArray(String[]::new);
        if (seg.length == 0) {
            sendJson(resp, 200, index());
            return;
        }
        switch (seg[0]) {
            case "search" -> {
                expectSegments(seg, 1);
                sendJson(resp, 200, search(req));
            }
            case "entity" -> {
                // /api/entity/{id}, or /api/entity/{source}/{id} for a source's apparatus (docs/data-format.md)
                if (seg.length != 3 || describer.snapshot().entry(seg[1] + "/" + seg[2]).isEmpty()) expectSegments(seg, 2);
                sendJson(resp, 200, entity(seg.length == 3 ? seg[1] + "/" + seg[2] : seg[1]));
            }
            case "queries" -> {
                if (seg.length == 1) sendJson(resp, 200, Map.of("queries", queries.all()));
                else {
                    expectSegments(seg, 2);
                    sendJson(resp, 200, queries.get(seg[1]).orElseThrow(() -> new ApiException(404, ApiException.NO_ENDPOINT,
                            "no competency question named '" + seg[1] + "'")));
                }
            }
            default -> {
                if (!NetworkRoutes.handles(seg[0])) throw noEndpoint(path);
                network.get().handle(seg, req, resp);
            }
        }
    }

    private Map<String, Object> index() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("endpoints", List.of("/api/search?q=", "/api/entity/{id}", "/api/neighbourhood/{id}?hops=&kinds=&asOf=",
                "/api/path?from=&to=&asOf=", "/api/metrics?metric=betweenness|pagerank|degree&top=",
                "/api/network?format=cytoscape|graphml|gexf|csv&asOf=&kinds=", "/api/kinds", "/api/queries",
                "/api/queries/{name}"));
        m.put("records", describer.snapshot().entries().size());
        m.put("networkAvailable", true);
        m.put("documentation", "docs/api.md");
        // the keys label, aliases, description are the terms of the JSON-LD context the Linked Data uses
        m.put("jsonldContext", "/context.jsonld");
        m.put("ontology", "/ontology");
        return m;
    }

    private Map<String, Object> search(HttpServletRequest req) {
        String q = req.getParameter("q");
        if (q == null || q.isBlank()) throw ApiException.badParameter("parameter 'q' is required");
        if (q.length() > 200) throw ApiException.badParameter("parameter 'q' is longer than 200 characters");
        int limit = intParam(req, "limit", 20, 1, MAX_LIMIT);
        Set<String> kinds = new LinkedHashSet<>(list(req.getParameter("kind")));
        for (String k : kinds) {
            if (!KINDS.contains(k)) throw ApiException.badParameter("unknown kind '" + k + "': use one of " + String.join(", ", KINDS.stream().sorted().toList()));
        }
        List<LabelIndex.Hit> hits;
        try {
            hits = search.get().search(q, kinds, limit);
        } catch (IllegalArgumentException e) {
            throw ApiException.badParameter(e.getMessage());
        }
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("query", q);
        m.put("kinds", kinds);
        m.put("count", hits.size());
        m.put("results", hits);
        return m;
    }

    private EntityView entity(String id) {
        for (String part : id.split("/", -1)) if (!ID.matcher(part).matches()) throw ApiException.unknownId(id);
        return describer.describe(id).orElseThrow(() -> ApiException.unknownId(id));
    }

    // ---- helpers shared with NetworkRoutes ----

    static void expectSegments(String[] seg, int n) {
        if (seg.length != n) throw noEndpoint("/" + String.join("/", seg));
    }

    static ApiException noEndpoint(String path) {
        return new ApiException(404, ApiException.NO_ENDPOINT, "no endpoint /api" + path + " (see /api)");
    }

    /** A comma-separated parameter (may also be repeated) as a list of trimmed, non-empty values. */
    static List<String> list(String value) {
        if (value == null) return List.of();
        return Arrays.stream(value.split(",")).map(String::trim).filter(s -> !s.isEmpty()).toList();
    }

    static int intParam(HttpServletRequest req, String name, int dflt, int min, int max) {
        String v = req.getParameter(name);
        if (v == null || v.isBlank()) return dflt;
        try {
            int i = Integer.parseInt(v.trim());
            if (i < min || i > max) throw ApiException.badParameter("parameter '" + name + "' must be between " + min + " and " + max + ", got " + v);
            return i;
        } catch (NumberFormatException e) {
            throw ApiException.badParameter("parameter '" + name + "' must be an integer, got '" + v + "'");
        }
    }

    static void sendJson(HttpServletResponse resp, int status, Object body) throws IOException {
        byte[] bytes = JSON.writerWithDefaultPrettyPrinter().writeValueAsBytes(body);
        resp.setStatus(status);
        resp.setContentType("application/json;charset=utf-8");
        resp.setContentLength(bytes.length);
        resp.setHeader("Cache-Control", "no-cache");
        resp.getOutputStream().write(bytes);
    }

    static void sendError(HttpServletResponse resp, ApiException e) throws IOException {
        if (e.status() == 405) resp.setHeader("Allow", "GET, HEAD, OPTIONS");
        sendJson(resp, e.status(), e.body());
    }

    static void sendText(HttpServletResponse resp, String contentType, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        resp.setStatus(200);
        resp.setContentType(contentType);
        resp.setContentLength(bytes.length);
        resp.getOutputStream().write(bytes);
    }
}
