package kg.borderlands.serve.artifacts;

import kg.borderlands.load.BuildManifest;
import kg.borderlands.load.StoreManager;
import kg.borderlands.serve.KgServer;
import kg.borderlands.serve.api.WebApp;
import kg.borderlands.support.TestProject;
import org.apache.jena.sparql.core.DatasetGraph;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.*;

/**
 * The serving artifacts {@code load} writes into a build: listed in the manifest with their checksums, and a web
 * layer over them answers exactly as one that derives everything from the store itself.
 */
class ServingArtifactsTest {
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static DatasetGraph dsg;
    private static KgServer fromArtifacts;
    private static KgServer computed;
    private static Path build;

    @BeforeAll
    static void start() throws Exception {
        StoreManager store = TestProject.realStore();
        build = store.current().orElseThrow();
        dsg = store.open();
        Path queries = TestProject.root().resolve("queries");
        fromArtifacts = KgServer.builder().dataset(dsg).port(0).extension(WebApp.open(build, dsg, queries).extension()).build().start();
        computed = KgServer.builder().dataset(dsg).port(0).extension(WebApp.build(dsg, queries).extension()).build().start();
    }

    @AfterAll
    static void stop() {
        if (fromArtifacts != null) fromArtifacts.stop();
        if (computed != null) computed.stop();
        StoreManager.close(dsg);
    }

    @Test
    void everyArtifactIsListedInTheManifestWithItsChecksum() throws Exception {
        Path dir = build.resolve(ServingArtifacts.DIR);
        for (String f : List.of("records.json", "network.json", "usage.json", "spatial.index", "story/events.json",
                "story/labels.json")) {
            assertTrue(Files.isRegularFile(dir.resolve(f)), f);
        }
        BuildManifest m = BuildManifest.read(build);
        List<Path> files;
        try (Stream<Path> s = Files.walk(dir)) {
            files = s.filter(Files::isRegularFile).toList();
        }
        assertTrue(files.stream().anyMatch(p -> p.getFileName().toString().startsWith("segments_")), "a Lucene index: " + files);
        for (Path f : files) {
            String rel = build.relativize(f).toString().replace('\\', '/');
            BuildManifest.FileSum sum = m.files().get(rel);
            assertNotNull(sum, rel + " is in the manifest");
            assertEquals(Files.size(f), sum.size(), rel);
            assertEquals(64, sum.sha256().length(), rel);
        }
        assertFalse(Files.exists(dir.resolve("search/write.lock")), "Lucene's lock file is not left in the build");
    }

    @Test
    void theWebLayerOverTheArtifactsAnswersAsTheOneThatComputesEverything() throws Exception {
        for (String path : List.of("/api", "/api/search?q=taliban", "/api/search?q=Pakistani%20Taliban&limit=50",
                "/api/search?q=kabul&kind=place", "/api/search?q=talbian", "/api/entity/ttp", "/api/entity/taliban-government",
                "/api/entity/tie-taliban-government-sanctuary-ttp", "/api/neighbourhood/ttp?hops=2", "/api/path?from=qatar&to=ttp",
                "/api/metrics?metric=pagerank&top=20", "/api/kinds", "/api/network?format=csv", "/api/network?asOf=2024-01",
                "/api/story/events", "/api/story/places", "/api/story/claims", "/api/story/figures", "/api/story/labels",
                "/ontology", "/ontology/Actor", "/ontology/supports", "/ontology/Perpetrator", "/id/ttp", "/id/pakistan",
                "/id/nonexistent", "/api/entity/nope")) {
            HttpResponse<String> a = get(fromArtifacts, path);
            HttpResponse<String> b = get(computed, path);
            assertEquals(b.statusCode(), a.statusCode(), path);
            assertEquals(b.body(), a.body(), path);
        }
        assertEquals(200, get(fromArtifacts, "/api/entity/ttp").statusCode());
        assertTrue(get(fromArtifacts, "/api/search?q=ttp").body().contains("\"id\" : \"ttp\""));
    }

    private static HttpResponse<String> get(KgServer server, String path) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create("http://localhost:" + server.port() + path))
                .header("Accept", path.startsWith("/id/") || path.startsWith("/ontology") ? "text/html" : "application/json").build(),
                HttpResponse.BodyHandlers.ofString());
    }
}
