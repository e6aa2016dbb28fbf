package kg.borderlands.serve;

import org.apache.jena.graph.Graph;
import org.apache.jena.query.ReadWrite;
import org.apache.jena.query.TxnType;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.DatasetGraphWrapper;
import org.apache.jena.sparql.util.Context;

import java.util.Objects;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The dataset the endpoint serves, which a reload can replace while queries run. Each transaction is pinned
 * to the build that was current when it began: a query in flight finishes on the old build, the next one
 * sees the new. The default graph is the union of the named graphs (so the Graph Store Protocol's
 * {@code ?default} returns what queries see). The context (timeout, guards) belongs to this wrapper and
 * survives swaps.
 */
public final class ServedDataset extends DatasetGraphWrapper {
    /** One build in service, with the number of transactions using it. */
    public static final class Build {
        private final String name;
        private final DatasetGraph dsg;
        private final java.nio.file.Path directory;
        private final AtomicInteger users = new AtomicInteger();

        public Build(String name, DatasetGraph dsg) {
            this(name, dsg, null);
        }

        /** @param directory the build's directory in the store (its serving artifacts), or null */
        public Build(String name, DatasetGraph dsg, java.nio.file.Path directory) {
            this.name = Objects.requireNonNull(name, "name");
            this.dsg = Objects.requireNonNull(dsg, "dsg");
            this.directory = directory;
        }

        /** The build's directory in the store, or null when the dataset is not a store's build. */
        public java.nio.file.Path directory() {
            return directory;
        }

        public String name() {
            return name;
        }

        public DatasetGraph dataset() {
            return dsg;
        }

        /** Transactions (and web requests) still running on this build. */
        public int users() {
            return users.get();
        }

        /** Holds the build for a web request reading it directly (release it after); a reload waits for it. */
        public void acquire() {
            users.incrementAndGet();
        }

        public void release() {
            users.decrementAndGet();
        }
    }

    private final AtomicReference<Build> current;
    private final ThreadLocal<Build> pinned = new ThreadLocal<>();

    public ServedDataset(Build first) {
        super(first.dataset(), first.dataset().getContext().copy());
        this.current = new AtomicReference<>(first);
    }

    public Build current() {
        return current.get();
    }

    /** Puts a new build in service and returns the old one (close it once {@link Build#users()} is 0). */
    public Build swap(Build next) {
        Objects.requireNonNull(next, "next");
        getCxt().putAll(next.dataset().getContext());   // build-specific settings (e.g. the spatial index) follow the build
        return current.getAndSet(next);
    }

    @Override
    protected DatasetGraph get() {
        Build b = pinned.get();
        return (b != null ? b : current.get()).dataset();
    }

    @Override
    public Context getContext() {
        return getCxt();
    }

    @Override
    public Graph getDefaultGraph() {
        // the build's stored default graph: the established ("truthy") graph, never graph/claimed (docs/ontology.md)
        return super.getDefaultGraph();
    }

    private DatasetGraph pin() {
        Build b = pinned.get();
        if (b != null) return b.dataset();
        while (true) {
            b = current.get();
            b.users.incrementAndGet();
            if (current.get() == b) break;
            b.users.decrementAndGet();   // swapped meanwhile: use the new one
        }
        pinned.set(b);
        return b.dataset();
    }

    private void unpin() {
        Build b = pinned.get();
        if (b != null) {
            pinned.remove();
            b.users.decrementAndGet();
        }
    }

    @Override
    public void begin() {
        begin(TxnType.READ);
    }

    @Override
    public void begin(ReadWrite mode) {
        begin(TxnType.convert(mode));
    }

    @Override
    public void begin(TxnType type) {
        DatasetGraph d = pin();
        try {
            d.begin(type);
        } catch (RuntimeException e) {
            unpin();
            throw e;
        }
    }

    @Override
    public void end() {
        try {
            get().end();
        } finally {
            unpin();
        }
    }
}
