package kg.borderlands.serve;

import kg.borderlands.link.VoidServlet;
import kg.borderlands.load.StoreManager;
import kg.borderlands.serve.api.WebApp;
import kg.borderlands.support.TestProject;
import org.apache.jena.sparql.core.DatasetGraph;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;

/**
 * The real store (or another test store, {@link #start(StoreManager, Path)}) served with the web layer on an
 * ephemeral port, for the web tests. Close it in @AfterAll.
 */
public final class WebTestServer implements AutoCloseable {
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private final DatasetGraph dsg;
    private final KgServer server;
    private final WebApp web;

    private WebTestServer(StoreManager store, Path queries, ServeLimits limits) throws IOException {
        Path build = store.current().orElseThrow();
        this.dsg = store.open();
        try {
            // as serve does: the build's saved spatial index and serving artifacts
            SpatialIndexSetup.install(dsg, kg.borderlands.serve.artifacts.ServingArtifacts.spatialIndex(build));
            this.web = WebApp.open(build, dsg, queries);
            KgServer.Builder b = KgServer.builder().dataset(dsg).port(0).extension(web.extension());
            if (limits == null) b.timeoutMillis(5000);
            else b.limits(limits).extension(VoidServlet.extension(dsg, KgServer.DATASET + "/sparql"));
            this.server = b.build().start();
        } catch (RuntimeException e) {
            StoreManager.close(dsg);
            throw e;
        }
    }

    /** Starts a server whose competency questions come from {@code queries} (may be null for none). */
    public static WebTestServer start(Path queries) throws IOException {
        return new WebTestServer(TestProject.realStore(), queries, null);
    }

    /** Starts a server on another store (e.g. {@link TestProject#twoSourceStore()}), as {@link #start(Path)} does. */
    public static WebTestServer start(StoreManager store, Path queries) throws IOException {
        return new WebTestServer(store, queries, null);
    }

    /** Starts a server with these limits, with VoID too (as {@code serve} runs it). */
    public static WebTestServer start(Path queries, ServeLimits limits) throws IOException {
        return new WebTestServer(TestProject.realStore(), queries, limits);
    }

    public int port() {
        return server.port();
    }

    public KgServer server() {
        return server;
    }

    public String url(String path) {
        return "http://localhost:" + server.port() + path;
    }

    public WebApp web() {
        return web;
    }

    public HttpResponse<String> get(String path, String accept) throws IOException, InterruptedException {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(url(path))).timeout(Duration.ofSeconds(30)).GET();
        if (accept != null) b.header("Accept", accept);
        return HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    public HttpResponse<String> send(HttpRequest req) throws IOException, InterruptedException {
        return HTTP.send(req, HttpResponse.BodyHandlers.ofString());
    }

    @Override
    public void close() {
        try {
            server.stop();
        } finally {
            StoreManager.close(dsg);
        }
    }
}
