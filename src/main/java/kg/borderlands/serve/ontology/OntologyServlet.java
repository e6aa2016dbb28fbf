package kg.borderlands.serve.ontology;

import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import kg.borderlands.serve.api.ApiException;
import kg.borderlands.serve.api.ReadOnlyServlet;
import kg.borderlands.serve.ld.LinkedDataServlet;
import kg.borderlands.serve.ld.Variant;
import org.apache.jena.rdf.model.Model;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.Objects;
import java.util.Optional;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Publishes the ontology where its IRIs point. {@code https://w3id.org/borderlands-kg/ontology} (and so every term
 * {@code …/ontology#Term}, whose document it is) is served at {@code /ontology}; each term also has its own
 * resource {@code /ontology/{Term}}. Both negotiate HTML documentation, Turtle, JSON-LD, N-Triples and RDF/XML (or
 * take a suffix: {@code /ontology.ttl}, {@code /ontology/Actor.jsonld}), like the record pages under {@code /id/}.
 */
public final class OntologyServlet extends ReadOnlyServlet {
    private static final Pattern TERM = Pattern.compile("[A-Za-z][A-Za-z0-9_-]*");

    private final OntologyCatalogue catalogue;
    /** The whole document is the same for every request: rendered once. */
    private final String wholePage;

    public OntologyServlet(OntologyCatalogue catalogue) {
        this.catalogue = Objects.requireNonNull(catalogue, "catalogue");
        this.wholePage = OntologyPage.whole(catalogue);
    }

    /**
     * The servlet by path spec: {@code /ontology/*} (also {@code /ontology} itself) and {@code /ontology.{suffix}},
     * for a web layer to add to its own.
     */
    public static Map<String, HttpServlet> servlets(OntologyCatalogue catalogue) {
        OntologyServlet servlet = new OntologyServlet(catalogue);
        Map<String, HttpServlet> m = new LinkedHashMap<>();
        for (String spec : paths()) m.put(spec, servlet);
        return m;
    }

    /** The path specs of {@link #servlets}, known before any catalogue is built. */
    public static java.util.List<String> paths() {
        java.util.List<String> p = new java.util.ArrayList<>();
        p.add("/ontology/*");
        for (Variant v : Variant.values()) p.add("/ontology." + v.suffix);
        return p;
    }

    @Override
    protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        String path = req.getRequestURI().substring(req.getContextPath().length());
        resp.setHeader("Vary", "Accept");
        Variant explicit = Variant.ofSuffix(path).orElse(null);
        if (explicit != null) path = explicit.strip(path);
        Variant variant = explicit;
        if (variant == null) {
            Optional<Variant> chosen = Variant.negotiate(req.getHeader("Accept"));
            if (chosen.isEmpty()) {
                LinkedDataServlet.notAcceptable(resp);
                return;
            }
            variant = chosen.get();
        }
        if (path.equals("/ontology") || path.equals("/ontology/")) {
            send(resp, variant, "/ontology", OntologyCatalogue.ONTOLOGY_IRI, wholePage, catalogue.wholeOntology());
            return;
        }
        String local = path.substring("/ontology/".length());
        Optional<OntologyTerm> term = TERM.matcher(local).matches() ? catalogue.term(local) : Optional.empty();
        if (term.isEmpty()) {
            LinkedDataServlet.notFound(resp, variant, new ApiException(404, ApiException.UNKNOWN_ID,
                    "no term '" + local + "' in the ontology (see /ontology)"));
            return;
        }
        send(resp, variant, "/ontology/" + local, term.get().iri(), variant == Variant.HTML ? OntologyPage.single(term.get()) : null,
                variant == Variant.HTML ? null : catalogue.describe(local));
    }

    private static void send(HttpServletResponse resp, Variant variant, String page, String iri, String html, Model rdf)
            throws IOException {
        resp.setStatus(200);
        resp.setHeader("Content-Location", page + "." + variant.suffix);
        resp.setHeader("Link", "<" + iri + ">; rel=\"canonical\"");
        if (variant == Variant.HTML) {
            LinkedDataServlet.write(resp, variant.contentType(), html);
            return;
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        variant.write(rdf, out);
        resp.setContentType(variant.contentType());
        resp.setContentLength(out.size());
        out.writeTo(resp.getOutputStream());
    }
}
