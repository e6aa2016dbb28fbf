package kg.borderlands.serve.api;

import kg.borderlands.analyse.NetworkProjector;
import kg.borderlands.serve.ld.EntityDescriber;
import kg.borderlands.serve.ld.LinkedDataServlet;
import kg.borderlands.serve.ld.Snapshot;
import kg.borderlands.serve.search.LabelIndex;
import org.apache.jena.fuseki.main.FusekiServer;
import org.apache.jena.sparql.core.DatasetGraph;

import org.slf4j.LoggerFactory;

import java.nio.file.Path;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * The web layer on the same Jetty as {@code /kg}: the JSON API ({@code /api/*}), Linked Data pages
 * ({@code /id/*}), the explorer ({@code /} and {@code /explorer/*}) and its WebJars ({@code /webjars/*}).
 * Built once from the served store: an in-memory snapshot of its graphs, the label index and the network.
 */
public final class WebApp {
    private final Snapshot snapshot;
    private final EntityDescriber describer;
    private final LabelIndex search;
    private final CompetencyQueries queries;
    private final NetworkRoutes network;
    private final StoryQueries story;

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

    /** Adds the servlets to a Fuseki server (use with {@code KgServer.Builder.extension}). */
    public Consumer<FusekiServer.Builder> extension() {
        return b -> b
                .addServlet("/api/*", new ApiServlet(describer, search, queries, network))
                .addServlet("/api/story/*", new StoryServlet(story))
                .addServlet("/id/*", new LinkedDataServlet(describer))
                .addServlet("/explorer/*", new StaticFilesServlet("kg/borderlands/web/", null, "no-cache"))
                .addServlet("/webjars/*", new StaticFilesServlet("META-INF/resources/webjars/", null, "public, max-age=86400"))
                .addServlet("", new StaticFilesServlet("kg/borderlands/web/", "index.html", "no-cache"));
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
