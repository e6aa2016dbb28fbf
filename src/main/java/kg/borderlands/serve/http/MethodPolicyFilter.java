package kg.borderlands.serve.http;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import java.io.IOException;
import java.util.Set;

/**
 * The methods of a read-only service, told truthfully. {@code TRACE}, {@code CONNECT}, {@code PATCH} and any
 * unknown method get 405; {@code OPTIONS} (that is not a CORS preflight, which {@link CorsFilter} answers first)
 * gets 204 with the {@code Allow} of the path: {@code GET, HEAD, POST, OPTIONS} on the SPARQL query endpoints
 * (a query may be POSTed), {@code GET, HEAD, OPTIONS} everywhere else; any other method gets 405 with that
 * {@code Allow}. Writes (POST/PUT/DELETE) to {@code /api} and {@code /id/} are left to their servlets, which
 * refuse them with their own 405 in the API's JSON or the negotiated type (and the same {@code Allow}).
 */
public final class MethodPolicyFilter extends HttpFilter {
    static final String READ = "GET, HEAD, OPTIONS";
    static final String QUERY = "GET, HEAD, POST, OPTIONS";
    private static final Set<String> PASSED_ON = Set.of("GET", "HEAD", "POST", "PUT", "DELETE");

    private final String datasetPath;

    /** @param datasetPath the SPARQL dataset path, e.g. {@code /kg} */
    public MethodPolicyFilter(String datasetPath) {
        this.datasetPath = datasetPath;
    }

    /** The methods a path answers. */
    public String allow(String path) {
        if (path.equals(datasetPath) || path.equals(datasetPath + "/") || path.equals(datasetPath + "/sparql")
                || path.equals(datasetPath + "/query")) return QUERY;
        return READ;
    }

    @Override
    protected void doFilter(HttpServletRequest req, HttpServletResponse resp, FilterChain chain)
            throws IOException, ServletException {
        String method = req.getMethod();
        String path = req.getRequestURI();
        String allow = allow(path);
        if ("OPTIONS".equals(method)) {
            resp.setHeader("Allow", allow);
            resp.setStatus(204);
            return;
        }
        boolean ownRefusal = (path.startsWith("/api") || path.startsWith("/id/")) && PASSED_ON.contains(method);
        if (!allow.contains(method) && !ownRefusal) {
            resp.setHeader("Allow", allow);
            new HttpProblem(405, HttpProblem.METHOD, method + " is not allowed here: use " + allow).send(resp);
            return;
        }
        chain.doFilter(req, resp);
    }
}
