package kg.borderlands.query;

import kg.borderlands.cli.Main;
import kg.borderlands.support.TestProject;
import org.apache.jena.query.ResultSet;
import org.apache.jena.rdf.model.Model;
import org.apache.jena.rdf.model.ModelFactory;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFParser;
import org.apache.jena.riot.ResultSetMgr;
import org.apache.jena.riot.resultset.ResultSetLang;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.vocabulary.SKOS;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.*;

/** {@code query --format}: every result format of the endpoint, offline, read back by Jena's own parsers. */
class QueryFormatsTest {
    /** Aliases of record {@code ttp}, written by hand from {@code data/actors/militants.yaml}. */
    private static final List<String> TTP_ALIASES = List.of("Pakistani Taliban", "TTP", "Tehreek-e-Taliban",
            "Tehrik-i-Taliban Pakistan");
    private static final String SELECT = "SELECT ?alias WHERE { bkr:ttp skos:altLabel ?alias } ORDER BY ?alias";
    private static final String CONSTRUCT = "CONSTRUCT { bkr:ttp skos:altLabel ?a } WHERE { bkr:ttp skos:altLabel ?a }";
    private static DatasetGraph dsg;

    @BeforeAll
    static void open() throws java.io.IOException {
        dsg = TestProject.realStore().open();
    }

    @AfterAll
    static void close() {
        kg.borderlands.load.StoreManager.close(dsg);
    }

    private static byte[] run(String sparql, QueryRunner.Format format) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        QueryRunner.run(dsg, sparql, format, out);
        return out.toByteArray();
    }

    @ParameterizedTest
    @EnumSource(value = QueryRunner.Format.class, names = {"CSV", "TSV", "JSON", "XML"})
    void selectInEveryResultsFormat(QueryRunner.Format format) {
        Lang lang = switch (format) {
            case CSV -> ResultSetLang.RS_CSV;
            case TSV -> ResultSetLang.RS_TSV;
            case JSON -> ResultSetLang.RS_JSON;
            default -> ResultSetLang.RS_XML;
        };
        ResultSet rs = ResultSetMgr.read(new ByteArrayInputStream(run(SELECT, format)), lang);
        List<String> aliases = new ArrayList<>();
        rs.forEachRemaining(s -> aliases.add(s.getLiteral("alias").getLexicalForm()));
        assertEquals(TTP_ALIASES, aliases.stream().sorted().toList());
    }

    @Test
    void selectAsATable() {
        String table = new String(run(SELECT, QueryRunner.Format.TABLE), StandardCharsets.UTF_8);
        for (String a : TTP_ALIASES) assertTrue(table.contains("\"" + a + "\""), table);
    }

    @ParameterizedTest
    @EnumSource(value = QueryRunner.Format.class, names = {"JSON", "XML"})
    void askInTheResultsFormatsThatHaveABoolean(QueryRunner.Format format) {
        Lang lang = format == QueryRunner.Format.JSON ? ResultSetLang.RS_JSON : ResultSetLang.RS_XML;
        assertTrue(ResultSetMgr.readBoolean(new ByteArrayInputStream(run("ASK { bkr:ttp a blk:MilitantGroup }", format)), lang));
        assertFalse(ResultSetMgr.readBoolean(new ByteArrayInputStream(run("ASK { bkr:ttp a blk:Country }", format)), lang));
    }

    @ParameterizedTest
    @EnumSource(value = QueryRunner.Format.class, names = {"TABLE", "CSV", "TSV"})
    void askElsewhereIsTrueOrFalseAlone(QueryRunner.Format format) {
        assertEquals("true", new String(run("ASK { bkr:ttp a blk:MilitantGroup }", format), StandardCharsets.UTF_8).strip());
        assertEquals("false", new String(run("ASK { bkr:ttp a blk:Country }", format), StandardCharsets.UTF_8).strip());
    }

    @Test
    void constructAsTurtleJsonLdAndRdfXml() {
        for (var c : List.of(new Object[] {QueryRunner.Format.TABLE, Lang.TURTLE}, new Object[] {QueryRunner.Format.JSON, Lang.JSONLD},
                new Object[] {QueryRunner.Format.XML, Lang.RDFXML})) {
            Model m = ModelFactory.createDefaultModel();
            RDFParser.source(new ByteArrayInputStream(run(CONSTRUCT, (QueryRunner.Format) c[0]))).lang((Lang) c[1]).parse(m);
            List<String> aliases = new ArrayList<>();
            m.listObjectsOfProperty(SKOS.altLabel).forEachRemaining(o -> aliases.add(o.asLiteral().getLexicalForm()));
            assertEquals(TTP_ALIASES, aliases.stream().sorted().toList(), c[0] + " as " + c[1]);
        }
    }

    @Test
    void anUnknownFormatIsAUsageError() {
        StringWriter err = new StringWriter();
        int code = Main.run(new PrintWriter(new StringWriter(), true), new PrintWriter(err, true),
                "query", "--format", "yaml", "-q", "ASK {}", "--store", "target/never-built");
        assertEquals(2, code, err.toString());
        assertTrue(err.toString().contains("use table, csv, tsv, json or xml"), err.toString());
    }
}
