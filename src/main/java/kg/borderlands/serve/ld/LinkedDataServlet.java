package kg.borderlands.serve.ld;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import kg.borderlands.Vocab;
import kg.borderlands.serve.api.ApiException;
import kg.borderlands.serve.api.ReadOnlyServlet;
import org.apache.jena.rdf.model.Model;
import org.apache.jena.rdf.model.RDFNode;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFDataMgr;
import org.apache.jena.riot.RDFFormat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Dereferences record IRIs: {@code https://w3id.org/borderlands-kg/id/{id}} is served at {@code /id/{id}} with
 * content negotiation and a direct 200 (no 303 redirect), {@code Vary: Accept} and a {@code Content-Location}
 * naming the variant. {@code /id/{id}.html}, {@code .ttl}, {@code .jsonld}, {@code .nt}, {@code .rdf} name a
 * variant explicitly. A node inside a record ({@code /id/ev-x/participation/1}) answers 303 See Other to its
 * record. Unknown ids are 404 in the negotiated type; an Accept header none of the offers satisfies is 406.
 */
public final class LinkedDataServlet extends ReadOnlyServlet {
    /** A variant: media type, file suffix and writer. */
    enum Variant {
        HTML("text/html", "html", null),
        TURTLE("text/turtle", "ttl", RDFFormat.TURTLE_PRETTY),
        JSONLD("application/ld+json", "jsonld", RDFFormat.JSONLD11_PRETTY),
        NTRIPLES("application/n-triples", "nt", RDFFormat.NTRIPLES),
        RDFXML("application/rdf+xml", "rdf", RDFFormat.RDFXML_PRETTY);

        final String mediaType;
        final String suffix;
        final RDFFormat format;

        Variant(String mediaType, String suffix, RDFFormat format) {
            this.mediaType = mediaType;
            this.suffix = suffix;
            this.format = format;
        }
    }

    /** Offers in the server's order of preference, with aliases that map to a variant. */
    private static final List<String> OFFERS = List.of("text/html", "text/turtle",
            "application/ld+json", "application/json", "application/n-triples", "application/rdf+xml");
    private static final Pattern ID = Pattern.compile("[a-z0-9]+(-[a-z0-9]+)*");
    private static final Pattern INSIDE = Pattern.compile("([a-z0-9]+(-[a-z0-9]+)*)(/[A-Za-z0-9._-]+)+");
    private static final ObjectMapper JSON = new ObjectMapper();

    private final EntityDescriber describer;
    private final EntityRdf rdf;

    public LinkedDataServlet(EntityDescriber describer) {
        this.describer = Objects.requireNonNull(describer, "describer");
        this.rdf = new EntityRdf(describer.snapshot());
    }

    @Override
    protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        String path = req.getPathInfo() == null ? "" : req.getPathInfo();
        if (path.startsWith("/")) path = path.substring(1);
        resp.setHeader("Vary", "Accept");

        Variant explicit = null;
        for (Variant v : Variant.values()) {
            if (path.endsWith("." + v.suffix)) {
                explicit = v;
                path = path.substring(0, path.length() - v.suffix.length() - 1);
                break;
            }
        }
        Variant variant = explicit;
        if (variant == null) {
            Optional<String> chosen = Conneg.choose(req.getHeader("Accept"), OFFERS);
            if (chosen.isEmpty()) {
                resp.setStatus(406);
                resp.setContentType("text/plain;charset=utf-8");
                resp.getWriter().write(ApiException.NOT_ACCEPTABLE + " not acceptable: this resource is available as "
                        + String.join(", ", OFFERS) + "\n");
                return;
            }
            variant = switch (chosen.get()) {
                case "text/html" -> Variant.HTML;
                case "text/turtle" -> Variant.TURTLE;
                case "application/ld+json", "application/json" -> Variant.JSONLD;
                case "application/n-triples" -> Variant.NTRIPLES;
                default -> Variant.RDFXML;
            };
        }

        if (INSIDE.matcher(path).matches()) {
            Model data = describer.snapshot().data();
            if (data.contains(data.getResource(Vocab.ID + path), null, (RDFNode) null)) {
                resp.setStatus(303);
                resp.setHeader("Location", "/id/" + path.substring(0, path.indexOf('/')) + (explicit == null ? "" : "." + explicit.suffix));
            } else {
                notFound(resp, variant, path);
            }
            return;
        }
        Optional<EntityView> view = ID.matcher(path).matches() ? describer.describe(path) : Optional.empty();
        if (view.isEmpty()) {
            notFound(resp, variant, path);
            return;
        }
        resp.setStatus(200);
        resp.setHeader("Content-Location", "/id/" + path + "." + variant.suffix);
        resp.setHeader("Link", "<" + Vocab.ID + path + ">; rel=\"canonical\"");
        if (variant == Variant.HTML) {
            write(resp, "text/html;charset=utf-8", EntityPage.render(view.get()));
        } else {
            Model m = rdf.describe(path);
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            RDFDataMgr.write(out, m, variant.format);
            resp.setContentType(variant.mediaType + (variant == Variant.RDFXML ? "" : ";charset=utf-8"));
            resp.getOutputStream().write(out.toByteArray());
        }
    }

    private static void notFound(HttpServletResponse resp, Variant variant, String path) throws IOException {
        ApiException e = ApiException.unknownId(path);
        resp.setStatus(404);
        switch (variant) {
            case HTML -> write(resp, "text/html;charset=utf-8", EntityPage.error(404, e.code(), e.getMessage()));
            case JSONLD -> write(resp, "application/ld+json;charset=utf-8", JSON.writeValueAsString(e.body()));
            case RDFXML -> write(resp, "application/rdf+xml",
                    "<?xml version=\"1.0\"?>\n<!-- " + e.code() + " " + e.getMessage().replace("--", "- -") + " -->\n"
                            + "<rdf:RDF xmlns:rdf=\"" + org.apache.jena.vocabulary.RDF.uri + "\"/>\n");
            default -> write(resp, variant.mediaType + ";charset=utf-8",
                    "# " + e.code() + " " + e.getMessage().replaceAll("[\\r\\n]", " ") + "\n");
        }
    }

    private static void write(HttpServletResponse resp, String contentType, String body) throws IOException {
        resp.setContentType(contentType);
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        resp.setContentLength(bytes.length);
        resp.getOutputStream().write(bytes);
    }
}
