package kg.borderlands.serve.api;

import jakarta.servlet.ServletConfig;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import java.io.IOException;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * A servlet that is still being built: requests wait for it (up to a bound) and are then handed to it. Lets the
 * server answer SPARQL while the web layer copies and indexes the store. If building takes longer than the
 * wait, the request gets 503 {@code BKG-E110} with {@code Retry-After} (the server is busy starting); if it
 * failed, 500 {@code BKG-E106}.
 */
public final class DeferredServlet extends HttpServlet {
    private final transient CompletableFuture<? extends HttpServlet> servlet;
    private final long waitMillis;
    private transient volatile HttpServlet ready;
    private transient ServletConfig config;

    /**
     * One deferred servlet per path spec, each handing over to the servlet of that spec in the set once the set
     * is built (e.g. the first web layer, behind {@link kg.borderlands.serve.ReloadableServlets}).
     */
    public static Map<String, HttpServlet> all(Collection<String> specs, CompletableFuture<? extends Map<String, HttpServlet>> set,
                                               long waitMillis) {
        Map<String, HttpServlet> m = new LinkedHashMap<>();
        for (String spec : specs) {
            m.put(spec, new DeferredServlet(set.thenApply(s -> Objects.requireNonNull(s.get(spec), "no servlet for " + spec)), waitMillis));
        }
        return m;
    }

    DeferredServlet(CompletableFuture<? extends HttpServlet> servlet, long waitMillis) {
        this.servlet = Objects.requireNonNull(servlet, "servlet");
        this.waitMillis = waitMillis;
    }

    @Override
    public void init(ServletConfig config) throws ServletException {
        super.init(config);
        this.config = config;
    }

    @Override
    protected void service(HttpServletRequest req, HttpServletResponse resp) throws ServletException, IOException {
        HttpServlet s = ready;
        if (s == null) {
            try {
                s = start(servlet.get(waitMillis, TimeUnit.MILLISECONDS));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                fail(resp, 503, "interrupted while the web layer was starting");
                return;
            } catch (TimeoutException e) {
                resp.setHeader("Retry-After", "1");
                fail(resp, 503, "the web layer is still starting: retry in a moment");
                return;
            } catch (ExecutionException e) {
                fail(resp, 500, "the web layer failed to start (see the server log)");
                return;
            }
        }
        s.service(req, resp);
    }

    private synchronized HttpServlet start(HttpServlet s) throws ServletException {
        if (ready == null) {
            if (config != null) s.init(config);
            ready = s;
        }
        return ready;
    }

    private static void fail(HttpServletResponse resp, int status, String message) throws IOException {
        ApiServlet.sendError(resp, new ApiException(status, status == 503 ? STARTING : ApiException.INTERNAL, message));
    }

    /** The code of "busy, retry" (as the SPARQL admission gate's). */
    static final String STARTING = "BKG-E110";

    @Override
    public void destroy() {
        HttpServlet s = ready;
        if (s != null) s.destroy();
    }
}
