package kg.borderlands.load;

import kg.borderlands.cli.Main;
import kg.borderlands.support.TestProject;
import org.apache.jena.query.QueryExecution;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.system.Txn;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.*;

/**
 * Bad data makes {@code load} fail with file:line and record id, and the published store keeps serving the
 * previous data.
 */
class LoadFailuresTest {
    @TempDir
    Path tmp;
    private Path data;
    private Path store;

    @BeforeEach
    void buildGoodStore() {
        data = tmp.resolve("data");
        store = tmp.resolve("store");
        TestProject.copyTree(TestProject.root().resolve("src/test/resources/fixtures/minimal/data"), data);
        Run r = load();
        assertEquals(0, r.code, r.err);
    }

    static Stream<Arguments> brokenInputs() {
        return Stream.of(
                Arguments.of("syntax error", "core.yaml",
                        (UnaryOperator<String>) s -> s.replace("aliases: [TTP, Pakistani Taliban]", "aliases: [TTP, Pakistani Taliban"),
                        "core.yaml:6:", "BKG-E001", null),
                Arguments.of("unknown field", "core.yaml",
                        (UnaryOperator<String>) s -> s.replace("    label: Afghan Taliban\n", "    label: Afghan Taliban\n    colour: red\n"),
                        "core.yaml:11:5", "BKG-E002", "afghan-taliban"),
                Arguments.of("dangling reference", "core.yaml",
                        (UnaryOperator<String>) s -> s.replace("object: afghan-taliban", "object: afghan-talibn"),
                        "core.yaml:18:5", "BKG-E005", "tie-ttp-allegiance-afghan-taliban"),
                Arguments.of("missing field", "core.yaml",
                        (UnaryOperator<String>) s -> s.replace("    subject: ttp\n", ""),
                        "core.yaml:14:5", "BKG-E003", "tie-ttp-allegiance-afghan-taliban"),
                Arguments.of("duplicate id", "core.yaml",
                        (UnaryOperator<String>) s -> s.replace("id: afghan-taliban", "id: ttp"),
                        "core.yaml:8:5", "BKG-E006", "ttp"),
                Arguments.of("unknown type", "core.yaml",
                        (UnaryOperator<String>) s -> s.replace("type: Allegiance", "type: Friendship"),
                        "core.yaml:15:5", "BKG-E004", "tie-ttp-allegiance-afghan-taliban"),
                Arguments.of("type from the wrong section", "core.yaml",
                        (UnaryOperator<String>) s -> s.replace("type: Allegiance", "type: MilitantGroup"),
                        "core.yaml:15:5", "BKG-E004", "tie-ttp-allegiance-afghan-taliban"),
                Arguments.of("bad date", "core.yaml",
                        (UnaryOperator<String>) s -> s.replace("from: \"2021-08-17\"", "from: \"17 August 2021\""),
                        "core.yaml:19:5", "BKG-E008", "tie-ttp-allegiance-afghan-taliban"),
                Arguments.of("unknown footnote", "core.yaml",
                        (UnaryOperator<String>) s -> s.replace("footnotes: [32]}\n  - id: afghan", "footnotes: [999]}\n  - id: afghan"),
                        "core.yaml:7:", "BKG-E005", "ttp"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("brokenInputs")
    void badDataFailsLocatedAndKeepsThePreviousStore(String name, String file, UnaryOperator<String> breakIt,
                                                      String expectedLocation, String expectedCode,
                                                      String expectedRecord) throws IOException {
        String before = Files.readString(store.resolve(StoreManager.CURRENT));
        Path f = data.resolve(file);
        String original = Files.readString(f);
        String broken = breakIt.apply(original);
        assertNotEquals(original, broken, "the test's edit must change the file");
        Files.writeString(f, broken);

        Run r = load();

        assertEquals(1, r.code, "exit code; stderr: " + r.err);
        assertTrue(r.err.contains(expectedLocation), "expected " + expectedLocation + " in: " + r.err);
        assertTrue(r.err.contains(expectedCode), "expected " + expectedCode + " in: " + r.err);
        if (expectedRecord != null) {
            assertTrue(r.err.contains("record '" + expectedRecord + "'"), "expected record id in: " + r.err);
        }
        assertFalse(r.err.contains("Exception"), "no stack trace without --verbose: " + r.err);
        assertEquals(before, Files.readString(store.resolve(StoreManager.CURRENT)), "CURRENT must not move");
        assertTrue(previousDataStillServed(), "the previous store must still answer");
    }

    @Test
    void unchangedInputsReuseTheStore() throws IOException {
        String before = Files.readString(store.resolve(StoreManager.CURRENT));
        Run r = load();
        assertEquals(0, r.code, r.err);
        assertTrue(r.out.contains("up to date"), r.out);
        assertEquals(before, Files.readString(store.resolve(StoreManager.CURRENT)));
    }

    private boolean previousDataStillServed() throws IOException {
        DatasetGraph dsg = new StoreManager(store).open();
        try {
            return Txn.calculateRead(dsg, () -> {
                try (QueryExecution qe = QueryExecution.dataset(org.apache.jena.query.DatasetFactory.wrap(dsg))
                        .query("ASK { <https://w3id.org/borderlands-kg/id/ttp> "
                                + "<https://w3id.org/borderlands-kg/ontology#pledgedAllegianceTo> "
                                + "<https://w3id.org/borderlands-kg/id/afghan-taliban> }").build()) {
                    return qe.execAsk();
                }
            });
        } finally {
            StoreManager.close(dsg);
        }
    }

    private Run load() {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        Path root = TestProject.root();
        int code = Main.run(new PrintWriter(out, true), new PrintWriter(err, true), "load",
                "--ontology", root.resolve("ontology").toString(), "--data", data.toString(),
                "--qc", root.resolve("queries/qc").toString(), "--store", store.toString());
        return new Run(code, out.toString(), err.toString());
    }

    private record Run(int code, String out, String err) {}
}
