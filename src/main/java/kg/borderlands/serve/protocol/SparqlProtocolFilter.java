package kg.borderlands.serve.protocol;

import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import kg.borderlands.serve.ld.Conneg;
import org.apache.jena.fuseki.main.FusekiServer;
import org.apache.jena.rdf.model.Model;
import org.apache.jena.riot.RDFDataMgr;
import org.apache.jena.riot.RDFFormat;
import org.apache.jena.sparql.core.DatasetGraph;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The parts of the SPARQL 1.1 Protocol that Fuseki's own dispatch leaves out, in front of it on the dataset URL
 * ({@code /kg}) and its query endpoints ({@code /kg/sparql}, {@code /kg/query}):
 * <ul>
 * <li>a GET without a query answers with the {@link ServiceDescription} (Turtle, JSON-LD, RDF/XML or N-Triples by
 * content negotiation); at the dataset URL, a request for a quad format (TriG, N-Quads) or with {@code graph=}/
 * {@code default} still goes to the Graph Store Protocol, as on stock Fuseki;</li>
 * <li>HEAD is answered like GET without the body ({@link HeadResponse}), where Fuseki answers 405;</li>
 * <li>{@code format=}, {@code output=}, {@code results=} with any value clients send ({@link ResultFormats}); a
 * value nobody knows is ignored and the {@code Accept} header decides, where Fuseki answers 400.</li>
 * </ul>
 * Everything else (the query itself, errors, timeouts) is Fuseki's.
 */
public final class SparqlProtocolFilter implements Filter {
    private static final List<String> DESCRIPTION_OFFERS = List.of("text/turtle", "application/ld+json",
            "application/json", "application/rdf+xml", "application/n-triples", "text/plain");
    /** At the dataset URL a quad format asks for the dataset itself (Graph Store Protocol). */
    private static final List<String> QUAD_OFFERS = List.of("application/trig", "application/n-quads");
    private static final Map<String, RDFFormat> WRITERS = Map.of("text/turtle", RDFFormat.TURTLE_PRETTY,
            "application/ld+json", RDFFormat.JSONLD11_PRETTY, "application/json", RDFFormat.JSONLD11_PRETTY,
            "application/rdf+xml", RDFFormat.RDFXML_PRETTY, "application/n-triples", RDFFormat.NTRIPLES,
            "text/plain", RDFFormat.NTRIPLES);

    private final String datasetPath;
    private final Set<String> queryPaths;
    private final DatasetGraph dataset;
    private volatile ServiceDescription.Sizes sizes;

    /**
     * @param datasetPath    the dataset URL path, e.g. {@code /kg}
     * @param queryEndpoints names of its query endpoints, e.g. {@code sparql}, {@code query}
     * @param dataset        the dataset as served (its default graph is what queries see)
     */
    public SparqlProtocolFilter(String datasetPath, List<String> queryEndpoints, DatasetGraph dataset) {
        this.datasetPath = Objects.requireNonNull(datasetPath, "datasetPath");
        this.queryPaths = queryEndpoints.stream().map(e -> datasetPath + "/" + e).collect(Collectors.toUnmodifiableSet());
        this.dataset = Objects.requireNonNull(dataset, "dataset");
    }

    /** Installs the filter in front of Fuseki for the dataset and its endpoints. */
    public static void install(FusekiServer.Builder builder, String datasetPath, List<String> queryEndpoints,
                               DatasetGraph dataset) {
        builder.addFilter(datasetPath + "/*", new SparqlProtocolFilter(datasetPath, queryEndpoints, dataset));
    }

    @Override
    public void doFilter(ServletRequest request, ServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        if (!(request instanceof HttpServletRequest req) || !(response instanceof HttpServletResponse resp)) {
            chain.doFilter(request, response);
            return;
        }
        String path = req.getRequestURI().substring(req.getContextPath().length());
        boolean atDataset = path.equals(datasetPath) || path.equals(datasetPath + "/");
        boolean atQuery = queryPaths.contains(path);
        if (!atDataset && !atQuery) {
            chain.doFilter(req, resp);
            return;
        }
        HttpServletRequest effective = req;
        List<String> formats = formatValues(req);
        if (!formats.isEmpty()) {
            // hidden from Fuseki, which knows only its own short names; an unknown value leaves Accept in charge
            effective = new FormatParameterRequest(req, ResultFormats.acceptFor(formats).orElse(req.getHeader("Accept")));
        }

        boolean head = "HEAD".equals(req.getMethod());
        boolean read = head || "GET".equals(req.getMethod());
        if (read && req.getParameter("query") == null
                && (atQuery || (req.getParameter("graph") == null && req.getParameter("default") == null))) {
            if (describe(effective, resp, head, atDataset)) return;
        }
        if (head) {
            HeadResponse bodyless = new HeadResponse(resp);
            chain.doFilter(HeadResponse.asGet(effective), bodyless);
            bodyless.finish();
        } else {
            chain.doFilter(effective, resp);
        }
    }

    private static List<String> formatValues(HttpServletRequest req) {
        List<String> values = new ArrayList<>();
        for (String name : ResultFormats.PARAMETERS) {
            String[] v = req.getParameterValues(name);
            if (v != null) values.addAll(Arrays.asList(v));
        }
        return values;
    }

    /** Writes the service description; false when the request should go on to Fuseki instead. */
    private boolean describe(HttpServletRequest req, HttpServletResponse resp, boolean head, boolean atDataset)
            throws IOException {
        List<String> offers = new ArrayList<>(DESCRIPTION_OFFERS);
        if (atDataset) offers.addAll(QUAD_OFFERS);
        Optional<String> chosen = Conneg.choose(req.getHeader("Accept"), offers);
        if (chosen.isPresent() && QUAD_OFFERS.contains(chosen.get())) return false;
        if (chosen.isEmpty()) {
            if (atDataset) return false;
            byte[] body = ("not acceptable: the service description of this endpoint is available as "
                    + String.join(", ", DESCRIPTION_OFFERS) + "; send a query with ?query=\n").getBytes(StandardCharsets.UTF_8);
            send(resp, 406, "text/plain;charset=utf-8", body, head);
            return true;
        }
        Model m = ServiceDescription.describe(req.getRequestURL().toString(), sizes());
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        RDFDataMgr.write(out, m, WRITERS.get(chosen.get()));
        resp.setHeader("Vary", "Accept");
        String type = chosen.get();
        send(resp, 200, type.equals("application/rdf+xml") ? type : type + ";charset=utf-8", out.toByteArray(), head);
        return true;
    }

    private static void send(HttpServletResponse resp, int status, String contentType, byte[] body, boolean head)
            throws IOException {
        resp.setStatus(status);
        resp.setContentType(contentType);
        resp.setContentLength(body.length);
        if (!head) resp.getOutputStream().write(body);
    }

    private ServiceDescription.Sizes sizes() {
        ServiceDescription.Sizes s = sizes;
        if (s == null) {
            synchronized (this) {
                if (sizes == null) sizes = ServiceDescription.sizes(dataset);
                s = sizes;
            }
        }
        return s;
    }
}
