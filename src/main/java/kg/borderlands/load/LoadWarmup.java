package kg.borderlands.load;

import kg.borderlands.Tasks;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;

/**
 * Initialises, on a background thread, what {@code load} needs once it builds — Jena ({@code JenaSystem.init}:
 * ARQ, RIOT, TDB2, SHACL, GeoSPARQL…) and the classes of the build — while the main thread parses the command line,
 * computes the inputs' fingerprint, takes the store's lock and checks the published build, which need none of
 * them (as {@code serve}'s {@link kg.borderlands.serve.StartupWarmup} does for the server). On two cores the two
 * overlap; when the store is up to date nothing waits for it.
 *
 * <p>The main thread must call {@link #await()} before it touches any Jena class ({@link LoadOperation} does, before
 * building): {@code JenaSystem.init} marks itself done as soon as it starts, so a second thread using Jena meanwhile
 * could see it half initialised.
 */
public final class LoadWarmup {
    /** Classes whose static initialisation the build needs, beyond what {@code JenaSystem.init} does. */
    private static final List<String> CLASSES = List.of(
            "kg.borderlands.load.UnitPipeline",
            "kg.borderlands.load.UnitCache",
            "kg.borderlands.load.UnitOutput",
            "org.apache.jena.tdb2.DatabaseMgr",
            "org.apache.jena.tdb2.sys.TDBInternal",
            "org.apache.jena.riot.RDFParser",
            "org.apache.jena.riot.lang.LabelToNode",
            "org.apache.jena.riot.system.StreamRDFWriter",
            "org.apache.jena.shacl.Shapes",
            "org.apache.jena.shacl.ShaclValidator",
            "kg.borderlands.validate.ShaclValidation",
            "kg.borderlands.curate.OntologyIndex",
            "kg.borderlands.curate.RecordReader",
            "kg.borderlands.curate.RecordChecker",
            "kg.borderlands.curate.RdfMapper",
            "kg.borderlands.load.Inference",
            "com.fasterxml.jackson.dataformat.yaml.YAMLFactory");

    private static FutureTask<Void> started;
    /** The JVM's diagnostic commands (to add a compiler directive), looked up beside the build; null if none. */
    private static FutureTask<CompilerControl> compilerControl;

    private LoadWarmup() {}

    /**
     * Starts the warm-up on a daemon thread, once per process ({@code main}, for {@code load}; never in a process
     * that runs other work too, such as the tests: {@link #shortRun()} changes how the JVM compiles).
     */
    public static synchronized void start() {
        start(true);
    }

    /**
     * {@link #start()}; {@code mayBeShort}: whether this load may be an incremental build (its store has a published
     * build), else the compiler control is not prepared (a build from scratch never asks for it).
     */
    public static synchronized void start(boolean mayBeShort) {
        if (started != null) return;
        started = new FutureTask<>(LoadWarmup::run, null);
        compilerControl = new FutureTask<>(mayBeShort ? LoadWarmup::compilerControl : () -> null);
        FutureTask<CompilerControl> control = compilerControl;
        FutureTask<Void> jena = started;
        Thread t = new Thread(() -> {
            control.run();   // first: a short build wants its compiler directive early
            applyShortRun();
            jena.run();
            Profile.event("Jena initialised (warm-up thread)");
        }, "load-warmup");
        t.setDaemon(true);
        t.start();
    }

    private static void run() {
        org.apache.jena.sys.JenaSystem.init();
        ClassLoader loader = LoadWarmup.class.getClassLoader();
        for (String name : CLASSES) {
            try {
                Class.forName(name, true, loader);
            } catch (ClassNotFoundException | LinkageError e) {
                // only a head start: the main thread loads what it needs and reports what is wrong
            }
        }
    }

    /** Adds and removes the compiler directive ({@link #DIRECTIVES}). */
    private interface CompilerControl {
        void add();

        void remove();
    }

    /**
     * What {@link #shortRun()} does, prepared: HotSpot's diagnostic commands {@code Compiler.directives_add} and
     * {@code Compiler.directives_remove} (JEP 165, "Compiler Control"), reached through the platform MBean server,
     * whose start costs a fifth of a second of CPU — here, beside the main thread. Null on a JVM without them.
     */
    private static CompilerControl compilerControl() {
        try {
            javax.management.MBeanServer server = java.lang.management.ManagementFactory.getPlatformMBeanServer();
            javax.management.ObjectName dcmd = new javax.management.ObjectName("com.sun.management:type=DiagnosticCommand");
            if (!server.isRegistered(dcmd)) return null;
            return new CompilerControl() {
                @Override
                public void add() {
                    Path file = null;
                    try {
                        file = Files.createTempFile("borderlands-kg-jit", ".json");
                        Files.writeString(file, DIRECTIVES);
                        server.invoke(dcmd, "compilerDirectivesAdd", new Object[] {new String[] {file.toString()}},
                                new String[] {String[].class.getName()});
                    } catch (Exception | LinkageError e) {
                        // the JVM compiles as it would have: slower, not wrong
                    } finally {
                        try {
                            if (file != null) Files.deleteIfExists(file);
                        } catch (java.io.IOException e) {
                            // a temporary file of a few bytes left behind
                        }
                    }
                }

                @Override
                public void remove() {
                    try {
                        // each removes the latest directive added: as many as DIRECTIVES holds
                        for (int i = 0; i < DIRECTIVE_COUNT; i++) {
                            server.invoke(dcmd, "compilerDirectivesRemove", new Object[] {null},
                                    new String[] {String[].class.getName()});
                        }
                    } catch (Exception | LinkageError e) {
                        // the directive stays: a full build compiled by C1 alone, slower, not wrong
                    }
                }
            };
        } catch (Exception | LinkageError e) {
            return null;
        }
    }

    /**
     * No optimising (C2) compilation of anything but the SHA-256 code (whose C2 intrinsic hashes the database's
     * files some twenty times faster than C1 code): the methods that get hot are compiled by C1 alone.
     */
    private static final String DIRECTIVES = """
            [
              { match: ["sun/security/provider/*.*"], c2: { Exclude: false } },
              { match: ["*.*"], c2: { Exclude: true } }
            ]
            """;
    private static final int DIRECTIVE_COUNT = 2;

    /**
     * A guess, from what changed since the inputs' stamp, that the build will be an incremental one: only record
     * files of at most a quarter of the source units changed — none of the shared unit, of a source's apparatus
     * ({@code report/}) or descriptor, of the ontology, checks or code, and no file came or went (any of which
     * changes the shared unit's key or the set of units, and makes a full build). A wrong guess only costs time.
     */
    static boolean likelyShort(ProjectInputs in, InputStamp.Changes changes) {
        if (changes.other() || changes.changed().isEmpty()) return false;
        Path sources = in.dataDir().toAbsolutePath().normalize().resolve(kg.borderlands.curate.SourceUnits.SOURCES);
        java.util.Set<String> units = new java.util.HashSet<>();
        for (Path f : changes.changed()) {
            Path p = f.toAbsolutePath().normalize();
            if (!p.startsWith(sources)) return false;
            Path rel = sources.relativize(p);
            if (rel.getNameCount() < 2 || rel.getName(1).toString().equals(BuildUnits.APPARATUS)
                    || rel.getName(1).toString().equals(kg.borderlands.curate.SourceUnits.DESCRIPTOR)) return false;
            units.add(rel.getName(0).toString());
        }
        long all;
        try (var s = Files.list(sources)) {
            all = s.filter(Files::isDirectory).count();
        } catch (java.io.IOException e) {
            return false;
        }
        return units.size() <= Math.max(1, (all + 1) / 4);
    }

    /**
     * Called once the build is known to be a short one (an incremental build: a few units, a delta): the JVM stops
     * compiling with C2 (but for SHA-256), in a process that started the warm-up. A build of a few seconds spent
     * about a third of its CPU in C2 compiling methods whose faster code then ran for too short a time to repay it
     * (docs/benchmarks.md). A full build, whose hot loops run for minutes, keeps C2. Nothing happens in a process
     * that did not start the warm-up (the tests: the directive would outlive the build).
     */
    public static void shortRun() {
        synchronized (LoadWarmup.class) {
            if (compilerControl == null || Boolean.getBoolean("bkg.keepC2")) return;
            shortRun = true;
            if (!compilerControl.isDone()) return;   // the warm-up thread adds the directive once it can
        }
        applyShortRun();
    }

    /** Whether {@link #shortRun()} was asked for, and whether the directive was added. */
    private static boolean shortRun;
    private static boolean applied;

    /** Adds the directive, once, if asked for and possible (on whichever thread gets here first). */
    private static synchronized void applyShortRun() {
        if (!shortRun || applied || compilerControl == null || !compilerControl.isDone()) return;
        try {
            CompilerControl c = compilerControl.get();
            if (c != null) c.add();
            applied = true;
            Profile.event("compiler directive added (no C2 but for SHA-256)");
        } catch (InterruptedException | ExecutionException e) {
            // no compiler control: nothing changes
        }
    }

    /**
     * Called once the build is known to be a full one: a directive added on a wrong guess ({@link #likelyShort}) is
     * removed, and the JVM compiles with C2 again (methods it declined to compile meanwhile stay with C1's code).
     */
    public static synchronized void fullRun() {
        shortRun = false;
        if (!applied) return;
        applied = false;
        try {
            CompilerControl c = compilerControl.get();
            if (c != null) c.remove();
            Profile.event("compiler directive removed (a full build)");
        } catch (InterruptedException | ExecutionException e) {
            // nothing was added
        }
    }

    /**
     * Waits for the warm-up, if one was started. A failure is not reported here: the main thread then initialises
     * the same classes itself and gets the real error.
     */
    public static void await() {
        FutureTask<Void> task;
        synchronized (LoadWarmup.class) {
            task = started;
        }
        if (task == null) return;
        Tasks.awaitQuietly(task);
    }
}
