package kg.borderlands.load;

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
 * Compares the serving artifacts of two builds ({@code serving/}) by content: the catalogue byte for byte (it is
 * written in id order), the JSON artifacts (network, story views, usage counts) as canonical JSON — objects by
 * key, arrays as multisets, since the order a store yields rows in depends on its node ids, which differ between a
 * database updated in place and one loaded from scratch — the search index by its stored documents, and the
 * spatial index by size.
 */
final class ServingArtifactsComparison {
    private static final ObjectMapper JSON = new ObjectMapper();

    private ServingArtifactsComparison() {}

    static void assertSame(Path wantBuild, Path gotBuild, String what) throws IOException {
        Path want = wantBuild.resolve("serving");
        Path got = gotBuild.resolve("serving");
        assertArrayEquals(Files.readAllBytes(want.resolve("records.json")), Files.readAllBytes(got.resolve("records.json")),
                what + ": records.json");
        for (String json : List.of("network.json", "usage.json", "story/events.json", "story/places.json",
                "story/claims.json", "story/figures.json", "story/labels.json")) {
            assertEquals(canonical(JSON.readTree(want.resolve(json).toFile())), canonical(JSON.readTree(got.resolve(json).toFile())),
                    what + ": " + json);
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

    private static List<String> documents(Path index) throws IOException {
        List<String> docs = new ArrayList<>();
        try (FSDirectory dir = FSDirectory.open(index); DirectoryReader reader = DirectoryReader.open(dir)) {
            for (int i = 0; i < reader.maxDoc(); i++) {
                Document d = reader.storedFields().document(i);
                List<String> fields = new ArrayList<>();
                for (IndexableField f : d.getFields()) fields.add(f.name() + "=" + f.stringValue());
                fields.sort(null);
                docs.add(fields.toString());
            }
        }
        docs.sort(null);
        assertFalse(docs.isEmpty(), "documents in " + index);
        return docs;
    }
}
