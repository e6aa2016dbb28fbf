package kg.borderlands.fuseki;

import kg.borderlands.Vocab;
import kg.borderlands.link.VoidDescription;
import kg.borderlands.load.StoreManager;
import kg.borderlands.support.TestProject;
import org.apache.jena.fuseki.main.FusekiServer;
import org.apache.jena.query.QueryExecution;
import org.apache.jena.query.QuerySolution;
import org.apache.jena.rdf.model.Model;
import org.apache.jena.rdf.model.Property;
import org.apache.jena.rdf.model.ResourceFactory;
import org.apache.jena.rdf.model.Statement;
import org.apache.jena.riot.RDFDataMgr;
import org.apache.jena.riot.RDFFormat;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.exec.http.GSP;
import org.apache.jena.sparql.exec.http.QueryExecutionHTTP;
import org.apache.jena.system.Txn;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.OutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.*;

/**
 * {@code fuseki/borderlands-kg.ttl} on stock Fuseki: {@code FusekiServer} started from the configuration file
 * (port 0) over the TDB2 database of a build made by the test run, with the text index built by jena-text's own
 * {@code textindexer} from the same file. Only the two relative paths of the file ({@code tdb2:location "tdb"},
 * {@code text:directory "text-index"}) are pointed at the test's directories; the rest is read as it is.
 */
class FusekiConfigTest {
    private static final String TDB2 = "http://jena.apache.org/2016/tdb#";
    private static final String TEXT = "http://jena.apache.org/text#";
    private static FusekiServer fuseki;
    private static Path work;
    private static Path tdb;
    private static long unionCount;
    private static long dataCount;

    @BeforeAll
    static void start() throws Exception {
        Path build = TestProject.realStore().current().orElseThrow();
        tdb = build.resolve("tdb");
        work = Files.createTempDirectory("fuseki-config");
        Model config = RDFDataMgr.loadModel(TestProject.root().resolve("fuseki/borderlands-kg.ttl").toString());
        replaceObject(config, ResourceFactory.createProperty(TDB2, "location"), "tdb",
                config.createLiteral(tdb.toAbsolutePath().toString()));
        replaceObject(config, ResourceFactory.createProperty(TEXT, "directory"), "text-index",
                config.createLiteral(work.resolve("text-index").toAbsolutePath().toString()));
        Path cfg = work.resolve("config.ttl");
        try (OutputStream os = Files.newOutputStream(cfg)) {
            RDFDataMgr.write(os, config, RDFFormat.TURTLE_PRETTY);
        }
        // counts from our own store, taken before Fuseki opens the same database
        DatasetGraph dsg = TestProject.realStore().open();
        try {
            unionCount = localCount(dsg, "SELECT (COUNT(*) AS ?n) { ?s ?p ?o }");
            dataCount = localCount(dsg, "SELECT (COUNT(*) AS ?n) { GRAPH <" + Vocab.GRAPH_DATA + "> { ?s ?p ?o } }");
        } finally {
            StoreManager.close(dsg);
        }
        org.apache.jena.query.text.cmd.textindexer.testMain("--desc=" + cfg);
        fuseki = FusekiServer.create().port(0).parseConfigFile(cfg.toString()).build().start();
    }

    /** Replaces the one statement whose object is the file's relative path (fails if the file changed). */
    private static void replaceObject(Model m, Property p, String was, org.apache.jena.rdf.model.RDFNode now) {
        List<Statement> found = m.listStatements(null, p, (org.apache.jena.rdf.model.RDFNode) null).toList();
        assertEquals(1, found.size(), "one " + p.getLocalName() + " in the configuration");
        Statement st = found.get(0);
        String value = st.getObject().isLiteral() ? st.getString() : st.getResource().getURI();
        assertEquals(was, value, p.getLocalName());
        m.remove(st);
        m.add(st.getSubject(), p, now);
    }

    @AfterAll
    static void stop() throws IOException {
        try {
            if (fuseki != null) fuseki.stop();
        } finally {
            if (work != null) TestProject.deleteTree(work);
        }
    }

    private static String url(String path) {
        return "http://localhost:" + fuseki.getHttpPort() + "/kg" + path;
    }

    private static List<QuerySolution> select(String endpoint, String query) {
        try (QueryExecution qe = QueryExecutionHTTP.service(endpoint).query(query).build()) {
            List<QuerySolution> rows = new ArrayList<>();
            qe.execSelect().forEachRemaining(rows::add);
            return rows;
        }
    }

    private static long localCount(DatasetGraph dsg, String query) {
        return Txn.calculateRead(dsg, () -> {
            try (QueryExecution qe = QueryExecution.dataset(org.apache.jena.query.DatasetFactory.wrap(dsg)).query(query).build()) {
                return qe.execSelect().next().getLiteral("n").getLong();
            }
        });
    }

    @Test
    void theSameEndpointsAnswerWithTheSameDefaultGraph() {
        String count = "SELECT (COUNT(*) AS ?n) { ?s ?p ?o }";
        long expected = unionCount;
        assertTrue(expected > 10_000, "the real store: " + expected);
        for (String path : List.of("/sparql", "/query", "")) {
            assertEquals(expected, select(url(path), count).get(0).getLiteral("n").getLong(), "default graph at /kg" + path);
        }
        List<QuerySolution> round = select(url("/sparql"), "PREFIX skos: <http://www.w3.org/2004/02/skos/core#> "
                + "SELECT ?l { <" + Vocab.ID + "ttp> skos:prefLabel ?l }");
        assertEquals("Tehreek-e-Taliban Pakistan", round.get(0).getLiteral("l").getString());
        List<QuerySolution> dump = select(url("/sparql"), "PREFIX void: <http://rdfs.org/ns/void#> SELECT ?d { GRAPH <"
                + VoidDescription.GRAPH + "> { ?ds void:dataDump ?d } }");
        assertEquals(1, dump.size(), "the VoID graph is served with the dataset");
    }

    @Test
    void theGraphStoreProtocolReadsEachGraphAndNothingElse() throws Exception {
        assertEquals(dataCount, GSP.service(url("/get")).graphName(Vocab.GRAPH_DATA).GET().size());
        HttpResponse<String> put = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(url("/get") + "?graph=urn:x"))
                .header("Content-Type", "text/turtle").PUT(HttpRequest.BodyPublishers.ofString("<urn:a> <urn:b> <urn:c> .")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertTrue(put.statusCode() >= 400, "no write through /kg/get: " + put.statusCode());
        // a fresh client: the server may close the connection of a refused write whose body it did not read,
        // and a pooled connection would then fail with "header parser received no bytes"
        HttpResponse<String> update = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(url("/sparql")))
                .header("Content-Type", "application/sparql-update")
                .POST(HttpRequest.BodyPublishers.ofString("INSERT DATA { <urn:a> <urn:b> <urn:c> }")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertTrue(update.statusCode() >= 400, "no update: " + update.statusCode());
    }

    @Test
    void textQueryFindsRecordsByLabelOrAlias() {
        String q = "PREFIX text: <http://jena.apache.org/text#> SELECT DISTINCT ?s { ?s text:query \"%s\" }";
        List<String> byAlias = new ArrayList<>();
        select(url("/sparql"), String.format(q, "\\\"Pakistani Taliban\\\"")).forEach(r -> byAlias.add(r.getResource("s").getURI()));
        assertTrue(byAlias.contains(Vocab.ID + "ttp"), "alias 'Pakistani Taliban' finds the TTP: " + byAlias);
        List<String> byLabel = new ArrayList<>();
        select(url("/sparql"), String.format(q, "Tehreek")).forEach(r -> byLabel.add(r.getResource("s").getURI()));
        assertTrue(byLabel.contains(Vocab.ID + "ttp"), "label word 'Tehreek' finds the TTP: " + byLabel);
        assertTrue(select(url("/sparql"), String.format(q, "zzzznothing")).isEmpty(), "and a word in no label finds nothing");
    }
}
