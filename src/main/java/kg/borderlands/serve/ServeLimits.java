package kg.borderlands.serve;

import java.net.URI;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * The limits and security settings of the public endpoint; every one has a safe default and a
 * {@code serve} option (see {@code docs/operations.md}).
 *
 * @param timeoutMillis       a query is cancelled after this long (including any regex it runs)
 * @param maxRequestBytes     largest request body; bigger ones get 413 before anything is parsed
 * @param maxQueryChars       longest SPARQL query text; longer ones get 413 before parsing
 * @param maxNesting          deepest bracket nesting in a query; deeper ones get 400 before parsing
 * @param maxResultBytes      largest result a query may produce; a result is buffered up to this size
 *                            and a bigger one is refused (never a 200 with a cut body)
 * @param maxQueries          queries running at once; more get 503 with {@code Retry-After}
 * @param maxHeavyQueries     queries allowed to run past {@code heavyAfterMillis}; others are cancelled
 *                            with 503, so cheap queries keep answering while heavy ones queue
 * @param heavyAfterMillis    how long a query may run before it needs a heavy slot
 * @param retryAfterSeconds   the {@code Retry-After} of a 503
 * @param allowedServices     SPARQL {@code SERVICE} endpoints a query may call (exact IRIs); empty: none
 * @param corsOrigins         origins allowed to read the read-only surfaces from a browser ({@code *}: any)
 */
public record ServeLimits(long timeoutMillis, long maxRequestBytes, int maxQueryChars, int maxNesting,
                          long maxResultBytes, int maxQueries, int maxHeavyQueries, long heavyAfterMillis,
                          int retryAfterSeconds, Set<String> allowedServices, List<String> corsOrigins) {
    public ServeLimits {
        positive(timeoutMillis, "timeout");
        positive(maxRequestBytes, "max request size");
        positive(maxQueryChars, "max query length");
        positive(maxNesting, "max nesting");
        positive(maxResultBytes, "max result size");
        positive(maxQueries, "max concurrent queries");
        positive(maxHeavyQueries, "max heavy queries");
        positive(heavyAfterMillis, "heavy-after");
        positive(retryAfterSeconds, "retry-after");
        if (maxHeavyQueries > maxQueries) throw new IllegalArgumentException("max heavy queries cannot exceed max concurrent queries");
        allowedServices = Set.copyOf(Objects.requireNonNull(allowedServices, "allowedServices"));
        for (String s : allowedServices) {
            URI u = URI.create(s);
            if (!("http".equals(u.getScheme()) || "https".equals(u.getScheme())) || u.getHost() == null)
                throw new IllegalArgumentException("--allow-service needs an http(s) URL, got " + s);
        }
        corsOrigins = List.copyOf(Objects.requireNonNull(corsOrigins, "corsOrigins"));
    }

    /** The defaults: 10 s timeout, 256 KiB bodies, 64 Ki-character queries, 16 MiB results, 32 queries of which
     *  max(1, cores / 2) heavy (a query is heavy after 50 ms of CPU): heavy queries never take more than half
     *  the cores, the rest stays free for cheap queries. */
    public static ServeLimits defaults() {
        return new ServeLimits(10_000, 256 * 1024, 64 * 1024, 128, 16L * 1024 * 1024, 32,
                Math.max(1, Runtime.getRuntime().availableProcessors() / 2), 50, 5, Set.of(), List.of("*"));
    }

    public ServeLimits withTimeoutMillis(long v) {
        return new ServeLimits(v, maxRequestBytes, maxQueryChars, maxNesting, maxResultBytes, maxQueries,
                maxHeavyQueries, heavyAfterMillis, retryAfterSeconds, allowedServices, corsOrigins);
    }

    public ServeLimits withRequestLimits(long maxRequestBytes, int maxQueryChars) {
        return new ServeLimits(timeoutMillis, maxRequestBytes, maxQueryChars, maxNesting, maxResultBytes, maxQueries,
                maxHeavyQueries, heavyAfterMillis, retryAfterSeconds, allowedServices, corsOrigins);
    }

    public ServeLimits withMaxResultBytes(long v) {
        return new ServeLimits(timeoutMillis, maxRequestBytes, maxQueryChars, maxNesting, v, maxQueries,
                maxHeavyQueries, heavyAfterMillis, retryAfterSeconds, allowedServices, corsOrigins);
    }

    public ServeLimits withConcurrency(int maxQueries, int maxHeavyQueries, long heavyAfterMillis) {
        return new ServeLimits(timeoutMillis, maxRequestBytes, maxQueryChars, maxNesting, maxResultBytes, maxQueries,
                maxHeavyQueries, heavyAfterMillis, retryAfterSeconds, allowedServices, corsOrigins);
    }

    public ServeLimits withAllowedServices(Set<String> v) {
        return new ServeLimits(timeoutMillis, maxRequestBytes, maxQueryChars, maxNesting, maxResultBytes, maxQueries,
                maxHeavyQueries, heavyAfterMillis, retryAfterSeconds, v, corsOrigins);
    }

    public ServeLimits withCorsOrigins(List<String> v) {
        return new ServeLimits(timeoutMillis, maxRequestBytes, maxQueryChars, maxNesting, maxResultBytes, maxQueries,
                maxHeavyQueries, heavyAfterMillis, retryAfterSeconds, allowedServices, v);
    }

    private static void positive(long v, String what) {
        if (v <= 0) throw new IllegalArgumentException(what + " must be positive, got " + v);
    }
}
