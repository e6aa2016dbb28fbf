package kg.borderlands.serve.guard;

import org.apache.jena.query.Dataset;
import org.apache.jena.query.DatasetFactory;
import org.apache.jena.query.QueryCancelledException;
import org.apache.jena.query.QueryExecution;
import org.apache.jena.query.QuerySolution;
import org.apache.jena.rdf.model.Model;
import org.apache.jena.rdf.model.ModelFactory;
import org.apache.jena.rdf.model.Resource;
import org.junit.jupiter.api.Test;

import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** GROUP_CONCAT under the guards: the same answers as ARQ's own, and a string past the bound stops the query. */
class BoundedGroupConcatTest {
    private static Dataset dataset(int n, int width) {
        Model m = ModelFactory.createDefaultModel();
        Resource s = m.createResource("http://example.org/s");
        for (int i = 0; i < n; i++) {
            m.add(s, m.createProperty("http://example.org/p"), String.format("%0" + width + "d", i));
        }
        Dataset ds = DatasetFactory.create(m);
        QueryGuards.install(ds.getContext(), 60_000, Set.of());
        return ds;
    }

    private static QuerySolution one(Dataset ds, String q) {
        try (QueryExecution qe = QueryExecution.create(q, ds)) {
            return qe.execSelect().next();
        }
    }

    @Test
    void sameValuesAsArqForSmallGroups() {
        Dataset guarded = dataset(5, 1);
        Dataset plain = DatasetFactory.create(guarded.getDefaultModel());
        for (String agg : new String[] {"GROUP_CONCAT(?o)", "GROUP_CONCAT(?o; SEPARATOR=\"|\")",
                "GROUP_CONCAT(DISTINCT ?o; SEPARATOR=\", \")"}) {
            String q = "SELECT (" + agg + " AS ?c) { ?s ?p ?o } GROUP BY ?s";
            String expected = one(plain, q).getLiteral("c").getLexicalForm();
            assertEquals(expected, one(guarded, q).getLiteral("c").getLexicalForm(), agg);
        }
        assertEquals("0|1|2|3|4".length(), one(guarded, "SELECT (GROUP_CONCAT(?o; SEPARATOR=\"|\") AS ?c) { ?s ?p ?o }")
                .getLiteral("c").getLexicalForm().length(), "order may differ, length may not");
    }

    @Test
    void aStringPastTheBoundStopsTheQuery() {
        int width = 1000;
        int n = BoundedGroupConcat.MAX_CHARS / width + 10;   // a little more than the bound
        Dataset ds = dataset(n, width);
        assertThrows(QueryCancelledException.class, () -> one(ds, "SELECT (GROUP_CONCAT(?o) AS ?c) { ?s ?p ?o }"));
        assertEquals(n - 20, one(ds, "SELECT (STRLEN(GROUP_CONCAT(?o)) AS ?c) { SELECT ?o { ?s ?p ?o } LIMIT "
                + (n - 20) + " }").getLiteral("c").getInt() / (width + 1) + 1, "under the bound it answers");
    }
}
