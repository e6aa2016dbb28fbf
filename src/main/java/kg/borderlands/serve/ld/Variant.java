package kg.borderlands.serve.ld;

import kg.borderlands.export.JsonLdContext;
import org.apache.jena.rdf.model.Model;
import org.apache.jena.riot.RDFDataMgr;
import org.apache.jena.riot.RDFFormat;

import java.io.IOException;
import java.io.OutputStream;

import java.util.List;
import java.util.Optional;

/**
 * A representation a Linked Data resource is served in: media type, file suffix ({@code /id/x.ttl},
 * {@code /ontology.ttl}) and RDF writer (none for HTML). Shared by every dereferenceable resource of the server.
 */
public enum Variant {
    HTML("text/html", "html", null),
    TURTLE("text/turtle", "ttl", RDFFormat.TURTLE_PRETTY),
    JSONLD("application/ld+json", "jsonld", RDFFormat.JSONLD11_PRETTY),
    NTRIPLES("application/n-triples", "nt", RDFFormat.NTRIPLES),
    RDFXML("application/rdf+xml", "rdf", RDFFormat.RDFXML_PRETTY);

    /** Offers in the server's order of preference, with {@code application/json} as an alias of JSON-LD. */
    public static final List<String> OFFERS = List.of("text/html", "text/turtle",
            "application/ld+json", "application/json", "application/n-triples", "application/rdf+xml");

    public final String mediaType;
    public final String suffix;
    public final RDFFormat format;

    Variant(String mediaType, String suffix, RDFFormat format) {
        this.mediaType = mediaType;
        this.suffix = suffix;
        this.format = format;
    }

    /** The Content-Type header: RDF/XML names its encoding itself, the others are UTF-8. */
    public String contentType() {
        return this == RDFXML ? mediaType : mediaType + ";charset=utf-8";
    }

    /**
     * Writes a graph in this variant: JSON-LD compacted with the project's published {@code @context}
     * ({@link JsonLdContext}: keys read {@code label}, {@code aliases}, {@code country}…), the others with Jena.
     */
    public void write(Model model, OutputStream out) throws IOException {
        if (this == HTML) throw new IllegalStateException("HTML is not an RDF syntax");
        if (this == JSONLD) JsonLdContext.write(model.getGraph(), out);
        else RDFDataMgr.write(out, model, format);
    }

    /** The variant a path names by its suffix ({@code x.ttl}), if any. */
    public static Optional<Variant> ofSuffix(String path) {
        for (Variant v : values()) {
            if (path.endsWith("." + v.suffix)) return Optional.of(v);
        }
        return Optional.empty();
    }

    /** The path without the variant's suffix. */
    public String strip(String path) {
        return path.endsWith("." + suffix) ? path.substring(0, path.length() - suffix.length() - 1) : path;
    }

    /** The variant an Accept header asks for ({@link Conneg}), or empty when none is acceptable. */
    public static Optional<Variant> negotiate(String acceptHeader) {
        return Conneg.choose(acceptHeader, OFFERS).map(chosen -> switch (chosen) {
            case "text/html" -> HTML;
            case "text/turtle" -> TURTLE;
            case "application/ld+json", "application/json" -> JSONLD;
            case "application/n-triples" -> NTRIPLES;
            default -> RDFXML;
        });
    }
}
