package kg.borderlands.validate;

import kg.borderlands.support.TestProject;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.query.DatasetFactory;
import org.apache.jena.query.QueryFactory;
import org.apache.jena.sparql.algebra.Algebra;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.Quad;
import org.apache.jena.sparql.path.PathCompiler;
import org.apache.jena.system.Txn;
import org.apache.jena.tdb2.DatabaseMgr;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.*;

/**
 * The quality checks of an incremental build, scoped to the changed quads' nodes ({@link ScopedQualityChecks}):
 * which checks can be scoped, and that a row a change brings is found even when the changed triple is one link
 * away from the row's nodes (through a NOT EXISTS with a property path), with the findings of a whole run.
 */
class ScopedQualityChecksTest {
    private static final String ID = "https://w3id.org/borderlands-kg/id/";
    private static final String BLK = "https://w3id.org/borderlands-kg/ontology#";
    private static final Node DATA = NodeFactory.createURI("https://w3id.org/borderlands-kg/graph/data");
    private static final Node TYPE = NodeFactory.createURI("http://www.w3.org/1999/02/22-rdf-syntax-ns#type");

    @TempDir
    Path tmp;

    @Test
    void everyProjectCheckIsScopable() throws Exception {
        for (Path f : new QualityChecks(TestProject.root().resolve("queries/qc")).files()) {
            int r = ScopedQualityChecks.radius(ScopedQualityChecks.flatten(
                    Algebra.compile(QueryFactory.create(Files.readString(f))), new PathCompiler()));
            assertTrue(r >= 0 && r <= 1, f.getFileName() + ": radius " + r);
        }
    }

    @Test
    void whatIsNotScopable() {
        assertEquals(-1, radius("SELECT ?a WHERE { ?a <" + BLK + "record>* ?r }"), "path of any length");
        assertEquals(-1, radius("SELECT ?a WHERE { ?a a ?t OPTIONAL { ?a <" + BLK + "x> ?y } }"), "OPTIONAL");
        assertEquals(-1, radius("SELECT (COUNT(*) AS ?n) WHERE { ?a a ?t }"), "aggregate");
        assertEquals(-1, radius("SELECT ?a WHERE { ?a a ?t FILTER NOT EXISTS { ?x <" + BLK + "y> ?z } }"),
                "NOT EXISTS linked to nothing outside");
        assertEquals(0, radius("SELECT ?a WHERE { ?a a ?t FILTER NOT EXISTS { ?a <" + BLK + "y> ?z } }"));
        assertEquals(2, radius("SELECT ?a WHERE { ?a a ?t FILTER NOT EXISTS { ?a <" + BLK + "p>/<" + BLK + "q>/<" + BLK + "r> ?z } }"));
    }

    private static int radius(String sparql) {
        return ScopedQualityChecks.radius(ScopedQualityChecks.flatten(Algebra.compile(QueryFactory.create(sparql)), new PathCompiler()));
    }

    @Test
    void aRowOneLinkAwayFromTheChangeIsFound() throws Exception {
        Path qc = Files.createDirectories(tmp.resolve("qc"));
        // an actor whose record cites no section: the changed triple (the record's citation) is one link away
        Files.writeString(qc.resolve("qc-a.rq"), "PREFIX blk: <" + BLK + ">\nSELECT ?a WHERE { ?a a blk:Actor . "
                + "FILTER NOT EXISTS { ?a blk:record/blk:citedSection ?s } }");
        DatasetGraph dsg = DatabaseMgr.createDatasetGraph();
        Quad citation = quad(ID + "r1", BLK + "citedSection", ID + "sec");
        Txn.executeWrite(dsg, () -> {
            dsg.add(Quad.create(DATA, node(ID + "a1"), TYPE, node(BLK + "Actor")));
            dsg.add(quad(ID + "a1", BLK + "record", ID + "r1"));
            dsg.add(citation);
        });
        ScopedQualityChecks checks = new ScopedQualityChecks(qc);
        Set<Node> changed = Set.of(citation.getSubject(), citation.getPredicate(), citation.getObject());
        ScopedQualityChecks.Run before = Txn.calculateRead(dsg, () -> run(checks, dsg, changed));
        assertEquals(List.of(), before.findings());
        assertEquals(1, before.scoped());

        Txn.executeWrite(dsg, () -> dsg.delete(citation));
        ScopedQualityChecks.Run after = Txn.calculateRead(dsg, () -> run(checks, dsg, changed));
        List<Finding> whole = Txn.calculateRead(dsg, () -> {
            try {
                return new QualityChecks(qc).runOnUnionGraph(DatasetFactory.wrap(dsg));
            } catch (Exception e) {
                throw new RuntimeException(e);
            }
        });
        assertEquals(1, whole.size(), whole.toString());
        assertEquals(whole, after.findings());
        assertEquals(ID + "a1", after.findings().get(0).focusNode());

        // the same change seen from a node that is not near it finds nothing (the scope matters)
        ScopedQualityChecks.Run elsewhere = Txn.calculateRead(dsg, () -> run(checks, dsg, Set.of(node(ID + "unrelated"))));
        assertEquals(List.of(), elsewhere.findings());
    }

    private static ScopedQualityChecks.Run run(ScopedQualityChecks checks, DatasetGraph dsg, Set<Node> changed) {
        try {
            return checks.run(dsg, changed);
        } catch (Exception e) {
            throw new RuntimeException(e);
        }
    }

    private static Quad quad(String s, String p, String o) {
        return Quad.create(DATA, node(s), node(p), node(o));
    }

    private static Node node(String iri) {
        return NodeFactory.createURI(iri);
    }
}
