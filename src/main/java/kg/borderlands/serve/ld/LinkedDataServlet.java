package kg.borderlands.serve.ld;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import kg.borderlands.Vocab;
import kg.borderlands.serve.api.ApiException;
import kg.borderlands.serve.api.ReadOnlyServlet;
import org.apache.jena.rdf.model.Model;
import org.apache.jena.rdf.model.RDFNode;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Dereferences record IRIs: {@code https://w3id.org/borderlands-kg/id/{id}} is served at {@code /id/{id}} with
 * content negotiation and a direct 200 (no 303 redirect), {@code Vary: Accept} and a {@code Content-Location}
 * naming the variant. {@code /id/{id}.html}, {@code .ttl}, {@code .jsonld}, {@code .nt}, {@code .rdf} name a
 * variant explicitly. A node inside a record ({@code /id/ev-x/participation/1}) answers 303 See Other to its
 * record. A source's apparatus is a record of its own inside the source's space ({@code /id/icg-asia-354/fn-25}).
 * An IRI that moved ({@code dct:isReplacedBy} in the data, e.g. the unscoped apparatus IRIs published before
 * issue #11, {@code /id/fn-25}, and anything inside them) answers 301 Moved Permanently to its replacement.
 * Unknown ids are 404 in the negotiated type; an Accept header none of the offers satisfies is 406.
 */
public final class LinkedDataServlet extends ReadOnlyServlet {
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

        Variant explicit = Variant.ofSuffix(path).orElse(null);
        if (explicit != null) path = explicit.strip(path);
        Variant variant = explicit;
        if (variant == null) {
            Optional<Variant> chosen = Variant.negotiate(req.getHeader("Accept"));
            if (chosen.isEmpty()) {
                notAcceptable(resp);
                return;
            }
            variant = chosen.get();
        }

        Snapshot snapshot = describer.snapshot();
        boolean wellFormed = ID.matcher(path).matches() || INSIDE.matcher(path).matches();
        Optional<EntityView> view = wellFormed ? describer.describe(path) : Optional.empty();
        if (view.isEmpty()) {
            Model data = snapshot.data();
            Optional<String> moved = wellFormed ? snapshot.replacement(path) : Optional.empty();
            if (INSIDE.matcher(path).matches() && data.contains(data.getResource(Vocab.ID + path), null, (RDFNode) null)) {
                resp.setStatus(303);
                resp.setHeader("Location", "/id/" + snapshot.ownerOf(path) + (explicit == null ? "" : "." + explicit.suffix));
            } else if (moved.isPresent()) {
                // an IRI published before it moved (a source's apparatus before issue #11): permanent redirect
                resp.setStatus(301);
                resp.setHeader("Location", "/id/" + moved.get() + (explicit == null ? "" : "." + explicit.suffix));
                resp.setHeader("Link", "<" + Vocab.ID + moved.get() + ">; rel=\"canonical\"");
            } else {
                notFound(resp, variant, path);
            }
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
            variant.write(m, out);
            resp.setContentType(variant.contentType());
            resp.getOutputStream().write(out.toByteArray());
        }
    }

    /** 406 with the offers, for a request whose Accept header none of them satisfies. */
    public static void notAcceptable(HttpServletResponse resp) throws IOException {
        resp.setStatus(406);
        write(resp, "text/plain;charset=utf-8", ApiException.NOT_ACCEPTABLE + " not acceptable: this resource is available as "
                + String.join(", ", Variant.OFFERS) + "\n");
    }

    private static void notFound(HttpServletResponse resp, Variant variant, String path) throws IOException {
        notFound(resp, variant, ApiException.unknownId(path));
    }

    /** A 404 in the negotiated variant. */
    public static void notFound(HttpServletResponse resp, Variant variant, ApiException e) throws IOException {
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

    /** Writes a whole body with its length. */
    public static void write(HttpServletResponse resp, String contentType, String body) throws IOException {
        resp.setContentType(contentType);
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        resp.setContentLength(bytes.length);
        resp.getOutputStream().write(bytes);
    }
}
