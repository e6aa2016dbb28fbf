package kg.borderlands.serve.guard;

import kg.borderlands.serve.KgServer;
import kg.borderlands.serve.cache.CacheSettings;
import org.apache.jena.query.TxnType;
import org.apache.jena.sparql.algebra.Algebra;
import org.apache.jena.sparql.algebra.Op;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.DatasetGraphFactory;
import org.apache.jena.sparql.sse.SSE;
import org.apache.jena.sparql.util.Context;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

import static org.junit.jupiter.api.Assertions.*;

/**
 * Over HTTP: Fuseki runs the very query the server's checks parsed (one parse per request) on every way a query
 * arrives, and what the checks measured of its algebra is what the optimizer uses.
 */
class ParseOnceServerTest {
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private static KgServer server;

    @BeforeAll
    static void start() {
        DatasetGraph dsg = DatasetGraphFactory.createTxnMem();
        dsg.executeWrite(() -> dsg.getDefaultGraph().add(SSE.parseTriple("(<http://x/s> <http://x/p> 7)")));
        // the answer cache off (what this saves matters most there; and a hit would not reach Fuseki at all)
        server = KgServer.builder().dataset(dsg).port(0).timeoutMillis(5000)
                .cache(CacheSettings.defaults().withMaxBytes(0)).build().start();
    }

    @AfterAll
    static void stop() {
        if (server != null) server.stop();
    }

    private static HttpResponse<String> send(HttpRequest.Builder b) throws Exception {
        return HTTP.send(b.timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    @Test
    void everyQueryIsParsedOnceWhicheverWayItArrives() throws Exception {
        String q = "SELECT ?o WHERE { <http://x/s> <http://x/p> ?o }";
        String url = server.datasetUrl() + "/sparql";
        HttpRequest.Builder[] requests = {
                HttpRequest.newBuilder(URI.create(url + "?query=" + enc(q))).GET(),
                HttpRequest.newBuilder(URI.create(url)).header("Content-Type", "application/x-www-form-urlencoded")
                        .POST(HttpRequest.BodyPublishers.ofString("query=" + enc(q))),
                HttpRequest.newBuilder(URI.create(url)).header("Content-Type", "application/sparql-query")
                        .POST(HttpRequest.BodyPublishers.ofString(q)),
                HttpRequest.newBuilder(URI.create(server.datasetUrl() + "?query=" + enc(q))).GET(),
        };
        for (int i = 0; i < 2; i++) for (HttpRequest.Builder r : requests) {
            long before = ParsedQueries.handedOver();
            HttpResponse<String> resp = send(r.header("Accept", "application/sparql-results+json"));
            assertEquals(200, resp.statusCode(), resp.body());
            assertTrue(resp.body().contains("\"7\""), resp.body());
            assertEquals(before + 1, ParsedQueries.handedOver(), "Fuseki took the checked query: " + r.build());
        }
    }

    @Test
    void aSyntaxErrorStillGetsFusekisMessage() throws Exception {
        long before = ParsedQueries.handedOver();
        HttpResponse<String> resp = send(HttpRequest.newBuilder(URI.create(server.datasetUrl() + "/sparql?query="
                + enc("SELECT * WHERE { ?s ?p }"))).GET());
        assertEquals(400, resp.statusCode());
        assertTrue(resp.body().contains("line 1"), "Fuseki's parse error, with its position: " + resp.body());
        assertEquals(before, ParsedQueries.handedOver());
    }

    @Test
    void theOptimizerUsesTheShapeTheChecksMeasuredOnce() {
        // the standard optimizer turns FILTER(?o = constant) into a substitution; ARQ's minimal one leaves it
        Op op = Algebra.compile(org.apache.jena.query.QueryFactory.create(
                "SELECT * { ?s ?p ?o FILTER(?o = <http://x/a>) }"));
        GuardedOptimizer optimizer = new GuardedOptimizer(1000);
        String standard = optimizer.create(new Context()).rewrite(op).toString();
        QueryTicket t = new QueryTicket(null);
        QueryTicket.bind(t);
        try {
            t.shape(new AlgebraShape(3, GuardedOptimizer.MAX_EXISTS_FOR_STD + 1));
            String withDeepShape = optimizer.create(new Context()).rewrite(op).toString();
            assertNotEquals(standard, withDeepShape, "the measured shape (deep EXISTS) chose the minimal optimizer");
            assertEquals(standard, optimizer.create(new Context()).rewrite(op).toString(),
                    "used once: a later optimisation on the thread measures its own op");
        } finally {
            QueryTicket.bind(null);
        }
    }

    @Test
    void aDeepExistsQueryStillAnswersOverHttp() throws Exception {
        int n = GuardedOptimizer.MAX_EXISTS_FOR_STD + 4;
        String q = "ASK { ?s ?p ?o " + "FILTER EXISTS { ?s ?p ?o ".repeat(n) + "}".repeat(n) + " }";
        long t0 = System.nanoTime();
        HttpResponse<String> resp = send(HttpRequest.newBuilder(URI.create(server.datasetUrl() + "/sparql?query=" + enc(q)))
                .header("Accept", "application/sparql-results+json").GET());
        assertEquals(200, resp.statusCode(), resp.body());
        assertTrue(resp.body().contains("true"), resp.body());
        assertTrue(System.nanoTime() - t0 < 20_000_000_000L, "the minimal optimizer: no exponential optimisation");
    }
}
