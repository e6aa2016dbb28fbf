package kg.borderlands.serve.protocol;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import kg.borderlands.support.Python;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static kg.borderlands.serve.protocol.ServedEndpoint.*;
import static org.junit.jupiter.api.Assertions.*;

/**
 * Debian's Python SPARQL clients against {@code /kg/sparql}: SPARQLWrapper 1.8 (with its defaults, then every return
 * format it has) and rdflib 6 ({@code SPARQLStore} behind a {@code Graph}, every results format and request method;
 * and reading the service description). The script {@code src/test/python/sparql_clients.py} runs the clients and
 * reports what they got; this test checks it against facts written by hand from the curated data. Runs on Debian's
 * python3 ({@link Python}): skipped locally without it, failed on CI.
 */
class PythonClientsTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static ServedEndpoint ep;

    @BeforeAll
    static void start() throws Exception {
        Python.require("SPARQLWrapper", "rdflib");
        ep = ServedEndpoint.start();
    }

    @AfterAll
    static void stop() {
        if (ep != null) ep.close();
    }

    @Test
    void sparqlWrapperAndRdflibGetTheRightAnswers() throws Exception {
        Map<String, String> queries = new LinkedHashMap<>();
        queries.put("select", SELECT_ALIASES);
        queries.put("ask_true", ASK_TRUE);
        queries.put("ask_false", ASK_FALSE);
        queries.put("construct", CONSTRUCT_ALIASES);
        queries.put("describe", DESCRIBE_TTP);
        Path file = Files.createTempFile("bkg-queries-", ".json");
        JsonNode report;
        try {
            JSON.writeValue(file.toFile(), queries);
            Python.Result r = Python.script("sparql_clients.py", ep.url("/sparql"), file.toString());
            assertEquals(0, r.exit(), r.describe());
            report = JSON.readTree(r.out());
        } finally {
            Files.deleteIfExists(file);
        }
        long describeSize = ep.describeReference().size();

        List<String> problems = new ArrayList<>();
        Set<String> names = new HashSet<>();
        for (JsonNode c : report.get("cases")) {
            String name = c.get("name").asText();
            names.add(name);
            if (c.has("error")) {
                problems.add(name + ": " + c.get("error").asText());
                continue;
            }
            String query = c.get("query").asText();
            switch (c.get("kind").asText()) {
                case "select" -> check(problems, name, TTP_ALIASES, strings(c.get("aliases")));
                case "ask" -> check(problems, name, query.equals("ask_true"), c.get("boolean").asBoolean());
                case "graph" -> {
                    check(problems, name, TTP_ALIASES, strings(c.get("aliases")));
                    if (query.equals("describe")) {
                        check(problems, name + " size", describeSize, c.get("size").asLong());
                        check(problems, name + " has the label", true, c.get("hasLabel").asBoolean());
                    }
                }
                case "service" -> {
                    check(problems, name + " endpoint", List.of(ep.url("/sparql")), strings(c.get("endpoint")));
                    check(problems, name + " languages", List.of(ServiceDescription.SD + "SPARQL11Query"), strings(c.get("languages")));
                }
                default -> problems.add(name + ": unknown kind");
            }
            if (c.hasNonNull("contentType")) {
                String expected = expectedType(c.get("format").asText(), c.get("kind").asText());
                if (!c.get("contentType").asText().startsWith(expected)) {
                    problems.add(name + ": asked for " + c.get("format").asText() + ", got " + c.get("contentType").asText());
                }
            }
        }
        assertEquals(List.of(), problems);
        for (String must : List.of("SPARQLWrapper defaults select", "SPARQLWrapper defaults construct",
                "SPARQLWrapper defaults describe", "SPARQLWrapper rdf+xml construct", "SPARQLWrapper defaults at the dataset URL select",
                "rdflib SPARQLStore xml select", "rdflib SPARQLStore GET describe", "rdflib parses the service description")) {
            assertTrue(names.contains(must), "the script ran case '" + must + "'");
        }
    }

    /** The media type a SPARQLWrapper return format must come back as. */
    private static String expectedType(String format, String kind) {
        boolean graph = kind.equals("graph");
        return switch (format) {
            case "default", "xml" -> graph ? "application/rdf+xml" : "application/sparql-results+xml";
            case "rdf+xml" -> "application/rdf+xml";
            case "json" -> graph ? "application/ld+json" : "application/sparql-results+json";
            case "csv" -> "text/csv";
            case "tsv" -> "text/tab-separated-values";
            case "turtle", "n3" -> "text/turtle";
            case "json-ld" -> "application/ld+json";
            default -> "(format " + format + ")";
        };
    }

    private static List<String> strings(JsonNode array) {
        List<String> out = new ArrayList<>();
        if (array != null) array.forEach(n -> out.add(n.asText()));
        return out;
    }

    private static void check(List<String> problems, String what, Object expected, Object actual) {
        if (!expected.equals(actual)) problems.add(what + ": expected " + expected + ", got " + actual);
    }
}
