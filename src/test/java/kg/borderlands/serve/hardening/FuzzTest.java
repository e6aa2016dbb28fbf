package kg.borderlands.serve.hardening;

import kg.borderlands.serve.ServeLimits;
import kg.borderlands.serve.WebTestServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * 10,000 malformed requests ({@link MalformedRequests}, fixed seed; {@code -Dfuzz.count=N -Dfuzz.seed=S} for
 * other runs) against the real store with the web layer: every one must get an answer within 15 s, the
 * answer must not be a 5xx (the only request allowed to go unanswered is one without even a request line), and no error body (nor any header) may name a Java class or a file path. (A 200
 * body is data: a literal of the report may well contain the word "Error".)
 */
class FuzzTest {
    /** A qualified Java name, an exception/error class, a stack frame or a server path. */
    static final Pattern LEAK = Pattern.compile("(?:\\b(?:java|javax|jakarta|org\\.apache|org\\.eclipse|kg\\.borderlands)\\.[a-z]"
            + "|\\b[A-Z][A-Za-z0-9]*(?:Exception|Error)\\b|\\.java:\\d+|\\bat [a-z]+\\.[a-z]+\\."
            + "|/(?:work|home|tmp|root)/|target/(?:classes|test-store))");
    private static final int CLIENTS = 4;
    private static WebTestServer server;

    @BeforeAll
    static void start() throws Exception {
        // as many heavy-query slots as fuzzing clients: a valid but big request (a full dump through /kg/get)
        // must not be turned away for being slow while others run; back-pressure is tested in HeavyQueriesTest
        server = WebTestServer.start(null, ServeLimits.defaults().withTimeoutMillis(5000).withConcurrency(32, CLIENTS, 500));
    }

    @AfterAll
    static void stop() {
        if (server != null) server.close();
    }

    @Test
    void malformedRequestsGetA4xxNeverA5xxAHangOrALeak() throws Exception {
        int count = Integer.getInteger("fuzz.count", 10_000);
        long seed = Long.getLong("fuzz.seed", 20260227L);
        MalformedRequests gen = new MalformedRequests(seed);
        AtomicInteger done = new AtomicInteger();
        List<String> failures = java.util.Collections.synchronizedList(new ArrayList<>());
        Map<Integer, Integer> statuses = java.util.Collections.synchronizedMap(new TreeMap<>());
        ExecutorService pool = Executors.newFixedThreadPool(CLIENTS);
        try {
            List<Future<?>> fs = new ArrayList<>();
            for (int t = 0; t < CLIENTS; t++) {
                fs.add(pool.submit(() -> {
                    while (done.getAndIncrement() < count) {
                        Object[] next = gen.next();
                        byte[] req = (byte[]) next[1];
                        RawHttp.Answer a = RawHttp.send(server.port(), req, 15_000);
                        statuses.merge(a.status(), 1, Integer::sum);
                        String what = "family " + next[0] + ": " + new String(req, 0, Math.min(req.length, 160), StandardCharsets.ISO_8859_1)
                                .replace("\r\n", "⏎");
                        if (a.status() == -2) failures.add("HANG " + what);
                        else if (a.status() >= 500) failures.add(a.status() + " " + what + " → " + a.body().strip());
                        else if (a.status() == -1 && !new String(req, StandardCharsets.ISO_8859_1).isBlank())
                            failures.add("NO ANSWER " + what);   // (no request line at all: nothing to answer)
                        else if (a.status() >= 400 && LEAK.matcher(a.body()).find() || LEAK.matcher(String.valueOf(a.headers())).find())
                            failures.add("LEAK " + what + " → " + a.body().strip());
                    }
                    return null;
                }));
            }
            for (Future<?> f : fs) f.get();
        } finally {
            pool.shutdownNow();
        }
        System.out.println("fuzz: " + count + " requests, statuses " + statuses);
        assertTrue(failures.isEmpty(), failures.size() + " bad answers, e.g.:\n" + String.join("\n",
                failures.subList(0, Math.min(15, failures.size()))));
        assertEquals(count, statuses.values().stream().mapToInt(Integer::intValue).sum());
    }
}
