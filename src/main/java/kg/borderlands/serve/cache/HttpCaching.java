package kg.borderlands.serve.cache;

import io.micrometer.core.instrument.MeterRegistry;
import org.apache.jena.fuseki.main.FusekiServer;
import org.apache.jena.fuseki.metrics.MetricsProvider;
import org.eclipse.jetty.server.Handler;

import java.util.Objects;
import java.util.function.BooleanSupplier;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * Caching and compression of a server's answers, put together: the {@link HttpCacheFilter} (ETags, 304s,
 * {@code Cache-Control}, the {@link ResultCache}), the {@link HttpCompression} handler, and the cache's
 * counters in Fuseki's metrics registry ({@code /$/metrics}) when the server has one.
 */
public final class HttpCaching {
    private final CacheSettings settings;
    private final ResultCache cache;
    private final HttpCacheFilter filter;

    private <B> HttpCaching(CacheSettings settings, Supplier<B> current, Function<? super B, String> id, BooleanSupplier settled) {
        this.settings = Objects.requireNonNull(settings, "settings");
        this.cache = new ResultCache(settings);
        this.filter = HttpCacheFilter.create(current, id, settled, cache, settings.maxAgeSeconds(), settings.compression());
    }

    /**
     * @param current the build served now (the same object until a reload swaps in another)
     * @param id      its id: the build directory name
     * @param settled false while a reload is half done (dataset swapped, web layer not yet installed)
     */
    public static <B> HttpCaching create(CacheSettings settings, Supplier<B> current, Function<? super B, String> id,
                                         BooleanSupplier settled) {
        return new HttpCaching(settings, current, id, settled);
    }

    public CacheSettings settings() {
        return settings;
    }

    public ResultCache cache() {
        return cache;
    }

    /** The servlet filter; add it in front of the SPARQL admission control and the servlets. */
    public HttpCacheFilter filter() {
        return filter;
    }

    /** The handler to put around the server's handlers: compression if on, else the handler itself. */
    public Handler wrap(Handler inner) {
        return settings.compression() ? HttpCompression.wrap(inner, settings.minCompressBytes()) : inner;
    }

    /** Registers the cache counters with the server's metrics registry, if metrics are on. */
    public void bindMetrics(FusekiServer server) {
        MetricsProvider provider = MetricsProvider.getMetricsProvider(server.getServletContext());
        MeterRegistry registry = provider == null ? null : provider.getMeterRegistry();
        if (registry != null) cache.bindTo(registry);
    }
}
