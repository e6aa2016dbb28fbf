package kg.borderlands.export;

import com.apicatalog.jsonld.JsonLd;
import com.apicatalog.jsonld.JsonLdError;
import com.apicatalog.jsonld.document.JsonDocument;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonWriter;
import jakarta.json.stream.JsonGenerator;
import kg.borderlands.Vocab;
import org.apache.jena.graph.Graph;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Objects;

/**
 * The project's JSON-LD {@code @context}: terms that make our JSON-LD read as plain JSON ({@code label},
 * {@code aliases}, {@code country}, {@code place}, {@code earliest}…, with {@code id} and {@code type} for
 * {@code @id} and {@code @type}), each mapped to the IRI it stands for, with the language or datatype its values
 * carry. The context is one file, {@code kg/borderlands/context.jsonld} on the classpath, published at
 * {@link #IRI}; the JSON-LD export compacts with it, and so can any other JSON-LD the project writes
 * ({@link #compact(Graph)}).
 *
 * <p>Jena's own JSON-LD writer turns the graph into JSON-LD, and Titanium (the JSON-LD 1.1 processor Jena itself
 * uses) compacts that document with the context: typed values whose term fixes the datatype read as plain
 * strings ({@code "earliest": "2021-06-30"}), others keep {@code @value}/{@code @type}. What the context has no term for stays as a compact IRI
 * ({@code "blk:…"}), so nothing is lost.
 */
public final class JsonLdContext {
    /** Classpath location of the context document. */
    public static final String RESOURCE = "kg/borderlands/context.jsonld";
    /** Where the context is published. */
    public static final String IRI = Vocab.BASE + "context.jsonld";
    /** Media type of the context document and of JSON-LD. */
    public static final String MEDIA_TYPE = "application/ld+json";

    private static final byte[] DOCUMENT = load();

    private JsonLdContext() {}

    private static byte[] load() {
        try (InputStream in = JsonLdContext.class.getClassLoader().getResourceAsStream(RESOURCE)) {
            if (in == null) throw new IllegalStateException("missing classpath resource " + RESOURCE);
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The context document as published: {@code {"@context": {...}}}, UTF-8 bytes (a copy). */
    public static byte[] document() {
        return DOCUMENT.clone();
    }

    /** The context object (the value of {@code @context}), e.g. to embed in a JSON-LD document. */
    public static JsonObject context() {
        try (var r = Json.createReader(new ByteArrayInputStream(DOCUMENT))) {
            return r.readObject().getJsonObject("@context");
        }
    }

    /**
     * The graph as compacted JSON-LD with the context embedded (so the document reads on its own, offline):
     * {@code {"@context": {...}, "@graph": [{"id": "bkr:ttp", "type": "blk:MilitantGroup", "label": "…"}]}}
     * (a single node is written without {@code @graph}).
     */
    public static JsonObject compact(Graph graph) {
        Objects.requireNonNull(graph, "graph");
        // Jena's JSON-LD 1.1 writer (Titanium underneath) turns the triples into JSON-LD; Titanium then compacts
        // that document with our context.
        java.io.ByteArrayOutputStream plain = new java.io.ByteArrayOutputStream();
        org.apache.jena.riot.RDFDataMgr.write(plain, graph, org.apache.jena.riot.RDFFormat.JSONLD11_FLAT);
        try {
            return JsonLd.compact(JsonDocument.of(new ByteArrayInputStream(plain.toByteArray())),
                    JsonDocument.of(new ByteArrayInputStream(DOCUMENT))).get();
        } catch (JsonLdError e) {
            throw new IllegalStateException("JSON-LD compaction failed: " + e.getMessage(), e);
        }
    }

    /** Writes {@link #compact(Graph)} to the stream, indented, UTF-8; the stream is flushed, not closed. */
    public static void write(Graph graph, OutputStream out) throws IOException {
        java.io.StringWriter text = new java.io.StringWriter();
        try (JsonWriter jw = Json.createWriterFactory(Map.of(JsonGenerator.PRETTY_PRINTING, true)).createWriter(text)) {
            jw.writeObject(compact(graph));
        }
        Writer w = new OutputStreamWriter(out, StandardCharsets.UTF_8);
        w.write(text.toString().strip());
        w.write('\n');
        w.flush();
    }
}
