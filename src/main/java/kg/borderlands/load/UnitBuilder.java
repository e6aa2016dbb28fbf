package kg.borderlands.load;

import kg.borderlands.curate.CurationException;
import kg.borderlands.curate.Kind;
import kg.borderlands.curate.LocatedRecord;
import kg.borderlands.curate.OntologyIndex;
import kg.borderlands.curate.RdfMapper;
import kg.borderlands.curate.RecordChecker;
import kg.borderlands.curate.RecordReader;
import kg.borderlands.curate.RecordSet;
import kg.borderlands.curate.SourceUnit;
import kg.borderlands.curate.Records;
import kg.borderlands.validate.Finding;
import kg.borderlands.validate.ShaclValidation;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.compose.MultiUnion;
import org.apache.jena.rdf.model.Model;
import org.apache.jena.rdf.model.ModelFactory;
import org.apache.jena.sparql.graph.GraphFactory;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
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
    private final List<SourceUnit> units;
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
     * @param units  the units of the build (with the sources' descriptors: resolution of {@code work:})
     * @param works  every work id of the build (a unit may cite another unit's works)
     * @param shared the shared unit as built ({@link Shared#none()} while building the shared unit itself)
     */
    UnitBuilder(Model ontology, OntologyIndex index, ShaclValidation shacl, List<SourceUnit> units, Set<String> works,
                Shared shared) {
        this.ontology = Objects.requireNonNull(ontology, "ontology");
        this.index = Objects.requireNonNull(index, "index");
        this.shacl = shacl;
        this.units = List.copyOf(units);
        this.works = Objects.requireNonNull(works, "works");
        this.shared = Objects.requireNonNull(shared, "shared");
    }

    /**
     * The shared unit's records, read and checked with the apparatus they cite ({@code context}: the records of
     * kinds sections, paragraphs, footnotes and works of every source's apparatus, each in its own unit — a
     * shared record names the source it cites by {@code work:} — which are not part of the shared unit's output).
     */
    record SharedRecords(List<LocatedRecord> own, List<LocatedRecord> context) {}

    /**
     * The shared unit's own records, read but not checked: for a shared unit taken from the cache, whose records
     * were checked with their context when it was built (the context's files are part of its key).
     */
    static List<LocatedRecord> readSharedOwn(BuildUnits units) throws IOException, CurationException {
        return new RecordReader().readFiles(units.shared().records(), null);
    }

    static SharedRecords readShared(BuildUnits units, OntologyIndex index, Set<String> works)
            throws IOException, CurationException {
        RecordReader reader = new RecordReader();
        List<LocatedRecord> own = reader.readFiles(units.shared().records(), null);
        List<LocatedRecord> context = new ArrayList<>();
        for (BuildUnits.Unit u : units.sources()) {
            Path apparatus = u.unit().dir().resolve(BuildUnits.APPARATUS);
            reader.readFiles(u.records().stream().filter(f -> f.startsWith(apparatus)).toList(), u.source()).stream()
                    .filter(r -> r.kind() == Kind.SECTIONS || r.kind() == Kind.PARAGRAPHS || r.kind() == Kind.FOOTNOTES
                            || r.kind() == Kind.WORKS).forEach(context::add);
        }
        List<LocatedRecord> all = new ArrayList<>(own);
        all.addAll(context);
        new RecordChecker(index, works).check(all, units.curateUnits());
        return new SharedRecords(own, context);
    }

    /**
     * Builds {@code unit}. For the shared unit, pass its records as read and checked by {@link #readShared};
     * for a source unit, pass {@code null}: its records are read here.
     */
    UnitOutput build(BuildUnits.Unit unit, SharedRecords sharedRecords) throws IOException, CurationException {
        long t0 = clock();
        List<LocatedRecord> own = sharedRecords != null ? sharedRecords.own() : new RecordReader().readFiles(unit.records(), unit.source());
        long t1 = clock();
        // The unit's records first: a number (section II.B, footnote 25) resolves to the unit's own apparatus.
        List<LocatedRecord> all = new ArrayList<>(own.size() + shared.records().size());
        all.addAll(own);
        all.addAll(shared.records());
        if (sharedRecords != null) all.addAll(sharedRecords.context());
        // a source unit's own records are checked; the shared ones it resolves against were checked with the
        // shared unit (against the apparatus of the sources they cite, which this unit may not hold)
        Set<LocatedRecord> ownRecords = java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>());
        ownRecords.addAll(own);
        RecordSet set = unit.shared() ? new RecordSet(all, units)
                : new RecordChecker(index, works).check(all, units, ownRecords::contains);
        long t2 = clock();
        RdfMapper.MappedData mapped = RdfMapper.map(set, own, unit.source(), index);
        long t3 = clock();
        Graph sharedEstablished = new MultiUnion(new Graph[] {shared.data().getGraph(), shared.inferred().getGraph()});
        Graph inferred = Inference.inferAgainst(ontology, mapped.data().getGraph(), sharedEstablished);
        long t4 = clock();
        Graph established = new MultiUnion(new Graph[] {shared.data().getGraph(), shared.inferred().getGraph(),
                mapped.data().getGraph(), inferred});
        Graph claimed = mapped.claimed().getGraph();
        if (!claimed.isEmpty()) {
            Graph withInferences = GraphFactory.createDefaultGraph();
            claimed.find().forEachRemaining(withInferences::add);
            Inference.inferAgainst(ontology, claimed, established).find().forEachRemaining(withInferences::add);
            claimed = minus(withInferences, shared.claimed().getGraph());
        }
        long t5 = clock();
        List<String> cites = foreignCitations(set, own);
        List<Finding> findings = new ArrayList<>();
        // the shared unit's nodes' shapes look at what the sources say of them (a person's ties): they are
        // validated on the database once every unit is loaded (UnitPipeline#sharedShapes)
        if (shacl != null && !unit.shared()) {
            Graph g = validationBase();
            for (Graph part : new Graph[] {mapped.data().getGraph(), inferred, claimed}) {
                part.find().forEachRemaining(g::add);
            }
            // what the unit points at outside itself, as far as its shapes look: the works of other units it cites
            // (known to be works from the id index)
            for (String w : cites) {
                g.add(org.apache.jena.graph.Triple.create(org.apache.jena.graph.NodeFactory.createURI(kg.borderlands.Vocab.ID + w),
                        org.apache.jena.vocabulary.RDF.Nodes.type, kg.borderlands.Vocab.blk("Work").asNode()));
            }
            // the unit's own nodes: subjects of its records' triples that are not shared records
            Set<org.apache.jena.graph.Node> focus = new java.util.LinkedHashSet<>();
            for (Graph part : new Graph[] {mapped.data().getGraph(), claimed}) {
                part.find().forEachRemaining(t -> {
                    if (!shared.data().getGraph().contains(t.getSubject(), null, null)) focus.add(t.getSubject());
                });
            }
            findings.addAll(shacl.validate(g, focus));
        }
        long t6 = clock();
        if (Boolean.getBoolean("bkg.profile")) System.err.printf("unit %s read %d check %d map %d infer %d claimed %d shacl %d ms (CPU)%n", unit.id(),
                (t1 - t0) / 1000000, (t2 - t1) / 1000000, (t3 - t2) / 1000000, (t4 - t3) / 1000000, (t5 - t4) / 1000000, (t6 - t5) / 1000000);
        Graph source = mapped.sources().isEmpty() ? null : mapped.sources().values().iterator().next().getGraph();
        return new UnitOutput(unit, mapped.data().getGraph(), inferred, claimed, source, findings, cites);
    }

    /** The ontology and the shared unit's graphs in one graph, built once: {@link #validationBase()}. */
    private Graph validationBase;

    /**
     * A new graph holding the ontology and the shared unit's data, inferred and claimed graphs, to which a unit
     * adds its own for its validation: a copy of one built once per builder (Jena's {@code GraphMem2#copy()}
     * copies its hash tables as they are, so the graph is the one adding every triple again would make, down to
     * its order) instead of the shared triples added again for every unit.
     */
    private Graph validationBase() {
        synchronized (this) {
            if (validationBase == null) validationBase = sharedForValidation();
        }
        if (validationBase instanceof org.apache.jena.mem2.GraphMem2 mem) return mem.copy();
        return sharedForValidation();   // another kind of default graph: built again
    }

    private Graph sharedForValidation() {
        Graph g = GraphFactory.createDefaultGraph();
        for (Graph part : new Graph[] {ontology.getGraph(), shared.data().getGraph(), shared.inferred().getGraph(),
                shared.claimed().getGraph()}) {
            part.find().forEachRemaining(g::add);
        }
        return g;
    }

    private static final java.lang.management.ThreadMXBean THREADS = java.lang.management.ManagementFactory.getThreadMXBean();

    /** This thread's CPU time (ns) when profiling ({@code -Dbkg.profile=true}: phases on a shared machine), else wall time. */
    private static long clock() {
        return Boolean.getBoolean("bkg.profile") && THREADS.isCurrentThreadCpuTimeSupported()
                ? THREADS.getCurrentThreadCpuTime() : System.nanoTime();
    }

    /** The work ids {@code own} cites that are not records of this unit or of the shared unit. */
    private static List<String> foreignCitations(RecordSet set, List<LocatedRecord> own) {
        java.util.TreeSet<String> out = new java.util.TreeSet<>();
        for (LocatedRecord r : own) {
            // a work cited by another source's citedAs id is that source's work (RecordSet#canonicalWork)
            if (r.record() instanceof Records.Footnote f) f.cites().stream().map(set::canonicalWork)
                    .filter(id -> set.resolve(r.unit(), id) == null).forEach(out::add);
            if (r.record() instanceof Records.Section s && s.report() != null && set.resolve(r.unit(), s.report()) == null) out.add(s.report());
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
