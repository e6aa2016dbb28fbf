package kg.borderlands.validate;

import kg.borderlands.support.TestProject;
import org.apache.jena.query.DatasetFactory;
import org.apache.jena.query.Query;
import org.apache.jena.query.QueryExecution;
import org.apache.jena.query.QueryFactory;
import org.apache.jena.query.ResultSet;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFParser;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.system.Txn;
import org.apache.jena.tdb2.DatabaseMgr;
import org.apache.jena.tdb2.TDB2;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.*;

/**
 * The checks over a TDB2 database's union graph, as a full build runs them ({@link QualityChecks#runOnUnionGraph}),
 * give the rows the queries give run as written: in particular qc-05, evaluated on the few nodes that can be its
 * targets ({@link UntypedReferenceCandidates}), on databases where it fires in every way it can and where it must not.
 */
class QualityChecksOnTdbTest {
    private static final Path QC = TestProject.root().resolve("queries/qc");
    private static final Path QC05 = QC.resolve("qc-05-untyped-reference.rq");

    /** Named graphs as TriG: the union graph is what the checks see. */
    private static final String DATA = """
            @prefix bkr: <https://w3id.org/borderlands-kg/id/> .
            @prefix blk: <https://w3id.org/borderlands-kg/ontology#> .
            @prefix rdf: <http://www.w3.org/1999/02/22-rdf-syntax-ns#> .
            @prefix skos: <http://www.w3.org/2004/02/skos/core#> .
            @prefix xsd: <http://www.w3.org/2001/XMLSchema#> .
            @prefix g: <https://w3id.org/borderlands-kg/graph/> .
            g:data {
              bkr:sec-ii a blk:Section .
              bkr:a a blk:Actor ; skos:prefLabel "A" ; blk:record bkr:a-record ; blk:n 1, 2.5, "2021-01-01"^^xsd:date .
              bkr:a-record a blk:CuratedRecord ; blk:citedSection bkr:sec-ii .
              # untyped, referenced by two predicates of one subject and by a second subject: three rows
              bkr:t a blk:Tie ; blk:subject bkr:a ; blk:object bkr:ghost ; blk:about bkr:ghost .
              bkr:u a blk:Tie ; blk:object bkr:ghost .
              # referenced from two graphs with the same triple: one row (the union graph is a set)
              bkr:v a blk:Tie ; blk:object bkr:twice .
              # typed in another graph or only in the claimed graph: no row
              bkr:w a blk:Tie ; blk:object bkr:typed-elsewhere, bkr:claimed-content .
              # only the object of rdf:type: no row; a literal whose text is an id IRI: no row; outside id/: no row
              bkr:x rdf:type bkr:not-a-reference ; skos:note "https://w3id.org/borderlands-kg/id/ghost-literal" ;
                    blk:object <http://example.org/outside> , _:b .
              _:b blk:object bkr:from-blank .
            }
            g:inferred { bkr:v blk:object bkr:twice . bkr:typed-elsewhere a blk:Actor . }
            g:claimed { bkr:claimed-content a blk:Tie . }
            """;

    private static DatasetGraph database(String trig) {
        DatasetGraph dsg = DatabaseMgr.createDatasetGraph();
        Txn.executeWrite(dsg, () -> RDFParser.fromString(trig, Lang.TRIG).parse(dsg));
        return dsg;
    }

    /** The rows of {@code file} run as written over the union graph, as sorted "focus | message" strings. */
    private static List<String> asWritten(Path file, DatasetGraph dsg) throws Exception {
        Query q = QueryFactory.create(Files.readString(file));
        List<String> rows = new ArrayList<>();
        try (QueryExecution qe = QueryExecution.dataset(DatasetFactory.wrap(dsg)).query(q)
                .set(TDB2.symUnionDefaultGraph, true).build()) {
            ResultSet rs = qe.execSelect();
            String focus = rs.getResultVars().get(0);
            rs.forEachRemaining(r -> rows.add(r.get(focus) + " | " + r.get("message")));
        }
        rows.sort(null);
        return rows;
    }

    private static List<String> asRun(List<Finding> findings) {
        List<String> rows = new ArrayList<>(findings.stream().map(f -> f.focusNode() + " | " + f.message()).toList());
        rows.sort(null);
        return rows;
    }

    @Test
    void theShortcutIsBoundToTheShippedCheck() throws Exception {
        assertTrue(UntypedReferenceCandidates.appliesTo(Files.readString(QC05)),
                "qc-05 changed: make the argument of UntypedReferenceCandidates again for it, then update its hash");
        assertFalse(UntypedReferenceCandidates.appliesTo(Files.readString(QC05) + " "));
    }

    @Test
    void untypedReferencesAsTheQueryFindsThem() throws Exception {
        DatasetGraph dsg = database(DATA);
        Txn.executeRead(dsg, () -> {
            try {
                List<String> expected = asWritten(QC05, dsg);
                assertEquals(5, expected.size(), "the check fires: three rows for bkr:ghost (two of them the same), one for "
                        + "bkr:twice, one for bkr:from-blank: " + expected);
                assertEquals(expected, asRun(new QualityChecks(QC).runOne(QC05, DatasetFactory.wrap(dsg))));
                assertEquals(List.of("https://w3id.org/borderlands-kg/id/from-blank", "https://w3id.org/borderlands-kg/id/ghost",
                                "https://w3id.org/borderlands-kg/id/not-a-reference", "https://w3id.org/borderlands-kg/id/twice"),
                        UntypedReferenceCandidates.candidates(dsg).orElseThrow().stream().map(n -> n.getURI()).toList());
            } catch (Exception e) {
                throw new AssertionError(e);
            }
        });
    }

    @Test
    void aDatabaseThatPassesGivesNoCandidate() throws Exception {
        DatasetGraph dsg = database("""
                @prefix bkr: <https://w3id.org/borderlands-kg/id/> .
                @prefix blk: <https://w3id.org/borderlands-kg/ontology#> .
                <https://w3id.org/borderlands-kg/graph/data> { bkr:t a blk:Tie ; blk:object bkr:a ; blk:n 3 . bkr:a a blk:Actor . }
                """);
        Txn.executeRead(dsg, () -> {
            try {
                assertEquals(List.of(), UntypedReferenceCandidates.candidates(dsg).orElseThrow());
                assertEquals(List.of(), asWritten(QC05, dsg));
                assertEquals(List.of(), new QualityChecks(QC).runOne(QC05, DatasetFactory.wrap(dsg)));
            } catch (Exception e) {
                throw new AssertionError(e);
            }
        });
    }

    @Test
    void everyCheckOnTheUnionGraphAsWritten() throws Exception {
        DatasetGraph dsg = database(DATA);
        Txn.executeRead(dsg, () -> {
            try {
                List<String> expected = new ArrayList<>();
                for (Path f : new QualityChecks(QC).files()) expected.addAll(asWritten(f, dsg));
                expected.sort(null);
                assertTrue(expected.size() > 4, "more checks than qc-05 fire: " + expected);
                assertEquals(expected, asRun(new QualityChecks(QC).runOnUnionGraph(DatasetFactory.wrap(dsg))));
            } catch (Exception e) {
                throw new AssertionError(e);
            }
        });
    }
}
