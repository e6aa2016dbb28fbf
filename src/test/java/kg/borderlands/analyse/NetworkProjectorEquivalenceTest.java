package kg.borderlands.analyse;

import kg.borderlands.load.StoreManager;
import kg.borderlands.support.TestProject;
import org.apache.jena.sparql.core.DatasetGraph;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.*;

/**
 * The record-by-record projector gives the very network the SPARQL projector it replaced gave
 * ({@link SparqlNetworkProjector}, kept as the reference): on the hand-checked fixture and on the project's data
 * (its store, with the claimed graph and the inferences).
 */
class NetworkProjectorEquivalenceTest {
    @Test
    void theFixtureProjectsAsWithSparql() {
        DatasetGraph dsg = FixtureNetwork.dataset();
        assertSameNetwork(new SparqlNetworkProjector(dsg).project(), new NetworkProjector(dsg).project());
    }

    @Test
    void theProjectsDataProjectsAsWithSparql() throws Exception {
        StoreManager store = TestProject.realStore();
        DatasetGraph dsg = store.open();
        try {
            Network want = new SparqlNetworkProjector(dsg).project();
            assertTrue(want.edges().size() > 100, "edges: " + want.edges().size());
            assertFalse(want.skipped().isEmpty());
            assertSameNetwork(want, new NetworkProjector(dsg).project());
        } finally {
            StoreManager.close(dsg);
        }
    }

    private static void assertSameNetwork(Network want, Network got) {
        assertEquals(want.nodes(), got.nodes(), "nodes");
        assertEquals(want.edges().size(), got.edges().size(), "number of edges");
        for (int i = 0; i < want.edges().size(); i++) assertEquals(want.edges().get(i), got.edges().get(i), "edge " + i);
        assertEquals(want.knownKinds(), got.knownKinds(), "known kinds");
        assertEquals(want.actorClasses(), got.actorClasses(), "actor classes");
        assertEquals(want.skipped(), got.skipped(), "skipped");
    }
}
