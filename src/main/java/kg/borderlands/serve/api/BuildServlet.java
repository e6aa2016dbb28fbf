package kg.borderlands.serve.api;

import jakarta.servlet.ServletConfig;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServlet;
import kg.borderlands.serve.Lazy;

import java.io.IOException;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * A servlet of the web layer of one build: made on its first request (so a server starts without reading the
 * build's serving artifacts) and run inside the build's {@link ReadScope} (a read transaction, since pages are
 * read from the build's TDB2 database).
 */
final class BuildServlet extends HttpServlet {
    private final transient Lazy<HttpServlet> servlet;
    private final transient ReadScope scope;
    private transient volatile ServletConfig config;
    private transient volatile HttpServlet started;

    BuildServlet(Supplier<? extends HttpServlet> servlet, ReadScope scope) {
        this.servlet = Lazy.of(Objects.requireNonNull(servlet, "servlet"));
        this.scope = Objects.requireNonNull(scope, "scope");
    }

    @Override
    public void init(ServletConfig c) throws ServletException {
        super.init(c);
        this.config = c;
    }

    @Override
    public void service(ServletRequest req, ServletResponse res) throws ServletException, IOException {
        scope.run(() -> start().service(req, res));
    }

    private HttpServlet start() throws ServletException {
        HttpServlet s = started;
        if (s == null) {
            synchronized (this) {
                s = started;
                if (s == null) {
                    s = servlet.get();
                    if (config != null) s.init(config);
                    started = s;
                }
            }
        }
        return s;
    }

    @Override
    public void destroy() {
        HttpServlet s = started;
        if (s != null) s.destroy();
    }
}
