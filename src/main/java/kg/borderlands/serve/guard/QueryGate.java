package kg.borderlands.serve.guard;

import kg.borderlands.serve.http.HttpProblem;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

/**
 * Admission of SPARQL requests, so that cheap queries keep answering while heavy ones queue:
 * <ul>
 *   <li>at most {@code maxQueries} run at once; one more gets 503 with {@code Retry-After} at once;</li>
 *   <li>every query starts at once, but one that has used more than {@code heavyAfterMillis} of CPU must take
 *       one of {@code maxHeavy} heavy slots; if none is free it is cancelled with 503 and {@code Retry-After}.
 *       CPU time, not wall time: on a loaded machine a cheap query may wait for a core, but stays cheap.</li>
 * </ul>
 * A query text that needed a heavy slot in the last minute is refused at once while all heavy slots are taken
 * (a client repeating a heavy query does not burn the grace CPU each time). A quick ASK never waits behind a heavy query, and the CPU spent on heavy queries is bounded by the number
 * of heavy slots (plus a short grace each). Requests are checked every 25 ms by one daemon thread.
 */
public final class QueryGate implements AutoCloseable {
    private final Semaphore running;
    private final Semaphore heavySlots;
    private final long heavyAfterMillis;
    private final int retryAfterSeconds;
    private final Set<QueryTicket> active = ConcurrentHashMap.newKeySet();
    private static final long REMEMBER_HEAVY_MILLIS = 60_000;
    /** Hashes of query texts that needed a heavy slot in the last minute (at most 1,024, oldest dropped). */
    private final Map<Integer, Long> recentHeavy = new LinkedHashMap<>(64, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<Integer, Long> eldest) {
            return size() > 1024;
        }
    };
    private final ScheduledExecutorService monitor = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "query-gate");
        t.setDaemon(true);
        return t;
    });

    public QueryGate(int maxQueries, int maxHeavy, long heavyAfterMillis, int retryAfterSeconds) {
        this.running = new Semaphore(maxQueries);
        this.heavySlots = new Semaphore(maxHeavy);
        this.heavyAfterMillis = heavyAfterMillis;
        this.retryAfterSeconds = retryAfterSeconds;
        monitor.scheduleWithFixedDelay(this::check, 25, 25, TimeUnit.MILLISECONDS);
    }

    public int retryAfterSeconds() {
        return retryAfterSeconds;
    }

    /** A ticket bound to this thread, or null when the server is saturated (answer 503). */
    public QueryTicket enter() {
        return enter(null);
    }

    /**
     * As {@link #enter()}, for a request whose text is known: a text that recently turned out heavy is refused at
     * once while no heavy slot is free, instead of burning its grace CPU again (clients often repeat a query).
     */
    public QueryTicket enter(String text) {
        Integer key = text == null ? null : text.hashCode();
        if (key != null && heavySlots.availablePermits() == 0 && knownHeavy(key)) return null;
        if (!running.tryAcquire()) return null;
        QueryTicket t = new QueryTicket(key);
        active.add(t);
        QueryTicket.bind(t);
        return t;
    }

    /** Releases the ticket's slots and unbinds it from this thread. */
    public void exit(QueryTicket t) {
        QueryTicket.bind(null);
        synchronized (t) {
            active.remove(t);
            if (t.heavy()) heavySlots.release();
        }
        running.release();
    }

    private boolean knownHeavy(Integer key) {
        synchronized (recentHeavy) {
            Long seen = recentHeavy.get(key);
            return seen != null && System.currentTimeMillis() - seen < REMEMBER_HEAVY_MILLIS;
        }
    }

    private void rememberHeavy(Integer key) {
        synchronized (recentHeavy) {
            recentHeavy.put(key, System.currentTimeMillis());
        }
    }

    /** Queries running now. */
    public int active() {
        return active.size();
    }

    private void check() {
        for (QueryTicket t : active) {
            synchronized (t) {
                if (!active.contains(t) || t.heavy() || t.problem() != null || t.cpuMillis() < heavyAfterMillis) continue;
                if (t.key() != null) rememberHeavy(t.key());
                if (heavySlots.tryAcquire()) t.markHeavy();
                else t.refuse(new HttpProblem(503, HttpProblem.BUSY, "the server is busy with long queries: retry in "
                        + retryAfterSeconds + " s"));
            }
        }
    }

    @Override
    public void close() {
        monitor.shutdownNow();
    }
}
