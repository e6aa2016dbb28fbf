package kg.borderlands.link;

import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.apache.jena.rdf.model.Model;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFDataMgr;
import org.apache.jena.riot.RDFFormat;
import org.apache.jena.sparql.core.DatasetGraph;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * Serves the VoID description at {@code /.well-known/void}: Turtle by default, JSON-LD (or N-Triples, RDF/XML)
 * by content negotiation. The counts are computed once, on first request; the SPARQL endpoint is the one of
 * the server that answers.
 */
public final class VoidServlet extends HttpServlet {
    private final transient DatasetGraph dataset;
    private final String endpointPath;
    private transient volatile VoidDescription.Stats stats;

    /** @param endpointPath path of the SPARQL endpoint on the same server, e.g. {@code /kg/sparql} */
    public VoidServlet(DatasetGraph dataset, String endpointPath) {
        this.dataset = Objects.requireNonNull(dataset, "dataset");
        this.endpointPath = Objects.requireNonNull(endpointPath, "endpointPath");
    }

    /** For {@code KgServer.Builder.extension(...)}: adds this servlet at the well-known path. */
    public static Consumer<org.apache.jena.fuseki.main.FusekiServer.Builder> extension(DatasetGraph dataset,
                                                                                    String endpointPath) {
        VoidServlet servlet = new VoidServlet(dataset, endpointPath);
        return b -> b.addServlet(VoidDescription.WELL_KNOWN_PATH, servlet);
    }

    private VoidDescription.Stats stats() {
        VoidDescription.Stats s = stats;
        if (s == null) {
            synchronized (this) {
                if (stats == null) stats = VoidDescription.stats(dataset);
                s = stats;
            }
        }
        return s;
    }

    @Override
    protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        String root = req.getScheme() + "://" + req.getServerName() + ":" + req.getServerPort();
        Model m = VoidDescription.describe(stats(), root + endpointPath, root + VoidDescription.DUMP_PATH);
        Lang lang = VoidDescription.langFor(req.getHeader("Accept"));
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        if (lang == Lang.TURTLE) RDFDataMgr.write(body, m, RDFFormat.TURTLE_PRETTY);
        else RDFDataMgr.write(body, m, lang);
        resp.setStatus(HttpServletResponse.SC_OK);
        resp.setHeader("Vary", "Accept");
        resp.setContentType(lang.getHeaderString() + "; charset=utf-8");
        resp.setContentLength(body.size());
        body.writeTo(resp.getOutputStream());
    }
}
