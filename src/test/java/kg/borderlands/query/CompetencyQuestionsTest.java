package kg.borderlands.query;

import kg.borderlands.Vocab;
import kg.borderlands.load.StoreManager;
import kg.borderlands.support.TestProject;
import org.apache.jena.query.DatasetFactory;
import org.apache.jena.query.Query;
import org.apache.jena.query.QueryExecution;
import org.apache.jena.query.QuerySolution;
import org.apache.jena.query.ResultSet;
import org.apache.jena.rdf.model.RDFNode;
import org.apache.jena.shared.PrefixMapping;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.system.Txn;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.*;

/**
 * Runs every competency question {@code queries/cq-NN-name.rq} and compares its result, ignoring row order,
 * with the hand-written {@code queries/cq-NN-name.tsv} beside it. In the TSV, the first line names the
 * variables; IRIs are written as prefixed names ({@code bkr:ttp}), literals as their plain lexical form,
 * unbound as an empty cell. An ASK question's TSV holds {@code true} or {@code false}.
 */
class CompetencyQuestionsTest {
    private static DatasetGraph dsg;
    private static final PrefixMapping PREFIXES = Vocab.prefixes();

    @BeforeAll
    static void open() throws IOException {
        dsg = TestProject.realStore().open();
    }

    @AfterAll
    static void close() {
        StoreManager.close(dsg);
    }

    static Stream<Path> questions() throws IOException {
        try (Stream<Path> s = Files.list(TestProject.root().resolve("queries"))) {
            List<Path> qs = s.filter(p -> p.getFileName().toString().matches("cq-\\d\\d-.*\\.rq")).sorted()
                    .collect(Collectors.toList());
            return qs.stream();
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("questions")
    void answersAsExpected(Path rq) throws IOException {
        Query q = QueryRunner.parse(Files.readString(rq));
        Txn.executeRead(dsg, () -> {
            try (QueryExecution qe = QueryExecution.dataset(DatasetFactory.wrap(dsg)).query(q).build()) {
                assertAnswers(rq, qe);
            }
        });
    }

    /**
     * Runs the question with {@code qe} (local or remote: another test runs the files unchanged on a stock
     * Fuseki) and compares the result with the hand-written TSV beside the {@code .rq}, ignoring row order.
     */
    static void assertAnswers(Path rq, QueryExecution qe) {
        Path tsv = rq.resolveSibling(rq.getFileName().toString().replaceFirst("\\.rq$", ".tsv"));
        assertTrue(Files.exists(tsv), "expected result file missing: " + tsv);
        List<String> expectedLines;
        boolean ask;
        try {
            expectedLines = Files.readAllLines(tsv).stream().filter(l -> !l.isBlank()).collect(Collectors.toList());
            ask = QueryRunner.parse(Files.readString(rq)).isAskType();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        if (ask) {
            assertEquals(expectedLines.get(0).trim(), Boolean.toString(qe.execAsk()), rq.toString());
            return;
        }
        List<String> header = List.of(expectedLines.get(0).split("\t", -1));
        List<String> expected = expectedLines.subList(1, expectedLines.size()).stream()
                .map(l -> normaliseRow(l, header.size())).sorted().collect(Collectors.toList());
        ResultSet rs = qe.execSelect();
        assertEquals(header, rs.getResultVars(), "variables of " + rq.getFileName());
        List<String> actual = new ArrayList<>();
        while (rs.hasNext()) actual.add(row(rs.next(), header));
        actual.sort(null);
        assertEquals(String.join("\n", expected), String.join("\n", actual),
                "result of " + rq.getFileName() + " (rows sorted; expected from " + tsv.getFileName() + ")");
    }

    /** Trims cells and pads a row to the header's width (trailing empty cells may be left out). */
    private static String normaliseRow(String line, int width) {
        List<String> cells = new ArrayList<>(List.of(line.split("\t", -1)).stream().map(String::trim)
                .collect(Collectors.toList()));
        while (cells.size() < width) cells.add("");
        return String.join("\t", cells);
    }

    private static String row(QuerySolution s, List<String> vars) {
        return vars.stream().map(v -> cell(s.get(v))).collect(Collectors.joining("\t"));
    }

    private static String cell(RDFNode n) {
        if (n == null) return "";
        if (n.isURIResource()) return PREFIXES.shortForm(n.asResource().getURI());
        if (n.isLiteral()) {
            // numbers compare by value: the store writes xsd:decimal 112 as "112.0"
            Object v = n.asLiteral().getValue();
            if (v instanceof Number && !(v instanceof Double) && !(v instanceof Float)) {
                return new java.math.BigDecimal(v.toString()).stripTrailingZeros().toPlainString();
            }
            return n.asLiteral().getLexicalForm();
        }
        return n.toString();
    }
}
