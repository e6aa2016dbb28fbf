package kg.borderlands.serve.api;

import kg.borderlands.load.StoreManager;
import jakarta.servlet.http.HttpServlet;
import kg.borderlands.serve.KgServer;
import kg.borderlands.serve.ReloadableServlets;
import kg.borderlands.support.TestProject;
import org.apache.jena.sparql.core.DatasetGraph;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

import static org.junit.jupiter.api.Assertions.*;

/** The server answers SPARQL while the web layer is still being built; web requests wait for it. */
class DeferredWebAppTest {
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @Test
    void sparqlAnswersBeforeTheWebLayerIsReadyAndWebRequestsWaitForIt() throws Exception {
        DatasetGraph dsg = TestProject.realStore().open();
        CompletableFuture<Map<String, HttpServlet>> web = new CompletableFuture<>();
        ReloadableServlets servlets = new ReloadableServlets(DeferredServlet.all(WebApp.PATHS, web, 300));
        KgServer server = KgServer.builder().dataset(dsg).port(0).extension(servlets.extension()).build().start();
        try {
            String base = "http://localhost:" + server.port();
            HttpResponse<String> ask = HTTP.send(HttpRequest.newBuilder(URI.create(base + "/kg/sparql?query="
                    + URLEncoder.encode("ASK { ?s ?p ?o }", StandardCharsets.UTF_8))).build(), HttpResponse.BodyHandlers.ofString());
            assertEquals(200, ask.statusCode());
            assertTrue(ask.body().contains("true"));

            HttpResponse<String> early = HTTP.send(HttpRequest.newBuilder(URI.create(base + "/api/entity/ttp")).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertEquals(503, early.statusCode());
            assertTrue(early.body().contains("BKG-E110"), early.body());
            assertTrue(early.headers().firstValue("Retry-After").isPresent());
            assertTrue(early.headers().firstValue("ETag").isEmpty(), "a 503 is never validated");

            Map<String, HttpServlet> layer = WebApp.build(dsg, null).servlets();
            assertEquals(new java.util.HashSet<>(WebApp.PATHS), layer.keySet(),
                    "the paths known before the web layer is built are exactly the ones it serves");
            web.complete(layer);
            HttpResponse<String> ready = HTTP.send(HttpRequest.newBuilder(URI.create(base + "/api/entity/ttp")).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertEquals(200, ready.statusCode());
            assertTrue(ready.body().contains("\"id\" : \"ttp\""), ready.body().substring(0, Math.min(200, ready.body().length())));
            for (String path : new String[] {"/ontology", "/ontology.ttl", "/ontology/Actor", "/context.jsonld"}) {
                HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(URI.create(base + path)).build(),
                        HttpResponse.BodyHandlers.ofString());
                assertEquals(200, r.statusCode(), path + " is served by the deferred web layer too");
            }
            servlets.install(WebApp.build(dsg, null).servlets());   // a reload: the same paths, accepted
        } finally {
            server.stop();
            StoreManager.close(dsg);
        }
    }
}
