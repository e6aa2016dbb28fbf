package kg.borderlands.serve.api;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import kg.borderlands.Vocab;
import kg.borderlands.analyse.ActorMetrics;
import kg.borderlands.analyse.ActorNode;
import kg.borderlands.analyse.EgoNetwork;
import kg.borderlands.analyse.Hop;
import kg.borderlands.analyse.HopRelation;
import kg.borderlands.analyse.Metric;
import kg.borderlands.analyse.Network;
import kg.borderlands.analyse.NetworkAnalytics;
import kg.borderlands.analyse.NetworkEdge;
import kg.borderlands.analyse.NetworkExporter;
import kg.borderlands.analyse.NetworkFilter;
import kg.borderlands.analyse.NetworkPath;
import kg.borderlands.analyse.UnknownActorException;
import kg.borderlands.serve.ld.Snapshot;
import org.apache.jena.rdf.model.ResourceFactory;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.StringWriter;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The actor-network endpoints, on {@code kg.borderlands.analyse} (see docs/network.md): neighbourhood, path,
 * metrics, network export and the list of relation kinds. The whole network is projected once per build (at load
 * time, into the serving artifacts); every request filters it (kinds, as-of date, contested) and analyses the result.
 */
final class NetworkRoutes {
    private static final Set<String> ROUTES = Set.of("neighbourhood", "path", "metrics", "network", "kinds");
    private static final Pattern YEAR = Pattern.compile("\\d{4}");
    private static final Pattern MONTH = Pattern.compile("\\d{4}-\\d{2}");
    private static final int MAX_HOPS = 3;

    private final Network full;
    private final Snapshot snapshot;
    private final NetworkAnalytics fullAnalytics;

    NetworkRoutes(Network full, Snapshot snapshot) {
        this.full = Objects.requireNonNull(full, "network");
        this.snapshot = Objects.requireNonNull(snapshot, "snapshot");
        this.fullAnalytics = new NetworkAnalytics(full);
    }

    static boolean handles(String first) {
        return ROUTES.contains(first);
    }

    void handle(String[] seg, HttpServletRequest req, HttpServletResponse resp) throws IOException {
        switch (seg[0]) {
            case "neighbourhood" -> {
                ApiServlet.expectSegments(seg, 2);
                ApiServlet.sendJson(resp, 200, neighbourhood(seg[1], req));
            }
            case "path" -> {
                ApiServlet.expectSegments(seg, 1);
                ApiServlet.sendJson(resp, 200, path(req));
            }
            case "metrics" -> {
                ApiServlet.expectSegments(seg, 1);
                ApiServlet.sendJson(resp, 200, metrics(req));
            }
            case "network" -> {
                ApiServlet.expectSegments(seg, 1);
                network(req, resp);
            }
            case "kinds" -> {
                ApiServlet.expectSegments(seg, 1);
                ApiServlet.sendJson(resp, 200, Map.of("kinds", kinds()));
            }
            default -> throw ApiServlet.noEndpoint("/" + String.join("/", seg));
        }
    }

    // ---- endpoints ----

    private Map<String, Object> neighbourhood(String id, HttpServletRequest req) {
        ActorNode centre = actorById(id);
        int hops = ApiServlet.intParam(req, "hops", 1, 0, MAX_HOPS);
        Filtered f = filtered(req);
        EgoNetwork ego = f.analytics().ego(centre.id(), hops);
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("center", node(centre));
        m.put("hops", hops);
        f.describe(m);
        m.put("distance", ego.distance());
        m.put("elements", NetworkExporter.cytoscape(ego.network()).get("elements"));
        return m;
    }

    private Map<String, Object> path(HttpServletRequest req) {
        String from = required(req, "from");
        String to = required(req, "to");
        Filtered f = filtered(req);
        ActorNode a = resolve(f.network(), from);
        ActorNode b = resolve(f.network(), to);
        Optional<NetworkPath> p = f.analytics().shortestPath(a.id(), b.id());
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("from", node(a));
        m.put("to", node(b));
        f.describe(m);
        m.put("found", p.isPresent());
        if (p.isPresent()) {
            Map<String, Map<String, Object>> edgeData = edgeData(f.network());
            List<Map<String, Object>> hops = new ArrayList<>();
            for (Hop hop : p.get().hops()) {
                List<Map<String, Object>> rels = new ArrayList<>();
                for (HopRelation r : hop.relations()) {
                    Map<String, Object> rel = new LinkedHashMap<>();
                    rel.put("direction", r.direction().name());
                    rel.put("edge", edgeData.get(r.edge().id()));
                    rels.add(rel);
                }
                Map<String, Object> h = new LinkedHashMap<>();
                h.put("from", node(f.network().node(hop.from()).orElseThrow()));
                h.put("to", node(f.network().node(hop.to()).orElseThrow()));
                h.put("relations", rels);
                hops.add(h);
            }
            m.put("length", p.get().length());
            m.put("hops", hops);
        }
        return m;
    }

    private Map<String, Object> metrics(HttpServletRequest req) {
        String name = req.getParameter("metric");
        Metric metric;
        try {
            metric = name == null || name.isBlank() ? Metric.BETWEENNESS : Metric.parse(name.trim());
        } catch (IllegalArgumentException e) {
            throw ApiException.badParameter(e.getMessage());
        }
        int top = ApiServlet.intParam(req, "top", 10, 1, 1000);
        Filtered f = filtered(req);
        List<Map<String, Object>> rows = new ArrayList<>();
        int rank = 0;
        for (ActorMetrics am : f.analytics().top(metric, top)) {
            Map<String, Object> r = new LinkedHashMap<>();
            r.put("rank", ++rank);
            r.put("actor", node(am.actor()));
            r.put("value", am.value(metric));
            r.put("degree", am.degree());
            r.put("betweenness", am.betweenness());
            r.put("betweennessNormalised", am.betweennessNormalised());
            r.put("pageRank", am.pageRank());
            rows.add(r);
        }
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("metric", metric.name().toLowerCase());
        m.put("top", top);
        f.describe(m);
        m.put("actors", f.network().nodes().size());
        m.put("results", rows);
        return m;
    }

    private void network(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        String format = req.getParameter("format") == null ? "cytoscape" : req.getParameter("format").trim().toLowerCase();
        Filtered f = filtered(req);
        switch (format) {
            case "cytoscape" -> {
                Map<String, Object> m = new LinkedHashMap<>();
                f.describe(m);
                m.put("elements", NetworkExporter.cytoscape(f.network()).get("elements"));
                ApiServlet.sendJson(resp, 200, m);
            }
            case "graphml", "gexf" -> {
                ByteArrayOutputStream out = new ByteArrayOutputStream();
                if (format.equals("graphml")) NetworkExporter.writeGraphml(f.network(), out);
                else NetworkExporter.writeGexf(f.network(), out);
                resp.setHeader("Content-Disposition", "inline; filename=\"borderlands-network." + format + "\"");
                ApiServlet.sendText(resp, "application/" + format + "+xml;charset=utf-8", out.toString(java.nio.charset.StandardCharsets.UTF_8));
            }
            case "csv" -> {
                String table = req.getParameter("table") == null ? "edges" : req.getParameter("table").trim();
                StringWriter w = new StringWriter();
                switch (table) {
                    case "edges" -> NetworkExporter.writeEdgesCsv(f.network(), w);
                    case "nodes" -> NetworkExporter.writeNodesCsv(f.network(), w);
                    default -> throw ApiException.badParameter("parameter 'table' must be edges or nodes, got '" + table + "'");
                }
                resp.setHeader("Content-Disposition", "inline; filename=\"borderlands-" + table + ".csv\"");
                ApiServlet.sendText(resp, "text/csv;charset=utf-8", w.toString());
            }
            default -> throw ApiException.badParameter("parameter 'format' must be cytoscape, graphml, gexf or csv, got '" + format + "'");
        }
    }

    private List<Map<String, Object>> kinds() {
        Map<String, Integer> counts = new LinkedHashMap<>();
        for (NetworkEdge e : full.edges()) counts.merge(e.kind(), 1, Integer::sum);
        Map<String, Boolean> directed = new LinkedHashMap<>();
        for (NetworkEdge e : full.edges()) directed.putIfAbsent(e.kind(), e.directed());
        List<Map<String, Object>> out = new ArrayList<>();
        for (String k : full.knownKinds()) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("kind", k);
            String label = snapshot.label(ResourceFactory.createResource(Vocab.BLK + k));
            m.put("label", label.equals(k) ? k.replaceAll("([a-z])([A-Z])", "$1 $2").toLowerCase(java.util.Locale.ROOT) : label);
            m.put("count", counts.getOrDefault(k, 0));
            m.put("directed", directed.getOrDefault(k, true));
            out.add(m);
        }
        out.sort((a, b) -> Integer.compare((Integer) b.get("count"), (Integer) a.get("count")) != 0
                ? Integer.compare((Integer) b.get("count"), (Integer) a.get("count"))
                : ((String) a.get("kind")).compareTo((String) b.get("kind")));
        return out;
    }

    // ---- parameters ----

    /** A filtered network, its analytics, and the filter as echoed in responses. */
    private record Filtered(Network network, NetworkAnalytics analytics, LocalDate asOf, List<String> kinds, boolean contested) {
        void describe(Map<String, Object> m) {
            m.put("asOf", asOf == null ? null : asOf.toString());
            m.put("kinds", kinds);
            m.put("contested", contested);
        }
    }

    private Filtered filtered(HttpServletRequest req) {
        List<String> kinds = ApiServlet.list(req.getParameter("kinds"));
        LocalDate asOf = date(req.getParameter("asOf"), "asOf");
        String c = req.getParameter("contested");
        boolean contested = c == null || c.isBlank() || Boolean.parseBoolean(c.trim());
        if (c != null && !c.isBlank() && !c.trim().equalsIgnoreCase("true") && !c.trim().equalsIgnoreCase("false")) {
            throw ApiException.badParameter("parameter 'contested' must be true or false, got '" + c + "'");
        }
        NetworkFilter filter = NetworkFilter.all().withKinds(kinds).withContested(contested);
        if (asOf != null) filter = filter.asOf(asOf);
        if (filter.isAll()) return new Filtered(full, fullAnalytics, null, kinds, true);
        Network net;
        try {
            net = full.filter(filter);
        } catch (IllegalArgumentException e) {
            throw ApiException.badParameter(e.getMessage());
        }
        return new Filtered(net, new NetworkAnalytics(net), asOf, kinds, contested);
    }

    /** {@code YYYY-MM-DD}; {@code YYYY-MM} and {@code YYYY} stand for their first day. */
    static LocalDate date(String value, String name) {
        if (value == null || value.isBlank()) return null;
        String v = value.trim();
        try {
            if (YEAR.matcher(v).matches()) return LocalDate.of(Integer.parseInt(v), 1, 1);
            if (MONTH.matcher(v).matches()) return LocalDate.parse(v + "-01");
            return LocalDate.parse(v);
        } catch (java.time.DateTimeException e) {
            throw ApiException.badParameter("parameter '" + name + "' must be a date (YYYY-MM-DD, YYYY-MM or YYYY), got '" + value + "'");
        }
    }

    private static String required(HttpServletRequest req, String name) {
        String v = req.getParameter(name);
        if (v == null || v.isBlank()) throw ApiException.badParameter("parameter '" + name + "' is required");
        return v.trim();
    }

    private ActorNode actorById(String id) {
        Optional<ActorNode> n = full.node(id);
        if (n.isPresent()) return n.get();
        Optional<Snapshot.Entry> e = snapshot.entry(id);
        if (e.isPresent()) throw ApiException.badParameter("'" + id + "' is a " + e.get().kind() + ", not an actor");
        throw ApiException.unknownId(id);
    }

    private static ActorNode resolve(Network net, String idOrName) {
        try {
            return net.resolve(idOrName);
        } catch (UnknownActorException e) {
            String message = e.getMessage().replaceFirst("^BKG-E050 ", "");
            throw new ApiException(404, ApiException.UNKNOWN_ID, message);
        }
    }

    private static Map<String, Object> node(ActorNode n) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", n.id());
        m.put("label", n.label());
        m.put("type", n.type());
        m.put("aliases", n.aliases());
        return m;
    }

    /** The Cytoscape data of every edge of a network, by edge id (same fields as the network export). */
    @SuppressWarnings("unchecked")
    private static Map<String, Map<String, Object>> edgeData(Network net) {
        Map<String, Object> elements = (Map<String, Object>) NetworkExporter.cytoscape(net).get("elements");
        Map<String, Map<String, Object>> out = new LinkedHashMap<>();
        for (Map<String, Object> e : (List<Map<String, Object>>) elements.get("edges")) {
            Map<String, Object> d = (Map<String, Object>) e.get("data");
            out.put((String) d.get("id"), d);
        }
        return out;
    }
}
