package kg.borderlands.cli;

import jakarta.servlet.http.HttpServlet;
import kg.borderlands.link.VoidDescription;
import kg.borderlands.link.VoidServlet;
import kg.borderlands.load.LoadOperation;
import kg.borderlands.load.StoreManager;
import kg.borderlands.serve.AfterFirstAnswer;
import kg.borderlands.serve.BuildWatcher;
import kg.borderlands.serve.ClassArchive;
import kg.borderlands.serve.HeapLimit;
import kg.borderlands.serve.KgServer;
import kg.borderlands.serve.Lease;
import kg.borderlands.serve.ReloadableServlets;
import kg.borderlands.serve.ServeLimits;
import kg.borderlands.serve.ServedDataset;
import kg.borderlands.serve.SpatialIndexSetup;
import kg.borderlands.serve.StartupWarmup;
import kg.borderlands.load.BuildChecksums;
import kg.borderlands.serve.api.WebApp;
import kg.borderlands.serve.artifacts.ServingArtifacts;
import kg.borderlands.serve.cache.CacheSettings;
import org.apache.jena.sparql.core.DatasetGraph;
import org.slf4j.LoggerFactory;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicReference;

@Command(name = "serve", mixinStandardHelpOptions = true,
        description = "Build or reuse the store, then serve it over SPARQL: /kg/sparql, /kg/query (query), "
                + "/kg/get (read-only Graph Store Protocol); the JSON API (/api), Linked Data pages (/id/{id}) and "
                + "the explorer (/); /$/ping, /$/stats, /$/metrics. No updates are accepted. A build published "
                + "later by 'load' is served without restart. Limits and operation: docs/operations.md.")
final class ServeCommand implements Callable<Integer> {
    @Mixin
    StoreOptions options;

    @Option(names = "--port", paramLabel = "N", defaultValue = "3030", description = "HTTP port (default: ${DEFAULT-VALUE}).")
    int port;

    @Option(names = "--host", paramLabel = "ADDRESS",
            description = "Address to bind, e.g. 127.0.0.1 behind a reverse proxy (default: all interfaces).")
    String host;

    @Option(names = "--timeout", paramLabel = "SECONDS", defaultValue = "10",
            description = "Query timeout in seconds; it stops regular expressions too (default: ${DEFAULT-VALUE}).")
    double timeoutSeconds;

    @Option(names = "--queries", paramLabel = "DIR", defaultValue = "queries",
            description = "Competency questions (cq-*.rq) offered as examples by the explorer (default: ${DEFAULT-VALUE}).")
    Path queries;

    @Option(names = "--allow-service", paramLabel = "URL",
            description = "Let queries call this SPARQL endpoint with SERVICE (repeatable; exact URL). Default: SERVICE is refused.")
    List<String> allowService = List.of();

    @Option(names = "--cors-origin", paramLabel = "ORIGIN",
            description = "Origin allowed to read /kg, /api, /id and VoID from a browser (repeatable; default: *).")
    List<String> corsOrigins = List.of("*");

    @Option(names = "--max-body", paramLabel = "BYTES", defaultValue = "262144",
            description = "Largest request body; larger ones get 413 (default: ${DEFAULT-VALUE}).")
    long maxBody;

    @Option(names = "--max-query", paramLabel = "CHARS", defaultValue = "65536",
            description = "Longest query text; longer ones get 413 before parsing (default: ${DEFAULT-VALUE}).")
    int maxQuery;

    @Option(names = "--max-result", paramLabel = "BYTES", defaultValue = "16777216",
            description = "Largest query result; larger ones get 422, never a cut 200 (default: ${DEFAULT-VALUE}).")
    long maxResult;

    @Option(names = "--max-queries", paramLabel = "N", defaultValue = "32",
            description = "Queries at once; more get 503 + Retry-After (default: ${DEFAULT-VALUE}).")
    int maxQueries;

    @Option(names = "--max-heavy", paramLabel = "N",
            description = "Queries allowed past 50 ms of CPU at once; others get 503 + Retry-After (default: max(1, cores / 2)).")
    Integer maxHeavy;

    @Option(names = "--reload-interval", paramLabel = "SECONDS", defaultValue = "2",
            description = "How often to look for a newly published build; 0 turns reload off (default: ${DEFAULT-VALUE}).")
    double reloadSeconds;

    @Option(names = "--heap", paramLabel = "SIZE", defaultValue = "1g",
            description = "Heap of the server JVM when started from the jar without -Xmx (default: ${DEFAULT-VALUE}).")
    String heap;

    @Option(names = HeapLimit.NO_CLASS_ARCHIVE,
            description = "When started from the jar without -Xmx: neither use nor write the class archive that "
                    + "speeds up the start (store/cds/, docs/operations.md).")
    boolean noClassArchive;

    @Option(names = "--cache-mb", paramLabel = "MB", defaultValue = "64",
            description = "Memory bound of the server-side answer cache in MiB; 0 turns it off (ETags, 304s and "
                    + "compression stay on) (default: ${DEFAULT-VALUE}).")
    long cacheMb;

    @Option(names = "--cache-entry-kb", paramLabel = "KB", defaultValue = "1024",
            description = "Largest answer kept in the cache, in KiB; larger answers are streamed (default: ${DEFAULT-VALUE}).")
    long cacheEntryKb;

    @Option(names = "--max-age", paramLabel = "SECONDS", defaultValue = "60",
            description = "How long clients and proxies may keep an answer without asking again (Cache-Control "
                    + "max-age); after a reload, answers of the old build are at most this old (default: ${DEFAULT-VALUE}).")
    int maxAge;

    @Option(names = "--no-compression", description = "Do not compress answers (gzip, Brotli).")
    boolean noCompression;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        if (timeoutSeconds <= 0) throw new IllegalArgumentException("--timeout must be positive");
        if (port < 0 || port > 65535) throw new IllegalArgumentException("--port must be 0..65535, got " + port);
        if (reloadSeconds < 0) throw new IllegalArgumentException("--reload-interval must be 0 or more");
        if (cacheMb < 0 || cacheMb > 1 << 20) throw new IllegalArgumentException("--cache-mb must be 0..1048576, got " + cacheMb);
        if (cacheEntryKb < 1 || cacheEntryKb > 1 << 20) throw new IllegalArgumentException("--cache-entry-kb must be 1..1048576, got " + cacheEntryKb);
        if (maxAge < 0) throw new IllegalArgumentException("--max-age must be 0 or more, got " + maxAge);
        CacheSettings cache = CacheSettings.defaults().withMaxBytes(cacheMb << 20).withMaxEntryBytes(cacheEntryKb << 10)
                .withMaxAgeSeconds(maxAge).withCompression(!noCompression);
        ServeLimits defaults = ServeLimits.defaults();
        ServeLimits limits = defaults.withTimeoutMillis(Math.round(timeoutSeconds * 1000))
                .withRequestLimits(maxBody, maxQuery).withMaxResultBytes(maxResult)
                .withConcurrency(maxQueries, Math.min(maxQueries, maxHeavy == null ? defaults.maxHeavyQueries() : maxHeavy),
                        defaults.heavyAfterMillis())
                .withAllowedServices(Set.copyOf(allowService)).withCorsOrigins(corsOrigins);
        String heapSize = HeapLimit.checkSize(heap);
        var child = HeapLimit.childCommand(heapSize, spec.commandLine().getParseResult().originalArgs());
        if (child.isPresent()) return HeapLimit.runChild(child.get());

        long t0 = System.nanoTime();
        // Jena, Fuseki and Jetty are initialised on another thread while this one checks the inputs and the store
        StartupWarmup warmup = StartupWarmup.start();
        long jvmMillis = System.currentTimeMillis() - java.lang.management.ManagementFactory.getRuntimeMXBean().getStartTime();
        StoreManager store = options.storeManager();
        // at start, the build is checked by its manifest and file sizes (a truncated file is refused here); the
        // digests of its files are verified in the background once the server answers (see verifyInBackground)
        store.deferDigests(true);
        LoadOperation.Result r = LoadOperation.ensure(options.inputs(), store, false, warmup::await);
        Path buildDir = store.current().orElseThrow();
        String build = buildDir.getFileName().toString();
        long tChecked = System.nanoTime();
        warmup.await();   // before the first Jena class is touched on this thread
        long tWarm = System.nanoTime();
        DatasetGraph opened = store.open();
        store.deferDigests(false);   // a build swapped in later is verified in full before it is served
        long tOpened = System.nanoTime();
        ServedDataset.Build first = new ServedDataset.Build(build, opened, buildDir);
        installSpatialIndex(first);   // before the served dataset copies the build's context
        long tSpatial = System.nanoTime();
        ServedDataset served = new ServedDataset(first);
        ReloadableServlets web = new ReloadableServlets(webLayer(first, served, queries));
        long t1 = System.nanoTime();
        // the build whose web layer is installed: answers are cached only while it is the served one
        AtomicReference<String> installed = new AtomicReference<>(build);
        // the digests of the build's files and the saved spatial index are read once the first request has been
        // answered (or after FIRST_ANSWER_WAIT_MILLIS), not while the first request runs its cold code paths
        AfterFirstAnswer afterFirst = AfterFirstAnswer.start(() -> {
            SpatialIndexSetup.warm(first.dataset());
            verifyInBackground(store, buildDir);
        }, FIRST_ANSWER_WAIT_MILLIS);
        KgServer server = KgServer.builder().dataset(served).port(port).host(host).limits(limits).cache(cache)
                .cacheSettled(() -> served.current().name().equals(installed.get()))
                .stopTimeoutMillis(limits.timeoutMillis() + 5_000)
                .extension(web.extension())
                .extension(b -> b.addFilter("/*", afterFirst))
                .build();
        server.start();
        LoggerFactory.getLogger(ServeCommand.class).info("start-up: JVM and command line {} ms; inputs and store checked in {} ms; "
                        + "Jena ready {} ms later (initialised alongside); TDB2 opened in {} ms; spatial index {} ms; "
                        + "web layer {} ms; server answering {} ms later",
                jvmMillis, (tChecked - t0) / 1_000_000, (tWarm - tChecked) / 1_000_000, (tOpened - tWarm) / 1_000_000, (tSpatial - tOpened) / 1_000_000,
                (t1 - tSpatial) / 1_000_000, (System.nanoTime() - t1) / 1_000_000);
        ClassArchive.markServed();   // a child recording a class archive: it holds a server's classes, keep it
        Lease lease = new Lease(store.root(), server.datasetUrl());
        lease.write(build);
        BuildWatcher watcher = new BuildWatcher(store, served, b -> {
            installSpatialIndex(b);   // a newly opened build: its index goes with it into service (ServedDataset.swap)
            SpatialIndexSetup.warm(b.dataset());
            Map<String, HttpServlet> next = webLayer(b, served, queries);
            return () -> {
                try {
                    web.install(next);
                } catch (Exception e) {
                    throw new IllegalStateException("web layer not installed: " + e.getMessage(), e);
                }
            };
        }, name -> {
            installed.set(name);
            try {
                lease.write(name);
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        }, limits.timeoutMillis() * 2 + 5_000);
        if (reloadSeconds > 0) watcher.start(Math.max(100, Math.round(reloadSeconds * 1000)));
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            watcher.close();
            server.stop();   // drains requests in flight first
            try {
                lease.release();
            } catch (java.io.IOException e) {
                // best effort: a lease of a dead pid is ignored by load
            }
            StoreManager.close(served.current().dataset());
        }, "shutdown"));
        var out = spec.commandLine().getOut();
        out.println((r.reused() ? "reusing " : "built ") + r.build());
        out.println("serving " + server.datasetUrl() + "/sparql (also /kg/query, /kg/get; VoID at "
                + VoidDescription.WELL_KNOWN_PATH + "); Ctrl-C to stop");
        out.println("explorer http://" + server.hostForUrls() + ":" + server.port() + "/ (API /api, Linked Data /id/{id}; "
                + "/$/ping, /$/stats, /$/metrics); max heap " + Runtime.getRuntime().maxMemory() / (1024 * 1024) + " MiB");
        out.flush();
        server.join();
        return 0;
    }

    /**
     * The web layer (API, pages, explorer, VoID) for one build, over its serving artifacts (read on first use);
     * VoID counts through the served dataset.
     */
    private static Map<String, HttpServlet> webLayer(ServedDataset.Build build, ServedDataset served, Path queries) {
        Map<String, HttpServlet> m = new LinkedHashMap<>(WebApp.of(build, queries).servlets());
        m.put(VoidDescription.WELL_KNOWN_PATH, new VoidServlet(served, KgServer.DATASET + "/sparql"));
        return m;
    }

    /** The build's saved spatial index, or one built now for a build without serving artifacts. */
    private static void installSpatialIndex(ServedDataset.Build build) {
        Path saved = build.directory() == null ? null : ServingArtifacts.spatialIndex(build.directory());
        if (saved != null && Files.isRegularFile(saved)) SpatialIndexSetup.install(build.dataset(), saved);
        else SpatialIndexSetup.install(build.dataset());
    }

    /**
     * Verifies the digests of every file of the served build while the server answers. On a mismatch (a changed
     * byte in a file of the right size), the build is marked damaged, so the next {@code load} or {@code serve}
     * rebuilds it, and this server stops with an error rather than keep answering from it.
     */
    private static void verifyInBackground(StoreManager store, Path build) {
        Thread t = new Thread(() -> {
            long t0 = System.nanoTime();
            try {
                store.verify(build);
                LoggerFactory.getLogger(ServeCommand.class).info("build {} verified against its checksums in {} ms",
                        build.getFileName(), (System.nanoTime() - t0) / 1_000_000);
            } catch (IOException | RuntimeException e) {
                BuildChecksums.markDamaged(build, String.valueOf(e.getMessage()));
                LoggerFactory.getLogger(ServeCommand.class).error("BKG-E202 {}; stopping the server", e.getMessage());
                System.exit(DAMAGED_EXIT);
            }
        }, "verify-build");
        t.setDaemon(true);
        t.setPriority(Thread.MIN_PRIORITY);
        t.start();
    }

    /** The longest the background work of the start waits for the first answer (AfterFirstAnswer). */
    static final long FIRST_ANSWER_WAIT_MILLIS = 2_000;

    /** Exit code of a server that found its build damaged after it started. */
    static final int DAMAGED_EXIT = 3;
}
