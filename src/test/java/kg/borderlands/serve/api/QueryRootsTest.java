package kg.borderlands.serve.api;

import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.query.QueryFactory;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.DatasetGraphFactory;
import org.apache.jena.sparql.core.Quad;
import org.apache.jena.sparql.core.Var;
import org.apache.jena.system.Txn;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.*;

/**
 * Which rows a change can affect ({@link QueryRoots}): every story query is of the supported shape, other shapes
 * are refused (their rows are all recomputed), and the walk from a changed quad to the root follows the patterns
 * of the quad's own scope — not a sibling OPTIONAL's that merely shares a variable name.
 */
class QueryRootsTest {
    private static final Var ID = Var.alloc("id");
    private static final String P = "PREFIX : <http://ex/> ";

    @Test
    void everyStoryQueryIsKeyedByItsRoot() {
        for (String name : StoryQueries.NAMES) {
            QueryRoots r = StoryQuery.named(name).roots();
            assertNotNull(r, name);
        }
        assertEquals("e", StoryQuery.named("events").roots().root().getVarName());
        assertEquals("x", StoryQuery.named("labels").roots().root().getVarName());
    }

    @Test
    void otherShapesAreRefused() {
        for (String q : List.of(
                "SELECT ?id WHERE { ?e :p ?o BIND(STR(?e) AS ?id) { SELECT ?o WHERE { ?o :q ?z } } }",   // sub-query
                "SELECT ?id WHERE { ?e :p ?o BIND(STR(?e) AS ?id) MINUS { ?e :q ?z } }",
                "SELECT ?id WHERE { ?e :p* ?o BIND(STR(?e) AS ?id) }",                                      // any length
                "SELECT ?id WHERE { ?e :p ?o . ?x :q ?y BIND(STR(?e) AS ?id) }",                             // not linked
                "SELECT ?id WHERE { ?e :p ?o BIND(CONCAT(STR(?e), STR(?o)) AS ?id) }",                       // two roots
                "SELECT ?e WHERE { ?e :p ?o }")) {                                                           // no key
            assertNull(QueryRoots.of(QueryFactory.create(P + q), ID), q);
        }
        assertNotNull(QueryRoots.of(QueryFactory.create(P + "SELECT ?id WHERE { ?e :p/:q ?o BIND(STR(?e) AS ?id) }"), ID));
    }

    @Test
    void aChangeIsWalkedBackToItsRootThroughItsOwnScope() {
        // ?u is shared by two sibling OPTIONALs: a changed (?b :unit ?u) must be walked through ?b, not through ?d
        String q = P + """
                SELECT ?id WHERE {
                  ?e a :Event . BIND(STR(?e) AS ?id)
                  OPTIONAL { ?e :date ?d . OPTIONAL { ?d :unit ?u } }
                  OPTIONAL { ?e :during/:begin ?b . OPTIONAL { ?b :unit ?u } }
                  OPTIONAL { ?c :about ?e . BIND(EXISTS { ?r :answers ?c } AS ?x) }
                }""";
        QueryRoots roots = QueryRoots.of(QueryFactory.create(q), ID);
        assertNotNull(roots);
        DatasetGraph dsg = DatasetGraphFactory.createTxnMem();
        Node e1 = n("e1"), e2 = n("e2"), d1 = n("d1"), i2 = n("i2"), b2 = n("b2"), day = n("day"), c = n("c");
        Txn.executeWrite(dsg, () -> {
            add(dsg, e1, n("date"), d1);
            add(dsg, d1, n("unit"), day);
            add(dsg, e2, n("during"), i2);
            add(dsg, i2, n("begin"), b2);
            add(dsg, b2, n("unit"), day);
            add(dsg, c, n("about"), e2);
        });
        Quad unit = Quad.create(Quad.defaultGraphIRI, b2, n("unit"), day);
        Set<Node> found = Txn.calculateRead(dsg, () -> roots.roots(dsg, List.of(), List.of(unit), 100));
        assertTrue(found.contains(e2), found.toString());
        assertFalse(found.contains(e1), found.toString());
        // an answer to a claim about e2: through the EXISTS, then the claim
        Quad answer = Quad.create(Quad.defaultGraphIRI, n("r"), n("answers"), c);
        assertEquals(Set.of(e2), Txn.calculateRead(dsg, () -> roots.roots(dsg, List.of(), List.of(answer), 100)));
        // a removed link is followed too: (e1 :date d1) gone, then d1's unit changed
        Quad date = Quad.create(Quad.defaultGraphIRI, e1, n("date"), d1);
        Txn.executeWrite(dsg, () -> dsg.getDefaultGraph().delete(date.asTriple()));
        Quad unit1 = Quad.create(Quad.defaultGraphIRI, d1, n("unit"), day);
        assertTrue(Txn.calculateRead(dsg, () -> roots.roots(dsg, List.of(date, unit1), List.of(), 100)).contains(e1));
        // too many: refused
        assertNull(Txn.calculateRead(dsg, () -> roots.roots(dsg, List.of(), List.of(unit, answer), 0)));
    }

    private static Node n(String local) {
        return NodeFactory.createURI("http://ex/" + local);
    }

    private static void add(DatasetGraph dsg, Node s, Node p, Node o) {
        dsg.getDefaultGraph().add(s, p, o);
    }
}
