package kg.borderlands.serve.ld;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import kg.borderlands.serve.WebTestServer;
import kg.borderlands.support.TestProject;
import org.apache.jena.rdf.model.Model;
import org.apache.jena.rdf.model.ModelFactory;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFParser;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.*;

/**
 * The published JSON-LD {@code @context} on the server: served at {@code /context.jsonld}, used by the JSON-LD of
 * {@code /id/…} and {@code /ontology} (keys read {@code label}, {@code aliases}…), and the same names the JSON API
 * uses for the same statements.
 */
class JsonLdContextServingTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    /** Written by hand from {@code data/actors/militants.yaml} (record {@code ttp}). */
    private static final String TTP_LABEL = "Tehreek-e-Taliban Pakistan";
    private static final List<String> TTP_ALIASES = List.of("Pakistani Taliban", "TTP", "Tehreek-e-Taliban",
            "Tehrik-i-Taliban Pakistan");
    private static WebTestServer server;

    @BeforeAll
    static void start() throws Exception {
        server = WebTestServer.start(null);
    }

    @AfterAll
    static void stop() {
        if (server != null) server.close();
    }

    @Test
    void theContextIsServedWhereItsIriPoints() throws Exception {
        HttpResponse<String> r = server.get("/context.jsonld", null);
        assertEquals(200, r.statusCode());
        assertTrue(r.headers().firstValue("Content-Type").orElse("").startsWith("application/ld+json"));
        JsonNode served = JSON.readTree(r.body());
        JsonNode file = JSON.readTree(Files.readString(TestProject.root().resolve("src/main/resources/kg/borderlands/context.jsonld")));
        assertEquals(file, served, "the context file, as is");
    }

    @Test
    void recordJsonLdReadsAsPlainJson() throws Exception {
        HttpResponse<String> r = server.get("/id/ttp", "application/ld+json");
        assertEquals(200, r.statusCode());
        JsonNode doc = JSON.readTree(r.body());
        assertTrue(doc.has("@context"), "the context travels with the document");
        JsonNode ttp = node(doc, "bkr:ttp");
        assertNotNull(ttp, "a node for the TTP");
        assertEquals(TTP_LABEL, ttp.get("label").asText());
        List<String> aliases = new ArrayList<>();
        ttp.get("aliases").forEach(a -> aliases.add(a.asText()));
        aliases.sort(null);
        assertEquals(TTP_ALIASES, aliases);
        for (JsonNode n : doc.path("@graph")) {
            n.fieldNames().forEachRemaining(k -> assertFalse(k.equals("skos:prefLabel") || k.equals("skos:altLabel")
                    || k.equals("dct:description"), "no prefixed key where the context has a term: " + k));
        }

        // still the same graph as the Turtle variant
        Model ttl = ModelFactory.createDefaultModel();
        RDFParser.fromString(server.get("/id/ttp", "text/turtle").body(), Lang.TURTLE).parse(ttl);
        Model jsonld = ModelFactory.createDefaultModel();
        RDFParser.fromString(r.body(), Lang.JSONLD).parse(jsonld);
        assertTrue(ttl.isIsomorphicWith(jsonld), "JSON-LD with the context says what Turtle says");
    }

    @Test
    void ontologyJsonLdUsesTheContextToo() throws Exception {
        JsonNode doc = JSON.readTree(server.get("/ontology/Actor", "application/ld+json").body());
        assertTrue(doc.has("@context"));
        JsonNode actor = node(doc, "blk:Actor");
        assertNotNull(actor, doc.toString());
        assertTrue(actor.has("definition"), "skos:definition reads 'definition': " + actor);
    }

    @Test
    void theApiNamesTheSameStatementsWithTheContextsTerms() throws Exception {
        JsonNode context = JSON.readTree(server.get("/context.jsonld", null).body()).get("@context");
        assertEquals("skos:prefLabel", context.get("label").get("@id").asText());
        assertEquals("skos:altLabel", context.get("aliases").get("@id").asText());
        assertEquals("dct:description", context.get("description").get("@id").asText());

        JsonNode api = JSON.readTree(server.get("/api/entity/ttp", null).body());
        JsonNode ld = node(JSON.readTree(server.get("/id/ttp.jsonld", null).body()), "bkr:ttp");
        for (String key : List.of("label", "aliases", "description")) {
            assertTrue(api.has(key) && ld.has(key), key + " in both");
            assertEquals(sortedText(ld.get(key)), sortedText(api.get(key)), key + ": same key, same value in the API and /id");
        }
    }

    private static List<String> sortedText(JsonNode n) {
        List<String> out = new ArrayList<>();
        if (n.isArray()) n.forEach(x -> out.add(x.asText()));
        else out.add(n.asText());
        out.sort(null);
        return out;
    }

    private static JsonNode node(JsonNode doc, String id) {
        if (id.equals(doc.path("id").asText())) return doc;
        for (JsonNode n : doc.path("@graph")) if (id.equals(n.path("id").asText())) return n;
        return null;
    }
}
