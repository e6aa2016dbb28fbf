package kg.borderlands.cli;

import kg.borderlands.link.VoidDescription;
import kg.borderlands.link.VoidServlet;
import kg.borderlands.load.LoadOperation;
import kg.borderlands.load.StoreManager;
import kg.borderlands.serve.KgServer;
import kg.borderlands.serve.SpatialIndexSetup;
import kg.borderlands.serve.api.WebApp;
import org.apache.jena.sparql.core.DatasetGraph;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

import java.nio.file.Path;
import java.util.concurrent.Callable;

@Command(name = "serve", mixinStandardHelpOptions = true,
        description = "Build or reuse the store, then serve it over SPARQL: /kg/sparql, /kg/query (query), "
                + "/kg/get (read-only Graph Store Protocol); the JSON API (/api), Linked Data pages (/id/{id}) and "
                + "the explorer (/). No updates are accepted.")
final class ServeCommand implements Callable<Integer> {
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

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        if (timeoutSeconds <= 0) throw new IllegalArgumentException("--timeout must be positive");
        if (port < 0 || port > 65535) throw new IllegalArgumentException("--port must be 0..65535, got " + port);
        StoreManager store = options.storeManager();
        LoadOperation.Result r = LoadOperation.ensure(options.inputs(), store, false);
        DatasetGraph dsg = store.open();
        SpatialIndexSetup.install(dsg);
        WebApp web = WebApp.build(dsg, queries);
        KgServer server = KgServer.builder().dataset(dsg).port(port)
                .timeoutMillis(Math.round(timeoutSeconds * 1000))
                .extension(VoidServlet.extension(dsg, KgServer.DATASET + "/sparql"))
                .extension(web.extension())
                .build();
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            server.stop();
            StoreManager.close(dsg);
        }, "shutdown"));
        server.start();
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
