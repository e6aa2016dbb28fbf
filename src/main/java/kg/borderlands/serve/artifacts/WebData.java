package kg.borderlands.serve.artifacts;

import kg.borderlands.analyse.Network;
import kg.borderlands.analyse.NetworkProjector;
import kg.borderlands.serve.Lazy;
import kg.borderlands.serve.api.StoryQueries;
import kg.borderlands.serve.ld.Snapshot;
import kg.borderlands.serve.ontology.OntologyCatalogue.UsageCounts;
import kg.borderlands.serve.search.LabelIndex;
import org.apache.jena.sparql.core.DatasetGraph;

import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * What the web layer derives from the whole graph of one build: the catalogue of records, the label search
 * index, the actor network, the story views' data and the ontology's usage counts. Each part is read (from the
 * build's serving artifacts, {@link ServingArtifacts#read}) or computed ({@link #compute}) on first use, once.
 *
 * @param search opens the search index for a snapshot (which resolves the hits to records)
 */
public record WebData(Supplier<Map<String, Snapshot.Entry>> catalogue, Function<Snapshot, LabelIndex> search,
                      Supplier<Network> network, Supplier<StoryQueries> story, Supplier<UsageCounts> usage) {
    public WebData {
        Objects.requireNonNull(catalogue, "catalogue");
        Objects.requireNonNull(search, "search");
        Objects.requireNonNull(network, "network");
        Objects.requireNonNull(story, "story");
        Objects.requireNonNull(usage, "usage");
    }

    /**
     * Everything computed from the dataset itself, on first use (for a store without serving artifacts, and
     * tests); {@code serve} reads the build's artifacts instead.
     */
    public static WebData compute(DatasetGraph dsg) {
        Objects.requireNonNull(dsg, "dataset");
        Lazy<Snapshot> snapshot = Lazy.of(() -> Snapshot.of(dsg));
        return new WebData(Lazy.of(() -> catalogueOf(snapshot.get())), LabelIndex::build,
                Lazy.of(() -> new NetworkProjector(dsg).project()), Lazy.of(() -> StoryQueries.run(dsg)),
                Lazy.of(() -> snapshot.get().read(() -> UsageCounts.of(snapshot.get()))));
    }

    private static Map<String, Snapshot.Entry> catalogueOf(Snapshot s) {
        Map<String, Snapshot.Entry> m = new java.util.LinkedHashMap<>();
        for (Snapshot.Entry e : s.entries()) m.put(e.id(), e);
        return java.util.Collections.unmodifiableMap(m);
    }
}
