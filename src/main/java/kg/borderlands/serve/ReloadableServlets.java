package kg.borderlands.serve;

import jakarta.servlet.ServletConfig;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServlet;
import org.apache.jena.fuseki.main.FusekiServer;

import java.io.IOException;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;

/**
 * The web layer's servlets behind a switch: the server holds one thin servlet per path spec, which passes each
 * request to the servlet of the current set. A reload installs the set built for the new build in one step;
 * a request already inside an old servlet finishes there.
 */
public final class ReloadableServlets {
    private final AtomicReference<Map<String, HttpServlet>> current;
    private volatile ServletConfig config;

    public ReloadableServlets(Map<String, HttpServlet> first) {
        this.current = new AtomicReference<>(Map.copyOf(first));
    }

    /** Registers one switching servlet per path spec of the first set (later sets must have the same specs). */
    public Consumer<FusekiServer.Builder> extension() {
        return b -> current.get().keySet().forEach(spec -> b.addServlet(spec, new Switch(spec)));
    }

    /** Puts a new set of servlets in service. */
    public void install(Map<String, HttpServlet> next) throws ServletException {
        Map<String, HttpServlet> copy = Map.copyOf(next);
        if (!copy.keySet().equals(current.get().keySet()))
            throw new IllegalArgumentException("a reloaded web layer must serve the same paths: " + copy.keySet());
        ServletConfig c = config;
        if (c != null) for (HttpServlet s : copy.values()) s.init(c);
        current.set(copy);
    }

    private final class Switch extends HttpServlet {
        private final String spec;

        Switch(String spec) {
            this.spec = Objects.requireNonNull(spec);
        }

        @Override
        public void init(ServletConfig c) throws ServletException {
            super.init(c);
            config = c;
            current.get().get(spec).init(c);
        }

        @Override
        public void service(ServletRequest req, ServletResponse res) throws ServletException, IOException {
            current.get().get(spec).service(req, res);
        }
    }
}
