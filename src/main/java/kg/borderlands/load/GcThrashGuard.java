package kg.borderlands.load;

import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;

/**
 * Ends a build that can no longer make progress because its heap is full: the collector spends nearly all the time
 * collecting while the heap stays full. The throughput collector ({@code -XX:+UseParallelGC}, which
 * {@code java -jar … load} uses: cli/LoadLauncher) does not throw an {@link OutOfMemoryError} there: each full
 * collection frees a few megabytes, so allocations go on succeeding and the build crawls (measured: the project's
 * data in {@code -Xmx32m}, 2,533 full collections and 414 s of collection in 448 s, no error) where G1 fails within
 * seconds. When, over the last {@link #WINDOW_MS} ms, collections took at least {@link #GC_SHARE} of the time and
 * {@link HeapExhaustion} finds the heap full, the guard calls its action (load: BKG-E208 and exit code 3; the
 * unfinished build is left to the next load, which removes it, as after a {@code kill -9}).
 *
 * <p>Only in {@code load}'s own process ({@link #enableInThisProcess}, from {@code main}): never in a process that
 * runs other work too, such as the tests; and not under G1, which throws {@link OutOfMemoryError} itself.
 */
public final class GcThrashGuard implements AutoCloseable {
    /** Share of the wall time spent collecting, over the window, that counts as thrashing. */
    static final double GC_SHARE = 0.9;
    /** The window over which the share is measured. */
    static final long WINDOW_MS = 10_000;
    private static final long SAMPLE_MS = 500;
    private static volatile boolean enabled;

    private final Thread thread;
    private volatile boolean closed;

    private GcThrashGuard(Runnable onThrash) {
        thread = new Thread(() -> watch(onThrash), "gc-thrash-guard");
        thread.setDaemon(true);
    }

    /** Lets {@link #start} watch in this process (load's {@code main}). */
    public static void enableInThisProcess() {
        enabled = true;
    }

    /**
     * Starts watching until {@link #close}; does nothing unless {@link #enableInThisProcess} was called, nor under G1,
     * which throws the error itself (LoadOutOfMemoryTest).
     */
    static GcThrashGuard start(Runnable onThrash) {
        GcThrashGuard g = new GcThrashGuard(onThrash);
        if (enabled && !g1()) g.thread.start();
        return g;
    }

    /** True if this JVM collects with G1. */
    private static boolean g1() {
        return ManagementFactory.getGarbageCollectorMXBeans().stream().anyMatch(b -> b.getName().startsWith("G1 "));
    }

    private void watch(Runnable onThrash) {
        int slots = (int) (WINDOW_MS / SAMPLE_MS) + 1;
        long[] wall = new long[slots];
        long[] gc = new long[slots];
        int n = 0;
        try {
            while (!closed) {
                wall[n % slots] = System.nanoTime() / 1_000_000;
                gc[n % slots] = collectionMillis();
                if (n >= slots - 1) {
                    int oldest = (n + 1) % slots;
                    if (thrashing(wall[n % slots] - wall[oldest], gc[n % slots] - gc[oldest])
                            && HeapExhaustion.heapFullAfterCollection() && !closed) {
                        onThrash.run();
                        return;
                    }
                }
                n++;
                Thread.sleep(SAMPLE_MS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** True if {@code gcMillis} of collection in {@code wallMillis} (at least the window) is thrashing. */
    static boolean thrashing(long wallMillis, long gcMillis) {
        return wallMillis >= WINDOW_MS && gcMillis >= GC_SHARE * wallMillis;
    }

    /** The time all collectors have spent collecting since the JVM started (ms). */
    private static long collectionMillis() {
        long t = 0;
        for (GarbageCollectorMXBean b : ManagementFactory.getGarbageCollectorMXBeans()) {
            long c = b.getCollectionTime();
            if (c > 0) t += c;
        }
        return t;
    }

    @Override
    public void close() {
        closed = true;
        thread.interrupt();
    }
}
