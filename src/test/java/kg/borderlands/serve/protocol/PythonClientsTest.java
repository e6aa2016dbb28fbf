package kg.borderlands.serve.protocol;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import kg.borderlands.support.TestProject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;

import static kg.borderlands.serve.protocol.ServedEndpoint.*;
import static org.junit.jupiter.api.Assertions.*;

/**
 * Debian's Python SPARQL clients against {@code /kg/sparql}: SPARQLWrapper 1.8 (with its defaults, then every return
 * format it has) and rdflib 6 ({@code SPARQLStore} behind a {@code Graph}, every results format and request method;
 * and reading the service description). The script {@code src/test/python/sparql_clients.py} runs the clients and
 * reports what they got; this test checks it against facts written by hand from the curated data. Debian's own
 * {@code /usr/bin/python3} is used (not a python3 earlier on the PATH), because that is where the packages live.
 * Without it or its modules the test is skipped locally and fails when {@code CI} is {@code true}.
 */
class PythonClientsTest {
    static final Path PYTHON = Path.of("/usr/bin/python3");
    private static final ObjectMapper JSON = new ObjectMapper();
    private static ServedEndpoint ep;

    /** Skips (locally) or fails (on CI) when Debian's python3 or one of the modules is missing. */
    static void requirePython(String... modules) throws Exception {
        String missing = null;
        if (!Files.isExecutable(PYTHON)) missing = PYTHON + " not found";
        else {
            Process p = new ProcessBuilder(PYTHON.toString(), "-c", "import " + String.join(", ", modules))
                    .redirectErrorStream(true).start();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
            if (!p.waitFor(60, TimeUnit.SECONDS)) p.destroyForcibly();
            if (p.exitValue() != 0) missing = out.lines().reduce((a, b) -> b).orElse("import failed");
        }
        if (missing == null) return;
        String msg = missing + ": apt-get install -y python3-sparqlwrapper python3-rdflib";
        if ("true".equalsIgnoreCase(System.getenv("CI"))) fail(msg + " — required on CI");
        Assumptions.abort(msg + " — Python client test skipped");
    }

    /** Runs a script under src/test/python with Debian's python3; returns its stdout parsed as JSON. */
    static JsonNode runScript(String script, String... args) throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>(List.of(PYTHON.toString(),
                TestProject.root().resolve("src/test/python").resolve(script).toString()));
        cmd.addAll(List.of(args));
        Path err = Files.createTempFile("bkg-python-", ".err");
        try {
            Process p = new ProcessBuilder(cmd).redirectError(err.toFile()).start();
            byte[] out = p.getInputStream().readAllBytes();
            if (!p.waitFor(180, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                fail(script + " did not finish in 180 s");
            }
            assertEquals(0, p.exitValue(), script + " failed: " + Files.readString(err));
            return JSON.readTree(out);
        } finally {
            Files.deleteIfExists(err);
        }
    }

    @BeforeAll
    static void start() throws Exception {
        requirePython("SPARQLWrapper", "rdflib");
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
            report = runScript("sparql_clients.py", ep.url("/sparql"), file.toString());
        } finally {
            Files.deleteIfExists(file);
        }
        long describeSize = ep.describeSize();

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
