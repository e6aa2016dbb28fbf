package kg.borderlands.serve.reload;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.http.HttpServlet;
import kg.borderlands.Vocab;
import kg.borderlands.load.BuiltGraphs;
import kg.borderlands.load.StoreManager;
import kg.borderlands.serve.BuildWatcher;
import kg.borderlands.serve.KgServer;
import kg.borderlands.serve.Lease;
import kg.borderlands.serve.ReloadableServlets;
import kg.borderlands.serve.ServeLimits;
import kg.borderlands.serve.ServedDataset;
import kg.borderlands.serve.api.WebApp;
import kg.borderlands.support.TestProject;
import kg.borderlands.validate.ValidationReport;
import org.apache.jena.rdf.model.Model;
import org.apache.jena.rdf.model.ModelFactory;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.system.Txn;
import org.apache.jena.vocabulary.SKOS;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Zero-downtime reload, as {@code serve} wires it: 8 clients query SPARQL and the JSON API in a loop while a
 * second build is published into the store (through {@link StoreManager#publish}, what {@code load} does). No
 * request may fail; each client sees the old data, then only the new (in SPARQL and in the API's search index);
 * the lease follows the build in service.
 */
class ReloadUnderLoadTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String MARKER = "ReloadMarker";

    @TempDir
    Path tmp;

    @Test
    void eightClientsSeeNoErrorAndTheNewBuildAfterItIsPublished() throws Exception {
        Model ontology, data, inferred;
        DatasetGraph real = TestProject.realStore().open();
        try {
            Model[] m = Txn.calculateRead(real, () -> new Model[]{copy(real, Vocab.GRAPH_ONTOLOGY), copy(real, Vocab.GRAPH_DATA),
                    copy(real, Vocab.GRAPH_INFERRED)});
            ontology = m[0];
            data = m[1];
            inferred = m[2];
        } finally {
            StoreManager.close(real);
        }
        StoreManager store = new StoreManager(tmp.resolve("store"));
        store.publish(new BuiltGraphs(ontology, withMarker(data, "A"), inferred, new ValidationReport(List.of())), "aaaaaaaa-reload-test");
        String buildA = store.current().orElseThrow().getFileName().toString();

        ServedDataset served = new ServedDataset(new ServedDataset.Build(buildA, store.open(), store.current().orElseThrow()));
        ReloadableServlets web = new ReloadableServlets(web(served.current()));
        // as serve wires it: between the swap of the dataset and the install of the new web layer, an /api answer may
        // still come from the old build's web layer, so the answer cache must not store it under the new build
        java.util.concurrent.atomic.AtomicReference<String> installed = new java.util.concurrent.atomic.AtomicReference<>(buildA);
        KgServer server = KgServer.builder().dataset(served).port(0).limits(ServeLimits.defaults()).extension(web.extension())
                .cacheSettled(() -> served.current().name().equals(installed.get())).build().start();
        Lease lease = new Lease(store.root(), server.datasetUrl());
        lease.write(buildA);
        BuildWatcher watcher = new BuildWatcher(store, served, b -> {
            Map<String, HttpServlet> next = web(b);
            return () -> {
                try {
                    web.install(next);
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            };
        }, name -> {
            installed.set(name);
            try {
                lease.write(name);
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        }, 10_000).start(200);

        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        AtomicBoolean stop = new AtomicBoolean();
        AtomicInteger requests = new AtomicInteger();
        List<String> errors = Collections.synchronizedList(new ArrayList<>());
        List<String> regressions = Collections.synchronizedList(new ArrayList<>());
        AtomicBoolean sawB = new AtomicBoolean();
        ExecutorService pool = Executors.newFixedThreadPool(8);
        String buildB;
        try {
            assertEquals("A", version(http, server), "build A served first");
            List<Future<?>> clients = new ArrayList<>();
            for (int c = 0; c < 8; c++) {
                final int client = c;
                clients.add(pool.submit(() -> {
                    boolean seenB = false;
                    while (!stop.get()) {
                        try {
                            String v = client % 2 == 0 ? version(http, server) : searchVersion(http, server);
                            requests.incrementAndGet();
                            if ("B".equals(v)) {
                                seenB = true;
                                sawB.set(true);
                            } else if (seenB) {
                                regressions.add("client " + client + " saw " + v + " after B");
                            }
                        } catch (Exception e) {
                            errors.add("client " + client + ": " + e.getMessage());
                        }
                        Thread.sleep(10);
                    }
                    return null;
                }));
            }
            Thread.sleep(1000);
            int before = requests.get();
            store.publish(new BuiltGraphs(ontology, withMarker(data, "B"), inferred, new ValidationReport(List.of())), "bbbbbbbb-reload-test");
            buildB = store.current().orElseThrow().getFileName().toString();
            // preparing the web layer of a build (snapshot, search index, network) takes seconds, more on a busy machine
            long deadline = System.currentTimeMillis() + 180_000;
            while (!sawB.get() && System.currentTimeMillis() < deadline) Thread.sleep(50);
            Thread.sleep(1000);
            stop.set(true);
            for (Future<?> f : clients) f.get();
            System.out.println("reload under load: " + requests.get() + " requests (" + before + " before publishing), "
                    + errors.size() + " errors");
            assertTrue(errors.isEmpty(), errors.subList(0, Math.min(10, errors.size())).toString());
            assertTrue(sawB.get(), "the new build is served");
            assertTrue(regressions.isEmpty(), regressions.toString());
            assertEquals("B", version(http, server));
            assertEquals("B", searchVersion(http, server));
            assertEquals(buildB, served.current().name());
            JsonNode l = JSON.readTree(Files.readString(lease.file()));
            assertEquals(buildB, l.path("build").asText(), "the lease names the build in service");
            assertEquals(ProcessHandle.current().pid(), l.path("pid").asLong());
            assertEquals(server.datasetUrl(), l.path("url").asText());
            assertTrue(requests.get() > before, "clients kept querying across the reload");
        } finally {
            stop.set(true);
            pool.shutdownNow();
            watcher.close();
            server.stop();
            lease.release();
            StoreManager.close(served.current().dataset());
        }
        assertFalse(Files.exists(lease.file()), "the lease is released on shutdown");
    }

    private static Map<String, HttpServlet> web(ServedDataset.Build build) {
        return WebApp.of(build, null).servlets();   // as serve does: over the build's serving artifacts
    }

    private static Model copy(DatasetGraph dsg, String graph) {
        Model m = ModelFactory.createDefaultModel();
        m.add(ModelFactory.createModelForGraph(dsg.getGraph(org.apache.jena.graph.NodeFactory.createURI(graph))));
        m.setNsPrefixes(Vocab.prefixes());
        return m;
    }

    /** The data with an alias of the TTP that names the build: found by SPARQL and by the API's search. */
    private static Model withMarker(Model data, String version) {
        Model m = ModelFactory.createDefaultModel().add(data);
        m.add(m.createResource(Vocab.ID + "ttp"), SKOS.altLabel, MARKER + version);
        return m;
    }

    private static String version(HttpClient http, KgServer server) throws Exception {
        String q = "SELECT ?l { <" + Vocab.ID + "ttp> <" + SKOS.altLabel.getURI() + "> ?l FILTER(STRSTARTS(?l, \"" + MARKER + "\")) }";
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(server.datasetUrl() + "/sparql?query="
                + URLEncoder.encode(q, StandardCharsets.UTF_8))).header("Accept", "application/sparql-results+json").build(),
                HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() != 200) throw new IllegalStateException("SPARQL " + r.statusCode() + " " + r.body());
        JsonNode rows = JSON.readTree(r.body()).path("results").path("bindings");
        if (rows.size() != 1) throw new IllegalStateException("expected one marker, got " + rows);
        return rows.get(0).path("l").path("value").asText().substring(MARKER.length());
    }

    private static String searchVersion(HttpClient http, KgServer server) throws Exception {
        HttpResponse<String> a = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + server.port()
                + "/api/search?q=" + MARKER + "&kind=actor")).build(), HttpResponse.BodyHandlers.ofString());
        if (a.statusCode() != 200) throw new IllegalStateException("API " + a.statusCode() + " " + a.body());
        boolean hasA = a.body().contains(MARKER + "A"), hasB = a.body().contains(MARKER + "B");
        if (hasA == hasB) throw new IllegalStateException("search should match one marker: " + a.body());
        return hasB ? "B" : "A";
    }
}
