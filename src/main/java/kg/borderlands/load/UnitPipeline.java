package kg.borderlands.load;

import kg.borderlands.Tasks;
import kg.borderlands.Vocab;
import kg.borderlands.curate.CurationException;
import kg.borderlands.curate.LocatedRecord;
import kg.borderlands.curate.RecordChecker;
import kg.borderlands.curate.RecordReader;
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
import org.apache.jena.riot.system.StreamRDF;
import org.apache.jena.riot.system.StreamRDFLib;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.DatasetGraphFactory;
import org.apache.jena.sparql.core.Quad;
import org.apache.jena.sparql.graph.GraphUnionRead;
import org.apache.jena.system.Txn;
import org.apache.jena.tdb2.DatabaseMgr;
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

/**
 * The build, source unit by source unit, in bounded memory (issue #11; docs/store.md "How a build is made").
 * Each unit ({@link BuildUnits}) — the shared one first, then every {@code sources/<id>/} — is read, checked,
 * mapped and inferred on its own, a source unit also validated with SHACL on its own nodes (against the
 * ontology and the shared unit), its quads streamed into the new build's TDB2 database through Jena's bulk
 * loader and kept in the {@link UnitCache}; then the shared unit's nodes are validated with SHACL and the
 * quality checks run on the database, the VoID description is computed from it, and the dump is the concatenation of
 * the units' gzipped N-Quads. A unit whose inputs did not change is not rebuilt: its cached quads are loaded.
 * An incremental build updates a copy of the previous database, and its later stages (delta, quality checks,
 * VoID) work from what changed ({@link IncrementalStages}).
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
                          Map<String, String> units, int rebuiltUnits, kg.borderlands.serve.artifacts.ServingArtifacts.Change change,
                          Map<String, BuildChecksums.Prefix> copied) {}

    public UnitPipeline(ProjectInputs inputs, Path storeRoot, Consumer<String> notice) {
        this.inputs = Objects.requireNonNull(inputs, "inputs");
        this.cache = new UnitCache(storeRoot);
        this.notice = Objects.requireNonNull(notice, "notice");
    }

    /** The cache of the units' validated output. */
    UnitCache cache() {
        return cache;
    }

    /** The input files' digests, for the units' keys: those the fingerprint just took ({@link InputStamp#digests()}). */
    private Fingerprint.FileDigests digests = Fingerprint.FileDigests.READ;

    void useDigests(Fingerprint.FileDigests digests) {
        this.digests = Objects.requireNonNull(digests, "digests");
    }

    /** The units of the inputs with their keys, the shared unit first. */
    private Map<BuildUnits.Unit, String> keys(BuildUnits units) throws IOException {
        String base = Fingerprint.base(inputs, digests);
        List<Path> sharedFiles = new ArrayList<>(units.shared().files());
        sharedFiles.addAll(units.apparatusFiles());
        String sharedKey = Fingerprint.of(inputs.dataDir(), sharedFiles, digests, "shared", base);
        Map<BuildUnits.Unit, String> keys = new LinkedHashMap<>();
        keys.put(units.shared(), sharedKey);
        for (BuildUnits.Unit u : units.sources()) {
            keys.put(u, Fingerprint.of(inputs.dataDir(), u.files(), digests, "unit", u.id(), sharedKey));
        }
        return keys;
    }

    /** Unit id → unit key. */
    private static Map<String, String> idKeys(Map<BuildUnits.Unit, String> keys) {
        Map<String, String> out = new LinkedHashMap<>();
        keys.forEach((u, k) -> out.put(u.id(), k));
        return out;
    }

    /** What the inputs are, unit by unit, and which units the cache already holds. */
    private record Plan(BuildUnits units, Map<BuildUnits.Unit, String> keys, Model ontology, OntologyIndex index,
                        ShaclValidation shacl, IdIndex ids, Map<BuildUnits.Unit, UnitCache.Meta> cached,
                        Map<BuildUnits.Unit, IdIndex.UnitIds> rebuilt) {
        Map<String, String> unitKeys() {
            return idKeys(keys);
        }
    }

    private Plan plan() throws IOException, CurationException {
        inputs.requireUsable();
        BuildUnits units = BuildUnits.of(inputs.dataDir());
        return plan(units, keys(units));
    }

    /** {@link #plan()} of the units and keys already found. */
    private Plan plan(BuildUnits units, Map<BuildUnits.Unit, String> keys) throws IOException, CurationException {
        Model ontology = OntologyReader.read(inputs.ontologyFiles());
        OntologyIndex index = new OntologyIndex(ontology);
        // ids across units (from the cache for unchanged units)
        IdIndex ids = new IdIndex();
        Map<BuildUnits.Unit, UnitCache.Meta> cached = new LinkedHashMap<>();
        Map<BuildUnits.Unit, IdIndex.UnitIds> scanned = new LinkedHashMap<>();
        for (Map.Entry<BuildUnits.Unit, String> e : keys.entrySet()) {
            Optional<UnitCache.Meta> meta = cache.get(e.getValue());
            if (meta.isPresent()) {
                cached.put(e.getKey(), meta.get());
                ids.add(e.getKey().id(), meta.get().unitIds(), null);
            } else {
                Map<String, Problem> where = IdIndex.locations();
                IdIndex.UnitIds u = IdIndex.scan(e.getKey().records(), e.getKey().source(), where);
                scanned.put(e.getKey(), u);
                ids.add(e.getKey().id(), u, where);
            }
        }
        ids.requireUnique();
        requireAgreement(units, ids.coAsserted());
        // a cached unit is reused only if the works of other units it cites still exist
        cached.entrySet().removeIf(e -> {
            if (ids.works().containsAll(e.getValue().cites())) return false;
            scanned.put(e.getKey(), e.getValue().unitIds());
            return true;
        });
        ShaclValidation shacl = Files.exists(inputs.shapesFile()) ? ShaclValidation.fromFile(inputs.shapesFile()) : null;
        return new Plan(units, keys, ontology, index, shacl, ids, cached, scanned);
    }

    /**
     * A statement (or work) given by two sources must be the same record in both but for its {@code source}
     * (BKG-E006 otherwise, as {@link RecordChecker} says of the one-model build): the records of the units
     * that give one are read and compared.
     */
    private static void requireAgreement(BuildUnits units, Map<String, List<String>> coAsserted)
            throws IOException, CurationException {
        if (coAsserted.isEmpty()) return;
        Map<String, Map<String, LocatedRecord>> byUnit = new LinkedHashMap<>();
        RecordReader reader = new RecordReader();
        // linear in the corpus: the units involved, found once (not a scan of every list per unit), and only the
        // co-asserted records kept (not every record of every unit that shares one work)
        java.util.Set<String> involved = new java.util.HashSet<>();
        coAsserted.values().forEach(involved::addAll);
        for (BuildUnits.Unit u : units.sources()) {
            if (!involved.contains(u.id())) continue;
            Map<String, LocatedRecord> records = new LinkedHashMap<>();
            for (LocatedRecord r : reader.readFiles(u.records(), u.source())) {
                if (coAsserted.containsKey(r.key())) records.putIfAbsent(r.key(), r);
            }
            byUnit.put(u.id(), records);
        }
        List<Problem> problems = new ArrayList<>();
        coAsserted.forEach((id, in) -> {
            LocatedRecord first = byUnit.get(in.get(0)).get(id);
            for (String unit : in.subList(1, in.size())) {
                LocatedRecord r = byUnit.get(unit).get(id);
                if (first == null || r == null || RecordChecker.coAsserted(first, r)) continue;
                problems.add(r.problem(Problem.DUPLICATE_ID, "/id", "duplicate id, first defined at "
                        + first.tree().file() + ":" + first.tree().locate(first.pointer()).getLineNr()
                        + (first.kind() != r.kind() ? "" : " (the same statement in two sources must agree on everything but its source)")));
            }
        });
        if (!problems.isEmpty()) throw new CurationException(problems);
    }

    /**
     * Builds into {@code build} (a fresh directory): {@code tdb/} and {@code dump.nq.gz}. When {@code previous}
     * (the published build) was made unit by unit from the same ontology, checks, code and shared unit, and
     * few of its units changed, the new database is a copy of the previous one with the changed units' quads
     * replaced, in one write transaction; otherwise every unit is loaded, from the cache when unchanged.
     *
     * @throws CurationException                      bad records (every problem of every unit, located)
     * @throws LoadOperation.ValidationFailedException SHACL or quality-check violations
     */
    public Outcome writeInto(Path build, BuildManifest previous, Path previousBuild)
            throws IOException, CurationException, LoadOperation.ValidationFailedException {
        Timer timer = new Timer();
        inputs.requireUsable();
        BuildUnits buildUnits = BuildUnits.of(inputs.dataDir());
        Map<BuildUnits.Unit, String> unitKeys = keys(buildUnits);
        Findings findings = new Findings();
        List<Problem> problems = new ArrayList<>();
        Path tdb = build.resolve("tdb");
        // whether the build is an incremental one depends on the units' keys only: known before the rest of the plan
        Map<String, String> changed = previous == null ? null : changedSince(idKeys(unitKeys), previous);
        Map<String, BuildChecksums.Prefix> copied = Map.of();
        Plan plan;
        if (changed == null) {
            LoadWarmup.fullRun();   // minutes of hot loops: C2 (in load's own process)
            plan = plan(buildUnits, unitKeys);
            timer.lap("plan");
        } else {
            notice.accept("note: incremental build: " + changed.size() + " of " + unitKeys.size()
                    + " units changed " + changed.keySet() + "; updating a copy of the previous database");
            LoadWarmup.shortRun();   // a build of seconds: no C2 compilation (in load's own process)
            // the previous database is copied, and the previous build verified, while the rest of the plan is made
            // and the changed units are built; the shared unit's graphs are read back meanwhile too
            java.util.concurrent.FutureTask<Map<String, BuildChecksums.Prefix>> copy = new java.util.concurrent.FutureTask<>(
                    () -> DatabaseCopy.copyVerified(previousBuild, previous, tdb));
            Thread copier = new Thread(copy, "copy-database");
            copier.setDaemon(true);
            copier.start();
            try {
                sharedAhead = readSharedAhead(buildUnits, unitKeys.get(buildUnits.shared()));
                plan = plan(buildUnits, unitKeys);
                timer.lap("plan (beside the copy)");
                buildChanged(plan, findings, problems);
                timer.lap("build changed units");
            } finally {
                sharedAhead = null;
                Tasks.awaitQuietly(copy);   // also on failure: the build directory is then removed
            }
            try {
                copied = copy.get();
            } catch (java.util.concurrent.ExecutionException e) {
                if (!(e.getCause() instanceof StoreException se) || se.kind() != StoreException.Kind.DAMAGED) {
                    if (e.getCause() instanceof IOException io) throw io;
                    if (e.getCause() instanceof RuntimeException re) throw re;
                    if (e.getCause() instanceof Error err) throw err;
                    throw new IOException(e.getCause());
                }
                // the published build is damaged: not a base; every unit is loaded (the changed ones now cached)
                notice.accept("warning: " + se.getMessage().replace("run 'load' to rebuild it", "rebuilding it"));
                StoreFiles.deleteTree(tdb);
                changed = null;
                LoadWarmup.fullRun();
                plan = plan();
                findings = new Findings();
                problems.clear();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IOException("interrupted while copying the previous database", e);
            }
            timer.lap("copy database (beside the units)");
        }
        DatasetGraph dsg = DatabaseMgr.connectDatasetGraph(tdb.toString());
        Path ontologyPart = build.resolve("ontology.nq.gz.part");
        Path voidPart = build.resolve("void.nq.gz.part");
        boolean done = false;
        try {
            Model ontology = plan.ontology();
            writeMember(ontologyPart, out -> ontologyQuads(ontology, out));
            IncrementalStages incremental = null;
            if (changed != null) incremental = IncrementalStages.apply(dsg, cache, changed, plan.unitKeys(), ontologyHashes(plan));
            else loadAll(dsg, tdb, plan, findings, problems);
            timer.lap(changed != null ? "apply delta" : "build and load units");
            if (!problems.isEmpty()) throw new CurationException(problems);
            SharedShapes.Result shapes = sharedShapes(dsg, plan, previous == null ? null : previous.units(),
                    incremental == null ? null : incremental.changes());
            findings.addShared(shapes.findings());
            timer.lap("shared unit's shapes (" + shapes.describe() + ")");
            ValidationReport unitsReport = new ValidationReport(findings.all);
            if (!unitsReport.conforms()) throw new LoadOperation.ValidationFailedException(unitsReport);
            // cross-source checks on the database, VoID from it (in a full build the database holds no VoID
            // description; an incremental build removed the previous one with the delta)
            if (incremental != null) {
                var qc = incremental.qualityChecks(inputs.qcDir());
                findings.add(qc.findings(), false);
                timer.lap("quality checks (" + incremental.changes().removed().size() + " quads removed, "
                        + incremental.changes().added().size() + " added; " + qc.scoped() + " checks scoped, "
                        + qc.whole() + " whole)");
            } else {
                findings.add(qualityChecks(dsg), false);
                timer.lap("quality checks");
            }
            ValidationReport report = new ValidationReport(findings.all);
            if (!report.conforms()) throw new LoadOperation.ValidationFailedException(report);
            VoidDescription.Stats stats = incremental != null ? incremental.voidStats() : VoidDescription.statsOfDefaultGraph(dsg);
            Model voidDescription = VoidDescription.forServer(stats, VoidDescription.STORE_ROOT);
            Txn.executeWrite(dsg, () -> {
                voidDescription.getGraph().find().forEachRemaining(t -> {
                    dsg.add(Quad.create(VOID, t));
                    dsg.add(Quad.create(Quad.defaultGraphIRI, t));
                });
                DatasetFactory.wrap(dsg).getDefaultModel().setNsPrefixes(Vocab.prefixes());
            });
            timer.lap("VoID");
            writeMember(voidPart, out -> voidDescription.getGraph().find().forEachRemaining(t -> {
                out.quad(Quad.create(VOID, t));
                out.quad(Quad.create(Quad.defaultGraphIRI, t));
            }));
            long[] counts = Txn.calculateRead(dsg, () -> new long[] {
                    dsg.getGraph(UnitOutput.DATA).size(), dsg.getGraph(UnitOutput.INFERRED).size()});
            // the dump: gzip members concatenate
            List<Path> members = new ArrayList<>();
            members.add(ontologyPart);
            plan.keys().values().forEach(k -> members.add(cache.quads(k)));
            members.add(voidPart);
            concatenate(members, build.resolve(BuildDump.FILE));
            timer.lap("dump");
            var change = incremental == null ? null : new kg.borderlands.serve.artifacts.ServingArtifacts.Change(
                    previousBuild, incremental.changes().removed(), incremental.changes().added());
            Outcome outcome = new Outcome(report, plan.ontology().size(), counts[0], counts[1], plan.unitKeys(),
                    plan.rebuilt().size(), change, incremental == null ? Map.of() : copied);
            done = true;
            return outcome;
        } finally {
            try {
                TDBInternal.expel(dsg);
            } catch (RuntimeException e) {
                // a failure on its way (an OutOfMemoryError may leave a transaction open): it is the error, not this
                if (done) throw e;
            }
            Files.deleteIfExists(ontologyPart);
            Files.deleteIfExists(voidPart);
        }
    }

    /**
     * Every unit into an empty database ({@link BulkStore}: node ids while the units are built, each index
     * sorted and packed at the end; its runs in {@code store-runs/} beside {@code tdb/}, deleted when done):
     * cached units from the cache, others built.
     */
    private void loadAll(DatasetGraph dsg, Path tdb, Plan plan, Findings findings, List<Problem> problems)
            throws IOException, CurationException {
        BulkStore store = BulkStore.start(dsg, tdb.resolveSibling("store-runs"));
        try {
            StreamRDF into = store.stream();
            ontologyQuads(plan.ontology(), into);
            forEachUnit(plan, findings, problems, into);
            store.finish();
        } catch (Throwable failure) {
            store.abort();   // never throws: the failure is the error
            throw failure;
        }
    }

    /** Builds the units that changed (into the cache), loading nothing. */
    private void buildChanged(Plan plan, Findings findings, List<Problem> problems) throws IOException, CurationException {
        forEachUnit(plan, findings, problems, null);
    }

    /**
     * Builds the shared unit if needed, then the source units (in parallel), in order: each unit's output is
     * cached and, if {@code into} is given, its quads (or the cached ones) streamed into it.
     */
    private void forEachUnit(Plan plan, Findings findings, List<Problem> problems, StreamRDF into)
            throws IOException, CurationException {
        BuildUnits.Unit sharedUnit = plan.units().shared();
        Map<BuildUnits.Unit, String> keys = plan.keys();
        UnitBuilder.Shared shared = UnitBuilder.Shared.none();
        if (!plan.rebuilt().isEmpty()) {
            if (plan.cached().containsKey(sharedUnit)) {
                // cached: its records were checked (with every source's apparatus, part of its key) when it was
                // built, and the works it cites still exist (plan): they are only read, to resolve references
                shared = sharedAhead(sharedAhead);
                if (shared == null) shared = fromCache(UnitBuilder.readSharedOwn(plan.units()), keys.get(sharedUnit));
            } else {
                UnitBuilder.SharedRecords sharedRecords = UnitBuilder.readShared(plan.units(), plan.index(), plan.ids().works());
                UnitOutput out = new UnitBuilder(plan.ontology(), plan.index(), plan.shacl(), plan.units().curateUnits(), plan.ids().works(), shared)
                        .build(sharedUnit, sharedRecords);
                if (accept(out, findings, true)) {
                    IdIndex.UnitIds ids = plan.rebuilt().get(sharedUnit);
                    cache.put(keys.get(sharedUnit), out, ids, out.cites(), into);   // quads to the database as they are cached
                } else if (into != null) {
                    out.emit(into);
                }
                shared = new UnitBuilder.Shared(sharedRecords.own(), ModelFactory.createModelForGraph(out.data()),
                        ModelFactory.createModelForGraph(out.inferred()), ModelFactory.createModelForGraph(out.claimed()));
            }
        }
        if (plan.cached().containsKey(sharedUnit)) {
            findings.add(plan.cached().get(sharedUnit).findings(), true);
            if (into != null) cache.replay(keys.get(sharedUnit), into);
        }
        UnitBuilder builder = new UnitBuilder(plan.ontology(), plan.index(), plan.shacl(), plan.units().curateUnits(), plan.ids().works(), shared);
        ExecutorService pool = Executors.newFixedThreadPool(THREADS, r -> {
            Thread t = new Thread(r, "unit-builder");
            t.setDaemon(true);
            return t;
        });
        try {
            Deque<Map.Entry<BuildUnits.Unit, Future<UnitOutput>>> pending = new ArrayDeque<>();
            for (BuildUnits.Unit u : plan.units().sources()) {
                Future<UnitOutput> f = plan.cached().containsKey(u) ? CompletableFuture.completedFuture(null)
                        : pool.submit(() -> builder.build(u, null));
                pending.add(Map.entry(u, f));
                while (pending.size() > THREADS) write(pending.poll(), plan, findings, problems, into);
            }
            while (!pending.isEmpty()) write(pending.poll(), plan, findings, problems, into);
        } finally {
            pool.shutdownNow();
        }
    }

    /**
     * The units whose key changed since {@code previous} (unit id → previous key), or {@code null} when an
     * incremental build does not apply: previous build not made unit by unit, other units, another shared
     * unit (or ontology, checks, code: they are part of its key), a previous unit no longer cached, or too many
     * changes (then loading everything is cheaper).
     */
    private Map<String, String> changedSince(Map<String, String> now, BuildManifest previous) {
        Map<String, String> before = previous.units();
        if (before == null || !before.keySet().equals(now.keySet())) return null;
        if (!before.get(BuildUnits.SHARED).equals(now.get(BuildUnits.SHARED))) return null;
        Map<String, String> changed = new LinkedHashMap<>();
        for (Map.Entry<String, String> e : now.entrySet()) {
            if (!e.getValue().equals(before.get(e.getKey()))) changed.put(e.getKey(), before.get(e.getKey()));
        }
        if (changed.isEmpty() || changed.size() > Math.max(1, now.size() / 4)) return null;
        for (String key : changed.values()) if (cache.get(key).isEmpty()) return null;
        return changed;
    }

    /** The sorted hashes of the ontology's quads (an incremental build keeps a quad the ontology states). */
    private static long[] ontologyHashes(Plan plan) {
        UnitCache.HashingStream hashes = new UnitCache.HashingStream(StreamRDFLib.sinkNull());
        ontologyQuads(plan.ontology(), hashes);
        return hashes.sorted();
    }

    private static void ontologyQuads(Model ontology, StreamRDF out) {
        ontology.getGraph().find().forEachRemaining(t -> {
            out.quad(Quad.create(ONTOLOGY, t));
            out.quad(Quad.create(Quad.defaultGraphIRI, t));
        });
    }

    /** Phase timings on standard error, with {@code -Dbkg.profile=true} (benchmarks): {@link Profile}. */
    private static final class Timer {
        Timer() {
            Profile.lap("start of the build");
        }

        void lap(String what) {
            Profile.lap(what);
        }
    }

    /** Waits for one unit, caches and loads its output, or records its problems. */
    private void write(Map.Entry<BuildUnits.Unit, Future<UnitOutput>> next, Plan plan, Findings findings,
                       List<Problem> problems, StreamRDF into) throws IOException {
        BuildUnits.Unit u = next.getKey();
        String key = plan.keys().get(u);
        if (plan.cached().containsKey(u)) {
            findings.add(plan.cached().get(u).findings(), false);
            if (problems.isEmpty() && into != null) cache.replay(key, into);
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
            if (e.getCause() instanceof Error err) throw err;   // OutOfMemoryError: BKG-E208 (LoadOperation)
            throw new IOException(e.getCause());
        }
        if (accept(out, findings, false)) {
            IdIndex.UnitIds ids = plan.rebuilt().get(u);
            cache.put(key, out, ids, out.cites(), problems.isEmpty() ? into : null);   // loaded as it is cached
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

        /** The shared unit's findings, first (as the shared unit is built first). */
        void addShared(List<Finding> found) {
            shared.addAll(found);
            all.addAll(0, found);
        }

        void add(List<Finding> found, boolean ofShared) {
            if (ofShared) shared.addAll(found);
            for (Finding f : found) if (ofShared || !shared.contains(f)) all.add(f);
        }
    }

    /** The shared unit's graphs read ahead by an incremental build ({@link #readSharedAhead}), or null. */
    private java.util.concurrent.FutureTask<UnitBuilder.Shared> sharedAhead;

    /**
     * Starts reading the shared unit's records and its graphs from its cache entry ({@link #fromCache}) on a thread
     * of its own, while the main thread makes the plan: an incremental build needs them before it builds a unit.
     * What it reads is used only if the plan finds the entry valid ({@link #forEachUnit}); null if there is none.
     */
    private java.util.concurrent.FutureTask<UnitBuilder.Shared> readSharedAhead(BuildUnits units, String key) {
        if (!Files.isRegularFile(cache.quads(key))) return null;
        java.util.concurrent.FutureTask<UnitBuilder.Shared> task = new java.util.concurrent.FutureTask<>(
                () -> fromCache(UnitBuilder.readSharedOwn(units), key));
        Thread t = new Thread(task, "read-shared-unit");
        t.setDaemon(true);
        t.start();
        return task;
    }

    /** What {@link #readSharedAhead} read, or null if nothing or it failed (then the caller reads it and meets the error). */
    private static UnitBuilder.Shared sharedAhead(java.util.concurrent.FutureTask<UnitBuilder.Shared> task) throws IOException {
        if (task == null) return null;
        try {
            return task.get();
        } catch (java.util.concurrent.ExecutionException e) {
            return null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while reading the shared unit", e);
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

    /**
     * The shapes of the shared unit's nodes (actors, places), validated on the database: what makes them
     * relevant (a tie, an event) is said by the sources, so they are validated against every unit — the default
     * graph (ontology, data, inferred) with the claimed graph, what a unit's own validation sees of itself. The
     * focus nodes are the subjects of the shared unit's data and claimed graphs (read from its cache entry). An
     * incremental build validates again only the nodes the change can affect ({@link SharedShapes}).
     */
    private SharedShapes.Result sharedShapes(DatasetGraph dsg, Plan plan, Map<String, String> previousUnits,
                                             UnitDelta.Changes changes) throws IOException {
        if (plan.shacl() == null) return new SharedShapes.Result(List.of(), 0, 0, false);
        String sharedKey = plan.keys().get(plan.units().shared());
        SharedShapes.FocusNodes focus = () -> {
            Set<Node> nodes = new java.util.LinkedHashSet<>();
            cache.replay(sharedKey, new org.apache.jena.riot.system.StreamRDFBase() {
                @Override
                public void quad(Quad q) {
                    if (UnitOutput.DATA.equals(q.getGraph()) || UnitOutput.CLAIMED.equals(q.getGraph())) nodes.add(q.getSubject());
                }
            });
            return new ArrayList<>(nodes);
        };
        return Txn.calculateRead(dsg, () -> {
            try {
                return SharedShapes.run(plan.shacl(), new org.apache.jena.graph.compose.Union(dsg.getDefaultGraph(),
                        dsg.getGraph(UnitOutput.CLAIMED)), focus, cache.dir(), sharedKey, plan.unitKeys(),
                        previousUnits, changes);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
    }

    /**
     * The quality checks (queries/qc) over the union of the database's named graphs — ontology, data,
     * inferred and claimed (the VoID description is not there yet) — evaluated by TDB2 itself.
     */
    private List<Finding> qualityChecks(DatasetGraph dsg) {
        QualityChecks qc = new QualityChecks(inputs.qcDir());
        return Txn.calculateRead(dsg, () -> {
            try {
                return qc.runOnUnionGraph(DatasetFactory.wrap(dsg));
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
        try (OutputStream os = NQuadsOut.gzip(new BufferedOutputStream(Files.newOutputStream(file), 1 << 16))) {
            StreamRDF out = new NQuadsOut(os);
            out.start();
            emitter.emit(out);
            out.finish();
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
    }

    private static void concatenate(List<Path> members, Path target) throws IOException {
        try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(target), 1 << 16)) {
            for (Path m : members) Files.copy(m, out);
        }
    }
}
