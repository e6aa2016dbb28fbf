package kg.borderlands.serve.protocol;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The {@code format=}, {@code output=} and {@code results=} request parameters that SPARQL clients send beside (or
 * instead of) an {@code Accept} header, turned into the {@code Accept} header they stand for.
 * <p>
 * Clients disagree on the names and values: SPARQLWrapper sends all three parameters, with {@code rdf+xml},
 * {@code json-ld} or {@code tsv} and then the full media type again; Virtuoso-style clients send {@code json},
 * {@code xml}; others a media type. Fuseki alone understands only its own short names and answers 400 to the
 * rest. A short name that means different things for result sets and graphs ({@code xml}, {@code json}) becomes
 * an Accept header that names both, so Fuseki's own negotiation picks the right one for the query form.
 */
public final class ResultFormats {
    /** Parameter names, in the order they are consulted. */
    public static final List<String> PARAMETERS = List.of("format", "output", "results");

    private static final String RS_XML = "application/sparql-results+xml";
    private static final String RS_JSON = "application/sparql-results+json";
    private static final String RDF_XML = "application/rdf+xml";
    private static final String JSON_LD = "application/ld+json";
    private static final String TURTLE = "text/turtle";
    private static final String N_TRIPLES = "application/n-triples";

    private static final Map<String, String> SHORT_NAMES = Map.ofEntries(
            Map.entry("xml", RS_XML + ", " + RDF_XML),
            Map.entry("sparql", RS_XML),
            Map.entry("srx", RS_XML),
            Map.entry("json", RS_JSON + ", " + JSON_LD),
            Map.entry("srj", RS_JSON),
            Map.entry("csv", "text/csv"),
            Map.entry("tsv", "text/tab-separated-values"),
            Map.entry("text", "text/plain"),
            Map.entry("txt", "text/plain"),
            Map.entry("rdf+xml", RDF_XML),
            Map.entry("rdf", RDF_XML),
            Map.entry("rdfxml", RDF_XML),
            Map.entry("json-ld", JSON_LD),
            Map.entry("jsonld", JSON_LD),
            Map.entry("turtle", TURTLE),
            Map.entry("ttl", TURTLE),
            Map.entry("n3", TURTLE),
            Map.entry("nt", N_TRIPLES),
            Map.entry("ntriples", N_TRIPLES),
            Map.entry("n-triples", N_TRIPLES));

    private ResultFormats() {}

    /**
     * The Accept header that the given parameter values ask for: the first value that is a known short name or a
     * media type ({@code type/subtype}) decides. Empty when no value is recognised (the request's own Accept
     * header then stands).
     */
    public static Optional<String> acceptFor(List<String> values) {
        for (String raw : values) {
            if (raw == null) continue;
            // an unencoded '+' (rdf+xml) arrives as a space
            String v = raw.trim().toLowerCase(Locale.ROOT).replace(' ', '+');
            if (v.isEmpty()) continue;
            String known = SHORT_NAMES.get(v);
            if (known != null) return Optional.of(known);
            if (v.matches("[a-z0-9!#$&^_.+-]+/[a-z0-9!#$&^_.+-]+")) return Optional.of(v);
        }
        return Optional.empty();
    }
}
