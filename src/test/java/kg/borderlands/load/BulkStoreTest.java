package kg.borderlands.load;

import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.riot.system.StreamRDF;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.DatasetGraphFactory;
import org.apache.jena.sparql.core.Quad;
import org.apache.jena.sparql.graph.GraphFactory;
import org.apache.jena.system.Txn;
import org.apache.jena.tdb2.DatabaseMgr;
import org.apache.jena.tdb2.store.tupletable.TupleIndex;
import org.apache.jena.tdb2.sys.TDBInternal;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.*;

/**
 * The store step's bulk store ({@link BulkStore}): it stores exactly the quads it is given, repeats and all, in
 * every index (here with buffers of 1,000 rows, so that each index is merged from dozens of runs), a failing index
 * fails the store with its name, and after a failure the database can still be used and closed (the unfinished
 * build is then deleted); its sort orders rows as TDB2 orders records (unsigned).
 */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class BulkStoreTest {
    @TempDir
    Path tmp;

    /** Quads of three named graphs and the default graph, many more than a chunk, with repeats and inline literals. */
    private static List<Quad> quads() {
        List<Quad> out = new ArrayList<>();
        Node[] graphs = {NodeFactory.createURI("urn:g:a"), NodeFactory.createURI("urn:g:b"), Quad.defaultGraphIRI,
                NodeFactory.createURI("urn:g:c")};
        Node p = NodeFactory.createURI("urn:p"), q = NodeFactory.createURI("urn:q");
        Node blank = NodeFactory.createBlankNode();
        for (int i = 0; i < 30_000; i++) {
            Node s = NodeFactory.createURI("urn:s:" + (i % 7_919));
            Node o = i % 3 == 0 ? NodeFactory.createLiteralDT(Integer.toString(i), org.apache.jena.datatypes.xsd.XSDDatatype.XSDinteger)
                    : i % 3 == 1 ? NodeFactory.createLiteralString("label " + i) : NodeFactory.createURI("urn:o:" + (i % 101));
            Node g = graphs[i % graphs.length];
            out.add(Quad.create(g, s, i % 2 == 0 ? p : q, o));
            if (i % 10 == 0) out.add(Quad.create(g, s, p, o));            // stated twice: stored once
            if (i % 1_000 == 0) out.add(Quad.create(g, blank, q, s));
        }
        return out;
    }

    @Test
    void storesTheQuadsItIsGivenInEveryIndex() throws Exception {
        List<Quad> quads = quads();
        DatasetGraph expected = DatasetGraphFactory.createGeneral();
        quads.forEach(expected::add);

        DatasetGraph dsg = DatabaseMgr.connectDatasetGraph(tmp.resolve("tdb").toString());
        try {
            BulkStore store = BulkStore.start(dsg, tmp.resolve("runs"), 1_000);
            StreamRDF into = store.stream();
            quads.forEach(into::quad);
            store.finish();
            assertFalse(java.nio.file.Files.exists(tmp.resolve("runs")), "runs deleted");
            Txn.executeRead(dsg, () -> {
                assertIsomorphic(expected.getDefaultGraph(), dsg.getDefaultGraph(), "default graph");
                expected.listGraphNodes().forEachRemaining(g -> assertIsomorphic(expected.getGraph(g), dsg.getGraph(g), g.toString()));
                // each index of each table holds the same tuples (queries below pick different indexes)
                var tdb = TDBInternal.getDatasetGraphTDB(dsg);
                for (var table : List.of(tdb.getTripleTable().getNodeTupleTable().getTupleTable(),
                        tdb.getQuadTable().getNodeTupleTable().getTupleTable())) {
                    long first = count(table.getIndex(0));
                    for (TupleIndex idx : table.getIndexes()) assertEquals(first, count(idx), idx.getName());
                }
                Node s = NodeFactory.createURI("urn:s:5");
                assertEquals(expected.getDefaultGraph().find(null, null, s).toList().size(), dsg.getDefaultGraph().find(null, null, s).toList().size());
                assertEquals(expected.stream(null, null, NodeFactory.createURI("urn:q"), null).count(),
                        dsg.stream(null, null, NodeFactory.createURI("urn:q"), null).count());
            });
            // ordinary transactions after the store
            Txn.executeWrite(dsg, () -> dsg.getDefaultGraph().add(s("urn:x"), s("urn:p"), s("urn:y")));
            assertTrue(Txn.calculateRead(dsg, () -> dsg.getDefaultGraph().contains(s("urn:x"), s("urn:p"), s("urn:y"))));
        } finally {
            TDBInternal.expel(dsg);
        }
    }

    @Test
    void aFailingIndexFailsTheStoreAndTheDatabaseCanStillBeClosed() throws Exception {
        DatasetGraph dsg = DatabaseMgr.connectDatasetGraph(tmp.resolve("tdb").toString());
        BulkStore store = BulkStore.start(dsg, tmp.resolve("runs"), 1_000);
        // the POS index closed: packing it fails
        TDBInternal.getDatasetGraphTDB(dsg).getTripleTable().getNodeTupleTable().getTupleTable().getIndex(1).close();
        RuntimeException e = assertThrows(RuntimeException.class, () -> {
            try {
                StreamRDF into = store.stream();
                quads().forEach(into::quad);
                store.finish();
            } catch (RuntimeException | Error failure) {
                store.abort();
                throw failure;
            }
        });
        assertTrue(e.getMessage().contains("index POS"), e.getMessage());
        assertFalse(java.nio.file.Files.exists(tmp.resolve("runs")), "runs deleted");
        // exclusive mode left: another thread can begin a transaction
        Thread reader = new Thread(() -> Txn.executeRead(dsg, () -> dsg.getGraph(NodeFactory.createURI("urn:g:a")).isEmpty()));
        reader.start();
        reader.join(30_000);
        assertFalse(reader.isAlive(), "a transaction after a failed store does not wait");
        store.abort();   // a second call does nothing
        try {
            TDBInternal.expel(dsg, true);
        } catch (RuntimeException closedTwice) {
            // the index this test closed cannot be closed again; the rest of the database is
        }
    }

    @Test
    void onlyIntoANewDatabase() throws Exception {
        DatasetGraph dsg = DatabaseMgr.connectDatasetGraph(tmp.resolve("tdb").toString());
        try {
            Txn.executeWrite(dsg, () -> dsg.add(Quad.create(s("urn:g"), s("urn:s"), s("urn:p"), s("urn:o"))));
            IllegalStateException e = assertThrows(IllegalStateException.class, () -> BulkStore.start(dsg, tmp.resolve("runs")));
            assertTrue(e.getMessage().contains("is not new"), e.getMessage());
            // nothing left locked
            assertEquals(1L, (long) Txn.calculateRead(dsg, () -> dsg.stream().count()));
        } finally {
            TDBInternal.expel(dsg);
        }
    }

    @Test
    void sortsRowsAsTdb2OrdersRecords() throws Exception {
        java.util.Random random = new java.util.Random(7);
        int w = 4, n = 20_000;
        long[] rows = new long[n * w];
        for (int i = 0; i < rows.length; i++) {
            // few distinct values per column (repeats, shared prefixes), some with the top bit set (inline ids)
            long v = random.nextInt(50);
            rows[i] = random.nextInt(10) == 0 ? v | Long.MIN_VALUE : v;
        }
        int[] order = new int[n];
        for (int i = 0; i < n; i++) order[i] = i;
        BulkStore.Rows.sort(rows, w, order, 0, n);
        List<byte[]> keys = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            byte[] k = new byte[w * 8];
            for (int j = 0; j < w; j++) org.apache.jena.atlas.lib.Bytes.setLong(rows[i * w + j], k, j * 8);
            keys.add(k);
        }
        List<byte[]> expected = new ArrayList<>(keys);
        expected.sort(org.apache.jena.atlas.lib.Bytes::compare);   // how TDB2 orders records
        for (int i = 0; i < n; i++) {
            assertArrayEquals(expected.get(i), keys.get(order[i]), "row " + i);
        }
        // and back through a run file: the same rows, repeats dropped
        java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
        try (BulkStore.Sink sink = new BulkStore.Sink(bytes)) {
            for (long v : new long[] {0, 1, 127, 128, -1, Long.MIN_VALUE, 300}) sink.varint(v);
            sink.write(5);
        }
        try (BulkStore.Source source = new BulkStore.Source(new java.io.ByteArrayInputStream(bytes.toByteArray()))) {
            for (long v : new long[] {0, 1, 127, 128, -1, Long.MIN_VALUE, 300}) assertEquals(v, source.varint());
            assertEquals(5, source.read());
            assertEquals(-1, source.read());
        }
    }

    private static Node s(String iri) {
        return NodeFactory.createURI(iri);
    }

    private static long count(TupleIndex idx) {
        long n = 0;
        for (var it = idx.all(); it.hasNext(); it.next()) n++;
        return n;
    }

    private static void assertIsomorphic(Graph expected, Graph actual, String what) {
        Graph copy = GraphFactory.createDefaultGraph();
        actual.find().forEachRemaining(copy::add);
        assertTrue(expected.isIsomorphicWith(copy), what + ": " + expected.size() + " expected, " + copy.size() + " stored");
    }
}
