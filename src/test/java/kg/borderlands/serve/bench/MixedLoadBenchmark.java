package kg.borderlands.serve.bench;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The long mixed-load run of docs/benchmarks.md ("Mixed load and memory"): {@code serve} in its own JVM with a
 * fixed heap, N clients for D seconds ({@link MixedLoad}). Not a test; {@code MixedLoadTest} is the short CI form.
 *
 * <pre>
 * mvn -q -o test-compile dependency:build-classpath -Dmdep.outputFile=target/cp.txt
 * java -cp target/classes:target/test-classes:$(cat target/cp.txt) kg.borderlands.serve.bench.MixedLoadBenchmark 64 60 1g
 * </pre>
 */
public final class MixedLoadBenchmark {
    private MixedLoadBenchmark() {}

    public static void main(String[] args) throws Exception {
        int clients = args.length > 0 ? Integer.parseInt(args[0]) : 64;
        int seconds = args.length > 1 ? Integer.parseInt(args[1]) : 60;
        String heap = args.length > 2 ? args[2] : "1g";
        Path work = Files.createTempDirectory("mixed-load");
        try (MixedLoad.Server server = MixedLoad.start(heap, work)) {
            MixedLoad.Result r = MixedLoad.run(server, clients, seconds);
            System.out.printf("clients %d, %d s, heap -Xmx%s%n", clients, seconds, heap);
            System.out.printf("requests %d (%.0f/s), errors %d, deferred by 503+Retry-After %d, statuses %s%n",
                    r.requests(), r.requests() / (double) seconds, r.errors(), r.deferred(), r.statuses());
            System.out.printf("latency p50 %.1f ms, p99 %.1f ms (including retries)%n", r.p50Ms(), r.p99Ms());
            System.out.printf("server RSS: start %d MiB, max %d MiB, end %d MiB%n", r.rssStartKb() / 1024, r.rssMaxKb() / 1024,
                    r.rssEndKb() / 1024);
            r.errorSamples().forEach(e -> System.out.println("  error: " + e));
        }
    }
}
