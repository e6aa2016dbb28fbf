package kg.borderlands.serve;

import kg.borderlands.Tasks;
import java.util.List;
import java.util.concurrent.FutureTask;

/**
 * Initialises, on a background thread, the libraries {@code serve} needs before its first answer — Jena
 * ({@code JenaSystem.init}: ARQ, TDB2, GeoSPARQL with Apache SIS, SHACL…), Fuseki and Jetty — while the main thread
 * checks the inputs and the store, which needs none of them. On the 2-core development machine the two overlap;
 * nothing is opened or answered before the check is done.
 *
 * <p>The main thread must call {@link #await()} before it touches any Jena class: {@code JenaSystem.init} marks
 * itself done as soon as it starts, so a second thread using Jena meanwhile could see it half initialised.
 */
public final class StartupWarmup {
    /** Classes whose static initialisation the first answer needs, beyond what {@code JenaSystem.init} does. */
    private static final List<String> CLASSES = List.of(
            "org.apache.jena.tdb2.DatabaseMgr",
            "org.apache.jena.tdb2.sys.TDBInternal",
            "org.apache.jena.fuseki.main.FusekiServer",
            "org.apache.jena.fuseki.server.Operation",
            "org.apache.jena.fuseki.servlets.SPARQL_QueryDataset",
            "org.apache.jena.sparql.resultset.ResultsWriter",
            "org.apache.jena.riot.resultset.ResultSetWriterRegistry",
            "org.eclipse.jetty.server.Server",
            "org.eclipse.jetty.server.ServerConnector",
            "org.eclipse.jetty.ee10.servlet.ServletContextHandler",
            "org.eclipse.jetty.server.handler.GracefulHandler",
            "org.eclipse.jetty.server.CustomRequestLog",
            "io.micrometer.prometheusmetrics.PrometheusMeterRegistry",
            "com.github.benmanes.caffeine.cache.Caffeine",
            // its class initialisation loads the native Brotli library (unpacked from the jar)
            "com.aayushatharva.brotli4j.Brotli4jLoader");

    private final FutureTask<Void> task;

    private StartupWarmup(FutureTask<Void> task) {
        this.task = task;
    }

    private static StartupWarmup started;

    /**
     * Starts the warm-up on a daemon thread, once per process: {@code main} starts it for {@code serve} before the
     * command line is parsed, and {@code serve} gets the same one.
     */
    public static synchronized StartupWarmup start() {
        if (started == null) {
            FutureTask<Void> task = new FutureTask<>(StartupWarmup::run, null);
            Thread t = new Thread(task, "startup-warmup");
            t.setDaemon(true);
            t.start();
            started = new StartupWarmup(task);
        }
        return started;
    }

    private static void run() {
        org.apache.jena.sys.JenaSystem.init();
        ClassLoader loader = StartupWarmup.class.getClassLoader();
        for (String name : CLASSES) {
            try {
                Class.forName(name, true, loader);
            } catch (ClassNotFoundException | LinkageError e) {
                // only a head start: the main thread loads what it needs and reports what is wrong
            }
        }
    }

    /**
     * Waits for the warm-up to finish. A failure is not reported here: the main thread then initialises the same
     * classes itself and gets the real error.
     */
    public void await() {
        Tasks.awaitQuietly(task);
    }
}
