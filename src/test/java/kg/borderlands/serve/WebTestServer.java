package kg.borderlands.serve;

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

/** The real store served with the web layer on an ephemeral port, for the web tests. Close it in @AfterAll. */
public final class WebTestServer implements AutoCloseable {
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private final DatasetGraph dsg;
    private final KgServer server;
    private final WebApp web;

    private WebTestServer(Path queries) throws IOException {
        this.dsg = TestProject.realStore().open();
        try {
            SpatialIndexSetup.install(dsg);
            this.web = WebApp.build(dsg, queries);
            this.server = KgServer.builder().dataset(dsg).port(0).timeoutMillis(5000).extension(web.extension()).build().start();
        } catch (RuntimeException e) {
            StoreManager.close(dsg);
            throw e;
        }
    }

    /** Starts a server whose competency questions come from {@code queries} (may be null for none). */
    public static WebTestServer start(Path queries) throws IOException {
        return new WebTestServer(queries);
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
