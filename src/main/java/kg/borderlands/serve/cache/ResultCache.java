package kg.borderlands.serve.cache;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;

import java.util.concurrent.atomic.LongAdder;

/**
 * The server-side cache of answers: Caffeine, bounded by weight (bytes held, see {@link CachedAnswer#weight}),
 * keyed by the normalised request, which starts with the build id, so an answer of one build can never be
 * found for another. {@link #invalidateAll()} drops everything when a new build is served. Entries larger
 * than the per-entry limit are never stored (the filter streams them).
 *
 * <p>Counters: hits, misses, 304s, answers stored, answers too large to store, requests not cacheable at all
 * (a query with NOW() or SERVICE, a POSTed query body); see {@link #bindTo(MeterRegistry)} for the metrics.
 */
public final class ResultCache {
    /** Metric name prefix (Prometheus: {@code kg_cache_requests_total{result="hit"}} and so on). */
    public static final String METRIC = "kg.cache";

    /** A snapshot of the counters. */
    public record Stats(long hits, long misses, long notModified, long stored, long tooLarge, long uncacheable,
                        long evictions, long entries, long bytes, long maxBytes) {}

    private final long maxBytes;
    private final long maxEntryBytes;
    private final Cache<String, CachedAnswer> cache;
    private final LongAdder hits = new LongAdder();
    private final LongAdder misses = new LongAdder();
    private final LongAdder notModified = new LongAdder();
    private final LongAdder stored = new LongAdder();
    private final LongAdder tooLarge = new LongAdder();
    private final LongAdder uncacheable = new LongAdder();

    public ResultCache(CacheSettings settings) {
        this.maxBytes = settings.serverCache() ? settings.maxBytes() : 0;
        this.maxEntryBytes = settings.serverCache() ? settings.maxEntryBytes() : 0;
        // eviction runs on the calling thread: the bound holds as soon as put returns
        this.cache = Caffeine.newBuilder()
                .maximumWeight(Math.max(0, maxBytes))
                .weigher((String k, CachedAnswer v) -> v.weight(k))
                .executor(Runnable::run)
                .recordStats()
                .build();
    }

    /** False when the cache is off (size 0): answers are then never kept. */
    public boolean enabled() {
        return maxBytes > 0;
    }

    /** Largest body that may be kept, in bytes (0 when off). */
    public long maxEntryBytes() {
        return maxEntryBytes;
    }

    CachedAnswer get(String key) {
        if (!enabled()) return null;
        CachedAnswer a = cache.getIfPresent(key);
        (a == null ? misses : hits).increment();
        return a;
    }

    void put(String key, CachedAnswer answer) {
        if (!enabled()) return;
        if (answer.body().length > maxEntryBytes || answer.weight(key) > maxBytes) {
            tooLarge.increment();
            return;
        }
        cache.put(key, answer);
        stored.increment();
    }

    void countNotModified() {
        notModified.increment();
    }

    void countTooLarge() {
        tooLarge.increment();
    }

    void countUncacheable() {
        uncacheable.increment();
    }

    /** Drops every entry (a new build is served). */
    public void invalidateAll() {
        cache.invalidateAll();
        cache.cleanUp();
    }

    /** Bytes held now (by the weight estimate). */
    public long bytes() {
        return cache.policy().eviction().map(e -> e.weightedSize().orElse(0L)).orElse(0L);
    }

    public Stats stats() {
        cache.cleanUp();
        return new Stats(hits.sum(), misses.sum(), notModified.sum(), stored.sum(), tooLarge.sum(), uncacheable.sum(),
                cache.stats().evictionCount(), cache.estimatedSize(), bytes(), maxBytes);
    }

    /**
     * Registers the counters with a Micrometer registry (Fuseki's Prometheus registry behind {@code /$/metrics}):
     * {@code kg.cache.requests{result=hit|miss|not_modified|uncacheable}}, {@code kg.cache.stored},
     * {@code kg.cache.too_large}, {@code kg.cache.evictions} and the gauges {@code kg.cache.bytes},
     * {@code kg.cache.max_bytes}, {@code kg.cache.entries}.
     */
    public void bindTo(MeterRegistry registry) {
        request(registry, "hit", hits);
        request(registry, "miss", misses);
        request(registry, "not_modified", notModified);
        request(registry, "uncacheable", uncacheable);
        FunctionCounter.builder(METRIC + ".stored", stored, LongAdder::doubleValue)
                .description("answers stored in the server cache").register(registry);
        FunctionCounter.builder(METRIC + ".too_large", tooLarge, LongAdder::doubleValue)
                .description("answers over the per-entry limit, streamed and not stored").register(registry);
        FunctionCounter.builder(METRIC + ".evictions", cache, c -> c.stats().evictionCount())
                .description("entries evicted to stay within the memory bound").register(registry);
        Gauge.builder(METRIC + ".bytes", this, ResultCache::bytes).baseUnit("bytes")
                .description("bytes held by the server cache").register(registry);
        Gauge.builder(METRIC + ".max.bytes", this, c -> c.maxBytes).baseUnit("bytes")
                .description("memory bound of the server cache").register(registry);
        Gauge.builder(METRIC + ".entries", cache, Cache::estimatedSize)
                .description("answers held by the server cache").register(registry);
    }

    private static void request(MeterRegistry registry, String result, LongAdder counter) {
        FunctionCounter.builder(METRIC + ".requests", counter, LongAdder::doubleValue).tag("result", result)
                .description("cacheable requests by outcome").register(registry);
    }
}
