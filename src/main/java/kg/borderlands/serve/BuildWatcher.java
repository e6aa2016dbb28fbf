package kg.borderlands.serve;

import kg.borderlands.load.StoreManager;
import org.apache.jena.sparql.core.DatasetGraph;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * Zero-downtime reload: watches {@code <store>/CURRENT} and, when {@code load} (in any process) publishes a new
 * build, opens it (verified in full), lets the caller prepare everything that depends on it (the web layer over
 * the build's serving artifacts, its spatial index), then swaps it in at once ({@link ServedDataset#swap}): queries in flight finish on the old
 * build, new ones see the new. The old build is closed once its last transaction has ended (or after the drain
 * time). A build that cannot be opened or prepared is logged and skipped; the served one stays.
 */
public final class BuildWatcher implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(BuildWatcher.class);

    private final StoreManager store;
    private final ServedDataset served;
    private final Function<ServedDataset.Build, Runnable> prepare;
    private final Consumer<String> swapped;
    private final long drainMillis;
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "build-watcher");
        t.setDaemon(true);
        return t;
    });
    private String skipped;

    /**
     * @param prepare     prepares what depends on a new build (opened, not yet in service) and returns the action
     *                    that installs it (run right after the swap); may throw to refuse the build
     * @param swapped     told the name of each build put in service (e.g. to rewrite the lease)
     * @param drainMillis the longest wait for queries on the old build before closing it
     */
    public BuildWatcher(StoreManager store, ServedDataset served, Function<ServedDataset.Build, Runnable> prepare,
                        Consumer<String> swapped, long drainMillis) {
        this.store = Objects.requireNonNull(store, "store");
        this.served = Objects.requireNonNull(served, "served");
        this.prepare = Objects.requireNonNull(prepare, "prepare");
        this.swapped = Objects.requireNonNull(swapped, "swapped");
        this.drainMillis = drainMillis;
    }

    /** Checks every {@code intervalMillis}. */
    public BuildWatcher start(long intervalMillis) {
        timer.scheduleWithFixedDelay(this::check, intervalMillis, intervalMillis, TimeUnit.MILLISECONDS);
        return this;
    }

    /** One check: reloads if a new build is published. Returns true if it swapped. */
    public synchronized boolean check() {
        try {
            Optional<Path> published = store.current();
            String name = published.map(Path::getFileName).map(Path::toString).orElse(null);
            if (name == null || name.equals(served.current().name()) || name.equals(skipped)) return false;
            DatasetGraph dsg;
            try {
                dsg = store.open(published.get());   // verified first: a damaged build is never served
            } catch (java.io.IOException | RuntimeException e) {
                skipped = name;
                LOG.warn("new build {} not served, keeping {}: {}", name, served.current().name(), e.getMessage());
                return false;
            }
            ServedDataset.Build next = new ServedDataset.Build(name, dsg, published.get());
            Runnable install;
            try {
                install = prepare.apply(next);
            } catch (RuntimeException e) {
                StoreManager.close(dsg);
                skipped = name;
                LOG.warn("new build {} not served, keeping {}: {}", name, served.current().name(), e.toString(), e);
                return false;
            }
            ServedDataset.Build old = served.swap(next);
            install.run();
            swapped.accept(name);
            LOG.info("now serving build {} (was {})", name, old.name());
            timer.execute(() -> retire(old));
            return true;
        } catch (Exception e) {
            LOG.warn("reload check failed: {}", e.toString());
            return false;
        }
    }

    private void retire(ServedDataset.Build old) {
        try {
            Thread.sleep(100);   // a web request that took the old web layer just before the switch holds the build by now
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        long end = System.currentTimeMillis() + drainMillis;
        while (old.users() > 0 && System.currentTimeMillis() < end) {
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        if (old.users() > 0) LOG.warn("closing build {} with {} transactions still open", old.name(), old.users());
        StoreManager.close(old.dataset());
        LOG.info("closed build {}", old.name());
    }

    @Override
    public void close() {
        timer.shutdownNow();
    }
}
