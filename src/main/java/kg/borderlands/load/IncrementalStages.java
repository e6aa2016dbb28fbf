package kg.borderlands.load;

import kg.borderlands.link.VoidDelta;
import kg.borderlands.link.VoidDescription;
import kg.borderlands.validate.ScopedQualityChecks;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.Quad;
import org.apache.jena.system.Txn;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The stages after the units of an incremental build (docs/store.md "Incremental builds"), each scoped to what the
 * delta changed and each giving what the same stage of a full build gives: the delta itself ({@link UnitDelta}),
 * the quality checks ({@link ScopedQualityChecks}) and the VoID counts ({@link VoidDelta}, from the counts the
 * previous build's VoID graph holds).
 */
final class IncrementalStages {
    private static final Node VOID = NodeFactory.createURI(VoidDescription.GRAPH);

    private final DatasetGraph dsg;
    private final UnitDelta.Changes changes;
    private final VoidDescription.Stats before;

    private IncrementalStages(DatasetGraph dsg, UnitDelta.Changes changes, VoidDescription.Stats before) {
        this.dsg = dsg;
        this.changes = changes;
        this.before = before;
    }

    /**
     * In one write transaction on the copy of the previous database: reads the previous VoID counts, removes the
     * previous VoID description (then the default graph is exactly ontology + data + inferred, as the counts are),
     * and applies the delta of the changed units.
     *
     * @param changed unit id → previous key; {@code now}: unit id → key (every unit)
     */
    static IncrementalStages apply(DatasetGraph dsg, UnitCache cache, Map<String, String> changed,
                                   Map<String, String> now, long[] ontologyHashes) {
        Objects.requireNonNull(dsg, "dsg");
        return Txn.calculateWrite(dsg, () -> {
            Optional<VoidDescription.Stats> stats = VoidDescription.readStats(dsg.getGraph(VOID));
            List<Quad> old = new ArrayList<>();
            dsg.find(VOID, null, null, null).forEachRemaining(old::add);
            for (Quad q : old) {
                dsg.delete(q);
                dsg.delete(Quad.create(Quad.defaultGraphIRI, q.asTriple()));
            }
            UnitDelta.Changes changes = UnitDelta.applyUnchecked(dsg, cache, changed, now, ontologyHashes);
            return new IncrementalStages(dsg, changes, stats.orElse(null));
        });
    }

    UnitDelta.Changes changes() {
        return changes;
    }

    /** The quality checks' findings, scoped to the changed quads' nodes (none changed: none can be new). */
    ScopedQualityChecks.Run qualityChecks(Path qcDir) {
        if (changes.isEmpty()) return new ScopedQualityChecks.Run(List.of(), 0, 0);
        ScopedQualityChecks qc = new ScopedQualityChecks(qcDir);
        return Txn.calculateRead(dsg, () -> {
            try {
                return qc.run(dsg, changes.nodes());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
    }

    /**
     * The VoID counts of the changed database: from the previous ones and the delta, the source graphs the delta
     * touched recounted; counted over the whole default graph if the previous build holds no counts.
     */
    VoidDescription.Stats voidStats() {
        if (before == null) return VoidDescription.statsOfDefaultGraph(dsg);
        return Txn.calculateRead(dsg, () -> {
            Map<String, Long> graphs = new TreeMap<>();
            before.sourceGraphs().forEach(g -> graphs.put(g.graphIri(), g.triples()));
            for (Node g : changes.graphs()) {
                if (!g.getURI().startsWith(VoidDescription.SOURCE_GRAPH_PREFIX)) continue;
                long n = dsg.getGraph(g).size();
                if (n > 0) graphs.put(g.getURI(), n);
                else graphs.remove(g.getURI());
            }
            List<VoidDescription.GraphCount> sourceGraphs = new ArrayList<>();
            graphs.forEach((g, n) -> sourceGraphs.add(new VoidDescription.GraphCount(g, n)));
            return VoidDelta.update(before, dsg.getDefaultGraph(), changes.removedDefault(), changes.addedDefault(),
                    sourceGraphs);
        });
    }
}
