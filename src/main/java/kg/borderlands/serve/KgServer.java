package kg.borderlands.serve;

import org.apache.jena.fuseki.main.FusekiServer;
import org.apache.jena.fuseki.server.DataService;
import org.apache.jena.fuseki.server.Operation;
import org.apache.jena.query.ARQ;
import org.apache.jena.sparql.core.DatasetGraph;
import org.eclipse.jetty.server.CustomRequestLog;
import org.eclipse.jetty.server.Slf4jRequestLogWriter;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * The embedded Fuseki server: dataset {@code /kg} with SPARQL query at {@code /kg/sparql} and
 * {@code /kg/query} and read-only Graph Store Protocol at {@code /kg/get}. No update service is
 * configured, so any SPARQL Update or write is refused. Queries are cut off at a timeout.
 */
public final class KgServer {
    public static final String DATASET = "/kg";
    /** Logger of the one-line-per-request access log. */
    public static final String REQUEST_LOG = "kg.borderlands.request";

    private final FusekiServer server;

    private KgServer(FusekiServer server) {
        this.server = server;
    }

    public static Builder builder() {
        return new Builder();
    }

    public KgServer start() {
        server.start();
        return this;
    }

    /** The port actually bound (useful with port 0). */
    public int port() {
        return server.getHttpPort();
    }

    public String datasetUrl() {
        return "http://localhost:" + port() + DATASET;
    }

    public void join() {
        server.join();
    }

    public void stop() {
        server.stop();
    }

    public static final class Builder {
        private DatasetGraph dataset;
        private int port = 3030;
        private long timeoutMillis = 10_000;
        private final List<Consumer<FusekiServer.Builder>> extensions = new ArrayList<>();

        public Builder dataset(DatasetGraph dataset) {
            this.dataset = Objects.requireNonNull(dataset, "dataset");
            return this;
        }

        public Builder port(int port) {
            if (port < 0 || port > 65535) throw new IllegalArgumentException("port out of range: " + port);
            this.port = port;
            return this;
        }

        public Builder timeoutMillis(long timeoutMillis) {
            if (timeoutMillis <= 0) throw new IllegalArgumentException("timeout must be positive");
            this.timeoutMillis = timeoutMillis;
            return this;
        }

        /** Lets later stages (API, Linked Data pages, explorer) add servlets and files to the same server. */
        public Builder extension(Consumer<FusekiServer.Builder> extension) {
            extensions.add(Objects.requireNonNull(extension, "extension"));
            return this;
        }

        public KgServer build() {
            Objects.requireNonNull(dataset, "dataset must be set");
            dataset.getContext().set(ARQ.queryTimeout, Long.toString(timeoutMillis));
            DataService service = DataService.newBuilder(new UnionDefaultGraph(dataset))
                    .addEndpoint(Operation.Query, "sparql")
                    .addEndpoint(Operation.Query, "query")
                    .addEndpoint(Operation.GSP_R, "get")
                    .build();
            FusekiServer.Builder b = FusekiServer.create()
                    .port(port)
                    .verbose(false)
                    // GET /$/ping: the health check of a load balancer in front of replicas (docs/deploy.md)
                    .enablePing(true)
                    .add(DATASET, service);
            extensions.forEach(e -> e.accept(b));
            FusekiServer server = b.build();
            Slf4jRequestLogWriter writer = new Slf4jRequestLogWriter();
            writer.setLoggerName(REQUEST_LOG);
            server.getJettyServer().setRequestLog(new CustomRequestLog(writer,
                    "%{client}a \"%r\" %s %O bytes %{ms}T ms"));
            return new KgServer(server);
        }
    }
}
