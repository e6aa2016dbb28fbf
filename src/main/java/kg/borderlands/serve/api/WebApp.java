package kg.borderlands.serve.api;

import jakarta.servlet.http.HttpServlet;
import kg.borderlands.serve.Lazy;
import kg.borderlands.serve.ServedDataset;
import kg.borderlands.serve.artifacts.ServingArtifacts;
import kg.borderlands.serve.artifacts.WebData;
import kg.borderlands.serve.ld.ContextServlet;
import kg.borderlands.serve.ld.EntityDescriber;
import kg.borderlands.serve.ld.LinkedDataServlet;
import kg.borderlands.serve.ld.Snapshot;
import kg.borderlands.serve.ld.SubjectCache;
import kg.borderlands.serve.ontology.OntologyCatalogue;
import kg.borderlands.serve.ontology.OntologyServlet;
import kg.borderlands.serve.search.LabelIndex;
import org.apache.jena.fuseki.main.FusekiServer;
import org.apache.jena.sparql.core.DatasetGraph;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.function.Consumer;

import org.slf4j.LoggerFactory;

/**
 * The web layer on the same Jetty as {@code /kg}: the JSON API ({@code /api/*}), Linked Data pages
 * ({@code /id/*}) and their JSON-LD {@code @context} ({@code /context.jsonld}), the ontology ({@code /ontology},
 * {@code /ontology/{term}}), the explorer ({@code /} and {@code /explorer/*}) and its WebJars ({@code /webjars/*}).
 * Made for one build, without copying it: pages and descriptions are read from the build's store per request
 * (in a read transaction), and what is derived from the whole graph (catalogue, search index, network, story
 * data, usage counts: {@link WebData}) is read from the build's serving artifacts ({@link #open}) or computed
 * ({@link #build}), each part on first use.
 */
public final class WebApp {
    private final Snapshot snapshot;
    private final EntityDescriber describer;
    private final Lazy<LabelIndex> search;
    private final Lazy<CompetencyQueries> queries;
    private final Lazy<NetworkRoutes> network;
    private final WebData data;
    private final Lazy<OntologyCatalogue> ontology;
    private final ReadScope scope;
    private Map<String, HttpServlet> servlets;

    private WebApp(DatasetGraph dsg, WebData data, Path queriesDir, ReadScope scope) {
        Objects.requireNonNull(dsg, "dataset");
        this.data = Objects.requireNonNull(data, "data");
        Objects.requireNonNull(scope, "scope");
        this.scope = work -> scope.run(() -> {
            boolean mine = SubjectCache.begin();   // one request's reads of the store
            try {
                work.run();
            } finally {
                if (mine) SubjectCache.end();
            }
        });
        this.snapshot = Snapshot.live(dsg, data.catalogue());
        this.describer = new EntityDescriber(snapshot);
        this.search = Lazy.of(() -> data.search().apply(snapshot));
        this.queries = Lazy.of(() -> CompetencyQueries.read(queriesDir));
        this.network = Lazy.of(() -> new NetworkRoutes(data.network().get(), snapshot));
        this.ontology = Lazy.of(() -> snapshot.read(() -> OntologyCatalogue.of(snapshot, data.usage().get())));
    }

    /** The web layer of a dataset, computing what it derives from the whole graph on first use (tests). */
    public static WebApp build(DatasetGraph dsg, Path queriesDir) {
        return new WebApp(dsg, WebData.compute(dsg), queriesDir, ReadScope.of(dsg));
    }

    /**
     * The web layer of a published build: {@code dsg} is its opened TDB2 database, the rest is read from its
     * serving artifacts on first use.
     */
    public static WebApp open(Path build, DatasetGraph dsg, Path queriesDir) throws IOException {
        return new WebApp(dsg, ServingArtifacts.read(build), queriesDir, ReadScope.of(dsg));
    }

    /**
     * The web layer of a build in service: over its serving artifacts (read on first use), or — a build without
     * them, made by an older version — computed from the store on first use. Each request holds the build
     * ({@link ServedDataset.Build#acquire}: a reload closes it only once no request reads it) and reads it in a
     * read transaction.
     */
    public static WebApp of(ServedDataset.Build build, Path queriesDir) {
        DatasetGraph dsg = build.dataset();
        ReadScope txn = ReadScope.of(dsg);
        ReadScope scope = work -> {
            build.acquire();
            try {
                txn.run(work);
            } finally {
                build.release();
            }
        };
        WebData data;
        if (build.directory() != null && ServingArtifacts.present(build.directory())) {
            try {
                data = ServingArtifacts.read(build.directory());
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        } else {
            LoggerFactory.getLogger(WebApp.class).warn("build {} has no serving artifacts: the web layer derives them "
                    + "from the store on first use", build.name());
            data = WebData.compute(dsg);
        }
        return new WebApp(dsg, data, queriesDir, scope);
    }

    /** The web layer of a dataset with its derived data, each request run in {@code scope}. */
    public static WebApp of(DatasetGraph dsg, WebData data, Path queriesDir, ReadScope scope) {
        return new WebApp(dsg, data, queriesDir, scope);
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
            m.put("/api/*", new BuildServlet(() -> new ApiServlet(describer, search, queries.get(), network), scope));
            m.put("/api/story/*", new BuildServlet(() -> new StoryServlet(data.story().get()), scope));
            m.put("/id/*", new BuildServlet(() -> new LinkedDataServlet(describer), scope));
            Lazy<Map<String, HttpServlet>> onto = Lazy.of(() -> OntologyServlet.servlets(ontology.get()));
            for (String spec : OntologyServlet.paths()) m.put(spec, new BuildServlet(() -> onto.get().get(spec), scope));
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

    /** The label index (opened on first use). */
    public LabelIndex search() {
        return search.get();
    }

    public EntityDescriber describer() {
        return describer;
    }
}
