package kg.borderlands.load;

import org.apache.jena.atlas.lib.Bytes;
import org.apache.jena.dboe.base.record.Record;
import org.apache.jena.dboe.base.record.RecordFactory;
import org.apache.jena.dboe.trans.bplustree.BPlusTree;
import org.apache.jena.dboe.trans.bplustree.rewriter.BPlusTreeRewriter;
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
import org.apache.jena.tdb2.loader.base.LoaderOps;
import org.apache.jena.tdb2.store.DatasetGraphTDB;
import org.apache.jena.tdb2.store.NodeId;
import org.apache.jena.tdb2.store.NodeIdFactory;
import org.apache.jena.tdb2.store.nodetable.NodeTable;
import org.apache.jena.tdb2.store.tupletable.TupleIndex;
import org.apache.jena.tdb2.sys.TDBInternal;

import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.PriorityQueue;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The store step of a full build: quads into a new TDB2 database, each index written once, packed from sorted
 * input, in bounded memory (docs/store.md, "How a build is made").
 * <p>
 * The thread that feeds {@link #stream()} turns each quad into node ids (allocating new nodes in TDB2's node
 * table, which only that thread writes) and the ids into rows of longs (a node id's 8 bytes, as TDB2 stores
 * them), gathered in buffers of {@link #ROWS} rows per table (triples; quads). A full buffer goes to a sorting
 * thread, which writes it once per index of its table (triples: SPO, POS, OSP; quads: GSPO, GPOS, GOSP, SPOG,
 * POSG, OSPG), sorted in that index's order and without repeats, as a <i>run</i> file in a temporary folder
 * (each row stored as the columns it does not share with the row before it, as variable-length deltas: a
 * third of its 24 or 32 bytes). When the units are all stored, {@link #finish()} merges the runs of each index
 * (dropping the repeats between runs) straight into the index's B+tree, packed leaf after leaf by Jena's
 * {@link BPlusTreeRewriter}, the indexes on as many threads as there are processors.
 * <p>
 * Why: inserting a tuple into a B+tree costs a descent and a binary search per level; at 32 sources the nine
 * indexes take 9.1 million inserts, 13–15 s of CPU, where sorting and packing the same rows takes a few. And
 * memory stays bounded: at most six buffers (one being filled per table, one waiting, one being sorted, two
 * kept for reuse: about 25 MB), whatever the size of the build; the runs are on disk (deleted by {@link #finish()} or
 * {@link #abort()}).
 * <p>
 * The building blocks are Jena's, as its own loaders use them: the database in exclusive mode, each component
 * (the node table, each index) in a transaction of its own ({@link CoLib}) begun and committed on the thread
 * that writes it ({@code LoaderMain}, {@code DataToTuplesInline}); an index packed from sorted rows into the
 * database's own B+tree files ({@code ProcBuildIndexX}, what {@code tdb2.xloader} does after sorting with
 * {@code sort(1)}). Jena's in-process loaders do not fit a 300 MB heap (chunks of 100,000 tuples, queues of 10
 * chunks per index, compile-time constants in {@code LoaderConst}), and the sequential one builds each
 * secondary index by inserts, on one thread, after the data.
 * <p>
 * Node ids: TDB2's node table cache keeps every node a transaction of its own allocates (up to a million
 * entries: 30 MB more live heap at 32 sources, measured; about three times that expected at 100), so the feeding thread allocates through
 * the node table under that cache, with a bounded cache of its own ({@link #RECENT} entries). TDB2's cache does
 * not know the new nodes and asks the table for them when they are read; it cannot hold a stale "absent" entry
 * for one of them, because the database is new (checked: empty) and no one reads it before the store finishes.
 * <p>
 * Failures: the first failure of the sorting thread or of a packing thread, an {@link OutOfMemoryError}
 * included, fails the store (the next buffer handed over, or {@link #finish()}, throws it, naming the index);
 * the feeding thread never waits on a thread that has stopped. Used by one thread: the one that creates it feeds
 * {@link #stream()}, then calls {@link #finish()} or, on any failure, {@link #abort()} (the database then holds
 * an unfinished build, to be deleted).
 */
final class BulkStore {
    /** Rows per buffer (a quad buffer is 4 MB). */
    static final int ROWS = 1 << 17;
    /** Nodes whose id the feeding thread keeps. */
    static final int RECENT = 50_000;

    private final DatasetGraphTDB dsgtdb;
    private final int rowsPerBuffer;
    private final NodeTable nodes;
    private final Path runs;
    private final Transaction nodeTxn;
    private final Table triples;
    private final Table quads;
    private final Sorter sorter;
    private final AtomicReference<Throwable> failure = new AtomicReference<>();
    private volatile String failedIndex = "?";
    private final Map<Node, Long> recent = new LinkedHashMap<>(1 << 16, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<Node, Long> eldest) {
            return size() > RECENT;
        }
    };
    private final byte[] idBytes = new byte[NodeId.SIZE];
    private boolean exclusive;
    private boolean ended;

    /**
     * Starts storing into {@code dsg}, a new and empty TDB2 database that no other thread uses until
     * {@link #finish()} or {@link #abort()} (they would wait: exclusive mode); the runs are written under
     * {@code runs} (created; deleted at the end).
     */
    static BulkStore start(DatasetGraph dsg, Path runs) throws IOException {
        return start(dsg, runs, ROWS);
    }

    /** {@link #start(DatasetGraph, Path)} with buffers of {@code rows} rows (tests: many runs from little data). */
    static BulkStore start(DatasetGraph dsg, Path runs, int rows) throws IOException {
        return new BulkStore(TDBInternal.getDatasetGraphTDB(dsg), runs, rows);
    }

    private BulkStore(DatasetGraphTDB dsgtdb, Path runs, int rows) throws IOException {
        this.dsgtdb = dsgtdb;
        this.runs = runs;
        this.rowsPerBuffer = rows;
        NodeTable nodeTable = dsgtdb.getTripleTable().getNodeTupleTable().getNodeTable();
        if (nodeTable != dsgtdb.getQuadTable().getNodeTupleTable().getNodeTable()) {
            throw new IllegalStateException("the triple and quad tables of " + dsgtdb.getLocation() + " have different node tables");
        }
        this.nodes = nodeTable.baseNodeTable();
        this.triples = new Table("SPO", dsgtdb.getTripleTable().getNodeTupleTable().getTupleTable().getIndexes());
        this.quads = new Table("GSPO", dsgtdb.getQuadTable().getNodeTupleTable().getTupleTable().getIndexes());
        Files.createDirectories(runs);
        this.sorter = new Sorter();
        // everyone else locked out while each component is written in a transaction of its own (as LoaderMain does)
        dsgtdb.getTxnSystem().getTxnMgr().startExclusiveMode();
        exclusive = true;
        Transaction txn = null;
        try {
            TransactionCoordinator coordinator = CoLib.newCoordinator();
            CoLib.add(coordinator, nodeTable);
            CoLib.start(coordinator);
            txn = coordinator.begin(TxnType.WRITE);
            if (!nodes.isEmpty()) throw new IllegalStateException("the database " + dsgtdb.getLocation() + " is not new");
            sorter.start();
        } catch (RuntimeException | Error e) {
            ended = true;
            if (txn != null) abandon(txn);
            endExclusive();
            deleteRuns();
            throw e;
        }
        this.nodeTxn = txn;
    }

    /** What to stream the quads into (a quad of the default graph is stored as a triple), on the creating thread. */
    StreamRDF stream() {
        return new StreamRDFBase() {
            @Override
            public void triple(Triple t) {
                triples.add(id(t.getSubject()), id(t.getPredicate()), id(t.getObject()));
            }

            @Override
            public void quad(Quad q) {
                if (q.isTriple() || q.isDefaultGraph()) {
                    triple(q.asTriple());
                    return;
                }
                quads.add(id(q.getGraph()), id(q.getSubject()), id(q.getPredicate()), id(q.getObject()));
            }
        };
    }

    /**
     * The node id of {@code n} as TDB2 stores it (8 bytes, as a long), allocated if new: inline (numbers,
     * dates…) as TDB2 does, else from this store's own bounded cache, else from the node table under TDB2's
     * cache (see the class comment).
     */
    private long id(Node n) {
        NodeId inline = NodeId.inline(n);
        if (inline != null) return encode(inline);
        Long id = recent.get(n);
        if (id == null) {
            id = encode(nodes.getAllocateNodeId(n));
            recent.put(n, id);
        }
        return id;
    }

    private long encode(NodeId id) {
        NodeIdFactory.set(id, idBytes, 0);
        return Bytes.getLong(idBytes, 0);
    }

    /**
     * Sorts the last rows, packs every index from its runs, commits the node table: the database then holds the
     * quads, and ordinary transactions can begin. Throws the first failure of the sorting or packing threads.
     */
    void finish() {
        if (ended) throw new IllegalStateException("bulk store already ended");
        long t0 = System.nanoTime();
        triples.flush();
        quads.flush();
        sorter.end();
        requireNoFailure();
        long t1 = System.nanoTime();
        pack();
        if (Boolean.getBoolean("bkg.profile")) {
            System.err.printf("phase   store: last rows sorted in %d ms, %d indexes packed in %d ms%n", (t1 - t0) / 1_000_000,
                    triples.indexes.size() + quads.indexes.size(), (System.nanoTime() - t1) / 1_000_000);
        }
        nodeTxn.commit();
        nodeTxn.end();
        ended = true;
        endExclusive();
        deleteRuns();
    }

    /**
     * After a failure (of this thread or another): stops the sorting thread, abandons the node table's
     * transaction, leaves exclusive mode and deletes the runs, so the database can be closed (and the unfinished
     * build deleted). Never throws.
     */
    void abort() {
        if (ended) return;
        ended = true;
        try {
            sorter.end();
        } catch (RuntimeException | Error ignored) {
            // interrupted: the thread is a daemon, and the build is deleted
        }
        abandon(nodeTxn);
        endExclusive();
        deleteRuns();
    }

    private void requireNoFailure() {
        Throwable f = failure.get();
        if (f == null) return;
        if (f instanceof OutOfMemoryError oom) throw oom;   // BKG-E208 (LoadOperation)
        throw new IllegalStateException("storing the build failed: index " + failedIndex + ": " + f, f);
    }

    private void fail(String index, Throwable e) {
        if (failure.compareAndSet(null, e)) failedIndex = index;
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

    private void deleteRuns() {
        try {
            StoreFiles.deleteTree(runs);
        } catch (IOException | RuntimeException ignored) {
            // in the build directory: deleted with it
        }
    }

    /** Packs each index from its runs, on as many threads as there are processors; throws the first failure. */
    private void pack() {
        List<Run.Index> work = new ArrayList<>();
        work.addAll(quads.indexes);     // the largest first
        work.addAll(triples.indexes);
        int threads = Math.max(1, Math.min(work.size(), Runtime.getRuntime().availableProcessors()));
        ExecutorService pool = Executors.newFixedThreadPool(threads, r -> {
            Thread t = new Thread(r, "bkg-pack");
            t.setDaemon(true);
            return t;
        });
        try {
            List<Future<?>> done = new ArrayList<>();
            for (Run.Index ix : work) {
                done.add(pool.submit(() -> {
                    if (failure.get() != null) return;
                    try {
                        ix.pack();
                    } catch (Throwable e) {
                        fail(ix.index.getName(), e);
                    }
                }));
            }
            for (Future<?> f : done) f.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while storing the build", e);
        } catch (ExecutionException e) {
            fail("?", e.getCause());
        } finally {
            pool.shutdownNow();
        }
        requireNoFailure();
    }

    /** A table's buffer being filled, and its indexes' runs. */
    private final class Table {
        final int width;
        final List<Run.Index> indexes = new ArrayList<>();
        long[] rows;
        int n;

        Table(String primary, TupleIndex[] idx) {
            this.width = primary.length();
            for (TupleIndex i : idx) {
                if (i.getTupleLength() != width) throw new IllegalStateException("index " + i.getName() + " of the " + primary + " table");
                // slot j of a record holds column getSlotIdx(j) of the table's tuple (TupleLib.record)
                int[] columns = new int[width];
                for (int j = 0; j < width; j++) columns[j] = i.getMapping().getSlotIdx(j);
                indexes.add(new Run.Index(i, columns, runs.resolve(i.getName())));
            }
            this.rows = new long[rowsPerBuffer * width];
        }

        void add(long a, long b, long c) {
            int at = n * width;
            rows[at] = a;
            rows[at + 1] = b;
            rows[at + 2] = c;
            if (++n == rowsPerBuffer) flush();
        }

        void add(long a, long b, long c, long d) {
            int at = n * width;
            rows[at] = a;
            rows[at + 1] = b;
            rows[at + 2] = c;
            rows[at + 3] = d;
            if (++n == rowsPerBuffer) flush();
        }

        /** Hands the rows gathered to the sorting thread and takes an empty buffer. */
        void flush() {
            if (n == 0) return;
            requireNoFailure();
            long[] full = rows;
            int count = n;
            rows = null;
            n = 0;
            sorter.put(new Batch(this, full, count));
            long[] spare = sorter.spare(width);
            rows = spare != null ? spare : new long[rowsPerBuffer * width];
        }
    }

    private record Batch(Table table, long[] rows, int n) {}

    /** The thread that sorts each full buffer once per index of its table and writes the runs. */
    private final class Sorter extends Thread {
        private static final Batch END = new Batch(null, null, 0);
        private final BlockingQueue<Batch> queue = new ArrayBlockingQueue<>(1);
        /** Buffers sorted and free again (at most one per table). */
        private final BlockingQueue<long[]> spares = new ArrayBlockingQueue<>(2);
        private long[] sorted = new long[0];
        private int[] order = new int[0];

        Sorter() {
            super("bkg-sort");
            setDaemon(true);
            setUncaughtExceptionHandler((t, e) -> fail("(sorting)", e));
        }

        /** Queues a buffer; drops it if this thread has stopped (after a failure, recorded: the store fails). */
        void put(Batch b) {
            try {
                while (!queue.offer(b, 100, TimeUnit.MILLISECONDS)) {
                    if (!isAlive()) return;
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while storing the build", e);
            }
        }

        long[] spare(int width) {
            for (long[] s : spares) {
                if (s.length == rowsPerBuffer * width && spares.remove(s)) return s;
            }
            return null;
        }

        /** Sorts what is queued, then stops; returns when it has. */
        void end() {
            put(END);
            try {
                join();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while storing the build", e);
            }
        }

        @Override
        public void run() {
            String at = "(sorting)";
            try {
                for (;;) {
                    Batch b = queue.take();
                    if (b == END) return;
                    if (failure.get() != null) continue;   // drop: the store fails
                    for (Run.Index ix : b.table().indexes) {
                        at = ix.index.getName();
                        writeRun(b, ix);
                    }
                    spares.offer(b.rows());
                }
            } catch (Throwable e) {
                fail(at, e);
                drain();
            }
        }

        private void drain() {
            try {
                while (queue.take() != END) {
                    // dropped
                }
            } catch (Throwable e) {
                if (e instanceof InterruptedException) Thread.currentThread().interrupt();
            }
        }

        /** The rows of {@code b}, in {@code ix}'s column order, sorted, without repeats, as a new run of {@code ix}. */
        private void writeRun(Batch b, Run.Index ix) throws IOException {
            int w = b.table().width;
            int n = b.n();
            if (sorted.length < n * w) sorted = new long[rowsPerBuffer * w];
            if (order.length < n) order = new int[rowsPerBuffer];
            long[] rows = b.rows();
            int[] cols = ix.columns;
            for (int r = 0; r < n; r++) {
                int from = r * w;
                int to = r * w;
                for (int j = 0; j < w; j++) sorted[to + j] = rows[from + cols[j]];
                order[r] = r;
            }
            Rows.sort(sorted, w, order, 0, n);
            ix.write(sorted, w, order, n);
        }
    }

    /** Runs: the sorted rows of one index, written batch by batch, merged at the end. */
    static final class Run {
        private Run() {}

        /** One index: its column order, its runs, and how it is packed from them. */
        static final class Index {
            final TupleIndex index;
            final int[] columns;
            private final Path prefix;
            private final List<Path> files = new ArrayList<>();

            Index(TupleIndex index, int[] columns, Path prefix) {
                this.index = index;
                this.columns = columns;
                this.prefix = prefix;
            }

            /** Writes rows {@code order[0..n)} of {@code sorted} (width {@code w}), repeats dropped, as a new run. */
            void write(long[] sorted, int w, int[] order, int n) throws IOException {
                Path file = prefix.resolveSibling(prefix.getFileName() + "." + files.size() + ".run");
                try (Sink out = new Sink(Files.newOutputStream(file))) {
                    long[] prev = new long[w];
                    boolean first = true;
                    for (int k = 0; k < n; k++) {
                        int at = order[k] * w;
                        int same = 0;
                        if (!first) {
                            while (same < w && sorted[at + same] == prev[same]) same++;
                            if (same == w) continue;   // a repeat
                        }
                        out.write(same);
                        out.varint(sorted[at + same] - prev[same]);
                        prev[same] = sorted[at + same];
                        for (int j = same + 1; j < w; j++) {
                            out.varint(sorted[at + j]);
                            prev[j] = sorted[at + j];
                        }
                        first = false;
                    }
                }
                files.add(file);
            }

            /** Merges the runs into the index's (empty) B+tree, packed, in a transaction of its own on this thread. */
            void pack() throws IOException {
                if (files.isEmpty()) return;
                BPlusTree bpt = LoaderOps.idxBTree(index);
                RecordFactory factory = bpt.getRecordFactory();
                try (Merge merge = new Merge(files, columns.length, factory)) {
                    CoLib.executeWrite(index, () -> BPlusTreeRewriter.packIntoBPlusTree(merge, bpt.getParams(), factory,
                            bpt.getStateManager().getBufferChannel(), bpt.getNodeManager().getBlockMgr(),
                            bpt.getRecordsMgr().getBlockMgr()));
                }
            }
        }

        /** Reads one run back, row by row. */
        private static final class Reader {
            final long[] row;
            private final Source in;

            Reader(Path file, int w) throws IOException {
                this.in = new Source(Files.newInputStream(file));
                this.row = new long[w];
            }

            /** The next row into {@link #row}; false at the end. */
            boolean next() throws IOException {
                int same = in.read();
                if (same < 0) return false;
                row[same] += in.varint();
                for (int j = same + 1; j < row.length; j++) row[j] = in.varint();
                return true;
            }

            void close() throws IOException {
                in.close();
            }
        }

        /** The rows of every run of an index, in order, without repeats, as B+tree records. */
        private static final class Merge implements Iterator<Record>, AutoCloseable {
            private final PriorityQueue<Reader> heap;
            private final List<Reader> readers = new ArrayList<>();
            private final RecordFactory factory;
            private final int w;
            private final long[] last;
            private boolean started;
            private Record next;

            Merge(List<Path> files, int w, RecordFactory factory) throws IOException {
                this.w = w;
                this.factory = factory;
                this.last = new long[w];
                this.heap = new PriorityQueue<>(Math.max(1, files.size()), (a, b) -> Rows.compare(a.row, b.row));
                try {
                    for (Path f : files) {
                        Reader r = new Reader(f, w);
                        readers.add(r);
                        if (r.next()) heap.add(r);
                    }
                } catch (IOException | RuntimeException e) {
                    close();
                    throw e;
                }
            }

            @Override
            public boolean hasNext() {
                if (next != null) return true;
                try {
                    while (!heap.isEmpty()) {
                        Reader r = heap.poll();
                        boolean repeat = started && java.util.Arrays.equals(r.row, last);
                        if (!repeat) {
                            System.arraycopy(r.row, 0, last, 0, w);
                            started = true;
                            byte[] key = new byte[w * NodeId.SIZE];
                            for (int j = 0; j < w; j++) Bytes.setLong(last[j], key, j * NodeId.SIZE);
                            next = factory.create(key);
                        }
                        if (r.next()) heap.add(r);
                        if (next != null) return true;
                    }
                    return false;
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }

            @Override
            public Record next() {
                if (!hasNext()) throw new NoSuchElementException();
                Record r = next;
                next = null;
                return r;
            }

            @Override
            public void close() throws IOException {
                IOException first = null;
                for (Reader r : readers) {
                    try {
                        r.close();
                    } catch (IOException e) {
                        if (first == null) first = e;
                    }
                }
                if (first != null) throw first;
            }
        }
    }

    /** Rows of longs compared as TDB2 compares records: column by column, as unsigned numbers (the bytes, big-endian). */
    static final class Rows {
        private Rows() {}

        static int compare(long[] a, long[] b) {
            for (int j = 0; j < a.length; j++) {
                int c = Long.compareUnsigned(a[j], b[j]);
                if (c != 0) return c;
            }
            return 0;
        }

        private static int compare(long[] rows, int w, int x, int y) {
            int a = x * w;
            int b = y * w;
            for (int j = 0; j < w; j++) {
                int c = Long.compareUnsigned(rows[a + j], rows[b + j]);
                if (c != 0) return c;
            }
            return 0;
        }

        /** Sorts {@code order[from..to)}, indexes of rows of width {@code w} in {@code rows}. */
        static void sort(long[] rows, int w, int[] order, int from, int to) {
            while (to - from > 16) {
                // median of three as the pivot
                int mid = (from + to) >>> 1;
                int a = order[from], b = order[mid], c = order[to - 1];
                int pivot = compare(rows, w, a, b) < 0
                        ? (compare(rows, w, b, c) < 0 ? b : compare(rows, w, a, c) < 0 ? c : a)
                        : (compare(rows, w, a, c) < 0 ? a : compare(rows, w, b, c) < 0 ? c : b);
                // three-way partition: < pivot, = pivot, > pivot (repeats are common)
                int lt = from, i = from, gt = to;
                while (i < gt) {
                    int cmp = compare(rows, w, order[i], pivot);
                    if (cmp < 0) swap(order, lt++, i++);
                    else if (cmp > 0) swap(order, i, --gt);
                    else i++;
                }
                // recurse into the smaller side, loop on the larger
                if (lt - from < to - gt) {
                    sort(rows, w, order, from, lt);
                    from = gt;
                } else {
                    sort(rows, w, order, gt, to);
                    to = lt;
                }
            }
            for (int i = from + 1; i < to; i++) {
                int x = order[i];
                int j = i - 1;
                while (j >= from && compare(rows, w, order[j], x) > 0) {
                    order[j + 1] = order[j];
                    j--;
                }
                order[j + 1] = x;
            }
        }

        private static void swap(int[] a, int i, int j) {
            int t = a[i];
            a[i] = a[j];
            a[j] = t;
        }
    }

    /**
     * A run file being written: bytes and unsigned variable-length longs (7 bits a byte, low bits first), through a
     * buffer of its own (the JDK's buffered streams take a lock per byte).
     */
    static final class Sink implements AutoCloseable {
        private final OutputStream out;
        private final byte[] buf = new byte[1 << 16];
        private int pos;

        Sink(OutputStream out) {
            this.out = out;
        }

        void write(int b) throws IOException {
            if (pos == buf.length) drain();
            buf[pos++] = (byte) b;
        }

        void varint(long v) throws IOException {
            if (buf.length - pos < 10) drain();
            while ((v & ~0x7FL) != 0) {
                buf[pos++] = (byte) ((v & 0x7F) | 0x80);
                v >>>= 7;
            }
            buf[pos++] = (byte) v;
        }

        private void drain() throws IOException {
            out.write(buf, 0, pos);
            pos = 0;
        }

        @Override
        public void close() throws IOException {
            try (out) {
                drain();
            }
        }
    }

    /** A run file being read ({@link Sink}'s format). */
    static final class Source implements AutoCloseable {
        private final InputStream in;
        private final byte[] buf = new byte[1 << 15];
        private int pos;
        private int limit;

        Source(InputStream in) {
            this.in = in;
        }

        /** The next byte, or -1 at the end. */
        int read() throws IOException {
            if (pos == limit && !fill()) return -1;
            return buf[pos++] & 0xFF;
        }

        long varint() throws IOException {
            long v = 0;
            for (int shift = 0; shift < 64; shift += 7) {
                int b = read();
                if (b < 0) throw new EOFException("run file truncated");
                v |= (long) (b & 0x7F) << shift;
                if ((b & 0x80) == 0) return v;
            }
            throw new IOException("run file damaged");
        }

        private boolean fill() throws IOException {
            int n = in.read(buf, 0, buf.length);
            if (n <= 0) return false;
            pos = 0;
            limit = n;
            return true;
        }

        @Override
        public void close() throws IOException {
            in.close();
        }
    }
}
