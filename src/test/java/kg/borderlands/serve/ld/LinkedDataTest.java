package kg.borderlands.serve.ld;

import com.fasterxml.jackson.databind.ObjectMapper;
import kg.borderlands.serve.WebTestServer;
import org.apache.jena.rdf.model.Model;
import org.apache.jena.rdf.model.ModelFactory;
import org.apache.jena.rdf.model.Property;
import org.apache.jena.rdf.model.Resource;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFParser;
import org.apache.jena.vocabulary.SKOS;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;

import static org.junit.jupiter.api.Assertions.*;

/** Dereferencing record IRIs at /id/{id}: content negotiation, what the RDF and the page show, errors. */
class LinkedDataTest {
    private static final String ID = "https://w3id.org/borderlands-kg/id/";
    private static final String BLK = "https://w3id.org/borderlands-kg/ontology#";
    private static WebTestServer server;

    @BeforeAll
    static void start() throws Exception {
        server = WebTestServer.start(null);
    }

    @AfterAll
    static void stop() {
        if (server != null) server.close();
    }

    @ParameterizedTest(name = "Accept: {0}")
    @CsvSource(delimiter = '|', value = {
            "text/html|text/html",
            "text/turtle|text/turtle",
            "application/ld+json|application/ld+json",
            "application/json|application/ld+json",
            "application/n-triples|application/n-triples",
            "application/rdf+xml|application/rdf+xml",
            "*/*|text/html",
            "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8|text/html",
            "text/html;q=0.4, text/turtle;q=0.9|text/turtle",
            "text/turtle;q=0.3, application/ld+json;q=0.7|application/ld+json",
            "text/html;q=0, */*;q=0.5|text/turtle"})
    void negotiatesTheMediaType(String accept, String expected) throws Exception {
        HttpResponse<String> r = server.get("/id/ttp", accept);
        assertEquals(200, r.statusCode(), r.body());
        assertEquals(expected, mediaType(r), accept);
        // the page varies by Accept, and (answers being compressed, see docs/caching.md) by Accept-Encoding
        List<String> vary = List.of(r.headers().firstValue("Vary").orElse("").split(",\\s*"));
        assertTrue(vary.contains("Accept") && vary.contains("Accept-Encoding"), vary.toString());
        assertTrue(r.headers().firstValue("Content-Location").orElse("").startsWith("/id/ttp."));
    }

    @Test
    void noAcceptHeaderGivesHtml() throws Exception {
        assertEquals("text/html", mediaType(server.get("/id/ttp", null)));
    }

    @Test
    void suffixNamesTheVariant() throws Exception {
        assertEquals("text/turtle", mediaType(server.get("/id/ttp.ttl", "text/html")));
        assertEquals("application/ld+json", mediaType(server.get("/id/ttp.jsonld", null)));
        assertEquals("text/html", mediaType(server.get("/id/ttp.html", "text/turtle")));
    }

    @ParameterizedTest(name = "unknown id, Accept: {0}")
    @ValueSource(strings = {"text/html", "text/turtle", "application/ld+json", "application/rdf+xml", "*/*"})
    void unknownIdIs404InEveryType(String accept) throws Exception {
        HttpResponse<String> r = server.get("/id/no-such-record", accept);
        assertEquals(404, r.statusCode());
        assertTrue(r.body().contains("BKG-E101"), r.body());
        assertEquals(accept.equals("*/*") ? "text/html" : accept, mediaType(r));
        if (accept.equals("text/turtle")) {
            Model m = ModelFactory.createDefaultModel();
            RDFParser.fromString(r.body(), Lang.TURTLE).parse(m);
            assertTrue(m.isEmpty(), "a 404 in Turtle is valid, empty Turtle");
        }
        if (accept.equals("application/ld+json")) {
            assertEquals("BKG-E101", new ObjectMapper().readTree(r.body()).path("error").path("code").asText());
        }
    }

    @Test
    void malformedIdIs404AndNothingAcceptableIs406() throws Exception {
        assertEquals(404, server.get("/id/TTP", "text/turtle").statusCode());
        assertEquals(404, server.get("/id/", "text/html").statusCode());
        assertEquals(404, server.get("/id/a%3Cb", "text/html").statusCode());
        HttpResponse<String> r = server.get("/id/ttp", "image/png");
        assertEquals(406, r.statusCode());
        assertTrue(r.body().contains("BKG-E104"), r.body());
    }

    @Test
    void nodeInsideARecordRedirectsToTheRecord() throws Exception {
        HttpResponse<String> r = server.get("/id/tie-ttp-allegiance-afghan-taliban/interval", "text/turtle");
        assertEquals(303, r.statusCode());
        assertEquals("/id/tie-ttp-allegiance-afghan-taliban", r.headers().firstValue("Location").orElse(""));
        assertEquals(404, server.get("/id/ttp/no-such-node", "text/turtle").statusCode());
    }

    @Test
    void writesAreRefused() throws Exception {
        HttpResponse<String> r = server.send(HttpRequest.newBuilder(URI.create(server.url("/id/ttp")))
                .header("Content-Type", "text/turtle").POST(HttpRequest.BodyPublishers.ofString("<a:b> <a:c> <a:d> .")).build());
        assertEquals(405, r.statusCode());
        assertTrue(r.body().contains("BKG-E105"));
    }

    @Test
    void turtleHasOutgoingAndIncomingRelationsAndSources() throws Exception {
        Model m = parse(server.get("/id/ttp", "text/turtle").body(), Lang.TURTLE);
        Resource ttp = m.getResource(ID + "ttp");
        assertTrue(m.contains(ttp, SKOS.altLabel, m.createLiteral("Pakistani Taliban", "en")));
        // outgoing: TTP's allegiance tie, with its footnote, section and the work it cites
        Resource allegiance = m.getResource(ID + "tie-ttp-allegiance-afghan-taliban");
        assertTrue(m.contains(allegiance, p("subject"), ttp));
        assertTrue(m.contains(allegiance, p("object"), m.getResource(ID + "afghan-taliban")));
        // the report's apparatus lives in its source's space (issue #11): …/id/icg-asia-354/fn-32
        assertTrue(m.contains(allegiance, p("citedFootnote"), m.getResource(ID + "icg-asia-354/fn-32")));
        assertTrue(m.contains(m.getResource(ID + "icg-asia-354/fn-32"), p("referencedIn"), m.getResource(ID + "icg-asia-354/sec-ii-c")));
        assertTrue(m.contains(m.getResource(ID + "icg-asia-354/fn-32"), p("cites"), (org.apache.jena.rdf.model.RDFNode) null));
        assertTrue(m.contains(ttp, p("pledgedAllegianceTo"), m.getResource(ID + "afghan-taliban")), "inferred shortcut");
        // incoming: a tie whose object is the TTP
        assertTrue(m.listSubjectsWithProperty(p("object"), ttp).toList().stream()
                .anyMatch(t -> t.getURI().equals(ID + "tie-afghan-taliban-sanctuary-ttp")), "incoming sanctuary tie");
        // claims received, and the denial that answers one of them
        assertTrue(m.contains(null, p("accused"), ttp));
        // labels of the records mentioned
        assertTrue(m.contains(m.getResource(ID + "afghan-taliban"), SKOS.prefLabel, (org.apache.jena.rdf.model.RDFNode) null));
    }

    @Test
    void aSourcesApparatusIsServedInsideItsSourcesSpace() throws Exception {
        HttpResponse<String> r = server.get("/id/icg-asia-354/fn-32", "text/turtle");
        assertEquals(200, r.statusCode(), r.body());
        Model m = parse(r.body(), Lang.TURTLE);
        Resource fn = m.getResource(ID + "icg-asia-354/fn-32");
        assertTrue(m.contains(fn, p("number"), m.createTypedLiteral(java.math.BigInteger.valueOf(32))), r.body());
        assertTrue(m.contains(fn, p("referencedIn"), m.getResource(ID + "icg-asia-354/sec-ii-c")));
        HttpResponse<String> page = server.get("/id/icg-asia-354/sec-ii-c", "text/html");
        assertEquals(200, page.statusCode());
        assertTrue(page.body().contains("TTP-Afghan Taliban Ties"), "the section's heading");
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', value = {
            "/id/fn-32|/id/icg-asia-354/fn-32",
            "/id/fn-32.ttl|/id/icg-asia-354/fn-32.ttl",
            "/id/sec-ii-c|/id/icg-asia-354/sec-ii-c",
            "/id/par-ii-b-4.html|/id/icg-asia-354/par-ii-b-4.html",
            "/id/work-interview-fn-9-1|/id/icg-asia-354/work-interview-fn-9-1",
            "/id/work-interview-fn-9-1/interval/begin|/id/icg-asia-354/work-interview-fn-9-1/interval/begin"})
    void irisPublishedBeforeTheApparatusMovedRedirectPermanently(String old, String moved) throws Exception {
        HttpResponse<String> r = server.get(old, "text/turtle");
        assertEquals(301, r.statusCode(), old);
        assertEquals(moved, r.headers().firstValue("Location").orElse(""));
        // the new IRI answers (a node inside a record: 303 to the record)
        int status = server.get(moved, "text/turtle").statusCode();
        assertEquals(moved.contains("/interval/") ? 303 : 200, status, moved);
    }

    @Test
    void aMovedIriThatNeverExistedIsStill404() throws Exception {
        assertEquals(404, server.get("/id/fn-999", "text/turtle").statusCode());
        assertEquals(404, server.get("/id/icg-asia-354/fn-999", "text/turtle").statusCode());
    }

    @Test
    void claimsKeepTheirDenials() throws Exception {
        Model m = parse(server.get("/id/taliban-government", "text/turtle").body(), Lang.TURTLE);
        Resource allegation = m.getResource(ID + "cl-pakistan-accuses-kabul-harbouring-ttp");
        assertTrue(m.contains(allegation, p("accused"), m.getResource(ID + "taliban-government")));
        assertTrue(m.contains(m.getResource(ID + "cl-kabul-denies-ttp-presence"), p("respondsTo"), allegation));
    }

    @Test
    void jsonLdHoldsTheSameTriplesAsTurtle() throws Exception {
        Model ttl = parse(server.get("/id/tie-ttp-allegiance-afghan-taliban", "text/turtle").body(), Lang.TURTLE);
        Model jsonld = parse(server.get("/id/tie-ttp-allegiance-afghan-taliban", "application/ld+json").body(), Lang.JSONLD);
        assertTrue(ttl.size() > 10);
        assertTrue(ttl.isIsomorphicWith(jsonld), "same graph in both syntaxes");
    }

    @Test
    void pageShowsRelationsBothWaysClaimsEventsAndSources() throws Exception {
        HttpResponse<String> r = server.get("/id/ttp", "text/html");
        String html = r.body();
        assertTrue(html.contains("<h1>Tehreek-e-Taliban Pakistan</h1>"));
        assertTrue(html.contains("Pakistani Taliban"), "aliases");
        assertTrue(html.contains("id=\"outgoing\"") && html.contains("id=\"incoming\""));
        int out = html.indexOf("id=\"outgoing\""), in = html.indexOf("id=\"incoming\"");
        String outgoing = html.substring(out, in);
        assertTrue(outgoing.contains(">allegiance<") && outgoing.contains("Afghan Taliban") && outgoing.contains("2021-08-17"),
                "allegiance with its date");
        // footnotes link to their own IRIs, inside N°354's space (issue #11), not to the redirecting /id/fn-N
        assertTrue(outgoing.contains("href=\"/id/icg-asia-354/fn-32\""), "allegiance footnote");
        assertFalse(outgoing.contains("href=\"/id/fn-"), "no unscoped footnote link");
        assertTrue(outgoing.contains("§ II.C ¶1,</span> <a href=\"/id/icg-asia-354/fn-32\" title=\"icg-asia-354/fn-32\">fn 32</a>"),
                "the allegiance's section, paragraph and footnote read '§ II.C ¶1, fn 32'");
        String incoming = html.substring(in, html.indexOf("</section>", in));
        assertTrue(incoming.contains(">sanctuary<"), "incoming sanctuary");
        assertTrue(incoming.contains("class=\"contested\""), "contested marker on a contested incoming tie");
        assertTrue(html.contains("id=\"claims-received\""));
        assertTrue(html.contains("id=\"events\""));
        assertTrue(html.contains("id=\"sources\"") && html.contains("Footnote 3"));
        assertTrue(html.contains("<p>Paragraphs: § ") && html.contains("I ¶2"), "the paragraphs the TTP's record cites");
        assertTrue(html.contains("href=\"/id/ttp.ttl\"") && html.contains("href=\"/id/ttp.jsonld\""));
    }

    @Test
    void pageOfAClaimShowsItsDenials() throws Exception {
        String html = server.get("/id/taliban-government", "text/html").body();
        int at = html.indexOf("cl-pakistan-accuses-kabul-harbouring-ttp");
        assertTrue(at > 0);
        assertTrue(html.indexOf("cl-kabul-denies-ttp-presence", at) > at, "the denial is nested under the allegation");
    }

    @Test
    void pageShowsTheFiguresAnActorReported() throws Exception {
        String html = server.get("/id/taliban-government", "text/html").body();
        int at = html.indexOf("id=\"figures\"");
        assertTrue(at > 0, "figures section");
        assertTrue(html.indexOf("/id/fig-2025-10-pakistani-soldiers-killed-per-taliban", at) > at);
        String pakistan = server.get("/id/pakistan", "text/html").body();
        int links = pakistan.indexOf("id=\"links\"");
        assertTrue(links > 0 && pakistan.indexOf("skos:exactMatch", links) > links && pakistan.indexOf("Q843", links) > links,
                "external links of Pakistan");
    }

    private static Property p(String local) {
        return ModelFactory.createDefaultModel().createProperty(BLK + local);
    }

    private static Model parse(String body, Lang lang) {
        Model m = ModelFactory.createDefaultModel();
        RDFParser.fromString(body, lang).parse(m);
        return m;
    }

    private static String mediaType(HttpResponse<String> r) {
        return r.headers().firstValue("Content-Type").orElse("").split(";")[0].trim();
    }
}
