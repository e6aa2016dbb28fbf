package kg.borderlands.serve.hardening;

import kg.borderlands.serve.ServeLimits;
import kg.borderlands.serve.WebTestServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.NetworkInterface;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The query-level defences of the public endpoint, each proved over HTTP against the real store: SERVICE makes
 * no connection unless allowed, a catastrophic regex is stopped at the timeout and gives the CPU back, big
 * bodies and long queries get 413 before parsing, and a result over the cap or past the timeout is never a 200.
 */
class EndpointSecurityTest {
    private static final long TIMEOUT_MS = 2000;
    private static WebTestServer server;
    /** The same store with SERVICE allowed to one endpoint (the {@link #allowed} listener). */
    private static WebTestServer open;
    /** The same store with a 64 KiB result cap. */
    private static WebTestServer capped;
    private static ConnectionCounter loopback;
    private static ConnectionCounter allowed;

    // All servers share one store (one TDB2 connection per JVM), so they start together and stop together.
    @BeforeAll
    static void start() throws Exception {
        loopback = new ConnectionCounter(InetAddress.getLoopbackAddress());
        allowed = new ConnectionCounter(InetAddress.getLoopbackAddress());
        ServeLimits limits = ServeLimits.defaults().withTimeoutMillis(TIMEOUT_MS);
        server = WebTestServer.start(null, limits);
        open = WebTestServer.start(null, limits.withAllowedServices(Set.of("http://127.0.0.1:" + allowed.port() + "/sparql")));
        capped = WebTestServer.start(null, limits.withMaxResultBytes(64 * 1024));
    }

    @AfterAll
    static void stop() throws Exception {
        for (AutoCloseable c : new AutoCloseable[]{capped, open, server, loopback, allowed}) {
            if (c != null) c.close();
        }
    }

    static RawHttp.Answer query(int port, String sparql) throws Exception {
        byte[] body = ("query=" + URLEncoder.encode(sparql, StandardCharsets.UTF_8)).getBytes(StandardCharsets.US_ASCII);
        String head = "POST /kg/sparql HTTP/1.1\r\nHost: localhost\r\nAccept: application/sparql-results+json\r\n"
                + "Content-Type: application/x-www-form-urlencoded\r\nContent-Length: " + body.length + "\r\nConnection: close\r\n\r\n";
        byte[] req = new byte[head.length() + body.length];
        System.arraycopy(head.getBytes(StandardCharsets.US_ASCII), 0, req, 0, head.length());
        System.arraycopy(body, 0, req, head.length(), body.length);
        return RawHttp.send(port, req, 30_000);
    }

    /** Every non-loopback IPv4 address of this machine (its "own address" as seen from the network). */
    private static List<String> ownAddresses() throws Exception {
        List<String> out = new ArrayList<>();
        for (NetworkInterface ni : Collections.list(NetworkInterface.getNetworkInterfaces())) {
            for (InetAddress a : Collections.list(ni.getInetAddresses())) {
                if (a instanceof Inet4Address && !a.isLoopbackAddress()) out.add(a.getHostAddress());
            }
        }
        return out;
    }

    @Test
    void serviceIsRefusedAndNoConnectionIsMade() throws Exception {
        int port = loopback.port();
        List<String> targets = new ArrayList<>(List.of("http://127.0.0.1:" + port + "/sparql", "http://localhost:" + port + "/x",
                "http://[::1]:" + port + "/x", "http://169.254.169.254/latest/meta-data/", "http://127.0.0.1:" + server.port() + "/kg/sparql"));
        ConnectionCounter own = null;
        List<String> own4 = ownAddresses();
        if (!own4.isEmpty()) {
            own = new ConnectionCounter(InetAddress.getByName("0.0.0.0"));
            for (String a : own4) targets.add("http://" + a + ":" + own.port() + "/sparql");
        }
        try {
            for (String t : targets) {
                for (String q : List.of("SELECT * { SERVICE <" + t + "> { ?s ?p ?o } }",
                        "SELECT * { SERVICE SILENT <" + t + "> { ?s ?p ?o } }",
                        "SELECT * { BIND(<" + t + "> AS ?e) SERVICE ?e { ?s ?p ?o } }",
                        "SELECT * { VALUES ?e { <" + t + "> } SERVICE ?e { ?s ?p ?o } }")) {
                    RawHttp.Answer a = query(server.port(), q);
                    assertEquals(403, a.status(), q + " → " + a.body());
                    assertTrue(a.body().startsWith("BKG-E112"), a.body());
                }
            }
            Thread.sleep(300);
            assertEquals(0, loopback.connections(), "connections to the loopback listener");
            if (own != null) assertEquals(0, own.connections(), "connections to the host's own address");
        } finally {
            if (own != null) own.close();
        }
    }

    @Test
    void anAllowListedServiceIsCalled() throws Exception {
        // the control: the same kind of query reaches an endpoint that the operator allowed
        {
            RawHttp.Answer a = query(open.port(), "SELECT * { SERVICE <http://127.0.0.1:" + allowed.port() + "/sparql> { ?s ?p ?o } }");
            assertFalse(a.status() == 403, "allowed endpoint is not refused: " + a.body());
            assertTrue(allowed.connections() >= 1, "the allowed endpoint was called");
            RawHttp.Answer other = query(open.port(), "SELECT * { SERVICE <http://127.0.0.1:" + loopback.port() + "/other> { ?s ?p ?o } }");
            assertEquals(403, other.status());
            assertEquals(0, loopback.connections());
        }
    }

    @Test
    void catastrophicRegexStopsAtTheTimeoutAndReleasesTheCpu() throws Exception {
        String a100 = "a".repeat(100);
        for (String q : List.of(
                "SELECT * { BIND(\"" + a100 + "\" AS ?x) FILTER(regex(?x, \"^(.*a){6}.*z$\")) }",
                "SELECT * { VALUES ?x { \"" + a100 + "\" } FILTER(<http://www.w3.org/2005/xpath-functions#matches>(?x, \"^(.*a){6}.*z$\")) }",
                "SELECT (REPLACE(?x, \"^(.*a){6}.*z$\", \"b\") AS ?y) { VALUES ?x { \"" + a100 + "\" } }")) {
            long t0 = System.nanoTime();
            RawHttp.Answer a = query(server.port(), q);
            long ms = (System.nanoTime() - t0) / 1_000_000;
            assertEquals(503, a.status(), a.body());
            assertTrue(a.body().startsWith("BKG-E113"), a.body());
            assertTrue(ms < TIMEOUT_MS + 3000, "answered near the " + TIMEOUT_MS + " ms timeout, took " + ms + " ms");
            assertCpuReleased(q);
        }
    }

    /** After the answer, the JVM's threads together burn less than 0.3 s of CPU in 1.5 s: nothing runs on. */
    private static void assertCpuReleased(String q) throws InterruptedException {
        ThreadMXBean mx = ManagementFactory.getThreadMXBean();
        Thread.sleep(300);
        long before = totalCpu(mx);
        Thread.sleep(1500);
        long used = (totalCpu(mx) - before) / 1_000_000;
        assertTrue(used < 300, "CPU still used after the answer: " + used + " ms in 1.5 s, for " + q);
    }

    private static long totalCpu(ThreadMXBean mx) {
        long sum = 0;
        for (long id : mx.getAllThreadIds()) sum += Math.max(0, mx.getThreadCpuTime(id));
        return sum;
    }

    @Test
    void tenMegabyteBodyIs413InUnderASecond() throws Exception {
        byte[] big = new byte[10 * 1024 * 1024];
        java.util.Arrays.fill(big, (byte) 'a');
        System.arraycopy("query=".getBytes(StandardCharsets.US_ASCII), 0, big, 0, 6);
        for (boolean chunked : List.of(false, true)) {
            String head = "POST /kg/sparql HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/x-www-form-urlencoded\r\n"
                    + (chunked ? "Transfer-Encoding: chunked\r\n" : "Content-Length: " + big.length + "\r\n") + "Connection: close\r\n\r\n";
            java.io.ByteArrayOutputStream req = new java.io.ByteArrayOutputStream();
            req.writeBytes(head.getBytes(StandardCharsets.US_ASCII));
            if (chunked) {
                req.writeBytes((Integer.toHexString(big.length) + "\r\n").getBytes(StandardCharsets.US_ASCII));
                req.writeBytes(big);
                req.writeBytes("\r\n0\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
            } else {
                req.writeBytes(big);
            }
            RawHttp.Answer a = RawHttp.send(server.port(), req.toByteArray(), 10_000);
            assertEquals(413, a.status(), (chunked ? "chunked" : "with Content-Length") + ": " + a.body());
            assertTrue(a.millis() < 1000, "413 in under a second, took " + a.millis() + " ms");
        }
    }

    @Test
    void queryLongerThanTheLimitIs413BeforeParsing() throws Exception {
        String q = "SELECT * { ?s ?p ?o } # " + "x".repeat(ServeLimits.defaults().maxQueryChars());
        byte[] body = q.getBytes(StandardCharsets.UTF_8);
        String head = "POST /kg/sparql HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/sparql-query\r\nContent-Length: "
                + body.length + "\r\nConnection: close\r\n\r\n";
        byte[] req = new byte[head.length() + body.length];
        System.arraycopy(head.getBytes(StandardCharsets.US_ASCII), 0, req, 0, head.length());
        System.arraycopy(body, 0, req, head.length(), body.length);
        RawHttp.Answer a = RawHttp.send(server.port(), req, 10_000);
        assertEquals(413, a.status(), a.body());
        assertTrue(a.body().startsWith("BKG-E108"), a.body());
    }

    @Test
    void aResultOverTheCapOrPastTheTimeoutIsNeverA200() throws Exception {
        {
            RawHttp.Answer big = query(capped.port(), "SELECT * { ?s ?p ?o }");
            assertEquals(422, big.status(), big.body());
            assertTrue(big.body().startsWith("BKG-E111"), big.body());
            RawHttp.Answer small = query(capped.port(), "SELECT * { ?s ?p ?o } LIMIT 5");
            assertEquals(200, small.status(), small.body());
            assertEquals(Integer.toString(small.body().getBytes(StandardCharsets.UTF_8).length), small.header("Content-Length"),
                    "a complete body with its exact length");
        }
        // three rows come at once, then the fourth runs into the timeout: a 503, not a 200 with three rows and a cut body
        RawHttp.Answer slow = query(server.port(), "SELECT ?x { VALUES ?x { \"ok1\" \"ok2\" \"ok3\" \"" + "a".repeat(100)
                + "\" } FILTER(regex(?x, \"^(.*a){6}.*z$\") || STRSTARTS(?x, \"ok\")) }");
        assertEquals(503, slow.status(), slow.body().substring(0, Math.min(300, slow.body().length())));
        assertTrue(slow.body().startsWith("BKG-E113"), slow.body());
    }
}
