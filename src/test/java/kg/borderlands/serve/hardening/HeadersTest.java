package kg.borderlands.serve.hardening;

import kg.borderlands.serve.ServeLimits;
import kg.borderlands.serve.WebTestServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** CORS on the read-only surfaces, security headers, TRACE off, truthful OPTIONS, and Fuseki's ops endpoints. */
class HeadersTest {
    private static final String ORIGIN = "https://yasgui.example.org";
    private static WebTestServer server;

    @BeforeAll
    static void start() throws Exception {
        server = WebTestServer.start(null, ServeLimits.defaults().withCorsOrigins(List.of(ORIGIN)));
    }

    @AfterAll
    static void stop() {
        if (server != null) server.close();
    }

    private static RawHttp.Answer send(String method, String target, String... headers) throws Exception {
        StringBuilder sb = new StringBuilder(method).append(' ').append(target).append(" HTTP/1.1\r\nHost: localhost\r\n");
        for (String h : headers) sb.append(h).append("\r\n");
        if (method.equals("POST") || method.equals("PUT")) sb.append("Content-Length: 0\r\n");
        return RawHttp.send(server.port(), sb.append("Connection: close\r\n\r\n").toString(), 20_000);
    }

    @Test
    void corsPreflightAndSimpleRequestsOnTheReadOnlySurfaces() throws Exception {
        for (String path : List.of("/kg/sparql", "/kg/query", "/api/search?q=ttp", "/id/ttp", "/.well-known/void")) {
            RawHttp.Answer pre = send("OPTIONS", path, "Origin: " + ORIGIN, "Access-Control-Request-Method: POST",
                    "Access-Control-Request-Headers: Content-Type");
            assertTrue(pre.status() < 300, path + " preflight " + pre.status());
            assertEquals(ORIGIN, pre.header("Access-Control-Allow-Origin"), path);
            assertTrue(pre.header("Access-Control-Allow-Methods").contains("POST"), path);
            RawHttp.Answer get = send("GET", path + (path.startsWith("/kg") ? "?query=ASK%7B%7D" : ""), "Origin: " + ORIGIN);
            assertEquals(200, get.status(), path);
            assertEquals(ORIGIN, get.header("Access-Control-Allow-Origin"), path);
        }
        RawHttp.Answer other = send("GET", "/kg/sparql?query=ASK%7B%7D", "Origin: https://evil.example.com");
        assertNull(other.header("Access-Control-Allow-Origin"), "an origin not configured gets no CORS grant");
        RawHttp.Answer explorer = send("GET", "/", "Origin: " + ORIGIN);
        assertNull(explorer.header("Access-Control-Allow-Origin"), "the explorer page is not a CORS surface");
    }

    @Test
    void securityHeadersOnPagesAndData() throws Exception {
        for (String path : List.of("/", "/id/ttp", "/api/entity/ttp", "/kg/sparql?query=ASK%7B%7D", "/id/no-such-record")) {
            RawHttp.Answer a = send("GET", path);
            String csp = a.header("Content-Security-Policy");
            assertTrue(csp != null && csp.contains("frame-ancestors 'none'") && csp.contains("script-src 'self';")
                    && csp.contains("default-src 'none'"), path + ": " + csp);
            assertEquals("nosniff", a.header("X-Content-Type-Options"), path);
            assertEquals("no-referrer", a.header("Referrer-Policy"), path);
        }
        for (String page : List.of("/", "/id/ttp", "/id/no-such-record")) {
            String html = send("GET", page, "Accept: text/html").body();
            assertTrue(!html.contains("<style") && !html.matches("(?s).*<script(?![^>]*\\bsrc=)[^>]*>.*") && !html.contains(" style=")
                    && !html.matches("(?s).*\\son[a-z]+=.*"), page + ": no inline script (the CSP would block it) and no inline style of ours");
        }
    }

    @Test
    void traceIsOffAndOptionsTellsTheTruth() throws Exception {
        for (String path : List.of("/", "/api", "/api/entity/ttp", "/id/ttp", "/kg/sparql", "/kg/get", "/.well-known/void")) {
            RawHttp.Answer trace = send("TRACE", path, "X-Secret: echo-me");
            assertEquals(405, trace.status(), "TRACE " + path);
            assertTrue(!trace.body().contains("echo-me"), "TRACE echoes nothing");
            RawHttp.Answer options = send("OPTIONS", path);
            String allow = options.header("Allow");
            assertTrue(allow != null && !allow.contains("PUT") && !allow.contains("DELETE") && !allow.contains("TRACE"), path + ": " + allow);
            for (String m : Arrays.stream(allow.split(",")).map(String::trim).toList()) {
                if (m.equals("OPTIONS")) continue;
                String target = path.startsWith("/kg/sparql") ? path + "?query=ASK%7B%7D" : path.equals("/kg/get") ? path + "?default" : path;
                RawHttp.Answer r = m.equals("POST")
                        ? RawHttp.send(server.port(), "POST " + path + " HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/sparql-query\r\n"
                        + "Content-Length: 5\r\nConnection: close\r\n\r\nASK{}", 20_000)
                        : send(m, target);
                assertNotEquals(405, r.status(), m + " " + path + " is advertised in Allow, so it must not be refused");
            }
            for (String m : List.of("PUT", "DELETE")) {
                RawHttp.Answer r = send(m, path);
                assertTrue(r.status() == 405 || r.status() == 404, m + " " + path + " → " + r.status());
                if (r.status() == 405) assertTrue(r.header("Allow") != null && !r.header("Allow").contains(m), m + " " + path);
            }
        }
    }

    @Test
    void fusekiPingStatsAndPrometheusMetrics() throws Exception {
        assertEquals(200, send("GET", "/$/ping").status());
        RawHttp.Answer stats = send("GET", "/$/stats");
        assertEquals(200, stats.status());
        assertTrue(stats.body().contains("/kg"), stats.body());
        send("GET", "/kg/sparql?query=ASK%7B%7D");
        RawHttp.Answer metrics = send("GET", "/$/metrics");
        assertEquals(200, metrics.status());
        assertTrue(metrics.body().contains("# TYPE") && metrics.body().contains("fuseki_requests"), "Prometheus text format");
    }
}
