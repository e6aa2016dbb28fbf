package kg.borderlands.load;

import kg.borderlands.curate.CurationException;
import kg.borderlands.curate.LocatedRecord;
import kg.borderlands.curate.OntologyIndex;
import kg.borderlands.curate.RdfMapper;
import kg.borderlands.curate.RecordChecker;
import kg.borderlands.curate.RecordReader;
import kg.borderlands.curate.RecordSet;
import kg.borderlands.curate.Records;
import kg.borderlands.validate.Finding;
import kg.borderlands.validate.ShaclValidation;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.compose.MultiUnion;
import org.apache.jena.rdf.model.Model;
import org.apache.jena.rdf.model.ModelFactory;
import org.apache.jena.sparql.graph.GraphFactory;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * Builds one source unit against the ontology and the shared unit: read the unit's records, check them with
 * the shared ones (and the work ids of other units, which it may cite), map its own records, infer over
 * ontology + shared + unit, and validate the unit with SHACL. Holds only this unit (and the shared unit) in
 * memory. Thread-safe once constructed: units can be built in parallel.
 */
final class UnitBuilder {
    private final Model ontology;
    private final OntologyIndex index;
    private final ShaclValidation shacl;
    private final Set<String> works;
    private final Shared shared;

    /** The shared unit, built: its records (to resolve references) and its graphs (for inference and SHACL). */
    record Shared(List<LocatedRecord> records, Model data, Model inferred, Model claimed) {
        static Shared none() {
            return new Shared(List.of(), ModelFactory.createDefaultModel(), ModelFactory.createDefaultModel(),
                    ModelFactory.createDefaultModel());
        }
    }

    /**
     * @param shacl  the shapes, or {@code null} if the ontology has none
     * @param works  every work id of the build (a unit may cite another unit's works)
     * @param shared the shared unit as built ({@link Shared#none()} while building the shared unit itself)
     */
    UnitBuilder(Model ontology, OntologyIndex index, ShaclValidation shacl, Set<String> works, Shared shared) {
        this.ontology = Objects.requireNonNull(ontology, "ontology");
        this.index = Objects.requireNonNull(index, "index");
        this.shacl = shacl;
        this.works = Objects.requireNonNull(works, "works");
        this.shared = Objects.requireNonNull(shared, "shared");
    }

    /** The shared unit's records (read and checked alone). */
    static List<LocatedRecord> readShared(SourceUnits.Unit unit, OntologyIndex index, Set<String> works)
            throws IOException, CurationException {
        List<LocatedRecord> records = new RecordReader().readFiles(unit.files());
        new RecordChecker(index, works).check(records);
        return records;
    }

    /**
     * Builds {@code unit}. For the shared unit, {@code own} are its records (already read and checked by
     * {@link #readShared}); for a source unit, pass {@code null}: they are read here.
     */
    UnitOutput build(SourceUnits.Unit unit, List<LocatedRecord> own) throws IOException, CurationException {
        if (own == null) own = new RecordReader().readFiles(unit.files());
        // The unit's records first: a number (section II.B, footnote 25) resolves to the unit's own apparatus.
        List<LocatedRecord> all = new ArrayList<>(own.size() + shared.records().size());
        all.addAll(own);
        all.addAll(shared.records());
        RecordSet set = unit.shared() ? new RecordSet(own) : new RecordChecker(index, works).check(all);
        RdfMapper.MappedData mapped = RdfMapper.map(set, own, index);
        Model data = ModelFactory.createUnion(shared.data(), mapped.data());
        Model inferredAll = Inference.infer(ontology, data);
        Graph inferred = minus(inferredAll.getGraph(), shared.inferred().getGraph());
        Model claimedAll = Inference.claimed(ontology, data, ModelFactory.createUnion(shared.inferred(), inferredAll),
                mapped.claimed());
        Graph claimed = minus(claimedAll.getGraph(), shared.claimed().getGraph());
        List<Finding> findings = new ArrayList<>();
        if (shacl != null) {
            MultiUnion everything = new MultiUnion(new Graph[] {ontology.getGraph(), shared.data().getGraph(),
                    shared.inferred().getGraph(), shared.claimed().getGraph(), mapped.data().getGraph(), inferred,
                    claimed});
            findings.addAll(shacl.validate(everything));
        }
        return new UnitOutput(unit, mapped.data().getGraph(), inferred, claimed, findings, foreignCitations(set, own));
    }

    /** The work ids {@code own} cites that are not records of this unit or of the shared unit. */
    private static List<String> foreignCitations(RecordSet set, List<LocatedRecord> own) {
        java.util.TreeSet<String> out = new java.util.TreeSet<>();
        for (LocatedRecord r : own) {
            if (r.record() instanceof Records.Footnote f) f.cites().stream().filter(id -> set.byId(id) == null).forEach(out::add);
            if (r.record() instanceof Records.Section s && s.report() != null && set.byId(s.report()) == null) out.add(s.report());
        }
        return List.copyOf(out);
    }

    private static Graph minus(Graph g, Graph without) {
        if (without.isEmpty()) return g;
        Graph out = GraphFactory.createDefaultGraph();
        g.find().forEachRemaining(t -> {
            if (!without.contains(t)) out.add(t);
        });
        return out;
    }
}
