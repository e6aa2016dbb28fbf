package kg.borderlands.serve.guard;

import kg.borderlands.serve.http.HttpProblem;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;

import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;

/**
 * One SPARQL request in progress, bound to the thread that serves it: when it started, the cancel signal of
 * its query execution (attached by {@link GuardedOptimizer} once ARQ creates it) and, if the server refused
 * or cut it short, why. Setting a problem also raises the cancel signal, which stops the query at its next
 * step — including inside a regular expression ({@link GuardedRegex}).
 */
public final class QueryTicket {
    private static final ThreadLocal<QueryTicket> CURRENT = new ThreadLocal<>();

    private static final ThreadMXBean CPU = ManagementFactory.getThreadMXBean();
    private static final boolean CPU_TIME = CPU.isCurrentThreadCpuTimeSupported() && CPU.isThreadCpuTimeEnabled();

    private final long startNanos = System.nanoTime();
    private final long threadId = Thread.currentThread().getId();
    private final long cpuStartNanos = CPU_TIME ? CPU.getCurrentThreadCpuTime() : 0;
    private final AtomicReference<AtomicBoolean> cancelSignal = new AtomicReference<>();
    private final AtomicReference<HttpProblem> problem = new AtomicReference<>();
    private volatile boolean heavy;
    private final Integer key;
    private AlgebraShape shape;

    QueryTicket(Integer key) {
        this.key = key;
    }

    /** The hash of the request's query text, or null. */
    Integer key() {
        return key;
    }

    /** The ticket of the request this thread serves, or null outside a SPARQL request. */
    public static QueryTicket current() {
        return CURRENT.get();
    }

    static void bind(QueryTicket t) {
        if (t == null) CURRENT.remove();
        else CURRENT.set(t);
    }

    long elapsedMillis() {
        return (System.nanoTime() - startNanos) / 1_000_000;
    }

    /**
     * The CPU time the serving thread has spent on this request (wall time where the JVM cannot measure it):
     * on a busy machine a cheap query may wait long for a core, but it never burns much CPU.
     */
    long cpuMillis() {
        if (!CPU_TIME) return elapsedMillis();
        long now = CPU.getThreadCpuTime(threadId);
        return now < 0 ? elapsedMillis() : (now - cpuStartNanos) / 1_000_000;
    }

    /** The shape of the request's query as the server's checks found it (null: not known). */
    public void shape(AlgebraShape shape) {
        this.shape = shape;
    }

    /**
     * The shape set by {@link #shape(AlgebraShape)}, once (the first optimisation on this thread is the
     * request's query; anything after it gets its own shape measured).
     */
    AlgebraShape takeShape() {
        AlgebraShape s = shape;
        shape = null;
        return s;
    }

    boolean heavy() {
        return heavy;
    }

    void markHeavy() {
        heavy = true;
    }

    /** Called with the execution's cancel signal; raises it at once if the request was already refused. */
    public void attach(AtomicBoolean signal) {
        if (signal == null) return;
        cancelSignal.set(signal);
        if (problem.get() != null) signal.set(true);
    }

    /** True if the query execution was cancelled (by the server or by its timeout). */
    public boolean cancelled() {
        AtomicBoolean s = cancelSignal.get();
        return s != null && s.get();
    }

    /** Refuses the request (first reason wins) and cancels its query. */
    public void refuse(HttpProblem p) {
        problem.compareAndSet(null, p);
        AtomicBoolean s = cancelSignal.get();
        if (s != null) s.set(true);
    }

    public HttpProblem problem() {
        return problem.get();
    }
}
