package kg.borderlands.serve.artifacts;

import kg.borderlands.Vocab;
import kg.borderlands.link.Linkset;
import kg.borderlands.load.StoreManager;
import kg.borderlands.serve.ld.Snapshot;
import kg.borderlands.serve.ontology.OntologyCatalogue.UsageCounts;
import kg.borderlands.support.TestProject;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.DatasetGraphFactory;
import org.apache.jena.sparql.core.Quad;
import org.apache.jena.system.Txn;
import org.apache.jena.tdb2.DatabaseMgr;
import org.apache.jena.vocabulary.RDF;
import org.apache.jena.vocabulary.SKOS;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.junit.jupiter.api.Assertions.*;

/** The usage counts read on node ids ({@link UsageScan}) are the counts {@link UsageCounts#of} makes from the graphs. */
class UsageScanTest {
    private static final Node DATA = NodeFactory.createURI(Vocab.GRAPH_DATA);
    private static final Node LINKS = NodeFactory.createURI(Linkset.GRAPH);
    private static final Node CLAIMED = NodeFactory.createURI(Vocab.GRAPH_CLAIMED);
    private static final Node INFERRED = NodeFactory.createURI(Vocab.GRAPH_INFERRED);

    private static Node blk(String local) {
        return NodeFactory.createURI(Vocab.BLK + local);
    }

    private static Node id(String local) {
        return NodeFactory.createURI(Vocab.ID + local);
    }

    private static UsageCounts fromGraphs(DatasetGraph dsg) {
        return Txn.calculateRead(dsg, () -> UsageCounts.of(Snapshot.live(dsg, Map::of)));
    }

    private static UsageCounts scanned(DatasetGraph dsg) {
        return Txn.calculateRead(dsg, () -> UsageScan.of(dsg).orElseThrow());
    }

    @Test
    void triplesInSeveralGraphsOfTheUnionAreCountedOnceAsTheUnionDoes() {
        DatasetGraph dsg = DatabaseMgr.createDatasetGraph();
        Node type = RDF.type.asNode(), actor = blk("Actor"), group = blk("ArmedGroup"), tie = blk("Tie");
        Node ttp = id("ttp"), afg = id("afghanistan"), t1 = id("tie-1");
        Node vocab = NodeFactory.createURI(Vocab.VOCAB + "certainty-high");
        Txn.executeWrite(dsg, () -> {
            dsg.add(DATA, ttp, type, group);
            dsg.add(DATA, ttp, SKOS.prefLabel.asNode(), NodeFactory.createLiteralLang("TTP", "en"));
            dsg.add(DATA, afg, type, actor);
            dsg.add(DATA, t1, type, tie);
            dsg.add(DATA, t1, blk("subject"), ttp);
            dsg.add(DATA, t1, blk("object"), afg);
            dsg.add(DATA, t1, blk("certainty"), vocab);
            dsg.add(DATA, t1, blk("count"), NodeFactory.createLiteralDT("12", org.apache.jena.datatypes.xsd.XSDDatatype.XSDinteger));
            dsg.add(DATA, t1, SKOS.exactMatch.asNode(), NodeFactory.createURI("http://www.wikidata.org/entity/Q1"));
            // the same triples again in the links and claimed graphs, and some of their own
            dsg.add(LINKS, ttp, type, group);
            dsg.add(LINKS, ttp, SKOS.exactMatch.asNode(), NodeFactory.createURI("http://www.wikidata.org/entity/Q2"));
            dsg.add(CLAIMED, t1, type, tie);
            dsg.add(CLAIMED, t1, blk("certainty"), vocab);
            dsg.add(CLAIMED, ttp, SKOS.exactMatch.asNode(), NodeFactory.createURI("http://www.wikidata.org/entity/Q2"));
            dsg.add(CLAIMED, id("claim-1"), type, blk("Allegation"));
            dsg.add(CLAIMED, id("claim-1"), blk("accused"), ttp);
            dsg.add(INFERRED, ttp, type, actor);
            dsg.add(INFERRED, afg, type, actor);
            dsg.add(INFERRED, id("claim-1"), type, blk("Claim"));
            dsg.add(INFERRED, t1, blk("shortcut"), ttp);
        });
        UsageCounts expected = fromGraphs(dsg);
        assertEquals(1L, expected.asserted().get(Vocab.BLK + "Tie"), "the union counts a triple of two graphs once");
        assertEquals(2L, expected.withInferred().get(Vocab.BLK + "Actor"));
        assertEquals(expected, scanned(dsg));
    }

    @Test
    void anInlineValueBesideAStoredTermWithTheSameIdBitsIsNotTakenForIt() {
        // NodeId.equals compares an id's value bits, not its type: a literal stored inline whose bits are those of a
        // node-table id "equals" it. In the GOSP index the two objects of this graph are neighbours.
        DatasetGraph dsg = DatabaseMgr.createDatasetGraph();
        Node s = id("tie-1"), actor = blk("Actor");
        Txn.executeWrite(dsg, () -> dsg.add(DATA, s, blk("object"), actor));
        org.apache.jena.tdb2.store.NodeId stored = Txn.calculateRead(dsg, () -> org.apache.jena.tdb2.sys.TDBInternal
                .getDatasetGraphTDB(dsg).getQuadTable().getNodeTupleTable().getNodeTable().getNodeIdForNode(actor));
        Node number = null;
        for (long n = 0; n <= 1 << 20 && number == null; n++) {
            Node candidate = NodeFactory.createLiteralDT(Long.toString(n), org.apache.jena.datatypes.xsd.XSDDatatype.XSDinteger);
            org.apache.jena.tdb2.store.NodeId inline = org.apache.jena.tdb2.store.NodeIdInline.inline(candidate);
            if (inline != null && inline.equals(stored)) number = candidate;
        }
        assertNotNull(number, "an inline integer whose id bits are those of " + stored);
        Node value = number;
        Txn.executeWrite(dsg, () -> dsg.add(DATA, s, blk("count"), value));
        UsageCounts expected = fromGraphs(dsg);
        assertEquals(1L, expected.asObject().get(Vocab.BLK + "Actor"));
        assertEquals(expected, scanned(dsg));
    }

    @Test
    void aDatabaseWithoutTheGraphsCountsNothing() {
        DatasetGraph dsg = DatabaseMgr.createDatasetGraph();
        UsageCounts counts = scanned(dsg);
        assertEquals(fromGraphs(dsg), counts);
        assertTrue(counts.predicate().isEmpty());
    }

    @Test
    void notATdb2DatabaseIsLeftToTheGraphs() {
        assertTrue(UsageScan.of(DatasetGraphFactory.createTxnMem()).isEmpty());
    }

    @Test
    void theProjectsStoreIsCountedAsFromItsGraphs() throws Exception {
        StoreManager store = TestProject.realStore();
        DatasetGraph dsg = store.open();
        try {
            UsageCounts expected = fromGraphs(dsg);
            assertFalse(expected.asObject().isEmpty());
            assertEquals(expected, scanned(dsg));
        } finally {
            StoreManager.close(dsg);
        }
    }
}
