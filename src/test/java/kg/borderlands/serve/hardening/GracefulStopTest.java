package kg.borderlands.serve.hardening;

import kg.borderlands.serve.ServeLimits;
import kg.borderlands.serve.WebTestServer;
import org.junit.jupiter.api.Test;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Stopping the server (what SIGTERM does) lets a request in flight finish with its answer, then refuses new ones. */
class GracefulStopTest {
    @Test
    void aQueryInFlightGetsItsAnswerWhileTheServerStops() throws Exception {
        WebTestServer server = WebTestServer.start(null, ServeLimits.defaults().withTimeoutMillis(3000));
        int port = server.port();
        CompletableFuture<Void> stopping;
        RawHttp.Answer inFlight;
        try {
            // a query that runs until its 3 s timeout
            CompletableFuture<RawHttp.Answer> q = CompletableFuture.supplyAsync(() -> {
                try {
                    return EndpointSecurityTest.query(port, "SELECT * { BIND(\"" + "a".repeat(100)
                            + "\" AS ?x) FILTER(regex(?x, \"^(.*a){6}.*z$\")) }");
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            });
            Thread.sleep(1000);
            stopping = CompletableFuture.runAsync(server::close);
            inFlight = q.get(30, TimeUnit.SECONDS);
        } catch (Exception e) {
            server.close();
            throw e;
        }
        assertEquals(503, inFlight.status(), "the query in flight got its own answer (its timeout): " + inFlight.body());
        assertTrue(inFlight.body().startsWith("BKG-E113"), inFlight.body());
        stopping.get(30, TimeUnit.SECONDS);
        boolean refused;
        try {
            refused = RawHttp.send(port, "GET /$/ping HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n", 5000).status() < 0;
        } catch (java.net.ConnectException e) {
            refused = true;
        }
        assertTrue(refused, "no answer once stopped");
    }
}
