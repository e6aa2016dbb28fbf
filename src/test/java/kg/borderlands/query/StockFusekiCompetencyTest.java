package kg.borderlands.query;

import kg.borderlands.cli.Main;
import kg.borderlands.support.TestProject;
import org.apache.jena.fuseki.main.FusekiServer;
import org.apache.jena.riot.RDFDataMgr;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.DatasetGraphFactory;
import org.apache.jena.sparql.exec.http.QueryExecutionHTTP;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The competency questions are portable: a stock Fuseki — {@code FusekiServer} with no customisation, as
 * {@code fuseki-server --file kg.trig /kg} would start it — loaded from our TriG dump (the {@code export}
 * command's output: the default "truthy" graph and the named graphs, the claimed graph among them) answers every
 * {@code queries/cq-*.rq}, sent as the file's text unchanged, with the result set {@link CompetencyQuestionsTest}
 * expects from our own store; the quality checks {@code queries/qc/*.rq} run unchanged and find nothing.
 */
class StockFusekiCompetencyTest {
    private static FusekiServer fuseki;
    private static Path dump;

    @BeforeAll
    static void start() throws IOException {
        dump = Files.createTempFile("borderlands-kg", ".trig");
        Path root = TestProject.root();
        StringWriter err = new StringWriter();
        int exit = Main.run(new PrintWriter(new StringWriter(), true), new PrintWriter(err, true),
                "export", "--format", "trig", "--out", dump.toString(),
                "--store", root.resolve("target/test-store").toString(), "--ontology", root.resolve("ontology").toString(),
                "--data", root.resolve("data").toString(), "--qc", root.resolve("queries/qc").toString());
        assertEquals(0, exit, err.toString());
        DatasetGraph dsg = DatasetGraphFactory.createTxnMem();
        RDFDataMgr.read(dsg, dump.toString());
        fuseki = FusekiServer.create().port(0).add("/kg", dsg).build().start();
    }

    @AfterAll
    static void stop() throws IOException {
        try {
            if (fuseki != null) fuseki.stop();
        } finally {
            if (dump != null) Files.deleteIfExists(dump);
            Files.deleteIfExists(dump.resolveSibling(dump.getFileName().toString().replace(".trig", ".void.ttl")));
        }
    }

    static Stream<Path> questions() throws IOException {
        return CompetencyQuestionsTest.questions();
    }

    static Stream<Path> qualityChecks() throws IOException {
        try (Stream<Path> s = Files.list(TestProject.root().resolve("queries/qc"))) {
            return s.filter(p -> p.toString().endsWith(".rq")).sorted().toList().stream();
        }
    }

    /** The quality checks run unchanged too, and find nothing wrong in the dump, as they do at load time. */
    @ParameterizedTest(name = "{0}")
    @MethodSource("qualityChecks")
    void qualityChecksRunUnchangedAndFindNothing(Path rq) throws IOException {
        String url = "http://localhost:" + fuseki.getHttpPort() + "/kg/sparql";
        try (QueryExecutionHTTP qe = QueryExecutionHTTP.service(url).queryString(Files.readString(rq)).build()) {
            java.util.List<String> rows = new java.util.ArrayList<>();
            qe.execSelect().forEachRemaining(r -> rows.add(r.toString()));
            assertEquals(java.util.List.of(), rows, rq.getFileName() + " on stock Fuseki");
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("questions")
    void stockFusekiGivesTheExpectedAnswer(Path rq) throws IOException {
        String url = "http://localhost:" + fuseki.getHttpPort() + "/kg/sparql";
        try (QueryExecutionHTTP qe = QueryExecutionHTTP.service(url).queryString(Files.readString(rq)).build()) {
            CompetencyQuestionsTest.assertAnswers(rq, qe);
        }
    }
}
