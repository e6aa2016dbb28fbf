package kg.borderlands.serve.http;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import java.io.IOException;

/**
 * Headers every response carries: a Content-Security-Policy that allows scripts and connections only from this
 * server (no inline script, no {@code eval}, no framing: {@code frame-ancestors 'none'}) and styles from this
 * server or inline — inline style only because Cytoscape.js, which draws the explorer's network, injects its
 * container's stylesheet (our own pages have none; {@code ExplorerBrowserTest} checks that no page breaks the
 * policy), {@code
 * X-Content-Type-Options: nosniff}, {@code Referrer-Policy: no-referrer} and {@code X-Frame-Options: DENY}
 * for browsers that predate frame-ancestors.
 */
public final class SecurityHeadersFilter extends HttpFilter {
    public static final String CSP = "default-src 'none'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; "
            + "connect-src 'self'; font-src 'self'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'";

    @Override
    protected void doFilter(HttpServletRequest req, HttpServletResponse resp, FilterChain chain)
            throws IOException, ServletException {
        resp.setHeader("Content-Security-Policy", CSP);
        resp.setHeader("X-Content-Type-Options", "nosniff");
        resp.setHeader("Referrer-Policy", "no-referrer");
        resp.setHeader("X-Frame-Options", "DENY");
        chain.doFilter(req, resp);
    }
}
