package kg.borderlands.serve;

import kg.borderlands.serve.cache.CacheSettings;
import kg.borderlands.serve.cache.HttpCaching;
import kg.borderlands.serve.guard.ParsedQueries;
import kg.borderlands.serve.guard.QueryGate;
import kg.borderlands.serve.guard.QueryGuards;
import kg.borderlands.serve.http.CorsFilter;
import kg.borderlands.serve.http.ErrorMappingFilter;
import kg.borderlands.serve.http.MethodPolicyFilter;
import kg.borderlands.serve.http.PlainErrorHandler;
import kg.borderlands.serve.http.QueryGateFilter;
import kg.borderlands.serve.http.RequestLimitsFilter;
import kg.borderlands.serve.http.SecurityHeadersFilter;
import org.apache.jena.fuseki.main.FusekiServer;
import org.apache.jena.fuseki.server.DataService;
import org.apache.jena.fuseki.server.Operation;
import org.apache.jena.sparql.core.DatasetGraph;
import org.eclipse.jetty.server.Connector;
import org.eclipse.jetty.server.CustomRequestLog;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.server.SizeLimitHandler;
import org.eclipse.jetty.server.Slf4jRequestLogWriter;
import org.eclipse.jetty.server.handler.GracefulHandler;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;

/**
 * The embedded Fuseki server: dataset {@code /kg} with SPARQL query at {@code /kg/sparql} and
 * {@code /kg/query} and read-only Graph Store Protocol at {@code /kg/get}. No update service is
 * configured, so any SPARQL Update or write is refused. Fuseki's {@code /$/ping}, {@code /$/stats} and
 * Prometheus {@code /$/metrics} are on.
 * <p>
 * In front of everything, a chain of small filters (in this order): {@link ErrorMappingFilter} (no 5xx
 * with a stack trace), {@link SecurityHeadersFilter}, {@link CorsFilter}, {@link MethodPolicyFilter},
 * {@link RequestLimitsFilter}, and on {@code /kg/*} the {@link QueryGateFilter} (query text checks,
 * admission, result cap). Jetty's {@code SizeLimitHandler} bounds bodies while they are read and
 * {@code GracefulHandler} lets requests in flight finish on shutdown. Query guards (timeout that stops
 * regexes too, SERVICE allow-list) sit in the dataset's context ({@link QueryGuards}). All limits:
 * {@link ServeLimits}; operator guide: {@code docs/operations.md}.
 */
public final class KgServer {
    public static final String DATASET = "/kg";
    /** Logger of the access log (one line per request, combined log format). */
    public static final String REQUEST_LOG = "kg.borderlands.request";
    /** Paths that get CORS headers. */
    public static final List<String> CORS_PATHS = List.of(DATASET + "/", "/api/", "/id/", "/.well-known/void");

    private final FusekiServer server;
    private final ServedDataset dataset;
    private final QueryGate gate;
    private final String host;
    private final HttpCaching caching;

    private KgServer(FusekiServer server, ServedDataset dataset, QueryGate gate, String host, HttpCaching caching) {
        this.server = server;
        this.dataset = dataset;
        this.gate = gate;
        this.host = host;
        this.caching = caching;
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

    /** The dataset served (swap a new build in through it). */
    public ServedDataset dataset() {
        return dataset;
    }

    /** HTTP caching, the result cache and compression ({@code serve/cache}). */
    public HttpCaching caching() {
        return caching;
    }

    /** The host name to reach the server at: the bind address, or localhost when bound to all. */
    public String hostForUrls() {
        return host == null || host.isEmpty() || host.equals("0.0.0.0") || host.equals("::") ? "localhost"
                : host.contains(":") ? "[" + host + "]" : host;
    }

    public String datasetUrl() {
        return "http://" + hostForUrls() + ":" + port() + DATASET;
    }

    public void join() {
        server.join();
    }

    /** Stops accepting, lets requests in flight finish (up to the stop timeout), then stops. */
    public void stop() {
        try {
            server.stop();
        } finally {
            gate.close();
        }
    }

    public static final class Builder {
        private DatasetGraph dataset;
        private int port = 3030;
        private String host;
        private ServeLimits limits = ServeLimits.defaults();
        private long stopTimeoutMillis = 15_000;
        private CacheSettings cacheSettings = CacheSettings.defaults();
        private BooleanSupplier cacheSettled = () -> true;
        private final List<Consumer<FusekiServer.Builder>> extensions = new ArrayList<>();

        /** The dataset to serve: a {@link ServedDataset} (to reload later) or any dataset (served as is). */
        public Builder dataset(DatasetGraph dataset) {
            this.dataset = Objects.requireNonNull(dataset, "dataset");
            return this;
        }

        public Builder port(int port) {
            if (port < 0 || port > 65535) throw new IllegalArgumentException("port out of range: " + port);
            this.port = port;
            return this;
        }

        /** The address to bind (default: all interfaces); e.g. {@code 127.0.0.1} behind a reverse proxy. */
        public Builder host(String host) {
            this.host = host;
            return this;
        }

        public Builder timeoutMillis(long timeoutMillis) {
            if (timeoutMillis <= 0) throw new IllegalArgumentException("timeout must be positive");
            this.limits = limits.withTimeoutMillis(timeoutMillis);
            return this;
        }

        /** All limits at once (replaces an earlier {@link #timeoutMillis}). */
        public Builder limits(ServeLimits limits) {
            this.limits = Objects.requireNonNull(limits, "limits");
            return this;
        }

        /** How long {@link KgServer#stop()} waits for requests in flight. */
        public Builder stopTimeoutMillis(long millis) {
            this.stopTimeoutMillis = millis;
            return this;
        }

        /** ETags, result cache and compression ({@link CacheSettings#defaults()} unless set). */
        public Builder cache(CacheSettings settings) {
            this.cacheSettings = Objects.requireNonNull(settings, "settings");
            return this;
        }

        /**
         * Tells the cache whether the served build and the web layer agree; false while a reload is half done
         * (nothing is validated or stored then). Default: always.
         */
        public Builder cacheSettled(BooleanSupplier settled) {
            this.cacheSettled = Objects.requireNonNull(settled, "settled");
            return this;
        }

        /** Lets later stages (API, Linked Data pages, explorer) add servlets and files to the same server. */
        public Builder extension(Consumer<FusekiServer.Builder> extension) {
            extensions.add(Objects.requireNonNull(extension, "extension"));
            return this;
        }

        public KgServer build() {
            Objects.requireNonNull(dataset, "dataset must be set");
            ServedDataset served = dataset instanceof ServedDataset s ? s
                    : new ServedDataset(new ServedDataset.Build("dataset", dataset));
            QueryGuards.install(served.getContext(), limits.timeoutMillis(), limits.allowedServices());
            ParsedQueries.install();   // the checks' parse of a query is handed to Fuseki: one parse per request
            DataService service = DataService.newBuilder(served)
                    .addEndpoint(Operation.Query, "sparql")
                    .addEndpoint(Operation.Query, "query")
                    .addEndpoint(Operation.GSP_R, "get")
                    // the dataset URL answers queries and GSP reads too, as on stock Fuseki; a service
                    // description, HEAD and clients' format= parameters: SparqlProtocolFilter
                    .addEndpoint(Operation.Query)
                    .addEndpoint(Operation.GSP_R)
                    .build();
            HttpCaching caching = HttpCaching.create(cacheSettings, served::current, ServedDataset.Build::name, cacheSettled);
            QueryGate gate = new QueryGate(limits.maxQueries(), limits.maxHeavyQueries(), limits.heavyAfterMillis(),
                    limits.retryAfterSeconds());
            FusekiServer.Builder b = FusekiServer.create()
                    .port(port)
                    .verbose(false)
                    .enablePing(true)
                    .enableStats(true)
                    .enableMetrics(true)
                    .addFilter("/*", new ErrorMappingFilter())
                    .addFilter("/*", new SecurityHeadersFilter())
                    .addFilter("/*", new CorsFilter(CORS_PATHS, limits.corsOrigins()))
                    .addFilter("/*", new MethodPolicyFilter(DATASET))
                    .addFilter("/*", new RequestLimitsFilter(limits.maxRequestBytes()))
                    .addFilter("/*", caching.filter())
                    .addFilter(DATASET + "/*", new QueryGateFilter(limits, gate))
                    .add(DATASET, service);
            kg.borderlands.serve.protocol.SparqlProtocolFilter.install(b, DATASET, List.of("sparql", "query"), dataset);
            extensions.forEach(e -> e.accept(b));
            FusekiServer server = b.build();
            Server jetty = server.getJettyServer();
            if (host != null) {
                for (Connector c : jetty.getConnectors()) {
                    if (c instanceof ServerConnector sc) sc.setHost(host);
                }
            }
            Handler inner = jetty.getHandler();
            SizeLimitHandler size = new SizeLimitHandler(limits.maxRequestBytes(), -1);
            size.setHandler(inner);
            jetty.setHandler(new GracefulHandler(caching.wrap(size)));
            caching.bindMetrics(server);
            jetty.setStopTimeout(stopTimeoutMillis);
            jetty.setErrorHandler(new PlainErrorHandler());
            Slf4jRequestLogWriter writer = new Slf4jRequestLogWriter();
            writer.setLoggerName(REQUEST_LOG);
            jetty.setRequestLog(new CustomRequestLog(writer, CustomRequestLog.EXTENDED_NCSA_FORMAT));
            return new KgServer(server, served, gate, host, caching);
        }
    }
}
