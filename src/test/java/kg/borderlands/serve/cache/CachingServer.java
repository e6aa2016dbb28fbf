package kg.borderlands.serve.cache;

import kg.borderlands.link.VoidServlet;
import kg.borderlands.serve.KgServer;
import kg.borderlands.serve.ServedDataset;
import kg.borderlands.serve.api.WebApp;
import org.apache.jena.sparql.core.DatasetGraph;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.function.BooleanSupplier;

/** A server with the web layer and the given cache settings over one open store, for the caching tests. */
final class CachingServer implements AutoCloseable {
    static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    final ServedDataset served;
    final KgServer server;

    CachingServer(DatasetGraph dsg, WebApp web, String buildName, CacheSettings settings) {
        this(dsg, web, buildName, settings, () -> true);
    }

    CachingServer(DatasetGraph dsg, WebApp web, String buildName, CacheSettings settings, BooleanSupplier settled) {
        this.served = new ServedDataset(new ServedDataset.Build(buildName, dsg));
        this.server = KgServer.builder().dataset(served).port(0).timeoutMillis(10_000).cache(settings).cacheSettled(settled)
                .extension(VoidServlet.extension(dsg, KgServer.DATASET + "/sparql"))
                .extension(web.extension())
                .build().start();
    }

    /** Pretends a reload: the same triples served as a build with another name. */
    void reloadAs(String buildName) {
        served.swap(new ServedDataset.Build(buildName, served.current().dataset()));
    }

    ResultCache cache() {
        return server.caching().cache();
    }

    HttpRequest.Builder request(String path) {
        return HttpRequest.newBuilder(URI.create("http://localhost:" + server.port() + path)).timeout(Duration.ofSeconds(60));
    }

    HttpResponse<byte[]> get(String path, String... headers) throws IOException, InterruptedException {
        HttpRequest.Builder b = request(path).GET();
        if (headers.length > 0) b.headers(headers);
        return HTTP.send(b.build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    @Override
    public void close() {
        server.stop();
    }
}
