package kg.borderlands.cli;

import kg.borderlands.link.FederatedQueries;
import kg.borderlands.link.Reconciler;
import kg.borderlands.load.LoadOperation;
import kg.borderlands.load.StoreManager;
import kg.borderlands.query.QueryRunner;
import org.apache.jena.sparql.core.DatasetGraph;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.Callable;

@Command(name = "federated", mixinStandardHelpOptions = true,
        description = "Run a query of queries/federated/ against the store, with ${WIKIDATA} in its SERVICE clause "
                + "replaced by the endpoint.")
final class LinkFederatedCommand implements Callable<Integer> {
    @Mixin
    StoreOptions options;

    @Parameters(paramLabel = "FILE", description = "The query file (queries/federated/*.rq).")
    Path file;

    @Option(names = "--endpoint", paramLabel = "URL", defaultValue = Reconciler.DEFAULT_ENDPOINT,
            description = "Endpoint put in place of ${WIKIDATA} (default: ${DEFAULT-VALUE}).")
    String endpoint;

    @Option(names = "--timeout", paramLabel = "SECONDS", defaultValue = "60",
            description = "Timeout of the remote SERVICE calls in seconds (default: ${DEFAULT-VALUE}).")
    double timeoutSeconds;

    @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "table",
            description = "table, csv, tsv or json (default: ${DEFAULT-VALUE}).")
    String format;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        if (timeoutSeconds <= 0) throw new IllegalArgumentException("--timeout must be positive");
        QueryRunner.Format fmt = QueryRunner.Format.parse(format);
        String query;
        try {
            query = Files.readString(file, StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            throw new IllegalArgumentException("query file not found: " + file);
        }
        String substituted = FederatedQueries.substitute(query, endpoint);
        try {
            QueryRunner.parse(substituted);
        } catch (org.apache.jena.query.QueryParseException e) {
            throw new IllegalArgumentException("bad SPARQL in " + file + ": " + e.getMessage().lines().findFirst().orElse(""));
        }
        StoreManager store = options.storeManager();
        LoadOperation.ensure(options.inputs(), store, false);
        DatasetGraph dsg = store.open();
        ByteArrayOutputStream buf = new ByteArrayOutputStream();
        try {
            FederatedQueries.run(dsg, query, endpoint, Duration.ofMillis(Math.round(timeoutSeconds * 1000)), fmt, buf);
        } finally {
            StoreManager.close(dsg);
        }
        var out = spec.commandLine().getOut();
        out.print(buf.toString(StandardCharsets.UTF_8));
        out.flush();
        return 0;
    }
}
