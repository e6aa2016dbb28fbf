package kg.borderlands.link;

import kg.borderlands.cli.Main;
import kg.borderlands.load.StoreManager;
import kg.borderlands.query.QueryRunner;
import kg.borderlands.support.TestProject;
import org.apache.jena.query.ResultSet;
import org.apache.jena.query.ResultSetFactory;
import org.apache.jena.query.ResultSetRewindable;
import org.apache.jena.riot.ResultSetMgr;
import org.apache.jena.riot.resultset.ResultSetLang;
import org.apache.jena.sparql.core.DatasetGraph;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.*;

/** The queries of queries/federated/, run against our store with SERVICE calls to a real stand-in endpoint. */
class FederatedQueriesTest {
    private static WikidataFixture wd;

    @BeforeAll
    static void start() {
        wd = new WikidataFixture();
        TestProject.realStore();
    }

    @AfterAll
    static void stop() {
        if (wd != null) wd.close();
    }

    static String query(String name) throws Exception {
        return Files.readString(TestProject.root().resolve("queries/federated").resolve(name));
    }

    /** Opens the store per use: the CLI tests below close the shared TDB2 instance when they finish. */
    static ResultSetRewindable run(String name) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        DatasetGraph dsg = TestProject.realStore().open();
        try {
            FederatedQueries.run(dsg, query(name), wd.sparql(), Duration.ofSeconds(10), QueryRunner.Format.JSON, out);
        } finally {
            StoreManager.close(dsg);
        }
        ResultSet rs = ResultSetMgr.read(new ByteArrayInputStream(out.toByteArray()), ResultSetLang.RS_JSON);
        return ResultSetFactory.makeRewindable(rs);
    }

    static List<Map<String, String>> rows(ResultSetRewindable rs) {
        List<Map<String, String>> out = new ArrayList<>();
        rs.reset();
        rs.forEachRemaining(s -> {
            Map<String, String> m = new HashMap<>();
            s.varNames().forEachRemaining(v -> {
                var n = s.get(v);
                m.put(v, n.isLiteral() ? n.asLiteral().getLexicalForm() : n.toString());
            });
            out.add(m);
        });
        return out;
    }

    @Test
    void everyFederatedQueryUsesThePlaceholderAndParsesOnceSubstituted() throws Exception {
        try (var files = Files.list(TestProject.root().resolve("queries/federated"))) {
            List<Path> rq = files.filter(p -> p.toString().endsWith(".rq")).sorted().toList();
            assertTrue(rq.size() >= 3, "expected at least three federated queries: " + rq);
            for (Path p : rq) {
                String q = Files.readString(p);
                assertTrue(q.contains("SERVICE " + FederatedQueries.PLACEHOLDER), p + " must use SERVICE ${WIKIDATA}");
                assertDoesNotThrow(() -> QueryRunner.parse(FederatedQueries.substitute(q, wd.sparql())), p.toString());
            }
        }
    }

    @Test
    void provincesWithAttacksGetPopulationAndWebsite() throws Exception {
        List<Map<String, String>> rows = rows(run("province-population-website.rq"));
        Map<String, String> kp = rows.stream().filter(r -> r.get("province").endsWith("/pl-khyber-pakhtunkhwa"))
                .findFirst().orElseThrow(() -> new AssertionError("KP missing: " + rows));
        assertEquals("http://www.wikidata.org/entity/Q183314", kp.get("wikidata"));
        assertEquals("1000001", kp.get("population"), "the fixture's (synthetic) population");
        assertEquals("https://example.org/fixture/kp", kp.get("website"));
        assertTrue(Integer.parseInt(kp.get("attacks")) > 0);
        for (Map<String, String> r : rows) {
            assertNotNull(r.get("wikidata"), "only provinces linked to Wikidata: " + r);
        }
    }

    @Test
    void partiesGetTheirInceptionBesideTheReportsFoundingDate() throws Exception {
        List<Map<String, String>> rows = rows(run("party-founding-dates.rq"));
        Map<String, Map<String, String>> byParty = new HashMap<>();
        rows.forEach(r -> byParty.put(r.get("party").replaceAll("^.*/", ""), r));
        assertEquals(java.util.Set.of("pti", "pml-n", "ppp", "anp", "pkmap", "jui-f", "jui"), byParty.keySet(),
                "every party linked to Wikidata, and only those");
        assertEquals("1901-01-01T00:00:00Z", byParty.get("pti").get("inception"));
        assertNull(byParty.get("anp").get("inception"), "the fixture has no inception for the ANP");
        assertEquals("1980", byParty.get("jui-f").get("reportFounded"), "the report's founding year for the JUI-F");
        assertEquals("http://www.w3.org/2004/02/skos/core#closeMatch", byParty.get("jui-f").get("match"));
    }

    @Test
    void linkedLabelsListEveryWikidataLinkWithTheCurrentLabel() throws Exception {
        List<Map<String, String>> rows = rows(run("linked-labels.rq"));
        DatasetGraph dsg = TestProject.realStore().open();
        long wikidataLinks;
        try {
            wikidataLinks = Sssom.fromGraph(dsg).stream().filter(m -> m.objectId().startsWith("wikidata:")).count();
        } finally {
            StoreManager.close(dsg);
        }
        assertEquals(wikidataLinks, rows.size(), "one row per Wikidata link");
        Map<String, String> imran = rows.stream().filter(r -> r.get("record").endsWith("/imran-khan")).findFirst().orElseThrow();
        assertEquals("Imran Khan", imran.get("currentLabel"));
        assertEquals("http://www.w3.org/2002/07/owl#sameAs", imran.get("predicate"));
    }

    @Test
    void serviceCallsAreSentWithTheItemFilledIn() throws Exception {
        int before = wd.queries.size();
        run("party-founding-dates.rq");
        List<String> sent = wd.queries.subList(before, wd.queries.size());
        assertEquals(7, sent.size(), "one small request per linked party (7 in data/links/actors.yaml): " + sent);
        assertTrue(sent.stream().allMatch(q -> q.contains("<http://www.wikidata.org/entity/Q")), sent.toString());
    }

    @Test
    void placeholderIsRequiredAndTheEndpointMustBeHttp() {
        assertEquals("SELECT * { SERVICE <http://x.example/sparql> { ?s ?p ?o } }",
                FederatedQueries.substitute("SELECT * { SERVICE ${WIKIDATA} { ?s ?p ?o } }", "http://x.example/sparql"));
        assertThrows(IllegalArgumentException.class, () -> FederatedQueries.substitute("SELECT * { ?s ?p ?o }", wd.sparql()));
        assertThrows(IllegalArgumentException.class,
                () -> FederatedQueries.substitute("SELECT * { SERVICE ${WIKIDATA} { ?s ?p ?o } }", "file:///etc/passwd"));
    }

    @Test
    void cliRunsAFederatedQueryAndReportsAnUnreachableEndpoint() throws Exception {
        Path root = TestProject.root();
        String[] base = {"link", "federated", root.resolve("queries/federated/party-founding-dates.rq").toString(),
                "--store", root.resolve("target/test-store").toString(), "--ontology", root.resolve("ontology").toString(),
                "--data", root.resolve("data").toString(), "--qc", root.resolve("queries/qc").toString(), "--format", "csv"};
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        List<String> ok = new ArrayList<>(List.of(base));
        ok.addAll(List.of("--endpoint", wd.sparql()));
        int code = Main.run(new PrintWriter(out, true), new PrintWriter(err, true), ok.toArray(String[]::new));
        assertEquals(0, code, err.toString());
        assertTrue(out.toString().startsWith("party,label,match,wikidata,reportFounded,inception"), out.toString());
        assertEquals(1 + 7, out.toString().strip().lines().count(), "header + 7 linked parties: " + out);

        int port;
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }
        StringWriter err2 = new StringWriter();
        List<String> bad = new ArrayList<>(List.of(base));
        bad.addAll(List.of("--endpoint", "http://localhost:" + port + "/sparql", "--timeout", "3"));
        int code2 = Main.run(new PrintWriter(new StringWriter(), true), new PrintWriter(err2, true), bad.toArray(String[]::new));
        assertEquals(3, code2, err2.toString());
        assertEquals(1, err2.toString().strip().lines().count(), err2.toString());
        assertTrue(err2.toString().startsWith("error: the SERVICE endpoint http://localhost:" + port + "/sparql failed"), err2.toString());
    }
}
