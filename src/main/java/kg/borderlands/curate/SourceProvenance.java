package kg.borderlands.curate;

import kg.borderlands.Vocab;
import org.apache.jena.rdf.model.Model;
import org.apache.jena.rdf.model.Property;
import org.apache.jena.rdf.model.Resource;
import org.apache.jena.vocabulary.DCTerms;
import org.apache.jena.vocabulary.RDF;
import org.apache.jena.vocabulary.RDFS;

import java.util.Base64;
import java.util.HexFormat;
import java.util.Objects;

/**
 * The PROV record of a source's named graph (docs/store.md "Sources"): the graph is a {@code prov:Entity} whose
 * {@code dct:source} is the source's work (the report), {@code prov:wasDerivedFrom} the Markdown file it was
 * ingested from — named by its SHA-256 as an RFC 6920 {@code ni:} IRI, so the checksum is the file's identity —
 * and {@code prov:wasGeneratedBy} the ingest activity.
 */
public final class SourceProvenance {
    private static final Resource PROV_ENTITY = Vocab.prop(Vocab.PROV, "Entity");
    private static final Resource PROV_ACTIVITY = Vocab.prop(Vocab.PROV, "Activity");
    private static final Property WAS_DERIVED_FROM = Vocab.prop(Vocab.PROV, "wasDerivedFrom");
    private static final Property WAS_GENERATED_BY = Vocab.prop(Vocab.PROV, "wasGeneratedBy");
    private static final Property USED = Vocab.prop(Vocab.PROV, "used");

    private SourceProvenance() {}

    /** The {@code ni:///sha-256;…} IRI (RFC 6920) of a file with this SHA-256 (64 hex digits). */
    public static String fileIri(String sha256Hex) {
        byte[] digest = HexFormat.of().parseHex(sha256Hex);
        return "ni:///sha-256;" + Base64.getUrlEncoder().withoutPadding().encodeToString(digest);
    }

    /** Adds the description of source graph {@code graphIri} to {@code g}. */
    public static void describe(Model g, String graphIri, SourceDescriptor d) {
        Objects.requireNonNull(d, "descriptor");
        Resource graph = g.createResource(graphIri);
        graph.addProperty(RDF.type, PROV_ENTITY);
        graph.addProperty(RDFS.label, "what source " + d.id() + " asserts, with its apparatus", "en");
        graph.addProperty(DCTerms.source, g.createResource(Vocab.ID + d.work()));
        if (d.sha256() == null) return;
        Resource file = g.createResource(fileIri(d.sha256()));
        file.addProperty(RDF.type, PROV_ENTITY);
        if (d.file() != null) file.addProperty(DCTerms.title, d.file());
        file.addProperty(DCTerms.format, "text/markdown");
        graph.addProperty(WAS_DERIVED_FROM, file);
        Resource ingest = g.createResource(Vocab.ID + d.id() + "/ingest");
        ingest.addProperty(RDF.type, PROV_ACTIVITY);
        ingest.addProperty(RDFS.label, d.ingestedWith() == null ? "ingest" : d.ingestedWith(), "en");
        ingest.addProperty(USED, file);
        graph.addProperty(WAS_GENERATED_BY, ingest);
    }
}
