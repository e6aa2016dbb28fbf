package kg.borderlands.serve.guard;

import org.apache.jena.query.Query;
import org.apache.jena.query.QueryFactory;
import org.apache.jena.query.QueryParseException;
import org.apache.jena.query.Syntax;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.util.concurrent.CompletableFuture;

import static org.junit.jupiter.api.Assertions.*;

/** The query the server's checks parse is the one Fuseki gets: one parse per request. */
class ParsedQueriesTest {
    private static final String Q = "PREFIX ex: <http://example.org/> SELECT ?s WHERE { ?s ex:p ?o FILTER(?o > 3) } LIMIT 5";

    @AfterEach
    void clear() {
        ParsedQueries.clear();
    }

    /** Fuseki's parse: the call in SPARQLQueryProcessor.execute. */
    private static Query fusekiParse(String text) {
        return QueryFactory.create(text, org.apache.jena.fuseki.Fuseki.BaseParserSPARQL, Syntax.syntaxARQ);
    }

    @Test
    void fusekisParseOfTheSameTextGetsTheQueryParsedByTheChecks() {
        Query checked = ParsedQueries.parse(Q);
        assertTrue(ParsedQueries.kept());
        assertSame(checked, fusekiParse(new String(Q.toCharArray())), "an equal text (not the same String) is handed over");
        assertFalse(ParsedQueries.kept(), "handed over once");
    }

    @Test
    void theQueryHandedOverIsTheQueryFusekiWouldHaveParsed() {
        Query fresh = fusekiParse(Q);
        Query checked = ParsedQueries.parse(Q);
        assertEquals(fresh, checked);
        assertEquals(fresh.getBaseURI(), checked.getBaseURI());
        assertEquals(fresh.getSyntax(), checked.getSyntax());
        assertEquals(fresh.getPrefixMapping().getNsPrefixMap(), checked.getPrefixMapping().getNsPrefixMap());
    }

    @Test
    void aSecondParseIsAParse() {
        Query checked = ParsedQueries.parse(Q);
        assertSame(checked, fusekiParse(Q));
        Query again = fusekiParse(Q);
        assertNotSame(checked, again, "a Query is mutable: nobody else gets it");
        assertEquals(checked, again);
    }

    @Test
    void anotherTextIsParsedAndKeepsNothingBack() {
        ParsedQueries.parse(Q);
        Query other = fusekiParse("ASK { ?s ?p ?o }");
        assertTrue(other.isAskType());
        // the kept query is still there for its own text, until the request clears it
        assertTrue(ParsedQueries.kept());
        ParsedQueries.clear();
        assertFalse(ParsedQueries.kept());
        assertNotNull(fusekiParse(Q));
    }

    @Test
    void anotherBaseOrSyntaxIsParsedAfresh() {
        Query checked = ParsedQueries.parse(Q);
        assertNotSame(checked, QueryFactory.create(Q, "http://example.org/other/", Syntax.syntaxARQ));
        assertNotSame(checked, QueryFactory.create(Q, org.apache.jena.fuseki.Fuseki.BaseParserSPARQL, Syntax.syntaxSPARQL_11));
        assertSame(checked, fusekiParse(Q), "still kept for Fuseki's own parse");
    }

    @Test
    void relativeIrisResolveAgainstFusekisBase() {
        Query q = ParsedQueries.parse("SELECT * WHERE { <rel> ?p ?o }");
        String op = org.apache.jena.sparql.algebra.Algebra.compile(q).toString();
        assertTrue(op.contains("<http://server/unset-base/rel>"), op);
    }

    @Test
    void aSyntaxErrorKeepsNothingAndFusekiStillSeesTheError() {
        ParsedQueries.parse(Q);
        assertThrows(QueryParseException.class, () -> ParsedQueries.parse("SELECT * WHERE { ?s ?p }"));
        assertFalse(ParsedQueries.kept(), "a failed parse drops what an earlier one kept");
        assertThrows(QueryParseException.class, () -> fusekiParse("SELECT * WHERE { ?s ?p }"));
    }

    @Test
    void aQueryKeptOnOneThreadIsNotHandedToAnother() throws Exception {
        Query checked = ParsedQueries.parse(Q);
        Query elsewhere = CompletableFuture.supplyAsync(() -> fusekiParse(Q)).get();
        assertNotSame(checked, elsewhere);
        assertSame(checked, fusekiParse(Q));
    }
}
