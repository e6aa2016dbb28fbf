package kg.borderlands.publish;

import org.apache.jena.atlas.web.HttpException;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFFormat;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.DatasetGraphWrapper;
import org.apache.jena.sparql.exec.http.GSP;

import java.net.URI;
import java.net.URISyntaxException;
import java.net.http.HttpClient;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * Pushes the graphs of a build to a SPARQL 1.1 Graph Store Protocol endpoint (Fuseki, GraphDB, Virtuoso,
 * Neptune…), one named graph at a time, with Jena's {@link GSP} client.
 *
 * <p>Each graph replaces the target's graph of the same name ({@code PUT ?graph=…}), so publishing twice leaves
 * the target as after once. Unless {@link Builder#force(boolean) forced}, each graph is first fetched from the
 * target ({@code GET}) and sent only if it differs (size, then isomorphism): a re-publish sends nothing, and a
 * publication that failed midway is resumed by running it again — the graphs that arrived are skipped. Graphs
 * of the target that the build does not have are left alone. Failures a retry can cure are retried with
 * exponential back-off ({@link RetryPolicy}); then the operation stops with a {@link PublishException}.
 */
public final class PublishOperation {
    /** Usage errors (docs/errors.md). */
    public static final String BAD_TARGET = "BKG-E303";
    public static final String BAD_AUTH = "BKG-E304";

    /** What happened to one graph. */
    public enum Outcome { SENT, UNCHANGED }

    /** One graph of the build and what was done with it. */
    public record GraphResult(String graph, long triples, Outcome outcome) {}

    /** The whole publication, graph by graph, in the order they were published. */
    public record Result(String target, List<GraphResult> graphs) {
        public long sent() {
            return graphs.stream().filter(g -> g.outcome() == Outcome.SENT).count();
        }

        public long unchanged() {
            return graphs.stream().filter(g -> g.outcome() == Outcome.UNCHANGED).count();
        }

        public long triples() {
            return graphs.stream().mapToLong(GraphResult::triples).sum();
        }
    }

    /** The name used for the default graph in messages and results. */
    public static final String DEFAULT_GRAPH = "default";

    private final String endpoint;
    private final String shownEndpoint;
    private final Credentials credentials;
    private final RetryPolicy retry;
    private final boolean force;
    private final HttpClient http;
    private final Consumer<String> progress;

    private PublishOperation(Builder b) {
        this.endpoint = b.endpoint;
        this.shownEndpoint = b.endpoint;
        this.credentials = b.credentials;
        this.retry = b.retry;
        this.force = b.force;
        this.progress = b.progress;
        this.http = HttpClient.newBuilder().connectTimeout(b.connectTimeout)
                .followRedirects(HttpClient.Redirect.NORMAL).build();
    }

    public static Builder to(String endpoint) {
        return new Builder(endpoint);
    }

    /** Builder of a publication; only the endpoint is required. */
    public static final class Builder {
        private final String endpoint;
        private Credentials credentials = Credentials.none();
        private RetryPolicy retry = new RetryPolicy(4, Duration.ofSeconds(1));
        private boolean force;
        private Duration connectTimeout = Duration.ofSeconds(30);
        private Consumer<String> progress = s -> {};

        private Builder(String endpoint) {
            this.endpoint = checkEndpoint(Objects.requireNonNull(endpoint, "endpoint"));
        }

        public Builder credentials(Credentials c) {
            this.credentials = Objects.requireNonNull(c, "credentials");
            return this;
        }

        public Builder retry(RetryPolicy r) {
            this.retry = Objects.requireNonNull(r, "retry");
            return this;
        }

        /** Send every graph without comparing it with the target first. */
        public Builder force(boolean f) {
            this.force = f;
            return this;
        }

        public Builder connectTimeout(Duration d) {
            this.connectTimeout = Objects.requireNonNull(d, "connectTimeout");
            return this;
        }

        /** Receives one line per graph ("sent …", "unchanged …"). */
        public Builder progress(Consumer<String> p) {
            this.progress = Objects.requireNonNull(p, "progress");
            return this;
        }

        public PublishOperation build() {
            return new PublishOperation(this);
        }
    }

    /**
     * An http(s) URL without credentials in it (they would end up in logs and messages): a usage error,
     * BKG-E303, otherwise. The message does not repeat a URL that carries credentials.
     */
    static String checkEndpoint(String url) {
        URI u;
        try {
            u = new URI(url);
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException(BAD_TARGET + " the target '" + url + "' is not a URL: " + e.getReason());
        }
        if (u.getRawUserInfo() != null) {
            throw new IllegalArgumentException(BAD_TARGET + " the target URL carries credentials; give them with --user/--password or --token (or "
                    + Credentials.ENV_USER + ", " + Credentials.ENV_PASSWORD + ", " + Credentials.ENV_TOKEN + ") instead");
        }
        if (u.getScheme() == null || !(u.getScheme().equalsIgnoreCase("http") || u.getScheme().equalsIgnoreCase("https"))
                || u.getHost() == null) {
            throw new IllegalArgumentException(BAD_TARGET + " the target '" + url
                    + "' is not an http(s) URL of a Graph Store Protocol endpoint (e.g. http://host:3030/ds/data)");
        }
        if (u.getRawQuery() != null || u.getRawFragment() != null) {
            throw new IllegalArgumentException(BAD_TARGET + " the target '" + url
                    + "' has a query or fragment; give the endpoint itself, the graph names are added by publish");
        }
        return url;
    }

    /**
     * The graphs {@code dataset} holds, in a stable order: its named graphs by IRI, then its own default graph if
     * that holds triples of its own (a default graph that is only the union of the named graphs is not sent).
     */
    static List<Node> graphsOf(DatasetGraph dataset) {
        List<Node> names = new ArrayList<>();
        dataset.listGraphNodes().forEachRemaining(names::add);
        names.sort(Comparator.comparing(Node::toString));
        if (!storedDefaultGraph(dataset).isEmpty()) names.add(null);
        return names;
    }

    private static Graph storedDefaultGraph(DatasetGraph dataset) {
        DatasetGraph base = dataset;
        while (base instanceof DatasetGraphWrapper w) base = w.getWrapped();
        return base.getDefaultGraph();
    }

    private static Graph graph(DatasetGraph dataset, Node name) {
        return name == null ? storedDefaultGraph(dataset) : dataset.getGraph(name);
    }

    private static String label(Node name) {
        return name == null ? DEFAULT_GRAPH : name.getURI();
    }

    /** Publishes every graph of {@code dataset}; stops at the first graph that cannot be published. */
    public Result publish(DatasetGraph dataset) throws PublishException, InterruptedException {
        Objects.requireNonNull(dataset, "dataset");
        List<Node> names = graphsOf(dataset);
        List<GraphResult> done = new ArrayList<>();
        for (int i = 0; i < names.size(); i++) {
            Node name = names.get(i);
            Graph local = graph(dataset, name);
            String what = "graph " + label(name) + " (" + (i + 1) + " of " + names.size() + ")";
            boolean same = !force && sameAsTarget(name, local, what, done.size());
            if (!same) exchange(() -> {
                gsp(name).contentType(RDFFormat.NTRIPLES).PUT(local);
                return null;
            }, "sending " + what, done.size());
            Outcome outcome = same ? Outcome.UNCHANGED : Outcome.SENT;
            done.add(new GraphResult(label(name), local.size(), outcome));
            progress.accept((same ? "unchanged " : "sent ") + label(name) + " (" + local.size() + " triples)");
        }
        return new Result(shownEndpoint, List.copyOf(done));
    }

    /** True if the target already holds exactly {@code local} under {@code name} (absent counts as different). */
    private boolean sameAsTarget(Node name, Graph local, String what, int alreadyDone)
            throws PublishException, InterruptedException {
        Graph remote = exchange(() -> {
            try {
                return gsp(name).accept(Lang.NTRIPLES).GET();
            } catch (HttpException e) {
                if (e.getStatusCode() == 404) return null;
                throw e;
            }
        }, "comparing " + what + " with the target", alreadyDone);
        return remote != null && remote.size() == local.size() && remote.isIsomorphicWith(local);
    }

    private GSP gsp(Node name) {
        GSP gsp = GSP.service(endpoint).httpClient(http);
        credentials.authorizationHeader().ifPresent(h -> gsp.httpHeader("Authorization", h));
        return name == null ? gsp.defaultGraph() : gsp.graphName(name);
    }

    private <T> T exchange(RetryPolicy.Exchange<T> exchange, String doing, int alreadyDone)
            throws PublishException, InterruptedException {
        try {
            return retry.run(exchange);
        } catch (RetryPolicy.Exhausted e) {
            HttpException f = e.failure();
            String answer = f.getStatusCode() > 0
                    ? "the target answered " + f.getStatusCode() + (f.getStatusLine() == null || f.getStatusLine().isBlank() ? "" : " " + f.getStatusLine().strip())
                    : "no answer (" + rootMessage(f) + ")";
            String tries = e.attempts() == 1 ? "" : " after " + e.attempts() + " attempts";
            String advice = e.retryable()
                    ? "; " + alreadyDone + " graph(s) already published, run publish again to resume"
                    : hint(f.getStatusCode()) + "; " + alreadyDone + " graph(s) already published";
            throw new PublishException(e.retryable() ? PublishException.Kind.UNAVAILABLE : PublishException.Kind.REFUSED,
                    doing + " to " + shownEndpoint + " failed: " + answer + tries + advice, f);
        }
    }

    private String hint(int status) {
        return switch (status) {
            case 401 -> " (credentials missing or wrong: " + credentials + ")";
            case 403 -> " (the credentials (" + credentials + ") may not write there)";
            case 404, 405 -> " (is it a Graph Store Protocol endpoint with updates enabled, e.g. http://host:3030/ds/data?)";
            default -> "";
        };
    }

    private static String rootMessage(Throwable t) {
        Throwable r = t;
        while (r.getCause() != null && r.getCause() != r) r = r.getCause();
        String m = r.getMessage();
        return r.getClass().getSimpleName() + (m == null || m.isBlank() ? "" : ": " + m);
    }
}
