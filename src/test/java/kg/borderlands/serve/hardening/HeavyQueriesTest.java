package kg.borderlands.serve.hardening;

import kg.borderlands.serve.ServeLimits;
import kg.borderlands.serve.WebTestServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Back-pressure: 16 clients send heavy queries (a three-way cross product of the store, each would run to the
 * timeout) in a loop while one client sends 100 ASKs one after the other. Every ASK must answer 200 with a
 * 99th-percentile latency under 1 s; the heavy clients get 503: busy ({@code BKG-E110}, with {@code Retry-After})
 * for most, or the timeout ({@code BKG-E113}) for the ones that held a heavy slot.
 */
class HeavyQueriesTest {
    private static WebTestServer server;

    @BeforeAll
    static void start() throws Exception {
        server = WebTestServer.start(null, ServeLimits.defaults());
    }

    @AfterAll
    static void stop() {
        if (server != null) server.close();
    }

    @Test
    void askStaysFastWhileSixteenHeavyQueriesRun() throws Exception {
        String heavy = "SELECT (COUNT(*) AS ?n) { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i }";
        AtomicBoolean stop = new AtomicBoolean();
        Map<Integer, Integer> heavyStatuses = Collections.synchronizedMap(new TreeMap<>());
        List<String> badHeavy = Collections.synchronizedList(new ArrayList<>());
        ExecutorService pool = Executors.newFixedThreadPool(16);
        List<Long> askMs = new ArrayList<>();
        List<String> slow = new ArrayList<>();
        long t0 = System.nanoTime();
        try {
            for (int i = 0; i < 5; i++) EndpointSecurityTest.query(server.port(), "ASK { ?s ?p ?o }");   // a server in service is warm
            for (int i = 0; i < 16; i++) {
                pool.submit(() -> {
                    while (!stop.get()) {
                        RawHttp.Answer a = EndpointSecurityTest.query(server.port(), heavy);
                        heavyStatuses.merge(a.status(), 1, Integer::sum);
                        boolean busy = a.status() == 503 && a.body().startsWith("BKG-E110");
                        boolean timedOut = a.status() == 503 && a.body().startsWith("BKG-E113");
                        if (busy && a.header("Retry-After") == null) badHeavy.add("busy 503 without Retry-After");
                        if (a.status() == 503 && !busy && !timedOut) badHeavy.add("503 " + a.body());
                        if (a.status() != 200 && a.status() != 503) badHeavy.add(a.status() + " " + a.body());
                        if (busy) Thread.sleep(100);   // an impatient client: far less than Retry-After
                    }
                    return null;
                });
            }
            Thread.sleep(1500);   // let the heavy queries fill the server
            for (int i = 0; i < 100; i++) {
                RawHttp.Answer a = EndpointSecurityTest.query(server.port(), "ASK { ?s ?p ?o }");
                assertEquals(200, a.status(), "ASK " + i + ": " + a.body());
                assertTrue(a.body().contains("true"), a.body());
                askMs.add(a.millis());
                if (a.millis() > 500) slow.add("#" + i + " at " + (System.nanoTime() - t0) / 1_000_000 + " ms took " + a.millis() + " ms");
            }
        } finally {
            stop.set(true);
            pool.shutdown();
            pool.awaitTermination(60, java.util.concurrent.TimeUnit.SECONDS);
        }
        Collections.sort(askMs);
        long p50 = askMs.get(49), p99 = askMs.get(98);
        System.out.println("ASK under 16 heavy clients: p50 " + p50 + " ms, p99 " + p99 + " ms, max " + askMs.get(99)
                + " ms; slow: " + slow + "; heavy answers " + heavyStatuses + "; load average " + java.lang.management.ManagementFactory
                .getOperatingSystemMXBean().getSystemLoadAverage() + " on " + Runtime.getRuntime().availableProcessors() + " cores");
        assertTrue(badHeavy.isEmpty(), badHeavy.toString());
        assertTrue(heavyStatuses.getOrDefault(503, 0) > 0, "the heavy queries met back-pressure: " + heavyStatuses);
        assertTrue(p99 < 1000, "ASK p99 " + p99 + " ms");
    }
}
