package kg.borderlands.serve.bench;

import kg.borderlands.support.TestProject;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A mixed load against {@code serve} running in its own JVM (so its resident memory can be measured alone):
 * SPARQL (ASK, SELECT with FILTER/regex, CONSTRUCT, COUNT), the JSON API, Linked Data pages and VoID, from N
 * clients for D seconds. A client that gets 503 with {@code Retry-After} (back-pressure) waits and retries
 * (up to 5 times) — counted as "deferred"; an error is anything else that is not the expected answer (a failed
 * connection, a 4xx/5xx, or a 503 that never clears). The server's RSS is read from {@code /proc} every second.
 */
final class MixedLoad {
    record Result(long requests, long errors, long deferred, List<String> errorSamples, Map<Integer, Long> statuses,
                  long rssStartKb, long rssMaxKb, long rssEndKb, double p50Ms, double p99Ms) {}

    private static final String[] QUERIES = {
            "ASK { ?s ?p ?o }",
            "SELECT ?a ?l { ?a a <https://w3id.org/borderlands-kg/ontology#Actor> ; <http://www.w3.org/2004/02/skos/core#prefLabel> ?l } LIMIT 50",
            "SELECT ?s ?l { ?s <http://www.w3.org/2004/02/skos/core#prefLabel> ?l FILTER(regex(?l, \"^Pak\", \"i\")) }",
            "SELECT (COUNT(*) AS ?n) { ?s ?p ?o }",
            "CONSTRUCT { <https://w3id.org/borderlands-kg/id/ttp> ?p ?o } WHERE { <https://w3id.org/borderlands-kg/id/ttp> ?p ?o }",
            "SELECT ?p (COUNT(*) AS ?n) { ?s ?p ?o } GROUP BY ?p ORDER BY DESC(?n) LIMIT 20"};
    private static final String[] PAGES = {"/api/search?q=taliban", "/api/entity/ttp", "/api/neighbourhood/ttp?hops=1",
            "/id/ttp", "/id/pakistan.ttl", "/.well-known/void", "/api/metrics?metric=degree&top=5", "/"};

    private MixedLoad() {}

    /** A server process on a copy of the project's store. Stop it with {@link Process#destroy()}. */
    static final class Server implements AutoCloseable {
        final Process process;
        final int port;

        Server(Process process, int port) {
            this.process = process;
            this.port = port;
        }

        @Override
        public void close() throws InterruptedException {
            process.destroy();
            process.waitFor();
        }
    }

    /** Starts {@code serve} in a child JVM with the given heap ({@code default}: no -Xmx, the JVM's own default), on a copy of the test store, on a free port. */
    static Server start(String heap, Path work) throws Exception {
        Path built = TestProject.realStore().current().orElseThrow();
        Path store = work.resolve("store");
        TestProject.copyTree(built, store.resolve("builds").resolve(built.getFileName().toString()));
        Files.writeString(store.resolve("CURRENT"), built.getFileName() + "\n");
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString()));
        if (!heap.equals("default")) cmd.addAll(List.of("-Xmx" + heap, "-XX:+ExitOnOutOfMemoryError"));   // "default": the JVM's own
        cmd.addAll(List.of("-cp", System.getProperty("java.class.path"), "kg.borderlands.cli.Main", "serve",
                "--port", "0", "--store", store.toString(), "--reload-interval", "0"));
        ProcessBuilder pb = new ProcessBuilder(cmd).directory(TestProject.root().toFile()).redirectErrorStream(true);
        Process p = pb.start();
        BufferedReader out = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8));
        Pattern serving = Pattern.compile("serving http://[^:]+:(\\d+)/kg/sparql");
        long deadline = System.currentTimeMillis() + 240_000;
        for (String line; (line = out.readLine()) != null && System.currentTimeMillis() < deadline; ) {
            Matcher m = serving.matcher(line);
            if (m.find()) {
                Thread drain = new Thread(() -> {
                    try {
                        while (out.readLine() != null) { /* discard the access log */ }
                    } catch (IOException ignored) {
                        // process ended
                    }
                }, "serve-output");
                drain.setDaemon(true);
                drain.start();
                return new Server(p, Integer.parseInt(m.group(1)));
            }
        }
        p.destroyForcibly();
        throw new IllegalStateException("serve did not start");
    }

    static long rssKb(long pid) {
        try {
            for (String l : Files.readAllLines(Path.of("/proc", Long.toString(pid), "status"))) {
                if (l.startsWith("VmRSS:")) return Long.parseLong(l.replaceAll("\\D", ""));
            }
        } catch (IOException e) {
            // process gone
        }
        return -1;
    }

    static Result run(Server server, int clients, int seconds) throws Exception {
        ExecutorService io = Executors.newFixedThreadPool(8, r -> {
            Thread t = new Thread(r, "load-client-io");
            t.setDaemon(true);
            return t;
        });
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).executor(io).build();
        String base = "http://127.0.0.1:" + server.port;
        AtomicBoolean stop = new AtomicBoolean();
        AtomicLong requests = new AtomicLong(), errors = new AtomicLong(), deferred = new AtomicLong();
        List<String> samples = Collections.synchronizedList(new ArrayList<>());
        Map<Integer, Long> statuses = Collections.synchronizedMap(new TreeMap<>());
        List<Double> latencies = Collections.synchronizedList(new ArrayList<>());
        long pid = server.process.pid();
        long rssStart = rssKb(pid);
        AtomicLong rssMax = new AtomicLong(rssStart);
        Thread sampler = new Thread(() -> {
            while (!stop.get()) {
                rssMax.accumulateAndGet(rssKb(pid), Math::max);
                try {
                    Thread.sleep(1000);
                } catch (InterruptedException e) {
                    return;
                }
            }
        }, "rss-sampler");
        sampler.setDaemon(true);
        sampler.start();
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        List<Future<?>> fs = new ArrayList<>();
        for (int c = 0; c < clients; c++) {
            Random r = new Random(c);
            fs.add(pool.submit(() -> {
                while (!stop.get()) {
                    HttpRequest req;
                    if (r.nextInt(10) < 5) {
                        String q = QUERIES[r.nextInt(QUERIES.length)];
                        req = HttpRequest.newBuilder(URI.create(base + "/kg/sparql?query=" + URLEncoder.encode(q, StandardCharsets.UTF_8)))
                                .header("Accept", q.startsWith("CONSTRUCT") ? "text/turtle" : "application/sparql-results+json")
                                .timeout(Duration.ofSeconds(60)).build();
                    } else {
                        req = HttpRequest.newBuilder(URI.create(base + PAGES[r.nextInt(PAGES.length)])).timeout(Duration.ofSeconds(60)).build();
                    }
                    long t0 = System.nanoTime();
                    int status = -1;
                    String body = "";
                    for (int attempt = 0; attempt < 6 && !stop.get(); attempt++) {
                        try {
                            HttpResponse<String> resp = http.send(req, HttpResponse.BodyHandlers.ofString());
                            status = resp.statusCode();
                            body = resp.body();
                            if (status == 503 && resp.headers().firstValue("Retry-After").isPresent()) {
                                deferred.incrementAndGet();
                                Thread.sleep(200L + r.nextInt(300));
                                continue;
                            }
                        } catch (IOException e) {
                            status = -1;
                            body = e.toString();
                        }
                        break;
                    }
                    requests.incrementAndGet();
                    statuses.merge(status, 1L, Long::sum);
                    latencies.add((System.nanoTime() - t0) / 1e6);
                    if (status != 200 && !stop.get()) {
                        errors.incrementAndGet();
                        if (samples.size() < 10) samples.add(status + " " + req.uri() + " " + body.substring(0, Math.min(200, body.length())));
                    }
                }
                return null;
            }));
        }
        Thread.sleep(seconds * 1000L);
        stop.set(true);
        for (Future<?> f : fs) f.get();
        pool.shutdown();
        sampler.interrupt();
        long rssEnd = rssKb(pid);
        List<Double> sorted = new ArrayList<>(latencies);
        Collections.sort(sorted);
        double p50 = sorted.isEmpty() ? 0 : sorted.get(sorted.size() / 2), p99 = sorted.isEmpty() ? 0 : sorted.get((int) (sorted.size() * 0.99));
        return new Result(requests.get(), errors.get(), deferred.get(), samples, statuses, rssStart, Math.max(rssMax.get(), rssEnd),
                rssEnd, p50, p99);
    }
}
