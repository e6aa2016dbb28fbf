package kg.borderlands.serve.protocol;

import kg.borderlands.Vocab;
import org.apache.jena.query.ResultSet;
import org.apache.jena.query.ResultSetRewindable;
import org.apache.jena.query.ResultSetFactory;
import org.apache.jena.rdf.model.Model;
import org.apache.jena.rdf.model.ModelFactory;
import org.apache.jena.rdf.model.RDFNode;
import org.apache.jena.rdf.model.Resource;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFLanguages;
import org.apache.jena.riot.RDFParser;
import org.apache.jena.riot.ResultSetMgr;
import org.apache.jena.riot.resultset.ResultSetLang;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.DatasetGraphFactory;
import org.apache.jena.system.Txn;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.vocabulary.RDF;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import static kg.borderlands.serve.protocol.ServedEndpoint.*;
import static org.junit.jupiter.api.Assertions.*;

/** The SPARQL protocol over real HTTP: service description, HEAD, the dataset URL, format parameters. */
class SparqlProtocolTest {
    private static final String SD = ServiceDescription.SD;
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private static ServedEndpoint ep;

    @BeforeAll
    static void start() throws Exception {
        ep = ServedEndpoint.start();
    }

    @AfterAll
    static void stop() {
        if (ep != null) ep.close();
    }

    // ---- service description ----

    @Test
    void everyQueryUrlDescribesItselfWhenAskedWithoutAQuery() throws Exception {
        long dataTriples = Txn.calculateRead(ep.dsg,
                () -> ep.dsg.getGraph(NodeFactory.createURI(Vocab.GRAPH_DATA)).size());
        Set<String> storeGraphs = new HashSet<>();
        Txn.executeRead(ep.dsg, () -> ep.dsg.listGraphNodes().forEachRemaining(g -> storeGraphs.add(g.getURI())));
        assertTrue(storeGraphs.containsAll(Set.of(Vocab.GRAPH_DATA, Vocab.GRAPH_INFERRED, Vocab.GRAPH_ONTOLOGY)));
        for (String path : List.of("", "/sparql", "/query")) {
            String url = ep.url(path);
            HttpResponse<byte[]> r = get(url, "text/turtle");
            assertEquals(200, r.statusCode(), url);
            assertTrue(r.headers().firstValue("Content-Type").orElse("").startsWith("text/turtle"), url);
            Model m = parse(r.body(), Lang.TURTLE);
            Resource service = m.getResource(url);
            assertTrue(m.contains(service, RDF.type, m.getResource(SD + "Service")), url + " is an sd:Service");
            assertTrue(m.contains(service, m.getProperty(SD + "endpoint"), service), "sd:endpoint is the URL itself");
            assertTrue(m.contains(service, m.getProperty(SD + "supportedLanguage"), m.getResource(SD + "SPARQL11Query")));
            assertFalse(m.contains(service, m.getProperty(SD + "supportedLanguage"), m.getResource(SD + "SPARQL11Update")),
                    "read-only: no update language");
            assertTrue(m.contains(service, m.getProperty(SD + "feature"), m.getResource(SD + "UnionDefaultGraph")));

            Resource dataset = service.getPropertyResourceValue(m.getProperty(SD + "defaultDataset"));
            assertNotNull(dataset, "a default dataset");
            Set<String> names = new HashSet<>();
            long dataSize = -1;
            for (RDFNode ng : m.listObjectsOfProperty(dataset, m.getProperty(SD + "namedGraph")).toList()) {
                String name = ng.asResource().getPropertyResourceValue(m.getProperty(SD + "name")).getURI();
                names.add(name);
                Resource g = ng.asResource().getPropertyResourceValue(m.getProperty(SD + "graph"));
                if (name.equals(Vocab.GRAPH_DATA)) dataSize = g.getProperty(m.getProperty(Vocab.VOID + "triples")).getLong();
            }
            assertEquals(storeGraphs, names, "every named graph of the store");
            assertEquals(dataTriples, dataSize, "void:triples of the data graph");
        }
    }

    @Test
    void serviceDescriptionInEveryRdfSyntaxIsTheSameGraph() throws Exception {
        String url = ep.url("/sparql");
        Model turtle = parse(get(url, null).body(), Lang.TURTLE);
        assertFalse(turtle.isEmpty(), "no Accept header: Turtle");
        for (String type : List.of("application/ld+json", "application/rdf+xml", "application/n-triples")) {
            HttpResponse<byte[]> r = get(url, type);
            assertEquals(200, r.statusCode(), type);
            assertTrue(r.headers().firstValue("Content-Type").orElse("").startsWith(type), type);
            Model m = parse(r.body(), RDFLanguages.contentTypeToLang(type));
            assertTrue(m.isIsomorphicWith(turtle), type + " says what Turtle says");
        }
    }

    @Test
    void aQueryEndpointThatCannotOfferRdfSays406() throws Exception {
        HttpResponse<byte[]> r = get(ep.url("/sparql"), "image/png");
        assertEquals(406, r.statusCode());
    }

    // ---- HEAD ----

    @Test
    void headAnswersLikeGetWithoutTheBody() throws Exception {
        for (String url : List.of(ep.url("/sparql?query=" + enc(SELECT_ALIASES)), ep.url("/query?query=" + enc(ASK_TRUE)),
                ep.url("?query=" + enc(CONSTRUCT_ALIASES)), ep.url("/sparql"), ep.url(""))) {
            HttpResponse<byte[]> got = get(url, null);
            HttpResponse<byte[]> head = send(HttpRequest.newBuilder(URI.create(url))
                    .method("HEAD", HttpRequest.BodyPublishers.noBody()).build());
            assertEquals(200, got.statusCode(), url);
            assertEquals(200, head.statusCode(), "HEAD " + url);
            assertEquals(0, head.body().length, "HEAD has no body: " + url);
            assertEquals(got.headers().firstValue("Content-Type"), head.headers().firstValue("Content-Type"), url);
            assertEquals(String.valueOf(got.body().length), head.headers().firstValue("Content-Length").orElse("none"),
                    "HEAD announces the length GET sends: " + url);
        }
        HttpResponse<byte[]> bad = send(HttpRequest.newBuilder(URI.create(ep.url("/sparql?query=" + enc("SELEC ?x"))))
                .method("HEAD", HttpRequest.BodyPublishers.noBody()).build());
        assertEquals(400, bad.statusCode(), "a bad query is still a 400 with HEAD");
    }

    // ---- the dataset URL ----

    @Test
    void theDatasetUrlAnswersQueriesLikeTheEndpoint() throws Exception {
        HttpResponse<byte[]> get = get(ep.url("?query=" + enc(SELECT_ALIASES)), "application/sparql-results+json");
        assertEquals(200, get.statusCode());
        assertEquals(TTP_ALIASES, column(ResultSetMgr.read(new ByteArrayInputStream(get.body()), ResultSetLang.RS_JSON), "alias"));

        HttpResponse<byte[]> form = send(HttpRequest.newBuilder(URI.create(ep.url("")))
                .header("Content-Type", "application/x-www-form-urlencoded").header("Accept", "application/sparql-results+xml")
                .POST(HttpRequest.BodyPublishers.ofString("query=" + enc(SELECT_ALIASES))).build());
        assertEquals(200, form.statusCode());
        assertEquals(TTP_ALIASES, column(ResultSetMgr.read(new ByteArrayInputStream(form.body()), ResultSetLang.RS_XML), "alias"));

        HttpResponse<byte[]> direct = send(HttpRequest.newBuilder(URI.create(ep.url("")))
                .header("Content-Type", "application/sparql-query").header("Accept", "application/sparql-results+json")
                .POST(HttpRequest.BodyPublishers.ofString(ASK_TRUE)).build());
        assertEquals(200, direct.statusCode());
        assertTrue(ResultSetMgr.readBoolean(new ByteArrayInputStream(direct.body()), ResultSetLang.RS_JSON));
    }

    @Test
    void theDatasetUrlStillReadsGraphsAndTheDatasetLikeStockFuseki() throws Exception {
        HttpResponse<byte[]> dflt = get(ep.url("?default"), "text/turtle");
        assertEquals(200, dflt.statusCode());
        Model m = parse(dflt.body(), Lang.TURTLE);
        assertTrue(m.contains(m.getResource(TTP), m.getProperty(org.apache.jena.vocabulary.SKOS.prefLabel.getURI()),
                m.createLiteral(TTP_LABEL, "en")), "the default graph holds the TTP's label");

        HttpResponse<byte[]> all = get(ep.url(""), "application/trig");
        assertEquals(200, all.statusCode());
        DatasetGraph ds = DatasetGraphFactory.createTxnMem();
        RDFParser.source(new ByteArrayInputStream(all.body())).lang(Lang.TRIG).parse(ds);
        assertTrue(ds.containsGraph(NodeFactory.createURI(Vocab.GRAPH_DATA)), "TriG of the dataset has the data graph");
    }

    // ---- format= / output= / results= ----

    @ParameterizedTest(name = "{0}: {1}")
    @CsvSource(delimiter = '|', value = {
            "SELECT    | format=xml                                  | application/sparql-results+xml",
            "SELECT    | output=json                                 | application/sparql-results+json",
            "SELECT    | results=csv                                 | text/csv",
            "SELECT    | format=tsv&format=text/tab-separated-values | text/tab-separated-values",
            "SELECT    | format=application/sparql-results%2Bjson    | application/sparql-results+json",
            "ASK       | format=xml&output=xml&results=xml           | application/sparql-results+xml",
            "ASK       | format=json                                 | application/sparql-results+json",
            "CONSTRUCT | format=xml&output=xml&results=xml           | application/rdf+xml",
            "CONSTRUCT | format=rdf%2Bxml&format=application/rdf%2Bxml&output=rdf%2Bxml&output=application/rdf%2Bxml&results=rdf%2Bxml&results=application/rdf%2Bxml | application/rdf+xml",
            "CONSTRUCT | format=rdf+xml                              | application/rdf+xml",
            "CONSTRUCT | format=json                                 | application/ld+json",
            "CONSTRUCT | format=json-ld                              | application/ld+json",
            "CONSTRUCT | format=turtle                               | text/turtle",
            "CONSTRUCT | format=n3                                   | text/turtle",
            "CONSTRUCT | output=nt                                   | application/n-triples",
            "DESCRIBE  | format=rdf%2Bxml                            | application/rdf+xml",
            "DESCRIBE  | format=turtle                               | text/turtle",
    })
    void formatParametersThatClientsSendAreUnderstood(String form, String params, String expectedType) throws Exception {
        String query = switch (form.trim()) {
            case "SELECT" -> SELECT_ALIASES;
            case "ASK" -> ASK_TRUE;
            case "CONSTRUCT" -> CONSTRUCT_ALIASES;
            default -> DESCRIBE_TTP;
        };
        HttpResponse<byte[]> r = get(ep.url("/sparql?query=" + enc(query) + "&" + params.trim()), "*/*");
        assertEquals(200, r.statusCode(), params + " → " + new String(r.body(), StandardCharsets.UTF_8));
        String type = r.headers().firstValue("Content-Type").orElse("");
        assertTrue(type.startsWith(expectedType.trim()), params + " gave " + type);
        checkBody(form.trim(), expectedType.trim(), r.body());
    }

    @Test
    void anUnknownFormatValueLeavesTheAcceptHeaderInCharge() throws Exception {
        HttpResponse<byte[]> r = get(ep.url("/sparql?query=" + enc(SELECT_ALIASES) + "&format=spreadsheet"), "text/csv");
        assertEquals(200, r.statusCode());
        assertTrue(r.headers().firstValue("Content-Type").orElse("").startsWith("text/csv"));
    }

    /** Parses the body in its format and checks it holds the answer written by hand. */
    private static void checkBody(String form, String type, byte[] body) {
        switch (form) {
            case "SELECT" -> {
                Lang lang = ResultSetLang.RS_XML;
                if (type.contains("json")) lang = ResultSetLang.RS_JSON;
                else if (type.equals("text/csv")) lang = ResultSetLang.RS_CSV;
                else if (type.equals("text/tab-separated-values")) lang = ResultSetLang.RS_TSV;
                assertEquals(TTP_ALIASES, column(ResultSetMgr.read(new ByteArrayInputStream(body), lang), "alias"));
            }
            case "ASK" -> assertTrue(ResultSetMgr.readBoolean(new ByteArrayInputStream(body),
                    type.contains("json") ? ResultSetLang.RS_JSON : ResultSetLang.RS_XML));
            default -> {
                Model m = parse(body, RDFLanguages.contentTypeToLang(type));
                List<String> aliases = new ArrayList<>();
                m.listObjectsOfProperty(m.getResource(TTP), org.apache.jena.vocabulary.SKOS.altLabel)
                        .forEachRemaining(o -> aliases.add(o.asLiteral().getLexicalForm()));
                aliases.sort(null);
                assertEquals(TTP_ALIASES, aliases);
                if (form.equals("DESCRIBE")) {
                    assertTrue(m.contains(m.getResource(TTP), org.apache.jena.vocabulary.SKOS.prefLabel, m.createLiteral(TTP_LABEL, "en")));
                }
            }
        }
    }

    static List<String> column(ResultSet rs, String var) {
        ResultSetRewindable r = ResultSetFactory.makeRewindable(rs);
        List<String> out = new ArrayList<>();
        r.forEachRemaining(s -> out.add(s.get(var).isLiteral() ? s.getLiteral(var).getLexicalForm() : s.get(var).toString()));
        out.sort(null);
        return out;
    }

    static Model parse(byte[] body, Lang lang) {
        Model m = ModelFactory.createDefaultModel();
        RDFParser.source(new ByteArrayInputStream(body)).lang(lang).parse(m);
        return m;
    }

    private static HttpResponse<byte[]> get(String url, String accept) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(30)).GET();
        if (accept != null) b.header("Accept", accept);
        return send(b.build());
    }

    private static HttpResponse<byte[]> send(HttpRequest req) throws Exception {
        return HTTP.send(req, HttpResponse.BodyHandlers.ofByteArray());
    }

    static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}
