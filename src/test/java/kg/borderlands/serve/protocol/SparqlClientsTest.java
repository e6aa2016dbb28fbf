package kg.borderlands.serve.protocol;

import org.apache.http.HttpResponseInterceptor;
import org.apache.http.impl.client.CloseableHttpClient;
import org.apache.http.impl.client.HttpClients;
import org.apache.jena.query.QueryExecution;
import org.apache.jena.query.ResultSet;
import org.apache.jena.rdf.model.Model;
import org.apache.jena.rdfconnection.RDFConnection;
import org.apache.jena.rdfconnection.RDFConnectionRemote;
import org.apache.jena.sparql.exec.http.QueryExecutionHTTP;
import org.apache.jena.vocabulary.SKOS;
import org.eclipse.rdf4j.http.client.SPARQLProtocolSession;
import org.eclipse.rdf4j.model.IRI;
import org.eclipse.rdf4j.model.ValueFactory;
import org.eclipse.rdf4j.model.impl.SimpleValueFactory;
import org.eclipse.rdf4j.query.resultio.BooleanQueryResultFormat;
import org.eclipse.rdf4j.query.QueryResults;
import org.eclipse.rdf4j.query.resultio.TupleQueryResultFormat;
import org.eclipse.rdf4j.repository.RepositoryConnection;
import org.eclipse.rdf4j.repository.sparql.SPARQLRepository;
import org.eclipse.rdf4j.rio.RDFFormat;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static kg.borderlands.serve.protocol.ServedEndpoint.*;
import static org.junit.jupiter.api.Assertions.*;

/**
 * SPARQL clients nobody here wrote, against {@code /kg/sparql} on an ephemeral port: RDF4J's
 * {@link SPARQLRepository} and Jena's HTTP client ({@link QueryExecutionHTTP}, {@link RDFConnection}); SELECT, ASK,
 * CONSTRUCT and DESCRIBE in every result format both sides speak. The answers are checked against facts written by
 * hand from the curated data (record {@code ttp}) and, for DESCRIBE, against the store queried in-process.
 */
class SparqlClientsTest {
    private static ServedEndpoint ep;
    private static Model describeReference;

    @BeforeAll
    static void start() throws Exception {
        ep = ServedEndpoint.start();
        describeReference = ep.describeReference();
        assertTrue(describeReference.size() > TTP_ALIASES.size(), "the reference is a described record");
    }

    @AfterAll
    static void stop() {
        if (ep != null) ep.close();
    }

    // ---- RDF4J ----

    /** A SPARQLRepository that prefers given formats and records the Content-Type of every response. */
    private static final class Rdf4j extends SPARQLRepository {
        final List<String> contentTypes = new ArrayList<>();
        TupleQueryResultFormat tuple;
        BooleanQueryResultFormat bool;
        RDFFormat rdf;

        Rdf4j(String endpoint) {
            super(endpoint);
            CloseableHttpClient client = HttpClients.custom()
                    .addInterceptorLast((HttpResponseInterceptor) (response, context) -> {
                        var h = response.getFirstHeader("Content-Type");
                        contentTypes.add(h == null ? "" : h.getValue());
                    }).build();
            setHttpClient(client);
        }

        @Override
        protected SPARQLProtocolSession createSPARQLProtocolSession() {
            SPARQLProtocolSession s = super.createSPARQLProtocolSession();
            if (tuple != null) s.setPreferredTupleQueryResultFormat(tuple);
            if (bool != null) s.setPreferredBooleanQueryResultFormat(bool);
            if (rdf != null) s.setPreferredRDFFormat(rdf);
            return s;
        }

        String lastType() {
            return contentTypes.get(contentTypes.size() - 1);
        }
    }

    @Test
    void rdf4jSelectInEveryResultsFormat() {
        for (TupleQueryResultFormat f : List.of(TupleQueryResultFormat.SPARQL, TupleQueryResultFormat.JSON,
                TupleQueryResultFormat.CSV, TupleQueryResultFormat.TSV)) {
            Rdf4j repo = new Rdf4j(ep.url("/sparql"));
            repo.tuple = f;
            try (RepositoryConnection c = repo.getConnection()) {
                List<String> aliases = new ArrayList<>();
                QueryResults.asList(c.prepareTupleQuery(SELECT_ALIASES).evaluate())
                        .forEach(b -> aliases.add(b.getValue("alias").stringValue()));
                aliases.sort(null);
                assertEquals(TTP_ALIASES, aliases, f.getName());
                assertTrue(repo.lastType().startsWith(f.getDefaultMIMEType()), f.getName() + " answered as " + repo.lastType());
            } finally {
                repo.shutDown();
            }
        }
    }

    @Test
    void rdf4jAskInEveryBooleanFormat() {
        for (BooleanQueryResultFormat f : List.of(BooleanQueryResultFormat.SPARQL, BooleanQueryResultFormat.JSON)) {
            Rdf4j repo = new Rdf4j(ep.url("/sparql"));
            repo.bool = f;
            try (RepositoryConnection c = repo.getConnection()) {
                assertTrue(c.prepareBooleanQuery(ASK_TRUE).evaluate(), f.getName());
                assertTrue(repo.lastType().startsWith(f.getDefaultMIMEType()), f.getName() + " answered as " + repo.lastType());
                assertFalse(c.prepareBooleanQuery(ASK_FALSE).evaluate(), f.getName());
            } finally {
                repo.shutDown();
            }
        }
    }

    @Test
    void rdf4jConstructAndDescribeInEveryRdfFormat() {
        ValueFactory vf = SimpleValueFactory.getInstance();
        IRI ttp = vf.createIRI(TTP);
        IRI alt = vf.createIRI(SKOS.altLabel.getURI());
        for (RDFFormat f : List.of(RDFFormat.TURTLE, RDFFormat.NTRIPLES, RDFFormat.RDFXML, RDFFormat.JSONLD)) {
            Rdf4j repo = new Rdf4j(ep.url("/sparql"));
            repo.rdf = f;
            // RDF4J's preference only nudges its Accept list (RDF/XML stays below Turtle), so name the format outright
            repo.setAdditionalHttpHeaders(java.util.Map.of("Accept", f.getDefaultMIMEType()));
            try (RepositoryConnection c = repo.getConnection()) {
                org.eclipse.rdf4j.model.Model m = QueryResults.asModel(c.prepareGraphQuery(CONSTRUCT_ALIASES).evaluate());
                assertTrue(repo.lastType().startsWith(f.getDefaultMIMEType()), f.getName() + " answered as " + repo.lastType());
                List<String> aliases = new ArrayList<>();
                m.filter(ttp, alt, null).objects().forEach(o -> aliases.add(o.stringValue()));
                aliases.sort(null);
                assertEquals(TTP_ALIASES, aliases, f.getName());

                org.eclipse.rdf4j.model.Model d = QueryResults.asModel(c.prepareGraphQuery(DESCRIBE_TTP).evaluate());
                assertTrue(d.contains(ttp, vf.createIRI(SKOS.prefLabel.getURI()), vf.createLiteral(TTP_LABEL, "en")), f.getName());
                assertEquals(describeReference.size(), d.size(), "DESCRIBE as " + f.getName());
            } finally {
                repo.shutDown();
            }
        }
    }

    // ---- Jena ----

    @Test
    void jenaSelectAndAskInEveryResultsFormat() {
        for (String type : List.of("application/sparql-results+xml", "application/sparql-results+json", "text/csv",
                "text/tab-separated-values")) {
            try (QueryExecution qe = QueryExecutionHTTP.service(ep.url("/sparql")).query(SELECT_ALIASES).acceptHeader(type).build()) {
                ResultSet rs = qe.execSelect();
                assertEquals(TTP_ALIASES, SparqlProtocolTest.column(rs, "alias"), type);
            }
        }
        for (String type : List.of("application/sparql-results+xml", "application/sparql-results+json")) {
            try (QueryExecution qe = QueryExecutionHTTP.service(ep.url("/sparql")).query(ASK_TRUE).acceptHeader(type).build()) {
                assertTrue(qe.execAsk(), type);
            }
            try (QueryExecution qe = QueryExecutionHTTP.service(ep.url("/sparql")).query(ASK_FALSE).acceptHeader(type).build()) {
                assertFalse(qe.execAsk(), type);
            }
        }
    }

    @Test
    void jenaConstructAndDescribeInEveryRdfFormat() {
        for (String type : List.of("text/turtle", "application/n-triples", "application/rdf+xml", "application/ld+json")) {
            try (QueryExecution qe = QueryExecutionHTTP.service(ep.url("/sparql")).query(CONSTRUCT_ALIASES).acceptHeader(type).build()) {
                Model m = qe.execConstruct();
                List<String> aliases = new ArrayList<>();
                m.listObjectsOfProperty(SKOS.altLabel).forEachRemaining(o -> aliases.add(o.asLiteral().getLexicalForm()));
                aliases.sort(null);
                assertEquals(TTP_ALIASES, aliases, type);
            }
            try (QueryExecution qe = QueryExecutionHTTP.service(ep.url("/sparql")).query(DESCRIBE_TTP).acceptHeader(type).build()) {
                Model m = qe.execDescribe();
                assertTrue(describeReference.isIsomorphicWith(m), "DESCRIBE as " + type + " is the whole description");
                assertTrue(m.contains(m.getResource(TTP), SKOS.prefLabel, m.createLiteral(TTP_LABEL, "en")), type);
            }
        }
    }

    @Test
    void jenaRdfConnectionOnTheDatasetUrl() {
        // the dataset URL as both query and GSP endpoint, as RDFConnection uses a stock Fuseki dataset
        try (RDFConnection conn = RDFConnectionRemote.newBuilder().destination(ep.url("")).queryEndpoint("")
                .gspEndpoint("").build()) {
            List<String> aliases = new ArrayList<>();
            conn.querySelect(SELECT_ALIASES, s -> aliases.add(s.getLiteral("alias").getLexicalForm()));
            aliases.sort(null);
            assertEquals(TTP_ALIASES, aliases);
            assertTrue(conn.queryAsk(ASK_TRUE));
            Model dflt = conn.fetch();
            assertTrue(dflt.contains(dflt.getResource(TTP), SKOS.prefLabel, dflt.createLiteral(TTP_LABEL, "en")),
                    "GSP read of the default graph at the dataset URL");
            Model data = conn.fetch(kg.borderlands.Vocab.GRAPH_DATA);
            assertTrue(data.contains(data.getResource(TTP), SKOS.prefLabel, data.createLiteral(TTP_LABEL, "en")));
        }
    }
}
