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
 * resource {@code /ontology/{Term}}. The controlled vocabularies' concepts and schemes
 * ({@code https://w3id.org/borderlands-kg/vocab/{Concept}}) are served at {@code /vocab/{Concept}}, and the
 * vocabulary {@code …/vocab} at {@code /vocab} (the same document as {@code /ontology}: both files together).
 * All negotiate HTML documentation, Turtle, JSON-LD, N-Triples and RDF/XML (or take a suffix: {@code /ontology.ttl},
 * {@code /ontology/Actor.jsonld}), like the record pages under {@code /id/}. A deprecated term
 * ({@code owl:deprecated true}, {@code dct:isReplacedBy}: renamed or moved by issue #14) answers
 * {@code 308 Permanent Redirect} to the page of the term that replaces it, keeping a suffix.
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
        for (String root : java.util.List.of("/ontology", "/vocab")) {
            p.add(root + "/*");
            for (Variant v : Variant.values()) p.add(root + "." + v.suffix);
        }
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
        boolean vocab = path.equals("/vocab") || path.startsWith("/vocab/");
        String root = vocab ? "/vocab" : "/ontology";
        if (path.equals(root) || path.equals(root + "/")) {
            send(resp, variant, root, vocab ? OntologyCatalogue.VOCAB_IRI : OntologyCatalogue.ONTOLOGY_IRI, wholePage,
                    catalogue.wholeOntology());
            return;
        }
        String local = path.substring(root.length() + 1);
        boolean valid = TERM.matcher(local).matches();
        Optional<OntologyTerm> term = !valid ? Optional.empty() : vocab ? catalogue.concept(local) : catalogue.term(local);
        if (term.isEmpty() && valid && !vocab) {
            Optional<String> by = catalogue.replacement(local);
            if (by.isPresent() && OntologyCatalogue.page(by.get()) != null) {
                resp.setStatus(308);
                resp.setHeader("Location", OntologyCatalogue.page(by.get()) + (explicit == null ? "" : "." + explicit.suffix));
                resp.setHeader("Link", "<" + by.get() + ">; rel=\"successor-version\"");
                resp.setContentLength(0);
                return;
            }
        }
        if (term.isEmpty()) {
            LinkedDataServlet.notFound(resp, variant, new ApiException(404, ApiException.UNKNOWN_ID,
                    "no term '" + local + "' in the " + (vocab ? "vocabularies (see /vocab)" : "ontology (see /ontology)")));
            return;
        }
        send(resp, variant, root + "/" + local, term.get().iri(), variant == Variant.HTML ? OntologyPage.single(term.get()) : null,
                variant == Variant.HTML ? null : catalogue.describe(term.get()));
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
