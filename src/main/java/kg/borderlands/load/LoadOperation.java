package kg.borderlands.load;

import kg.borderlands.curate.CurationException;
import kg.borderlands.validate.ValidationReport;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * Builds the store from the inputs, or reuses the published build when it verifies and its fingerprint
 * matches. Runs under the store's {@link StoreLock}, so concurrent loads serialise; removes the leftovers of
 * killed loads. A build with SHACL or quality-check violations is never published.
 */
public final class LoadOperation {
    /** How long a load waits for another one by default. */
    public static final Duration DEFAULT_WAIT = Duration.ofMinutes(2);

    private LoadOperation() {}

    public record Result(boolean reused, Path build, ValidationReport report, long dataTriples, long inferredTriples) {}

    /** Thrown when the built graphs do not validate; nothing was published. */
    public static final class ValidationFailedException extends Exception {
        private final ValidationReport report;

        public ValidationFailedException(ValidationReport report) {
            super("validation failed: " + report.summary() + "; the store was not changed");
            this.report = report;
        }

        public ValidationReport report() {
            return report;
        }
    }

    /** {@link #ensure(ProjectInputs, StoreManager, boolean, Duration, Consumer)} with the default wait, notes on stderr. */
    public static Result ensure(ProjectInputs inputs, StoreManager store, boolean force)
            throws IOException, CurationException, ValidationFailedException {
        return ensure(inputs, store, force, DEFAULT_WAIT, System.err::println);
    }

    /**
     * {@link #ensure(ProjectInputs, StoreManager, boolean, Duration, Consumer)} with the default wait, notes on
     * stderr, and {@code beforeBuilding} run first if a build has to be made ({@code serve} waits there for its
     * background initialisation of Jena, {@link kg.borderlands.serve.StartupWarmup}); the check whether the
     * published build can be reused touches no Jena class.
     */
    public static Result ensure(ProjectInputs inputs, StoreManager store, boolean force, Runnable beforeBuilding)
            throws IOException, CurationException, ValidationFailedException {
        return ensure(inputs, store, force, DEFAULT_WAIT, System.err::println, beforeBuilding);
    }

    /**
     * @param wait   how long to wait for another load holding the lock
     * @param notice receives one-line notes (waiting, leftovers removed, damaged build rebuilt)
     */
    public static Result ensure(ProjectInputs inputs, StoreManager store, boolean force, Duration wait,
                                Consumer<String> notice)
            throws IOException, CurationException, ValidationFailedException {
        return ensure(inputs, store, force, wait, notice, () -> {});
    }

    private static Result ensure(ProjectInputs inputs, StoreManager store, boolean force, Duration wait,
                                 Consumer<String> notice, Runnable beforeBuilding)
            throws IOException, CurationException, ValidationFailedException {
        Objects.requireNonNull(inputs, "inputs");
        Objects.requireNonNull(store, "store");
        inputs.requireUsable();
        // from store/inputs.stamp when no input file's stat line changed; else from the files' bytes (InputStamp)
        InputStamp inputStamp = new InputStamp();
        InputStamp.Result stamp = inputStamp.fingerprint(inputs, store.root());
        String fingerprint = stamp.fingerprint();
        Profile.lap("inputs fingerprint (" + (stamp.fromStamp() ? "from the stamp" : "computed") + ")");
        // a few records of a few sources edited: most likely an incremental build of seconds (LoadWarmup#shortRun;
        // UnitPipeline says so for sure once it knows the units' keys)
        if (!force && LoadWarmup.likelyShort(inputs, inputStamp.changes())) LoadWarmup.shortRun();
        StoreLock lock;
        try {
            lock = StoreLock.acquire(store.root(), wait, notice);
        } catch (StoreException e) {
            // A read-only store can still be used as it is, if it is up to date.
            if (e.kind() == StoreException.Kind.READ_ONLY && !force && upToDate(store, fingerprint, s -> {})) {
                return new Result(true, store.published(), null, -1, -1);
            }
            throw e;
        }
        try (lock) {
            store.prune(notice);
            Profile.lap("lock, prune");
            if (!force && upToDate(store, fingerprint, notice)) {
                return new Result(true, store.published(), null, -1, -1);
            }
            Profile.lap("published build checked");
            LoadWarmup.await();   // Jena, initialised beside the checks (when main started it)
            Profile.lap("waiting for Jena's initialisation");
            beforeBuilding.run();
            HeapExhaustion.watch();
            UnitPipeline pipeline = new UnitPipeline(inputs, store.root(), notice);
            pipeline.useDigests(inputStamp.digests());   // the files read for the fingerprint are not read again
            Path previous = force ? null : previousBuild(store);
            BuildManifest previousManifest = previous == null ? null : store.publishedManifest();
            UnitPipeline.Outcome[] made = new UnitPipeline.Outcome[1];
            Path build;
            // a heap too small for the throughput collector to fail: BKG-E208 all the same (GcThrashGuard)
            try (GcThrashGuard guard = GcThrashGuard.start(LoadOperation::heapThrashed)) {
                build = publish(store, fingerprint, dir -> {
                    UnitPipeline.Outcome o;
                    try {
                        o = pipeline.writeInto(dir, previousManifest, previous);
                    } catch (OutOfMemoryError e) {
                        throw outOfMemory(e);   // an IOException: publish deletes the unfinished build
                    } catch (RuntimeException e) {
                        // wrapped, or hidden by a library's clean-up failing after it (HeapExhaustion)
                        if (HeapExhaustion.explains(e)) throw outOfMemory(e);
                        throw e;
                    }
                    made[0] = o;
                    return new StoreManager.Written(o.ontologyTriples(), o.dataTriples(), o.inferredTriples(),
                            o.report().warnings(), o.units(), o.change(), o.copied());
                });
            }
            store.prune(notice);
            pipeline.cache().retain(store.unitKeysInUse());
            Profile.lap("prune, unit cache");
            return new Result(false, build, made[0].report(), made[0].dataTriples(), made[0].inferredTriples());
        } catch (OutOfMemoryError e) {
            throw outOfMemory(e);
        } catch (AccessDeniedException e) {
            throw StoreLock.readOnly(store.root(), "permission denied: " + e.getFile(), e);
        } catch (FileSystemException e) {
            String reason = String.valueOf(e.getReason());
            if (reason.contains("Read-only") || reason.contains("not permitted")) {
                throw StoreLock.readOnly(store.root(), reason + ": " + e.getFile(), e);
            }
            throw e;
        }
    }


    /**
     * The build's heap is full and the collector spends nearly all the time collecting ({@link GcThrashGuard}): BKG-E208
     * on standard error and exit code 3, now (the unfinished build is removed by the next load).
     */
    private static void heapThrashed() {
        System.err.println("error: " + outOfMemory(null).getMessage());
        System.err.flush();
        Runtime.getRuntime().halt(3);
    }

    /**
     * BKG-E208: the heap was too small for the build. The unfinished build is not published (the store keeps
     * its published build); the message says the heap it had and how to give more.
     */
    static StoreException outOfMemory(Throwable e) {
        long mb = Runtime.getRuntime().maxMemory() / (1024 * 1024);
        return new StoreException(StoreException.Kind.OUT_OF_MEMORY, "load ran out of memory (Java heap of " + mb
                + " MB); nothing was published and the store is unchanged; give Java a larger heap, e.g. java -Xmx"
                + Math.max(1024, ((mb * 2 + 255) / 256) * 256) + "m -jar borderlands-kg.jar load", e);
    }

    /**
     * The published build (the base of an incremental build) if its manifest and the sizes of its files check,
     * else null. Its digests are verified only if it is used, while its database is copied ({@link DatabaseCopy}).
     */
    private static Path previousBuild(StoreManager store) throws IOException {
        try {
            store.publishedManifest();
            return store.current().orElse(null);
        } catch (StoreException e) {
            return null;
        }
    }

    private static Path publish(StoreManager store, String fingerprint, StoreManager.BuildWriter writer)
            throws IOException, CurationException, ValidationFailedException {
        try {
            return store.publish(fingerprint, writer);
        } catch (IOException | CurationException | ValidationFailedException | RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static boolean upToDate(StoreManager store, String fingerprint, Consumer<String> notice) throws IOException {
        try {
            return store.isCurrent(fingerprint);
        } catch (StoreException e) {
            if (e.kind() == StoreException.Kind.DAMAGED) notice.accept("warning: " + e.getMessage().replace(
                    "run 'load' to rebuild it", "rebuilding it"));
            return false;
        }
    }
}
