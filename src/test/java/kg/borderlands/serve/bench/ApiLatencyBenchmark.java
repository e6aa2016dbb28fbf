package kg.borderlands.serve.bench;

import kg.borderlands.serve.WebTestServer;

import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * Latency of entity pages over loopback: {@code /id/{id}} as HTML and Turtle and {@code /api/entity/{id}} as
 * JSON, sequential requests from one client to the server on the real store. Not a test (surefire does not run
 * it); results go to docs/benchmarks.md, "API latency".
 *
 * <pre>
 * mvn -q -o test-compile dependency:build-classpath -Dmdep.outputFile=target/cp.txt
 * java -cp target/classes:target/test-classes:$(cat target/cp.txt) kg.borderlands.serve.bench.ApiLatencyBenchmark 500 100
 * </pre>
 */
public final class ApiLatencyBenchmark {
    private ApiLatencyBenchmark() {}

    public static void main(String[] args) throws Exception {
        int runs = args.length > 0 ? Integer.parseInt(args[0]) : 500;
        int warmup = args.length > 1 ? Integer.parseInt(args[1]) : 100;
        String[][] cases = {
                {"/id/ttp", "text/html", "HTML page, TTP"},
                {"/id/ttp", "text/turtle", "Turtle, TTP"},
                {"/api/entity/ttp", "application/json", "JSON API, TTP"},
                {"/id/taliban-government", "text/html", "HTML page, Taliban government"},
                {"/api/entity/taliban-government", "application/json", "JSON API, Taliban government"},
                {"/api/search?q=Pakistani%20Taliban", "application/json", "search"},
                {"/api/neighbourhood/ttp?hops=1", "application/json", "neighbourhood (1 hop), TTP"},
        };
        try (WebTestServer server = WebTestServer.start(null)) {
            System.out.printf("%-32s %8s %8s %8s %8s %9s%n", "request", "p50 ms", "p90 ms", "p99 ms", "max ms", "bytes");
            for (String[] c : cases) {
                for (int i = 0; i < warmup; i++) check(server.get(c[0], c[1]));
                List<Double> ms = new ArrayList<>(runs);
                int bytes = 0;
                for (int i = 0; i < runs; i++) {
                    long t0 = System.nanoTime();
                    HttpResponse<String> r = server.get(c[0], c[1]);
                    ms.add((System.nanoTime() - t0) / 1e6);
                    check(r);
                    bytes = r.body().getBytes(java.nio.charset.StandardCharsets.UTF_8).length;
                }
                Collections.sort(ms);
                System.out.printf("%-32s %8.2f %8.2f %8.2f %8.2f %9d%n", c[2], pct(ms, 50), pct(ms, 90), pct(ms, 99),
                        ms.get(ms.size() - 1), bytes);
            }
        }
    }

    private static void check(HttpResponse<String> r) {
        if (r.statusCode() != 200) throw new IllegalStateException(r.uri() + " → " + r.statusCode());
    }

    /** Nearest-rank percentile of sorted values. */
    private static double pct(List<Double> sorted, int p) {
        int rank = (int) Math.ceil(p / 100.0 * sorted.size());
        return sorted.get(Math.max(0, rank - 1));
    }
}
