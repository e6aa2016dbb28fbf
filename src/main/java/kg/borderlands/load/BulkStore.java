package kg.borderlands.load;

import org.apache.jena.atlas.lib.tuple.Tuple;
import org.apache.jena.atlas.lib.tuple.TupleFactory;
import org.apache.jena.dboe.transaction.txn.Transaction;
import org.apache.jena.dboe.transaction.txn.TransactionCoordinator;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.Triple;
import org.apache.jena.query.TxnType;
import org.apache.jena.riot.system.StreamRDF;
import org.apache.jena.riot.system.StreamRDFBase;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.Quad;
import org.apache.jena.tdb2.loader.base.CoLib;
import org.apache.jena.tdb2.store.DatasetGraphTDB;
import org.apache.jena.tdb2.store.NodeId;
import org.apache.jena.tdb2.store.nodetable.NodeTable;
import org.apache.jena.tdb2.store.tupletable.TupleIndex;
import org.apache.jena.tdb2.sys.TDBInternal;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The store step of a full build: quads into an empty TDB2 database, each index built on its own thread while
 * the quads arrive, in bounded memory (docs/store.md, "How a build is made").
 * <p>
 * The thread that feeds {@link #stream()} turns each quad into node ids (allocating new nodes in TDB2's node
 * table, which only that thread writes) and gathers the tuples into chunks of {@link #CHUNK}; each chunk goes to
 * every index of its table (triples: SPO, POS, OSP; quads: GSPO, GPOS, GOSP, SPOG, POSG, OSPG), each written by
 * its own thread from a queue of at most {@link #QUEUE} chunks. A chunk is shared by the indexes of its table, so
 * at most about {@code 2 × (QUEUE + 2)} chunks (each about 1 MB) are held at once, whatever the size of the
 * build; the feeding thread waits when an index falls that far behind.
 * <p>
 * The building blocks are Jena's, used as its parallel loader uses them ({@code LoaderMain},
 * {@code DataToTuplesInline}): the database in exclusive mode, and each component (the node table, each index)
 * in a transaction of its own ({@link CoLib}), begun and committed on the thread that writes it. Jena's loaders
 * themselves do not fit a 300 MB heap: their chunks are 100,000 tuples and their queues 10 chunks deep, both
 * compile-time constants ({@code LoaderConst}). The index threads are ours, not
 * {@code org.apache.jena.tdb2.loader.main.Indexer}'s: that one logs an index's failure and goes on (the build
 * would be published without the index) and does not see an {@link Error} at all (its caller then waits
 * forever). Here the first failure of any index thread, an {@link OutOfMemoryError} included, fails the store:
 * the next chunk delivered, or {@link #finish()}, throws it; every thread then keeps taking (and dropping)
 * chunks until told to stop, so the feeding thread never waits on a queue no one takes from.
 * <p>
 * Node ids: TDB2's node table cache keeps every node a write transaction of its own allocates (up to a million
 * entries, some 30 MB of heap at 32 sources, three times that at 100), so the feeding thread allocates through
 * the node table under that cache, with a bounded cache of its own ({@link #RECENT} entries). TDB2's cache does
 * not know the new nodes and asks the table for them when they are read; it cannot hold a stale "absent" entry
 * for one of them, because the database is new (checked: empty) and no one reads it before the store finishes.
 * <p>
 * Used by one thread: the one that creates it feeds {@link #stream()}, then calls {@link #finish()} or, on any
 * failure, {@link #abort()} (the database then holds an unfinished build, to be deleted).
 */
final class BulkStore {
    /** Tuples per chunk delivered to the index threads. */
    static final int CHUNK = 10_000;
    /** Chunks an index thread's queue holds. */
    static final int QUEUE = 4;
    /** Nodes whose id the feeding thread keeps. */
    static final int RECENT = 50_000;

    private static final List<Tuple<NodeId>> END = List.of();
    private static final List<Tuple<NodeId>> ABORT = new ArrayList<>(0);

    private final DatasetGraphTDB dsgtdb;
    private final NodeTable nodes;
    private final Transaction nodeTxn;
    private final IndexThread[] triples;
    private final IndexThread[] quads;
    private final AtomicReference<Throwable> failure = new AtomicReference<>();
    private final AtomicReference<String> failedIndex = new AtomicReference<>();
    private final Map<Node, NodeId> recent = new LinkedHashMap<>(1 << 16, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<Node, NodeId> eldest) {
            return size() > RECENT;
        }
    };
    private List<Tuple<NodeId>> tripleChunk = new ArrayList<>(CHUNK);
    private List<Tuple<NodeId>> quadChunk = new ArrayList<>(CHUNK);
    private boolean exclusive;
    private boolean ended;

    /**
     * Starts storing into {@code dsg}, a new and empty TDB2 database that no other thread uses until
     * {@link #finish()} or {@link #abort()} (they would wait: exclusive mode).
     */
    static BulkStore start(DatasetGraph dsg) {
        return new BulkStore(TDBInternal.getDatasetGraphTDB(dsg));
    }

    private BulkStore(DatasetGraphTDB dsgtdb) {
        this.dsgtdb = dsgtdb;
        NodeTable nodeTable = dsgtdb.getTripleTable().getNodeTupleTable().getNodeTable();
        if (nodeTable != dsgtdb.getQuadTable().getNodeTupleTable().getNodeTable()) {
            throw new IllegalStateException("the triple and quad tables of " + dsgtdb.getLocation() + " have different node tables");
        }
        this.nodes = nodeTable.baseNodeTable();
        this.triples = threads(dsgtdb.getTripleTable().getNodeTupleTable().getTupleTable().getIndexes());
        this.quads = threads(dsgtdb.getQuadTable().getNodeTupleTable().getTupleTable().getIndexes());
        // everyone else locked out while each component is written on its own thread (as LoaderMain does)
        dsgtdb.getTxnSystem().getTxnMgr().startExclusiveMode();
        exclusive = true;
        Transaction txn = null;
        try {
            TransactionCoordinator coordinator = CoLib.newCoordinator();
            CoLib.add(coordinator, nodeTable);
            CoLib.start(coordinator);
            txn = coordinator.begin(TxnType.WRITE);
            if (!nodes.isEmpty()) throw new IllegalStateException("the database " + dsgtdb.getLocation() + " is not new");
            for (IndexThread t : triples) t.start();
            for (IndexThread t : quads) t.start();
        } catch (RuntimeException | Error e) {
            ended = true;
            stopThreads();
            if (txn != null) abandon(txn);
            endExclusive();
            throw e;
        }
        this.nodeTxn = txn;
    }

    private IndexThread[] threads(TupleIndex[] indexes) {
        IndexThread[] out = new IndexThread[indexes.length];
        for (int i = 0; i < indexes.length; i++) out[i] = new IndexThread(indexes[i]);
        return out;
    }

    /** What to stream the quads into (a quad of the default graph is stored as a triple), on the creating thread. */
    StreamRDF stream() {
        return new StreamRDFBase() {
            @Override
            public void triple(Triple t) {
                tripleChunk.add(TupleFactory.tuple(id(t.getSubject()), id(t.getPredicate()), id(t.getObject())));
                if (tripleChunk.size() >= CHUNK) tripleChunk = deliver(tripleChunk, triples);
            }

            @Override
            public void quad(Quad q) {
                if (q.isTriple() || q.isDefaultGraph()) {
                    triple(q.asTriple());
                    return;
                }
                quadChunk.add(TupleFactory.tuple(id(q.getGraph()), id(q.getSubject()), id(q.getPredicate()), id(q.getObject())));
                if (quadChunk.size() >= CHUNK) quadChunk = deliver(quadChunk, quads);
            }
        };
    }

    /**
     * The node id of {@code n}, allocated if new: inline (numbers, dates…) as TDB2 does, else from this store's
     * own bounded cache, else from the node table under TDB2's cache (see the class comment).
     */
    private NodeId id(Node n) {
        NodeId id = NodeId.inline(n);
        if (id != null) return id;
        id = recent.get(n);
        if (id == null) {
            id = nodes.getAllocateNodeId(n);
            recent.put(n, id);
        }
        return id;
    }

    /** Hands a chunk to each index thread of a table; a new empty chunk. */
    private List<Tuple<NodeId>> deliver(List<Tuple<NodeId>> chunk, IndexThread[] to) {
        requireNoFailure();
        for (IndexThread t : to) t.put(chunk);
        return new ArrayList<>(CHUNK);
    }

    private void requireNoFailure() {
        Throwable f = failure.get();
        if (f == null) return;
        if (f instanceof OutOfMemoryError oom) throw oom;   // BKG-E208 (LoadOperation)
        throw new IllegalStateException("storing the build failed: index " + failedIndex.get() + ": " + f, f);
    }

    /**
     * Delivers the last chunks, waits for every index thread, commits the node table: the database then holds
     * the quads, and ordinary transactions can begin. Throws the first failure of an index thread.
     */
    void finish() {
        if (ended) throw new IllegalStateException("bulk store already ended");
        if (!tripleChunk.isEmpty()) deliver(tripleChunk, triples);
        if (!quadChunk.isEmpty()) deliver(quadChunk, quads);
        tripleChunk = quadChunk = null;
        for (IndexThread t : triples) t.put(END);
        for (IndexThread t : quads) t.put(END);
        joinAll();
        requireNoFailure();
        nodeTxn.commit();
        nodeTxn.end();
        ended = true;
        endExclusive();
    }

    /**
     * After a failure (of this thread or of an index thread): stops the index threads, abandons every component's
     * transaction and leaves exclusive mode, so the database can be closed (and the unfinished build deleted).
     * Never throws.
     */
    void abort() {
        if (ended) return;
        ended = true;
        tripleChunk = quadChunk = null;
        stopThreads();
        abandon(nodeTxn);
        endExclusive();
    }

    /** Tells every index thread to abandon its index, and waits for them (never throws). */
    private void stopThreads() {
        try {
            for (IndexThread t : triples) t.put(ABORT);
            for (IndexThread t : quads) t.put(ABORT);
            joinAll();
        } catch (RuntimeException | Error ignored) {
            // interrupted: the threads are daemons, and the build is deleted
        }
    }

    /** Aborts a component's transaction, whatever state a failure left it in (never throws). */
    private static void abandon(Transaction txn) {
        try {
            txn.abort();
            txn.end();
        } catch (Throwable ignored) {
            // the failure that led here is the error; the build is deleted
        }
    }

    private void endExclusive() {
        if (!exclusive) return;
        exclusive = false;
        dsgtdb.getTxnSystem().getTxnMgr().finishExclusiveMode();
    }

    private void joinAll() {
        try {
            for (IndexThread t : triples) if (t.isAlive()) t.join();
            for (IndexThread t : quads) if (t.isAlive()) t.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while storing the build", e);
        }
    }

    /** One index, written by its own thread in a transaction of its own. */
    private final class IndexThread extends Thread {
        private final TupleIndex index;
        private final BlockingQueue<List<Tuple<NodeId>>> queue = new ArrayBlockingQueue<>(QUEUE);

        IndexThread(TupleIndex index) {
            super("bkg-index-" + index.getName());
            this.index = index;
            setDaemon(true);
            // a failure escaping run() (no heap left even to record it) is still the store's failure, not a trace
            setUncaughtExceptionHandler((t, e) -> fail(e));
        }

        /** Queues a chunk; drops it if this thread has ended (after a failure, recorded: the store fails). */
        void put(List<Tuple<NodeId>> chunk) {
            try {
                while (!queue.offer(chunk, 100, TimeUnit.MILLISECONDS)) {
                    if (!isAlive()) return;
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while storing the build", e);
            }
        }

        @Override
        public void run() {
            Transaction txn = null;
            try {
                TransactionCoordinator coordinator = CoLib.newCoordinator();
                CoLib.add(coordinator, index);
                CoLib.start(coordinator);
                txn = coordinator.begin(TxnType.WRITE);
                for (;;) {
                    List<Tuple<NodeId>> chunk = queue.take();
                    if (chunk == END) break;
                    if (chunk == ABORT) {
                        abandon(txn);
                        return;
                    }
                    for (Tuple<NodeId> t : chunk) index.add(t);
                    if (failure.get() != null) {
                        // another thread failed: the store fails, this index is abandoned
                        abandon(txn);
                        drain();
                        return;
                    }
                }
                txn.commit();
                txn.end();
            } catch (Throwable e) {
                fail(e);
                if (txn != null) abandon(txn);
                drain();
            }
        }

        private void fail(Throwable e) {
            if (failure.compareAndSet(null, e)) failedIndex.set(index.getName());
        }

        /**
         * Takes (and drops) chunks until told to stop, so that the feeding thread does not wait on this queue; if
         * even that fails (no heap left), this thread ends and {@link #put} stops waiting for it.
         */
        private void drain() {
            try {
                for (;;) {
                    List<Tuple<NodeId>> chunk = queue.take();
                    if (chunk == END || chunk == ABORT) return;
                }
            } catch (Throwable e) {
                if (e instanceof InterruptedException) Thread.currentThread().interrupt();
            }
        }
    }
}
