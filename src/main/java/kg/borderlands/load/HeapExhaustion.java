package kg.borderlands.load;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.lang.management.MemoryUsage;

/**
 * Whether a failure was most likely the heap running out. An {@link OutOfMemoryError} does not always reach us:
 * thrown inside a library's clean-up (TDB2's commit, for one), it can be replaced by the error that clean-up
 * raises next ("Not in an active transaction", a null transaction). The heap's state still tells: after the
 * last collection, or at its peak since the work began, a heap pool was (almost) full. A failure of another kind
 * in a heap that was that full is reported as the heap running out too: with more heap, its own error shows.
 */
final class HeapExhaustion {
    /** Share of a pool's maximum still in use after a collection that counts as exhausted. */
    static final double FULL = 0.9;
    /**
     * Share of a pool's maximum that, reached at any time since {@link #watch}, counts as exhausted (G1 failed a
     * 32 MB heap's allocation with its old generation at 94 % of the maximum at its peak, 85 % after collection).
     */
    static final double PEAK = 0.9;

    private HeapExhaustion() {}

    /** True if {@code e} is, or was caused by, an {@link OutOfMemoryError}, or left the heap exhausted. */
    static boolean explains(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof OutOfMemoryError) return true;
            for (Throwable s : t.getSuppressed()) if (s instanceof OutOfMemoryError) return true;
        }
        return heapFullAfterCollection();
    }

    /**
     * Starts watching the heap: each heap pool that can count it counts the collections after which it held at
     * least {@link #FULL} of its maximum. Call before the work whose failure {@link #explains} judges.
     */
    static void watch() {
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() != MemoryType.HEAP || !pool.isCollectionUsageThresholdSupported()) continue;
            long max = pool.getUsage().getMax();
            if (max > 0) pool.setCollectionUsageThreshold((long) (FULL * max));
            pool.resetPeakUsage();
        }
    }

    /**
     * True if, since {@link #watch}, a heap pool held at least {@link #FULL} of its maximum after a collection or
     * reached {@link #PEAK} of it.
     */
    static boolean heapFullAfterCollection() {
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() != MemoryType.HEAP || !pool.isValid() || !pool.isCollectionUsageThresholdSupported())
                continue;
            if (pool.getCollectionUsageThreshold() > 0 && pool.getCollectionUsageThresholdCount() > 0) return true;
            MemoryUsage after = pool.getCollectionUsage();
            if (after != null && after.getMax() > 0 && after.getUsed() >= FULL * after.getMax()) return true;
            // an allocation larger than what is left fails before a collection leaves the pool that full
            MemoryUsage peak = pool.getPeakUsage();
            if (peak.getMax() > 0 && peak.getUsed() >= PEAK * peak.getMax()) return true;
        }
        return false;
    }
}
