package kg.borderlands.serve.ld;

import kg.borderlands.serve.WebTestServer;
import kg.borderlands.support.TestProject;
import org.apache.jena.rdf.model.Model;
import org.apache.jena.rdf.model.ModelFactory;
import org.apache.jena.rdf.model.Property;
import org.apache.jena.rdf.model.Resource;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFParser;
import org.apache.jena.vocabulary.DCTerms;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.net.http.HttpResponse;

import static org.junit.jupiter.api.Assertions.*;

/**
 * Dereferencing over HTTP on a store of two sources (issue #11): Report N°354 and the hand-made second report
 * ({@link TestProject#twoSourceStore()}, the data {@code MultiSourceTest} builds in memory), served by the real
 * server on an ephemeral port as {@link LinkedDataTest} serves the one-source store. A report id another source
 * cites ({@code citedAs}) answers 301 to the source's own work; the second source's apparatus resolves in its own
 * space; N°354's IRIs published before issue #11 still redirect to N°354's apparatus, not the second source's.
 */
class MultiSourceLinkedDataTest {
    private static final String ID = "https://w3id.org/borderlands-kg/id/";
    private static final String BLK = "https://w3id.org/borderlands-kg/ontology#";
    private static final String N354 = "icg-asia-354";
    private static final String SECOND = TestProject.SECOND_SOURCE;
    private static WebTestServer server;

    @BeforeAll
    static void start() throws Exception {
        server = WebTestServer.start(TestProject.twoSourceStore(), null);
    }

    @AfterAll
    static void stop() {
        if (server != null) server.close();
    }

    /** The cited id {@code work-icg-report-354} (N°354's citedAs) is a redirect to N°354's own work, in every variant. */
    @ParameterizedTest(name = "{0} ({1}) -> {2}")
    @CsvSource(delimiter = '|', value = {
            "/id/work-icg-report-354|text/html|/id/icg-asia-354",
            "/id/work-icg-report-354|text/turtle|/id/icg-asia-354",
            "/id/work-icg-report-354|application/ld+json|/id/icg-asia-354",
            "/id/work-icg-report-354.ttl|text/html|/id/icg-asia-354.ttl",
            "/id/work-icg-report-354.html|text/turtle|/id/icg-asia-354.html"})
    void aCitedReportIdRedirectsPermanentlyToTheSourcesOwnWork(String cited, String accept, String location) throws Exception {
        HttpResponse<String> r = server.get(cited, accept);
        assertEquals(301, r.statusCode(), cited + ": " + r.body());
        assertEquals(location, r.headers().firstValue("Location").orElse(""));
        assertEquals("<" + ID + N354 + ">; rel=\"canonical\"", r.headers().firstValue("Link").orElse(""));
        HttpResponse<String> target = server.get(location, accept);
        assertEquals(200, target.statusCode(), location + ": " + target.body());
    }

    /** The work a redirect lands on is N°354's report, and the second source's footnote cites it by that IRI. */
    @Test
    void theRedirectLandsOnTheWorkTheSecondSourceCites() throws Exception {
        Model work = turtle("/id/" + N354);
        Resource n354 = work.getResource(ID + N354);
        assertTrue(work.contains(n354, DCTerms.identifier, N354), "the page of N°354's own work");
        assertFalse(work.contains(work.getResource(ID + "work-icg-report-354"), org.apache.jena.vocabulary.RDF.type,
                (org.apache.jena.rdf.model.RDFNode) null), "the cited id is no second work");
        Model fn = turtle("/id/" + SECOND + "/fn-1");
        assertTrue(fn.contains(fn.getResource(ID + SECOND + "/fn-1"), p("cites"), fn.getResource(ID + N354)),
                "the fixture's fn 1 cites N°354's own work");
        String page = server.get("/id/" + SECOND + "/fn-1", "text/html").body();
        assertTrue(page.contains("href=\"/id/" + N354 + "\""), "the page links the cited report to its work's IRI");
        assertFalse(page.contains("href=\"/id/work-icg-report-354\""), "not to the redirecting id");
    }

    /** The second source's footnotes and sections resolve inside its own space; one it does not have is 404. */
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "test-report-9001/fn-1|Footnote",
            "test-report-9001/fn-2|Footnote",
            "test-report-9001/sec-ii-a|Section",
            "test-report-9001/par-i-1|Paragraph"})
    void theSecondSourcesApparatusResolvesInItsOwnSpace(String id, String type) throws Exception {
        HttpResponse<String> r = server.get("/id/" + id, "text/turtle");
        assertEquals(200, r.statusCode(), id + ": " + r.body());
        Model m = parse(r.body());
        Resource node = m.getResource(ID + id);
        assertTrue(m.contains(node, org.apache.jena.vocabulary.RDF.type, m.getResource(BLK + type)), r.body());
        assertEquals(200, server.get("/id/" + id, "text/html").statusCode(), id + " as a page");
        assertEquals(404, server.get("/id/" + SECOND + "/fn-999", "text/turtle").statusCode());
    }

    /** The fixture's fn 2 and N°354's fn 2 are two footnotes, each referenced in its own report's section. */
    @Test
    void footnotesWithTheSameNumberAreTwoResources() throws Exception {
        Model second = turtle("/id/" + SECOND + "/fn-2");
        assertTrue(second.contains(second.getResource(ID + SECOND + "/fn-2"), p("referencedIn"),
                second.getResource(ID + SECOND + "/sec-ii-a")));
        Model first = turtle("/id/" + N354 + "/fn-2");
        assertTrue(first.contains(first.getResource(ID + N354 + "/fn-2"), p("referencedIn"),
                first.getResource(ID + N354 + "/sec-i")));
    }

    /** N°354's IRIs from before issue #11 still answer 301 to N°354's apparatus, never to the second source's. */
    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', value = {
            "/id/fn-2|/id/icg-asia-354/fn-2",
            "/id/fn-1.ttl|/id/icg-asia-354/fn-1.ttl",
            "/id/sec-ii-a|/id/icg-asia-354/sec-ii-a",
            "/id/par-i-1|/id/icg-asia-354/par-i-1"})
    void theFirstSourcesOldIrisStillRedirectToItsOwnApparatus(String old, String moved) throws Exception {
        HttpResponse<String> r = server.get(old, "text/turtle");
        assertEquals(301, r.statusCode(), old + ": " + r.body());
        assertEquals(moved, r.headers().firstValue("Location").orElse(""));
        assertEquals(200, server.get(moved, "text/turtle").statusCode(), moved);
    }

    private static Model turtle(String path) throws Exception {
        HttpResponse<String> r = server.get(path, "text/turtle");
        assertEquals(200, r.statusCode(), path + ": " + r.body());
        return parse(r.body());
    }

    private static Model parse(String turtle) {
        Model m = ModelFactory.createDefaultModel();
        RDFParser.fromString(turtle, Lang.TURTLE).parse(m);
        return m;
    }

    private static Property p(String local) {
        return ModelFactory.createDefaultModel().createProperty(BLK + local);
    }
}
