package kg.borderlands.serve;

import kg.borderlands.load.StoreManager;
import kg.borderlands.support.TestProject;
import org.apache.jena.rdf.model.Model;
import org.apache.jena.rdf.model.ModelFactory;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFParser;
import org.apache.jena.sparql.core.DatasetGraph;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;

import static org.junit.jupiter.api.Assertions.*;

/** The served endpoint, over real HTTP on an ephemeral port. */
class KgServerTest {
    private static DatasetGraph dsg;
    private static KgServer server;
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @BeforeAll
    static void start() throws IOException {
        dsg = TestProject.realStore().open();
        server = KgServer.builder().dataset(dsg).port(0).timeoutMillis(3000).build().start();
    }

    @AfterAll
    static void stop() {
        try {
            if (server != null) server.stop();
        } finally {
            StoreManager.close(dsg);
        }
    }

    @Test
    void askOverEveryQueryEndpoint() throws Exception {
        for (String ep : List.of("/sparql", "/query")) {
            HttpResponse<String> r = query(ep, "ASK { ?s ?p ?o }");
            assertEquals(200, r.statusCode(), ep);
            assertTrue(r.body().contains("true"), r.body());
            HttpResponse<String> g = send(HttpRequest.newBuilder(URI.create(server.datasetUrl() + ep + "?query="
                    + enc("ASK { ?s ?p ?o }"))).GET().build());
            assertEquals(200, g.statusCode(), "GET " + ep);
        }
    }

    @Test
    void defaultGraphIsTheUnionOfTheNamedGraphs() throws Exception {
        HttpResponse<String> r = query("/sparql", "ASK { ?x a <https://w3id.org/borderlands-kg/ontology#Actor> }");
        assertTrue(r.body().contains("true"), "inferred types are visible in the default graph: " + r.body());
    }

    @Test
    void updatesAreRefusedEverywhereAndChangeNothing() throws Exception {
        String before = count();
        String update = "INSERT DATA { <urn:x:s> <urn:x:p> <urn:x:o> }";
        for (String path : List.of("", "/sparql", "/query", "/get", "/update", "/data")) {
            String url = server.datasetUrl() + path;
            HttpResponse<String> direct = sendOnce(HttpRequest.newBuilder(URI.create(url))
                    .header("Content-Type", "application/sparql-update")
                    .POST(HttpRequest.BodyPublishers.ofString(update)).build());
            assertClientError(direct, "sparql-update to " + url);
            HttpResponse<String> form = sendOnce(HttpRequest.newBuilder(URI.create(url))
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString("update=" + enc(update))).build());
            assertClientError(form, "form update to " + url);
        }
        String gsp = server.datasetUrl() + "/get?default";
        for (String method : List.of("PUT", "POST", "DELETE")) {
            HttpResponse<String> r = sendOnce(HttpRequest.newBuilder(URI.create(gsp)).header("Content-Type", "text/turtle")
                    .method(method, HttpRequest.BodyPublishers.ofString("<urn:x:s> <urn:x:p> <urn:x:o> .")).build());
            assertClientError(r, method + " " + gsp);
        }
        assertEquals(before, count(), "triple count unchanged");
        assertTrue(query("/sparql", "ASK { <urn:x:s> ?p ?o }").body().contains("false"));
    }

    @Test
    void longQueryIsStoppedAtTheTimeoutAndTheServerStaysResponsive() throws Exception {
        long t0 = System.nanoTime();
        HttpResponse<String> slow = query("/sparql",
                "SELECT (COUNT(*) AS ?n) { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i . ?j ?k ?l }");
        long slowMs = (System.nanoTime() - t0) / 1_000_000;
        assertTrue(slow.statusCode() >= 400, "an error response, got " + slow.statusCode() + " " + slow.body());
        assertTrue(slowMs < 15_000, "stopped near the 3 s timeout, took " + slowMs + " ms");

        long t1 = System.nanoTime();
        HttpResponse<String> next = query("/sparql", "ASK { ?s ?p ?o }");
        long nextMs = (System.nanoTime() - t1) / 1_000_000;
        assertEquals(200, next.statusCode());
        assertTrue(nextMs < 3_000, "next query answered at once, took " + nextMs + " ms");
    }

    @Test
    void malformedQueryIsA400WithTheParserMessage() throws Exception {
        HttpResponse<String> r = query("/sparql", "SELEC ?x WHERE { ?x ?y }");
        assertEquals(400, r.statusCode());
        assertTrue(r.body().contains("Parse error") || r.body().contains("Lexical error"), r.body());
    }

    @Test
    void graphStoreProtocolReadsNamedGraphs() throws Exception {
        HttpResponse<String> r = send(HttpRequest.newBuilder(URI.create(server.datasetUrl() + "/get?graph="
                + enc("https://w3id.org/borderlands-kg/graph/data"))).header("Accept", "text/turtle").GET().build());
        assertEquals(200, r.statusCode());
        Model m = ModelFactory.createDefaultModel();
        RDFParser.fromString(r.body(), Lang.TURTLE).parse(m);
        assertTrue(m.size() > 0, "data graph has triples");
    }

    @Test
    void pingAnswersForLoadBalancerHealthChecks() throws Exception {
        String root = server.datasetUrl().substring(0, server.datasetUrl().lastIndexOf('/'));
        HttpResponse<String> r = send(HttpRequest.newBuilder(URI.create(root + "/$/ping")).GET().build());
        assertEquals(200, r.statusCode(), r.body());
        assertTrue(r.body().length() >= 10, "the ping answers the time: " + r.body());
    }

    /**
     * Refused writes go over a fresh connection each: the server may close a connection after refusing a
     * request whose body it did not read, and a pooled client would then reuse a dead connection.
     */
    private static HttpResponse<String> sendOnce(HttpRequest req) throws Exception {
        HttpClient oneShot = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        return oneShot.send(req, HttpResponse.BodyHandlers.ofString());
    }

    private static void assertClientError(HttpResponse<String> r, String what) {
        assertTrue(r.statusCode() >= 400 && r.statusCode() < 500, what + " → " + r.statusCode());
    }

    private static String count() throws Exception {
        HttpResponse<String> r = query("/sparql", "SELECT (COUNT(*) AS ?n) { GRAPH ?g { ?s ?p ?o } }");
        assertEquals(200, r.statusCode(), "count query: " + r.body());
        String body = r.body();
        return body.replaceAll("(?s).*\"value\"\\s*:\\s*\"(\\d+)\".*", "$1");
    }

    private static HttpResponse<String> query(String endpoint, String sparql) throws Exception {
        return send(HttpRequest.newBuilder(URI.create(server.datasetUrl() + endpoint))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("Accept", "application/sparql-results+json")
                .POST(HttpRequest.BodyPublishers.ofString("query=" + enc(sparql))).build());
    }

    private static HttpResponse<String> send(HttpRequest req) throws Exception {
        return HTTP.send(req, HttpResponse.BodyHandlers.ofString());
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}
