package kg.borderlands.serve.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import kg.borderlands.serve.WebTestServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.*;

/** The JSON API over real HTTP against the real store. */
class ApiTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static WebTestServer server;
    @TempDir
    static Path queries;

    @BeforeAll
    static void start() throws Exception {
        Files.writeString(queries.resolve("cq-01-militant-groups.rq"), """
                # Which militant groups does the graph know?
                # Expected answer (from the report): the TTP among others (I)
                SELECT ?g WHERE { ?g a blk:MilitantGroup }
                """);
        Files.writeString(queries.resolve("notes.txt"), "not a query");
        server = WebTestServer.start(queries);
    }

    @AfterAll
    static void stop() {
        if (server != null) server.close();
    }

    // ---- search ----

    @Test
    void searchFindsTheTtpByEveryName() throws Exception {
        for (String q : List.of("Pakistani Taliban", "tehreek", "TTP")) {
            JsonNode r = ok("/api/search?q=" + enc(q));
            assertEquals("ttp", r.path("results").path(0).path("id").asText(), q);
            assertEquals("actor", r.path("results").path(0).path("kind").asText());
        }
        JsonNode exact = ok("/api/search?q=" + enc("Pakistani Taliban")).path("results").path(0);
        assertEquals("EXACT", exact.path("match").asText());
        assertEquals("Pakistani Taliban", exact.path("matched").asText());
    }

    @Test
    void searchKindAndLimit() throws Exception {
        JsonNode r = ok("/api/search?q=Taliban&kind=actor&limit=3");
        assertEquals(3, r.path("results").size());
        r.path("results").forEach(h -> assertEquals("actor", h.path("kind").asText()));
        JsonNode two = ok("/api/search?q=Taliban&kind=actor,event&limit=50");
        Set<String> kinds = new HashSet<>();
        two.path("results").forEach(h -> kinds.add(h.path("kind").asText()));
        assertEquals(Set.of("actor", "event"), kinds);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "/api/search|BKG-E102",
            "/api/search?q=%20%20|BKG-E102",
            "/api/search?q=--|BKG-E102",
            "/api/search?q=ttp&limit=0|BKG-E102",
            "/api/search?q=ttp&limit=abc|BKG-E102",
            "/api/search?q=ttp&kind=planet|BKG-E102",
            "/api/neighbourhood/ttp?hops=9|BKG-E102",
            "/api/neighbourhood/ttp?asOf=2025-13-01|BKG-E102",
            "/api/neighbourhood/ttp?kinds=Friendship|BKG-E102",
            "/api/neighbourhood/ttp?contested=maybe|BKG-E102",
            "/api/neighbourhood/icg-asia-354|BKG-E102",
            "/api/path?from=qatar|BKG-E102",
            "/api/metrics?metric=fame|BKG-E102",
            "/api/metrics?top=-1|BKG-E102",
            "/api/network?format=pdf|BKG-E102",
            "/api/network?format=csv&table=rows|BKG-E102"})
    void badParametersAre400(String path, String code) throws Exception {
        assertError(path, 400, code);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "/api/entity/no-such-record|BKG-E101",
            "/api/entity/Bad%20Id|BKG-E101",
            "/api/neighbourhood/no-such-actor|BKG-E101",
            "/api/path?from=qatar&to=nobody-at-all|BKG-E101",
            "/api/nothing-here|BKG-E103",
            "/api/entity|BKG-E103",
            "/api/entity/ttp/extra|BKG-E103",
            "/api/queries/cq-99-none|BKG-E103"})
    void unknownThingsAre404(String path, String code) throws Exception {
        assertError(path, 404, code);
    }

    @Test
    void writesAre405() throws Exception {
        HttpResponse<String> r = server.send(HttpRequest.newBuilder(URI.create(server.url("/api/entity/ttp")))
                .POST(HttpRequest.BodyPublishers.ofString("{}")).build());
        assertEquals(405, r.statusCode());
        assertEquals("BKG-E105", JSON.readTree(r.body()).path("error").path("code").asText());
    }

    // ---- entity ----

    @Test
    void entityShowsTiesBothWaysWithSources() throws Exception {
        JsonNode e = ok("/api/entity/ttp");
        assertEquals("Tehreek-e-Taliban Pakistan", e.path("label").asText());
        assertEquals("actor", e.path("kind").asText());
        assertEquals("blk:MilitantGroup", e.path("type").path("name").asText());
        JsonNode allegiance = find(e.path("outgoingTies"), "id", "tie-ttp-allegiance-afghan-taliban");
        assertEquals("afghan-taliban", allegiance.path("other").path("id").asText());
        assertEquals("blk:Allegiance", allegiance.path("kind").path("name").asText());
        assertEquals("2021-08-17", allegiance.path("from").asText());
        assertEquals(List.of(32), ints(allegiance.path("footnotes")));
        // and as link targets, inside N°354's space (issue #11)
        assertEquals("icg-asia-354/fn-32", allegiance.path("footnoteRefs").path(0).path("id").asText());
        assertEquals(32, allegiance.path("footnoteRefs").path(0).path("number").asInt());
        assertEquals(1, allegiance.path("footnoteRefs").size());
        assertEquals("outgoing", allegiance.path("direction").asText());
        JsonNode sanctuary = find(e.path("incomingTies"), "id", "tie-afghan-taliban-sanctuary-ttp");
        assertEquals("incoming", sanctuary.path("direction").asText());
        assertEquals("afghan-taliban", sanctuary.path("other").path("id").asText());
        boolean anyContested = false;
        for (JsonNode t : e.path("incomingTies")) {
            if (t.path("contested").asBoolean()) {
                anyContested = true;
                assertTrue(t.path("accordingTo").size() > 0, "a contested tie names who asserts it");
            }
        }
        assertTrue(anyContested);
        assertTrue(e.path("claimsReceived").size() > 0);
        assertTrue(e.path("events").size() > 0);
        assertTrue(e.path("events").path(0).path("roles").size() > 0, "events carry the actor's role");
        assertTrue(e.path("sources").size() > 0);
        JsonNode fn = e.path("sources").path(0);
        assertTrue(fn.path("footnote").asInt() > 0 && !fn.path("section").path("number").asText().isEmpty());
    }

    @Test
    void allegationsReceivedCarryTheirDenials() throws Exception {
        JsonNode e = ok("/api/entity/taliban-government");
        JsonNode allegation = find(e.path("claimsReceived"), "id", "cl-pakistan-accuses-kabul-harbouring-ttp");
        assertEquals("blk:Allegation", allegation.path("type").path("name").asText());
        JsonNode denial = find(allegation.path("responses"), "id", "cl-kabul-denies-ttp-presence");
        assertEquals("blk:Denial", denial.path("type").path("name").asText());
        assertEquals("taliban-government", denial.path("claimants").path(0).path("id").asText());
        assertTrue(e.path("claimsMade").size() > 0);
        assertTrue(e.path("figures").size() > 0, "figures the Taliban government reported");
    }

    @Test
    void externalLinksOfAnActor() throws Exception {
        JsonNode links = ok("/api/entity/pakistan").path("externalLinks");
        boolean wikidata = false;
        for (JsonNode l : links) {
            if (l.path("property").path("name").asText().equals("skos:exactMatch") && l.path("iri").asText().endsWith("Q843")) wikidata = true;
        }
        assertTrue(wikidata, "Pakistan exactMatch Wikidata Q843: " + links);
    }

    // ---- network ----

    @Test
    void neighbourhoodFollowsTheAsOfDate() throws Exception {
        JsonNode early = ok("/api/neighbourhood/pakistan-federal-government?hops=1&asOf=2022-02-01");
        assertEquals("pakistan-federal-government", early.path("center").path("id").asText());
        assertEquals("2022-02-01", early.path("asOf").asText());
        assertTrue(officeHolders(early).contains("imran-khan"), "Imran Khan is prime minister in early 2022");
        assertFalse(officeHolders(early).contains("shehbaz-sharif"), "the report places Shehbaz Sharif in office from Oct 2025");
        JsonNode later = ok("/api/neighbourhood/pakistan-federal-government?hops=1&asOf=2025-11");
        assertEquals("2025-11-01", later.path("asOf").asText());
        assertFalse(officeHolders(later).contains("imran-khan"), "his premiership ended in April 2022");
        assertTrue(officeHolders(later).contains("shehbaz-sharif"));
    }

    @Test
    void neighbourhoodHopsAndKinds() throws Exception {
        JsonNode one = ok("/api/neighbourhood/ttp?hops=1");
        JsonNode two = ok("/api/neighbourhood/ttp?hops=2");
        assertTrue(two.path("elements").path("nodes").size() > one.path("elements").path("nodes").size());
        one.path("distance").fields().forEachRemaining(d -> assertTrue(d.getValue().asInt() <= 1));
        JsonNode allegiance = ok("/api/neighbourhood/ttp?hops=1&kinds=Allegiance");
        assertTrue(allegiance.path("elements").path("edges").size() > 0);
        allegiance.path("elements").path("edges").forEach(e -> assertEquals("Allegiance", e.path("data").path("kind").asText()));
        JsonNode noContested = ok("/api/neighbourhood/ttp?hops=1&contested=false");
        noContested.path("elements").path("edges").forEach(e -> assertFalse(e.path("data").path("contested").asBoolean()));
    }

    @Test
    void pathFromQatarToTheTtpExplainsEachHop() throws Exception {
        JsonNode p = ok("/api/path?from=qatar&to=ttp");
        assertTrue(p.path("found").asBoolean());
        assertEquals("qatar", p.path("from").path("id").asText());
        assertEquals("ttp", p.path("to").path("id").asText());
        JsonNode hops = p.path("hops");
        assertEquals(p.path("length").asInt(), hops.size());
        assertTrue(hops.size() >= 1);
        assertEquals("qatar", hops.path(0).path("from").path("id").asText());
        assertEquals("ttp", hops.path(hops.size() - 1).path("to").path("id").asText());
        for (JsonNode h : hops) {
            assertTrue(h.path("relations").size() > 0);
            for (JsonNode r : h.path("relations")) {
                assertTrue(Set.of("FORWARD", "BACKWARD", "BOTH").contains(r.path("direction").asText()));
                assertFalse(r.path("edge").path("kind").asText().isEmpty());
                assertFalse(r.path("edge").path("record").asText().isEmpty());
                assertTrue(r.path("edge").has("footnotes"));
            }
        }
        JsonNode byName = ok("/api/path?from=Qatar&to=" + enc("Pakistani Taliban"));
        assertEquals(hops.size(), byName.path("hops").size(), "names resolve like ids");
    }

    @Test
    void pathNotFoundIsAnAnswerNotAnError() throws Exception {
        JsonNode p = ok("/api/path?from=qatar&to=ttp&kinds=EthnicBond");
        assertFalse(p.path("found").asBoolean());
        assertFalse(p.has("hops"));
    }

    @Test
    void metricsRankActors() throws Exception {
        for (String metric : List.of("betweenness", "pagerank", "degree")) {
            JsonNode m = ok("/api/metrics?metric=" + metric + "&top=5");
            assertEquals(metric, m.path("metric").asText());
            JsonNode rows = m.path("results");
            assertEquals(5, rows.size());
            for (int i = 1; i < rows.size(); i++) {
                assertTrue(rows.path(i - 1).path("value").asDouble() >= rows.path(i).path("value").asDouble(), metric + " sorted");
                assertEquals(i + 1, rows.path(i).path("rank").asInt());
            }
        }
        assertEquals(10, ok("/api/metrics").path("results").size(), "default: betweenness, top 10");
    }

    @Test
    void networkInEveryFormat() throws Exception {
        JsonNode cy = ok("/api/network?format=cytoscape");
        int edges = cy.path("elements").path("edges").size();
        assertTrue(edges > 100 && cy.path("elements").path("nodes").size() > 100);
        JsonNode early = ok("/api/network?asOf=2022-02-01&kinds=OfficeHolding");
        assertTrue(early.path("elements").path("edges").size() < edges);
        early.path("elements").path("edges").forEach(e -> assertEquals("OfficeHolding", e.path("data").path("kind").asText()));

        HttpResponse<String> graphml = server.get("/api/network?format=graphml", null);
        assertEquals(200, graphml.statusCode());
        assertTrue(graphml.headers().firstValue("Content-Type").orElse("").startsWith("application/graphml+xml"));
        assertTrue(graphml.body().contains("<graphml"));
        HttpResponse<String> gexf = server.get("/api/network?format=gexf&asOf=2025", null);
        assertTrue(gexf.body().contains(kg.borderlands.analyse.NetworkExporter.GEXF_NS));
        HttpResponse<String> csv = server.get("/api/network?format=csv", null);
        assertTrue(csv.headers().firstValue("Content-Type").orElse("").startsWith("text/csv"));
        assertTrue(csv.body().startsWith("id,source,target,kind"), csv.body().substring(0, 60));
        assertEquals(edges + 1, csv.body().lines().filter(l -> l.matches("^[^,]+:[A-Za-z]+:[^,]+:[^,]+,.*")).count() + 1);
        assertTrue(server.get("/api/network?format=csv&table=nodes", null).body().startsWith("id,label,class,aliases"));
    }

    @Test
    void kindsListTheRelationKindsWithCounts() throws Exception {
        JsonNode k = ok("/api/kinds").path("kinds");
        JsonNode allegiance = find(k, "kind", "Allegiance");
        assertEquals("allegiance", allegiance.path("label").asText());
        assertTrue(allegiance.path("count").asInt() > 0);
        assertFalse(find(k, "kind", "Alliance").path("directed").asBoolean(), "alliances are undirected");
    }

    // ---- competency questions ----

    @Test
    void competencyQuestionsAreServedWithTheirPrefixes() throws Exception {
        JsonNode list = ok("/api/queries").path("queries");
        assertEquals(1, list.size(), "only cq-NN-*.rq files");
        JsonNode q = list.path(0);
        assertEquals("cq-01-militant-groups", q.path("name").asText());
        assertEquals("Which militant groups does the graph know?", q.path("question").asText());
        assertEquals("the TTP among others (I)", q.path("expected").asText());
        assertTrue(q.path("sparql").asText().startsWith("PREFIX blk: <https://w3id.org/borderlands-kg/ontology#>\n"));
        assertEquals(q, ok("/api/queries/cq-01-militant-groups"));
        // and it runs as served on the SPARQL endpoint
        HttpResponse<String> r = server.send(HttpRequest.newBuilder(URI.create(server.url("/kg/sparql")))
                .header("Content-Type", "application/x-www-form-urlencoded").header("Accept", "application/sparql-results+json")
                .POST(HttpRequest.BodyPublishers.ofString("query=" + enc(q.path("sparql").asText()))).build());
        assertEquals(200, r.statusCode(), r.body());
        assertTrue(r.body().contains("https://w3id.org/borderlands-kg/id/ttp"));
    }

    @Test
    void explorerAndWebJarsAreServedFromTheJar() throws Exception {
        HttpResponse<String> index = server.get("/", null);
        assertEquals(200, index.statusCode());
        assertTrue(index.body().contains("borderlands-kg explorer"));
        for (String path : List.of("/explorer/app.js", "/explorer/style.css", "/webjars/cytoscape/3.33.1/dist/cytoscape.min.js",
                "/webjars/cytoscape-fcose/2.2.0/cytoscape-fcose.js", "/webjars/cose-base/2.2.0/cose-base.js",
                "/webjars/layout-base/2.0.1/layout-base.js")) {
            HttpResponse<String> r = server.get(path, null);
            assertEquals(200, r.statusCode(), path);
            assertTrue(r.body().length() > 1000, path);
            assertTrue(index.body().contains(path) || path.startsWith("/explorer/"), "index.html loads " + path);
        }
        assertEquals(404, server.get("/explorer/../app.js", null).statusCode());
        assertEquals(404, server.get("/explorer/nothing.js", null).statusCode());
        assertEquals(404, server.get("/no-such-page", null).statusCode());
        assertEquals(200, server.get("/kg/sparql?query=" + enc("ASK {}"), null).statusCode(), "SPARQL still served");
    }

    // ---- helpers ----

    private static Set<String> officeHolders(JsonNode neighbourhood) {
        Set<String> out = new HashSet<>();
        for (JsonNode e : neighbourhood.path("elements").path("edges")) {
            JsonNode d = e.path("data");
            if (d.path("kind").asText().equals("OfficeHolding") && d.path("target").asText().equals("pakistan-federal-government")) {
                out.add(d.path("source").asText());
            }
        }
        return out;
    }

    private static JsonNode ok(String path) throws Exception {
        HttpResponse<String> r = server.get(path, "application/json");
        assertEquals(200, r.statusCode(), path + " → " + r.body());
        assertTrue(r.headers().firstValue("Content-Type").orElse("").startsWith("application/json"), path);
        return JSON.readTree(r.body());
    }

    private static void assertError(String path, int status, String code) throws Exception {
        HttpResponse<String> r = server.get(path, "application/json");
        assertEquals(status, r.statusCode(), path + " → " + r.body());
        JsonNode e = JSON.readTree(r.body()).path("error");
        assertEquals(code, e.path("code").asText(), r.body());
        assertEquals(status, e.path("status").asInt());
        assertFalse(e.path("message").asText().isBlank());
    }

    private static JsonNode find(JsonNode array, String field, String value) {
        for (JsonNode n : array) if (n.path(field).asText().equals(value)) return n;
        fail("no element with " + field + " = " + value + " in " + array);
        return null;
    }

    private static List<Integer> ints(JsonNode array) {
        List<Integer> out = new ArrayList<>();
        array.forEach(n -> out.add(n.asInt()));
        return out;
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}
