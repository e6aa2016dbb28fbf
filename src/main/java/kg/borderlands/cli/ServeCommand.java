package kg.borderlands.cli;

import kg.borderlands.link.VoidDescription;
import kg.borderlands.link.VoidServlet;
import kg.borderlands.load.LoadOperation;
import kg.borderlands.load.StoreManager;
import kg.borderlands.serve.KgServer;
import kg.borderlands.serve.ServedDataset;
import kg.borderlands.serve.cache.CacheSettings;
import kg.borderlands.serve.api.WebApp;
import org.apache.jena.sparql.core.DatasetGraph;
import org.slf4j.LoggerFactory;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;

@Command(name = "serve", mixinStandardHelpOptions = true,
        description = "Build or reuse the store, then serve it over SPARQL: /kg/sparql, /kg/query (query), "
                + "/kg/get (read-only Graph Store Protocol); the JSON API (/api), Linked Data pages (/id/{id}) and "
                + "the explorer (/). No updates are accepted.")
final class ServeCommand implements Callable<Integer> {
    /** How long a web request waits for the web layer at start before a 503. */
    private static final long WEB_WAIT_MILLIS = 60_000;

    @Mixin
    StoreOptions options;

    @Option(names = "--port", paramLabel = "N", defaultValue = "3030", description = "HTTP port (default: ${DEFAULT-VALUE}).")
    int port;

    @Option(names = "--timeout", paramLabel = "SECONDS", defaultValue = "10",
            description = "Query timeout in seconds (default: ${DEFAULT-VALUE}).")
    double timeoutSeconds;

    @Option(names = "--queries", paramLabel = "DIR", defaultValue = "queries",
            description = "Competency questions (cq-*.rq) offered as examples by the explorer (default: ${DEFAULT-VALUE}).")
    Path queries;

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
        if (cacheMb < 0 || cacheMb > 1 << 20) throw new IllegalArgumentException("--cache-mb must be 0..1048576, got " + cacheMb);
        if (cacheEntryKb < 1 || cacheEntryKb > 1 << 20) throw new IllegalArgumentException("--cache-entry-kb must be 1..1048576, got " + cacheEntryKb);
        if (maxAge < 0) throw new IllegalArgumentException("--max-age must be 0 or more, got " + maxAge);
        CacheSettings cache = CacheSettings.defaults().withMaxBytes(cacheMb << 20).withMaxEntryBytes(cacheEntryKb << 10)
                .withMaxAgeSeconds(maxAge).withCompression(!noCompression);
        long t0 = System.nanoTime();
        StoreManager store = options.storeManager();
        LoadOperation.Result r = LoadOperation.ensure(options.inputs(), store, false);
        DatasetGraph dsg = store.open();
        long t1 = System.nanoTime();
        // the web layer (copies and indexes the store) is built once the server answers SPARQL; web requests wait for it
        CompletableFuture<WebApp> web = new CompletableFuture<>();
        ServedDataset served = new ServedDataset(new ServedDataset.Build(r.build().getFileName().toString(), dsg));
        KgServer server = KgServer.builder().dataset(served).port(port).cache(cache)
                .timeoutMillis(Math.round(timeoutSeconds * 1000))
                .extension(VoidServlet.extension(dsg, KgServer.DATASET + "/sparql"))
                .extension(WebApp.deferredExtension(web, WEB_WAIT_MILLIS))
                .build();
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            server.stop();
            StoreManager.close(dsg);
        }, "shutdown"));
        server.start();
        WebApp.buildAsync(dsg, queries).whenComplete((w, e) -> {
            if (e != null) web.completeExceptionally(e);
            else web.complete(w);
        });
        LoggerFactory.getLogger(ServeCommand.class).info("start-up: store checked and opened in {} ms, server answering {} ms later",
                (t1 - t0) / 1_000_000, (System.nanoTime() - t1) / 1_000_000);
        var out = spec.commandLine().getOut();
        out.println((r.reused() ? "reusing " : "built ") + r.build());
        out.println("serving " + server.datasetUrl() + "/sparql (also /kg/query, /kg/get; VoID at "
                + VoidDescription.WELL_KNOWN_PATH + "); Ctrl-C to stop");
        out.println("explorer http://localhost:" + server.port() + "/ (API /api, Linked Data /id/{id})");
        out.flush();
        server.join();
        return 0;
    }
}
