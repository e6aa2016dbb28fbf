package kg.borderlands.support;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.lucene.document.Document;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexableField;
import org.apache.lucene.store.FSDirectory;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import static org.junit.jupiter.api.Assertions.*;

/**
 * Compares the serving artifacts of two builds ({@code serving/}) : the catalogue, the network, the story views,
 * the usage counts and the form marker byte for byte (each is written in one canonical form, whatever the order
 * the store yields rows in — which depends on its node ids, and those differ between a database updated in place
 * and one loaded from scratch); the search index by its stored documents in index order (Lucene files hold random
 * segment ids, so their bytes differ between any two writes), with no deleted document left; the spatial index by
 * size (Jena's own format).
 */
public final class ServingArtifactsComparison {
    private static final ObjectMapper JSON = new ObjectMapper();
    public static final List<String> FILES = List.of("records.json", "network.json", "usage.json", "format", "story/events.json",
            "story/places.json", "story/claims.json", "story/figures.json", "story/labels.json");

    private ServingArtifactsComparison() {}

    public static void assertSame(Path wantBuild, Path gotBuild, String what) throws IOException {
        assertSameDir(wantBuild.resolve("serving"), gotBuild.resolve("serving"), what);
    }

    /** The same, for two {@code serving/} folders. */
    public static void assertSameDir(Path want, Path got, String what) throws IOException {
        for (String f : FILES) {
            byte[] a = Files.readAllBytes(want.resolve(f));
            byte[] b = Files.readAllBytes(got.resolve(f));
            if (!java.util.Arrays.equals(a, b) && f.endsWith(".json")) {
                // say how they differ
                assertEquals(canonical(JSON.readTree(a)), canonical(JSON.readTree(b)), what + ": " + f + " (as canonical JSON)");
            }
            assertArrayEquals(a, b, what + ": " + f);
        }
        assertEquals(documents(want.resolve("search")), documents(got.resolve("search")), what + ": search index");
        assertEquals(Files.size(want.resolve("spatial.index")), Files.size(got.resolve("spatial.index")), what + ": spatial index");
    }

    /** A JSON value as a string in which object members are sorted by key and array elements by their own string. */
    static String canonical(JsonNode n) {
        if (n.isObject()) {
            Map<String, String> members = new TreeMap<>();
            for (Iterator<Map.Entry<String, JsonNode>> it = n.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> e = it.next();
                members.put(e.getKey(), canonical(e.getValue()));
            }
            return members.toString();
        }
        if (n.isArray()) {
            List<String> items = new ArrayList<>();
            n.forEach(x -> items.add(canonical(x)));
            items.sort(null);
            return items.toString();
        }
        return n.toString();
    }

    /** The stored documents in index order (no deleted one). */
    private static List<String> documents(Path index) throws IOException {
        List<String> docs = new ArrayList<>();
        try (FSDirectory dir = FSDirectory.open(index); DirectoryReader reader = DirectoryReader.open(dir)) {
            assertEquals(reader.maxDoc(), reader.numDocs(), "no deleted document in " + index);
            for (int i = 0; i < reader.maxDoc(); i++) {
                Document d = reader.storedFields().document(i);
                List<String> fields = new ArrayList<>();
                for (IndexableField f : d.getFields()) fields.add(f.name() + "=" + f.stringValue());
                fields.sort(null);
                docs.add(fields.toString());
            }
        }
        assertFalse(docs.isEmpty(), "documents in " + index);
        return docs;
    }
}
