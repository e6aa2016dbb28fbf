package kg.borderlands.cli;

import kg.borderlands.publish.Credentials;
import kg.borderlands.publish.PublishOperation;
import kg.borderlands.publish.RetryPolicy;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.io.PrintWriter;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.Callable;

@Command(name = "publish", mixinStandardHelpOptions = true,
        description = {"Push the published build of the store (never builds it: run load first), graph by graph, to a SPARQL 1.1 "
                + "Graph Store Protocol endpoint (Fuseki, GraphDB, Virtuoso, Neptune…). Each named graph replaces the target's "
                + "graph of the same name (PUT); a graph the target already holds identically is not sent, so publishing again "
                + "changes nothing and a publication that failed midway resumes where it stopped. Other graphs of the target are "
                + "left alone. Details: docs/deploy.md.",
                "Credentials: --user and --password (HTTP Basic) or --token (bearer), else the environment variables "
                        + Credentials.ENV_USER + ", " + Credentials.ENV_PASSWORD + ", " + Credentials.ENV_TOKEN
                        + ". They are never printed; prefer the variables, which do not show in the process list."})
final class PublishCommand implements Callable<Integer> {
    @Mixin
    StoreOptions options;

    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Option(names = "--to", paramLabel = "URL", required = true,
            description = "The Graph Store Protocol endpoint, e.g. http://host:3030/ds/data (Fuseki) or "
                    + "http://host:7200/repositories/kg/rdf-graphs/service (GraphDB).")
    String to;

    @Option(names = "--user", paramLabel = "USER", description = "User for HTTP Basic authentication.")
    String user;

    @Option(names = "--password", paramLabel = "PASSWORD", description = "Password for HTTP Basic authentication.")
    String password;

    @Option(names = "--token", paramLabel = "TOKEN", description = "Bearer token (Authorization: Bearer …).")
    String token;

    @Option(names = "--retries", paramLabel = "N", defaultValue = "4",
            description = "Attempts per request before giving up (default: ${DEFAULT-VALUE}); the wait doubles each time.")
    int retries;

    @Option(names = "--backoff", paramLabel = "MILLIS", defaultValue = "1000",
            description = "Wait before the second attempt, in milliseconds (default: ${DEFAULT-VALUE}).")
    long backoff;

    @Option(names = "--force", description = "Send every graph, without comparing it with the target's first.")
    boolean force;

    /** The environment the credentials are read from (a seam for tests). */
    Map<String, String> env = System.getenv();

    @Override
    public Integer call() throws Exception {
        if (retries < 1) throw new IllegalArgumentException("--retries must be at least 1, not " + retries);
        if (backoff < 0) throw new IllegalArgumentException("--backoff must not be negative");
        PrintWriter err = spec.commandLine().getErr();
        PrintWriter out = spec.commandLine().getOut();
        PublishOperation op = PublishOperation.to(to)
                .credentials(Credentials.resolve(user, password, token, env))
                .retry(new RetryPolicy(retries, Duration.ofMillis(backoff)))
                .force(force)
                .progress(line -> {
                    err.println(line);
                    err.flush();
                })
                .build();
        String[] build = new String[1];
        PublishOperation.Result r = options.withBuild(b -> {
            build[0] = b.build().getFileName().toString();
            return op.publish(b.dataset());
        }, err);
        out.println("published build " + build[0] + ": " + r.graphs().size() + " graph(s), " + r.triples() + " triples, to " + r.target()
                + ": " + r.sent() + " sent, " + r.unchanged() + " unchanged");
        out.flush();
        return 0;
    }
}
