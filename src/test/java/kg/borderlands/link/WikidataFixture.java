package kg.borderlands.link;

import jakarta.servlet.Filter;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import kg.borderlands.support.TestProject;
import org.apache.jena.fuseki.main.FusekiServer;
import org.apache.jena.query.Dataset;
import org.apache.jena.query.DatasetFactory;
import org.apache.jena.query.QueryExecution;
import org.apache.jena.riot.RDFDataMgr;
import org.apache.jena.riot.ResultSetMgr;
import org.apache.jena.riot.resultset.ResultSetLang;

import java.io.IOException;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A second, real SPARQL server for the link tests: an embedded Fuseki on an ephemeral port holding the
 * Wikidata-shaped fixture (src/test/resources/link/wikidata-fixture.ttl) at {@code /wd/sparql}, plus a few
 * misbehaving endpoints that still answer real SPARQL over the same data: {@code /flaky} (503 twice with
 * Retry-After: 0, then fine), {@code /flaky-plain} (502 twice without Retry-After, then fine), {@code /limited}
 * (always 429), {@code /slow} (answers after 3 s). Every request's query text and
 * User-Agent are recorded.
 */
final class WikidataFixture implements AutoCloseable {
    final Dataset data = DatasetFactory.createTxnMem();
    final List<String> queries = new CopyOnWriteArrayList<>();
    final List<String> userAgents = new CopyOnWriteArrayList<>();
    final AtomicInteger flakyCalls = new AtomicInteger();
    final AtomicInteger limitedCalls = new AtomicInteger();
    final AtomicInteger plainCalls = new AtomicInteger();
    private final FusekiServer server;

    WikidataFixture() {
        data.executeWrite(() -> RDFDataMgr.read(data.getDefaultModel(),
                TestProject.root().resolve("src/test/resources/link/wikidata-fixture.ttl").toString()));
        Filter recorder = (req, resp, chain) -> {
            HttpServletRequest r = (HttpServletRequest) req;
            String q = r.getParameter("query");
            if (q != null) queries.add(q);
            userAgents.add(String.valueOf(r.getHeader("User-Agent")));
            chain.doFilter(req, resp);
        };
        server = FusekiServer.create().port(0).verbose(false).add("/wd", data)
                .addFilter("/*", recorder)
                .addServlet("/flaky", new Answering(() -> flakyCalls.incrementAndGet() <= 2 ? 503 : 200, 0, true))
                .addServlet("/flaky-plain", new Answering(() -> plainCalls.incrementAndGet() <= 2 ? 502 : 200, 0, false))
                .addServlet("/limited", new Answering(() -> { limitedCalls.incrementAndGet(); return 429; }, 0, true))
                .addServlet("/slow", new Answering(() -> 200, 3000, true))
                .build();
        server.start();
    }

    String url(String path) {
        return "http://localhost:" + server.getHttpPort() + path;
    }

    /** The fixture's SPARQL endpoint. */
    String sparql() {
        return url("/wd/sparql");
    }

    @Override
    public void close() {
        server.stop();
    }

    /** Answers the query over the fixture data, unless the status supplier says otherwise. */
    private final class Answering extends HttpServlet {
        private final java.util.function.IntSupplier status;
        private final long delayMillis;
        private final boolean retryAfter;

        Answering(java.util.function.IntSupplier status, long delayMillis, boolean retryAfter) {
            this.status = status;
            this.delayMillis = delayMillis;
            this.retryAfter = retryAfter;
        }

        @Override
        protected void doPost(HttpServletRequest req, HttpServletResponse resp) throws IOException {
            doGet(req, resp);
        }

        @Override
        protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws IOException {
            int s = status.getAsInt();
            if (delayMillis > 0) {
                try {
                    Thread.sleep(delayMillis);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
            if (s != 200) {
                resp.setStatus(s);
                if (retryAfter) resp.setHeader("Retry-After", "0");
                resp.setContentType("text/plain");
                resp.getWriter().println(s == 429 ? "Too many requests (fixture)" : "Service unavailable (fixture)");
                return;
            }
            String q = req.getParameter("query");
            resp.setContentType("application/sparql-results+json");
            data.executeRead(() -> {
                try (QueryExecution qe = QueryExecution.dataset(data).query(q).build()) {
                    ResultSetMgr.write(resp.getOutputStream(), qe.execSelect(), ResultSetLang.RS_JSON);
                } catch (IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            });
        }
    }
}
