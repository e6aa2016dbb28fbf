package kg.borderlands.serve.http;

import jakarta.servlet.FilterChain;
import jakarta.servlet.FilterConfig;
import jakarta.servlet.ServletContext;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.apache.jena.fuseki.servlets.CrossOriginFilter;

import java.io.IOException;
import java.util.Collections;
import java.util.Enumeration;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * CORS for the read-only surfaces ({@code /kg/*}, {@code /api/*}, {@code /id/*}, VoID), so a query page on
 * another origin (YASGUI) can read them: Fuseki's own {@link CrossOriginFilter} (the one stock
 * {@code fuseki-server} uses), configured for GET/HEAD/POST/OPTIONS without credentials, answering preflights
 * itself. Origins come from {@code --cors-origin} ({@code *} by default). Other paths (the explorer) get none.
 */
public final class CorsFilter extends HttpFilter {
    private final List<String> prefixes;
    private final Map<String, String> params;
    private final CrossOriginFilter cors = new CrossOriginFilter();

    /**
     * @param prefixes path prefixes that get CORS (a prefix ending in '/' covers its subtree, others are exact)
     * @param origins  allowed origins, or {@code *}
     */
    public CorsFilter(List<String> prefixes, List<String> origins) {
        this.prefixes = List.copyOf(Objects.requireNonNull(prefixes, "prefixes"));
        if (origins.isEmpty()) throw new IllegalArgumentException("at least one CORS origin (or *) is needed");
        this.params = Map.of(
                CrossOriginFilter.ALLOWED_ORIGINS_PARAM, String.join(",", origins),
                CrossOriginFilter.ALLOWED_METHODS_PARAM, "GET,HEAD,POST,OPTIONS",
                CrossOriginFilter.ALLOWED_HEADERS_PARAM, "X-Requested-With,Content-Type,Accept,Origin,Cache-Control",
                CrossOriginFilter.EXPOSED_HEADERS_PARAM, "Retry-After,Content-Location,Link,Vary",
                CrossOriginFilter.ALLOW_CREDENTIALS_PARAM, "false",
                CrossOriginFilter.PREFLIGHT_MAX_AGE_PARAM, "1800",
                CrossOriginFilter.CHAIN_PREFLIGHT_PARAM, "false");
    }

    @Override
    public void init(FilterConfig config) throws ServletException {
        super.init(config);
        ServletContext context = config.getServletContext();
        cors.init(new FilterConfig() {
            @Override public String getFilterName() { return "cors"; }
            @Override public ServletContext getServletContext() { return context; }
            @Override public String getInitParameter(String name) { return params.get(name); }
            @Override public Enumeration<String> getInitParameterNames() { return Collections.enumeration(params.keySet()); }
        });
    }

    boolean covers(String path) {
        for (String p : prefixes) {
            if (p.endsWith("/") ? path.startsWith(p) || path.equals(p.substring(0, p.length() - 1)) : path.equals(p)) return true;
        }
        return false;
    }

    @Override
    protected void doFilter(HttpServletRequest req, HttpServletResponse resp, FilterChain chain)
            throws IOException, ServletException {
        if (covers(req.getRequestURI())) cors.doFilter(req, resp, chain);
        else chain.doFilter(req, resp);
    }

    @Override
    public void destroy() {
        cors.destroy();
    }
}
