package kg.borderlands.serve.api;

import kg.borderlands.analyse.NetworkProjector;
import kg.borderlands.serve.ld.ContextServlet;
import kg.borderlands.serve.ld.EntityDescriber;
import kg.borderlands.serve.ld.LinkedDataServlet;
import kg.borderlands.serve.ld.Snapshot;
import kg.borderlands.serve.ontology.OntologyCatalogue;
import kg.borderlands.serve.ontology.OntologyServlet;
import kg.borderlands.serve.search.LabelIndex;
import jakarta.servlet.http.HttpServlet;
import org.apache.jena.fuseki.main.FusekiServer;
import org.apache.jena.sparql.core.DatasetGraph;

import org.slf4j.LoggerFactory;

import jakarta.servlet.http.HttpServlet;

import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;

/**
 * The web layer on the same Jetty as {@code /kg}: the JSON API ({@code /api/*}), Linked Data pages
 * ({@code /id/*}) and their JSON-LD {@code @context} ({@code /context.jsonld}), the ontology ({@code /ontology},
 * {@code /ontology/{term}}), the explorer ({@code /} and {@code /explorer/*}) and its WebJars ({@code /webjars/*}).
 * Built once from the served store: an in-memory snapshot of its graphs, the label index and the network.
 */
public final class WebApp {
    private final Snapshot snapshot;
    private final EntityDescriber describer;
    private final LabelIndex search;
    private final CompetencyQueries queries;
    private final NetworkRoutes network;
    private final StoryQueries story;
    private Map<String, HttpServlet> servlets;

    private WebApp(DatasetGraph dsg, Path queriesDir) {
        Objects.requireNonNull(dsg, "dataset");
        long t0 = System.nanoTime();
        this.snapshot = Snapshot.of(dsg);
        this.describer = new EntityDescriber(snapshot);
        this.search = LabelIndex.build(snapshot);
        this.queries = CompetencyQueries.read(queriesDir);
        this.network = new NetworkRoutes(new NetworkProjector(dsg).project(), snapshot);
        this.story = StoryQueries.run(dsg);
        LoggerFactory.getLogger(WebApp.class).info("web layer ready in {} ms: {} records indexed, {} competency questions",
                (System.nanoTime() - t0) / 1_000_000, snapshot.entries().size(), queries.all().size());
    }

    /** Reads the store and prepares everything the web layer serves. */
    public static WebApp build(DatasetGraph dsg, Path queriesDir) {
        return new WebApp(dsg, queriesDir);
    }

    /** The path specs of {@link #servlets()}, known before any web layer is built. */
    public static final List<String> PATHS = paths();

    private static List<String> paths() {
        List<String> p = new java.util.ArrayList<>(List.of("/api/*", "/api/story/*", "/id/*"));
        p.addAll(OntologyServlet.paths());
        p.add(ContextServlet.PATH);
        p.addAll(List.of("/explorer/*", "/webjars/*", ""));
        return List.copyOf(p);
    }

    /**
     * Builds the web layer on a background thread, so that the server can answer SPARQL meanwhile (see
     * {@link DeferredServlet}); the store must stay open until it is done.
     */
    public static CompletableFuture<WebApp> buildAsync(DatasetGraph dsg, Path queriesDir) {
        CompletableFuture<WebApp> f = new CompletableFuture<>();
        Thread t = new Thread(() -> {
            try {
                f.complete(build(dsg, queriesDir));
            } catch (Throwable e) {
                LoggerFactory.getLogger(WebApp.class).error("web layer failed to start: {}", e.toString(), e);
                f.completeExceptionally(e);
            }
        }, "web-layer-build");
        t.setDaemon(true);
        t.start();
        return f;
    }

    /** Adds the servlets to a Fuseki server (use with {@code KgServer.Builder.extension}). */
    public Consumer<FusekiServer.Builder> extension() {
        return b -> servlets().forEach(b::addServlet);
    }

    /**
     * The servlets of this web layer by path spec (one set per web layer: a reload builds a new web layer and
     * {@link kg.borderlands.serve.ReloadableServlets} switches to its servlets).
     */
    public synchronized Map<String, HttpServlet> servlets() {
        if (servlets == null) {
            Map<String, HttpServlet> m = new LinkedHashMap<>();
            m.put("/api/*", new ApiServlet(describer, search, queries, network));
            m.put("/api/story/*", new StoryServlet(story));
            m.put("/id/*", new LinkedDataServlet(describer));
            m.putAll(OntologyServlet.servlets(OntologyCatalogue.of(snapshot)));
            m.put(ContextServlet.PATH, new ContextServlet());
            m.put("/explorer/*", new StaticFilesServlet("kg/borderlands/web/", null, "no-cache"));
            m.put("/webjars/*", new StaticFilesServlet("META-INF/resources/webjars/", null, "public, max-age=86400"));
            m.put("", new StaticFilesServlet("kg/borderlands/web/", "index.html", "no-cache"));
            servlets = Collections.unmodifiableMap(m);
        }
        return servlets;
    }

    public Snapshot snapshot() {
        return snapshot;
    }

    public LabelIndex search() {
        return search;
    }

    public EntityDescriber describer() {
        return describer;
    }
}
