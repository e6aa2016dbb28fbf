package kg.borderlands.model;

import kg.borderlands.Vocab;
import kg.borderlands.analyse.Network;
import kg.borderlands.analyse.NetworkEdge;
import kg.borderlands.analyse.NetworkProjector;
import kg.borderlands.load.StoreManager;
import kg.borderlands.serve.ld.Snapshot;
import kg.borderlands.support.TestProject;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.query.DatasetFactory;
import org.apache.jena.query.QueryExecution;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.system.Txn;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.*;

/**
 * The status-graph design of issue #14 (docs/ontology.md, "Design of the graph") on the real store: contested
 * content is in the claimed graph and nowhere in the default graph, claims point at it, denials accuse no one,
 * shortcuts hold at the report's date, and the explorer's snapshot and the network still see contested content.
 */
class StatusGraphsTest {
    private static DatasetGraph dsg;
    private static final Node CLAIMED = NodeFactory.createURI(Vocab.GRAPH_CLAIMED);
    private static final String P = """
            PREFIX blk: <https://w3id.org/borderlands-kg/ontology#>
            PREFIX blkv: <https://w3id.org/borderlands-kg/vocab/>
            PREFIX bkr: <https://w3id.org/borderlands-kg/id/>
            """;

    @BeforeAll
    static void open() throws Exception {
        dsg = TestProject.realStore().open();
    }

    @AfterAll
    static void close() {
        StoreManager.close(dsg);
    }

    private static boolean ask(String q) {
        return Txn.calculateRead(dsg, () -> {
            try (QueryExecution qe = QueryExecution.dataset(DatasetFactory.wrap(dsg)).query(P + q).build()) {
                return qe.execAsk();
            }
        });
    }

    private static Node id(String id) {
        return NodeFactory.createURI(Vocab.ID + id);
    }

    @Test
    void contestedContentIsOnlyInTheClaimedGraph() {
        for (String contested : List.of("tie-taliban-government-sanctuary-ttp", "ev-2025-11-25-alleged-strikes-khost",
                "tie-india-patronage-ttp", "tie-pkmap-afghan-taliban-ethnic-bond")) {
            Txn.executeRead(dsg, () -> {
                Graph def = dsg.getDefaultGraph();
                assertFalse(def.find(id(contested), Node.ANY, Node.ANY).hasNext(), contested + " in the default graph");
                assertTrue(dsg.getGraph(CLAIMED).find(id(contested), Node.ANY, Node.ANY).hasNext(),
                        contested + " missing from the claimed graph");
            });
        }
        assertFalse(ask("ASK { bkr:taliban-government blk:givesSanctuaryTo bkr:ttp }"), "contested shortcut leaked");
        assertTrue(ask("ASK { GRAPH <" + Vocab.GRAPH_CLAIMED + "> { bkr:taliban-government blk:givesSanctuaryTo bkr:ttp } }"),
                "the claimed graph has the contested shortcut");
        assertFalse(ask("ASK { ?x blk:status blkv:Contested }"), "no contested status in the default graph");
        assertTrue(ask("ASK { bkr:tie-ttp-allegiance-afghan-taliban blk:status blkv:Established }"));
    }

    @Test
    void denialsAccuseNoOneAndShareTheContentTheyDeny() {
        assertTrue(ask("ASK { ?d a blk:Denial }"));
        assertFalse(ask("ASK { ?d a blk:Denial ; blk:accused ?x }"), "a denial with blk:accused");
        assertFalse(ask("ASK { ?d a blk:Denial ; blk:respondsTo ?c . ?c blk:content ?x FILTER NOT EXISTS { ?d blk:content ?x } }"),
                "a denial without the content of the claim it answers");
        // the query of issue #14 that used to return Kabul's denials
        assertFalse(ask("ASK { ?c blk:accused bkr:pakistan ; blk:act blkv:Harbouring ; a blk:Denial }"));
    }

    @Test
    void shortcutsHoldAtTheReportsDate() {
        assertFalse(ask("ASK { bkr:pakistan blk:supports bkr:taliban-government }"), "support ended");
        assertTrue(ask("ASK { bkr:pakistan blk:hostileTo bkr:taliban-government }"));
        assertFalse(ask("ASK { bkr:imran-khan blk:holdsOfficeIn bkr:pakistan-federal-government }"), "ousted in 2022");
        assertTrue(ask("ASK { bkr:shehbaz-sharif blk:holdsOfficeIn bkr:pakistan-federal-government }"));
        assertTrue(ask("ASK { bkr:pakistan blk:territory bkr:pl-pakistan }"));
    }

    @Test
    void recordsCarryTheProvenanceNotTheThings() {
        assertFalse(ask("ASK { bkr:imran-khan blk:citedSection ?s }"), "provenance on the person");
        assertTrue(ask("ASK { bkr:imran-khan blk:record ?r . ?r blk:citedSection ?s ; a blk:CuratedRecord }"));
        assertFalse(ask("ASK { bkr:imran-khan a blk:CuratedRecord }"));
    }

    @Test
    void participationsAreNamedByActorAndRoleAndOldPositionalIrisStillPointThere() {
        assertTrue(ask("ASK { bkr:ev-2025-10-08-orakzai-attack blk:qualifiedParticipation "
                + "<https://w3id.org/borderlands-kg/id/ev-2025-10-08-orakzai-attack/participation/ttp-perpetrator> }"));
        // the Linked Data servlet answers 303 to the event for any node of the snapshot inside a record
        Snapshot snapshot = Snapshot.of(dsg);
        org.apache.jena.rdf.model.Resource old = snapshot.data().getResource(
                Vocab.ID + "ev-2025-10-08-orakzai-attack/participation/1");
        assertEquals(Vocab.ID + "ev-2025-10-08-orakzai-attack/participation/ttp-perpetrator",
                snapshot.read(() -> old.getPropertyResourceValue(org.apache.jena.vocabulary.DCTerms.isReplacedBy).getURI()));
    }

    @Test
    void explorerAndNetworkStillSeeContestedContent() {
        Snapshot snapshot = Snapshot.of(dsg);
        assertEquals("tie", snapshot.entry("tie-taliban-government-sanctuary-ttp").orElseThrow().kind());
        assertEquals("event", snapshot.entry("ev-2025-11-25-alleged-strikes-khost").orElseThrow().kind());
        Network net = new NetworkProjector(dsg).project();
        NetworkEdge sanctuary = net.edges().stream()
                .filter(e -> e.record().equals("tie-taliban-government-sanctuary-ttp")).findFirst().orElseThrow();
        assertTrue(sanctuary.contested());
        assertEquals(List.of("pakistan", "pml-n"), sanctuary.accordingTo());
    }
}
