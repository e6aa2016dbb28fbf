package kg.borderlands.load;

import kg.borderlands.Vocab;
import kg.borderlands.curate.CurationException;
import kg.borderlands.curate.LocatedRecord;
import kg.borderlands.curate.OntologyIndex;
import kg.borderlands.curate.Problem;
import kg.borderlands.link.VoidDescription;
import kg.borderlands.validate.Finding;
import kg.borderlands.validate.QualityChecks;
import kg.borderlands.validate.ShaclValidation;
import kg.borderlands.validate.ValidationReport;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.query.DatasetFactory;
import org.apache.jena.rdf.model.Model;
import org.apache.jena.rdf.model.ModelFactory;
import org.apache.jena.riot.RDFFormat;
import org.apache.jena.riot.system.StreamRDF;
import org.apache.jena.riot.system.StreamRDFLib;
import org.apache.jena.riot.system.StreamRDFWriter;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.DatasetGraphFactory;
import org.apache.jena.sparql.core.Quad;
import org.apache.jena.sparql.graph.GraphUnionRead;
import org.apache.jena.system.Txn;
import org.apache.jena.tdb2.DatabaseMgr;
import org.apache.jena.tdb2.loader.DataLoader;
import org.apache.jena.tdb2.loader.LoaderFactory;
import org.apache.jena.tdb2.sys.TDBInternal;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Consumer;
import java.util.zip.GZIPOutputStream;

/**
 * The build, source unit by source unit, in bounded memory (issue #11; docs/store.md "How a build is made").
 * Each unit — the shared one first, then every {@code sources/<id>/} — is read, checked, mapped, inferred and
 * validated with SHACL on its own (against the ontology and the shared unit), its quads streamed into the
 * new build's TDB2 database through Jena's bulk loader and kept in the {@link UnitCache}; then the quality
 * checks run on the database, the VoID description is computed from it, and the dump is the concatenation of
 * the units' gzipped N-Quads. A unit whose inputs did not change is not rebuilt: its cached quads are loaded.
 */
public final class UnitPipeline {
    private static final Node ONTOLOGY = NodeFactory.createURI(Vocab.GRAPH_ONTOLOGY);
    private static final Node VOID = NodeFactory.createURI(VoidDescription.GRAPH);
    /** Units built at once (each on its own thread; the database is written by the calling thread). */
    private static final int THREADS = Math.max(1, Math.min(2, Runtime.getRuntime().availableProcessors()));

    private final ProjectInputs inputs;
    private final UnitCache cache;
    private final Consumer<String> notice;

    /** What a build holds and what validation said of it. {@code units}: unit id → unit key. */
    public record Outcome(ValidationReport report, long ontologyTriples, long dataTriples, long inferredTriples,
                          Map<String, String> units, int rebuiltUnits) {}

    public UnitPipeline(ProjectInputs inputs, Path storeRoot, Consumer<String> notice) {
        this.inputs = Objects.requireNonNull(inputs, "inputs");
        this.cache = new UnitCache(storeRoot);
        this.notice = Objects.requireNonNull(notice, "notice");
    }

    /** The cache of the units' validated output. */
    UnitCache cache() {
        return cache;
    }

    /** The units of the inputs with their keys, the shared unit first. */
    private Map<SourceUnits.Unit, String> keys(SourceUnits units) throws IOException {
        String base = Fingerprint.base(inputs);
        String sharedKey = Fingerprint.of(inputs.dataDir(), units.shared().files(), "shared", base);
        Map<SourceUnits.Unit, String> keys = new LinkedHashMap<>();
        keys.put(units.shared(), sharedKey);
        for (SourceUnits.Unit u : units.sources()) {
            keys.put(u, Fingerprint.of(inputs.dataDir(), u.files(), "unit", u.id(), sharedKey));
        }
        return keys;
    }

    /**
     * Builds into {@code build} (a fresh directory): {@code tdb/} and {@code dump.nq.gz}.
     *
     * @throws CurationException                      bad records (every problem of every unit, located)
     * @throws LoadOperation.ValidationFailedException SHACL or quality-check violations
     */
    public Outcome writeInto(Path build) throws IOException, CurationException, LoadOperation.ValidationFailedException {
        inputs.requireUsable();
        SourceUnits units = SourceUnits.of(inputs.dataDir());
        Map<SourceUnits.Unit, String> keys = keys(units);
        Model ontology = OntologyReader.read(inputs.ontologyFiles());
        OntologyIndex index = new OntologyIndex(ontology);

        // 1. ids across units (from the cache for unchanged units)
        IdIndex ids = new IdIndex();
        Map<SourceUnits.Unit, UnitCache.Meta> cached = new LinkedHashMap<>();
        Map<SourceUnits.Unit, IdIndex.UnitIds> scanned = new LinkedHashMap<>();
        for (Map.Entry<SourceUnits.Unit, String> e : keys.entrySet()) {
            Optional<UnitCache.Meta> meta = cache.get(e.getValue());
            if (meta.isPresent()) {
                cached.put(e.getKey(), meta.get());
                ids.add(e.getKey().id(), new IdIndex.UnitIds(meta.get().ids(), meta.get().works()), null);
            } else {
                Map<String, Problem> where = IdIndex.locations();
                IdIndex.UnitIds u = IdIndex.scan(e.getKey().files(), where);
                scanned.put(e.getKey(), u);
                ids.add(e.getKey().id(), u, where);
            }
        }
        ids.requireUnique();
        // a cached unit is reused only if the works of other units it cites still exist
        cached.entrySet().removeIf(e -> {
            if (ids.works().containsAll(e.getValue().cites())) return false;
            scanned.put(e.getKey(), new IdIndex.UnitIds(e.getValue().ids(), e.getValue().works()));
            return true;
        });

        ShaclValidation shacl = Files.exists(inputs.shapesFile()) ? ShaclValidation.fromFile(inputs.shapesFile()) : null;
        Findings findings = new Findings();
        List<Problem> problems = new ArrayList<>();
        Path tdb = build.resolve("tdb");
        DatasetGraph dsg = DatabaseMgr.connectDatasetGraph(tdb.toString());
        Path ontologyPart = build.resolve("ontology.nq.gz.part");
        Path voidPart = build.resolve("void.nq.gz.part");
        ExecutorService pool = Executors.newFixedThreadPool(THREADS, r -> {
            Thread t = new Thread(r, "unit-builder");
            t.setDaemon(true);
            return t;
        });
        try {
            DataLoader loader = LoaderFactory.createLoader(dsg, (fmt, args) -> {});
            loader.startBulk();
            boolean loaded = false;
            try {
                StreamRDF into = loader.stream();
                writeMember(ontologyPart, out -> {
                    StreamRDF both = tee(into, out);
                    ontology.getGraph().find().forEachRemaining(t -> {
                        both.quad(Quad.create(ONTOLOGY, t));
                        both.quad(Quad.create(Quad.defaultGraphIRI, t));
                    });
                });
                // 2. the shared unit (needed as context when any source unit is rebuilt)
                SourceUnits.Unit sharedUnit = units.shared();
                boolean anyRebuilt = !scanned.isEmpty();
                UnitBuilder.Shared shared = UnitBuilder.Shared.none();
                if (anyRebuilt) {
                    List<LocatedRecord> sharedRecords = UnitBuilder.readShared(sharedUnit, index, ids.works());
                    if (cached.containsKey(sharedUnit)) {
                        shared = fromCache(sharedRecords, keys.get(sharedUnit));
                    } else {
                        UnitOutput out = new UnitBuilder(ontology, index, shacl, ids.works(), shared).build(sharedUnit, sharedRecords);
                        if (accept(out, findings, true)) {
                            cache.put(keys.get(sharedUnit), out, scanned.get(sharedUnit).ids(), scanned.get(sharedUnit).works(), out.cites());
                        }
                        shared = new UnitBuilder.Shared(sharedRecords, ModelFactory.createModelForGraph(out.data()),
                                ModelFactory.createModelForGraph(out.inferred()), ModelFactory.createModelForGraph(out.claimed()));
                        out.emit(into);
                    }
                }
                if (cached.containsKey(sharedUnit)) {
                    findings.add(cached.get(sharedUnit).findings(), true);
                    cache.replay(keys.get(sharedUnit), into);
                }
                // 3. the source units, built in parallel, written in order
                UnitBuilder builder = new UnitBuilder(ontology, index, shacl, ids.works(), shared);
                Deque<Map.Entry<SourceUnits.Unit, Future<UnitOutput>>> pending = new ArrayDeque<>();
                for (SourceUnits.Unit u : units.sources()) {
                    Future<UnitOutput> f = cached.containsKey(u) ? CompletableFuture.completedFuture(null)
                            : pool.submit(() -> builder.build(u, null));
                    pending.add(Map.entry(u, f));
                    while (pending.size() > THREADS) write(pending.poll(), keys, cached, scanned, findings, problems, into);
                }
                while (!pending.isEmpty()) write(pending.poll(), keys, cached, scanned, findings, problems, into);
                loader.finishBulk();
                loaded = true;
            } finally {
                if (!loaded) loader.finishException(new IOException("build stopped"));
            }
            if (!problems.isEmpty()) throw new CurationException(problems);
            ValidationReport unitsReport = new ValidationReport(findings.all);
            if (!unitsReport.conforms()) throw new LoadOperation.ValidationFailedException(unitsReport);

            // 4. cross-source checks on the database, VoID from it
            findings.add(qualityChecks(dsg), false);
            ValidationReport report = new ValidationReport(findings.all);
            if (!report.conforms()) throw new LoadOperation.ValidationFailedException(report);
            Model voidDescription = VoidDescription.forServer(VoidDescription.stats(dsg),
                    Vocab.BASE.substring(0, Vocab.BASE.length() - 1));
            Txn.executeWrite(dsg, () -> {
                Graph g = voidDescription.getGraph();
                g.find().forEachRemaining(t -> {
                    dsg.add(Quad.create(VOID, t));
                    dsg.add(Quad.create(Quad.defaultGraphIRI, t));
                });
                DatasetFactory.wrap(dsg).getDefaultModel().setNsPrefixes(Vocab.prefixes());
            });
            writeMember(voidPart, out -> voidDescription.getGraph().find().forEachRemaining(t -> {
                out.quad(Quad.create(VOID, t));
                out.quad(Quad.create(Quad.defaultGraphIRI, t));
            }));
            long[] counts = Txn.calculateRead(dsg, () -> new long[] {
                    dsg.getGraph(UnitOutput.DATA).size(), dsg.getGraph(UnitOutput.INFERRED).size()});
            // 5. the dump: gzip members concatenate
            List<Path> members = new ArrayList<>();
            members.add(ontologyPart);
            keys.values().forEach(k -> members.add(cache.quads(k)));
            members.add(voidPart);
            concatenate(members, build.resolve(BuildDump.FILE));
            Map<String, String> unitKeys = new LinkedHashMap<>();
            keys.forEach((u, k) -> unitKeys.put(u.id(), k));
            return new Outcome(report, ontology.size(), counts[0], counts[1], unitKeys, scanned.size());
        } finally {
            pool.shutdownNow();
            TDBInternal.expel(dsg);
            Files.deleteIfExists(ontologyPart);
            Files.deleteIfExists(voidPart);
        }
    }

    /** Waits for one unit, caches and loads its output, or records its problems. */
    private void write(Map.Entry<SourceUnits.Unit, Future<UnitOutput>> next, Map<SourceUnits.Unit, String> keys,
                       Map<SourceUnits.Unit, UnitCache.Meta> cached, Map<SourceUnits.Unit, IdIndex.UnitIds> scanned,
                       Findings findings, List<Problem> problems, StreamRDF into) throws IOException {
        SourceUnits.Unit u = next.getKey();
        String key = keys.get(u);
        if (cached.containsKey(u)) {
            findings.add(cached.get(u).findings(), false);
            if (problems.isEmpty()) cache.replay(key, into);
            return;
        }
        UnitOutput out;
        try {
            out = next.getValue().get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while building source unit " + u.id(), e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof CurationException ce) {
                problems.addAll(ce.problems());
                return;
            }
            if (e.getCause() instanceof IOException io) throw io;
            if (e.getCause() instanceof RuntimeException re) throw re;
            throw new IOException(e.getCause());
        }
        if (accept(out, findings, false)) {
            cache.put(key, out, scanned.get(u).ids(), scanned.get(u).works(), out.cites());
            if (problems.isEmpty()) out.emit(into);
        }
    }

    /** Records the findings of a freshly built unit; true if it has no violation (then it is cached). */
    private static boolean accept(UnitOutput out, Findings findings, boolean shared) {
        findings.add(out.findings(), shared);
        return out.findings().stream().noneMatch(f -> f.severity() == Finding.Severity.VIOLATION);
    }

    /**
     * The findings of a build, in order. A source unit's validation sees the shared unit's nodes too: what it
     * says of them that the shared unit's own validation already said is not repeated.
     */
    private static final class Findings {
        final List<Finding> all = new ArrayList<>();
        final Set<Finding> shared = new java.util.HashSet<>();

        void add(List<Finding> found, boolean ofShared) {
            if (ofShared) shared.addAll(found);
            for (Finding f : found) if (ofShared || !shared.contains(f)) all.add(f);
        }
    }

    /** The shared unit's graphs, read back from its cache entry. */
    private UnitBuilder.Shared fromCache(List<LocatedRecord> records, String key) throws IOException {
        DatasetGraph mem = DatasetGraphFactory.createGeneral();
        cache.replay(key, StreamRDFLib.dataset(mem));
        return new UnitBuilder.Shared(records, ModelFactory.createModelForGraph(mem.getGraph(UnitOutput.DATA)),
                ModelFactory.createModelForGraph(mem.getGraph(UnitOutput.INFERRED)),
                ModelFactory.createModelForGraph(mem.getGraph(UnitOutput.CLAIMED)));
    }

    /** The quality checks (queries/qc), over ontology, data, inferred and claimed graphs of the database. */
    private List<Finding> qualityChecks(DatasetGraph dsg) {
        QualityChecks qc = new QualityChecks(inputs.qcDir());
        return Txn.calculateRead(dsg, () -> {
            Graph kg = new GraphUnionRead(dsg, List.of(ONTOLOGY, UnitOutput.DATA, UnitOutput.INFERRED, UnitOutput.CLAIMED));
            try {
                return qc.run(ModelFactory.createModelForGraph(kg));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
    }

    /** Quads to both streams. */
    private static StreamRDF tee(StreamRDF a, StreamRDF b) {
        return new org.apache.jena.riot.system.StreamRDFWrapper(a) {
            @Override
            public void quad(Quad q) {
                a.quad(q);
                b.quad(q);
            }
        };
    }

    private interface Emitter {
        void emit(StreamRDF out) throws IOException;
    }

    /** Writes one gzip member of N-Quads. */
    private static void writeMember(Path file, Emitter emitter) throws IOException {
        try (OutputStream os = new GZIPOutputStream(new BufferedOutputStream(Files.newOutputStream(file), 1 << 16), 1 << 16)) {
            StreamRDF out = StreamRDFWriter.getWriterStream(os, RDFFormat.NQUADS);
            out.start();
            emitter.emit(out);
            out.finish();
        }
    }

    private static void concatenate(List<Path> members, Path target) throws IOException {
        try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(target), 1 << 16)) {
            for (Path m : members) Files.copy(m, out);
        }
    }
}
