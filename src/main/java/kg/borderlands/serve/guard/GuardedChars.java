package kg.borderlands.serve.guard;

import org.apache.jena.query.ARQ;
import org.apache.jena.query.QueryCancelledException;
import org.apache.jena.sparql.function.FunctionEnv;
import org.apache.jena.sparql.util.Context;

import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The text a regular expression runs over, checking every 4,096 character reads whether the query was
 * cancelled (its timeout, or the server) or ran past its own deadline. {@code java.util.regex} cannot be
 * interrupted, but it reads its input only through {@link #charAt}, so a catastrophic backtrack over this
 * sequence stops within microseconds of the cancel signal and releases the CPU.
 */
final class GuardedChars implements CharSequence {
    private static final int CHECK_EVERY = 4096;

    private final String text;
    private final AtomicBoolean cancel;
    private final long deadlineNanos;
    private int reads;

    private GuardedChars(String text, AtomicBoolean cancel, long deadlineNanos) {
        this.text = text;
        this.cancel = cancel;
        this.deadlineNanos = deadlineNanos;
    }

    /**
     * @param env the function environment of the query (its context carries the cancel signal and the query
     *            timeout; without either, the match is bounded by {@code fallbackMillis})
     */
    static GuardedChars of(String text, FunctionEnv env, long fallbackMillis) {
        Context cxt = env == null ? null : env.getContext();
        AtomicBoolean cancel = cxt == null ? null : Context.getCancelSignal(cxt);
        long budget = fallbackMillis;
        if (cxt != null) {
            Object t = cxt.get(ARQ.queryTimeout);
            if (t != null) {
                try {
                    String s = t.toString().split(",")[0].trim();
                    budget = Math.min(budget, Math.max(1, Long.parseLong(s)));
                } catch (NumberFormatException ignored) {
                    // keep the fallback
                }
            }
        }
        return new GuardedChars(text, cancel, System.nanoTime() + budget * 1_000_000);
    }

    private void check() {
        if ((cancel != null && cancel.get()) || System.nanoTime() > deadlineNanos) throw new QueryCancelledException();
    }

    @Override
    public char charAt(int index) {
        if (++reads >= CHECK_EVERY) {
            reads = 0;
            check();
        }
        return text.charAt(index);
    }

    @Override
    public int length() {
        return text.length();
    }

    @Override
    public CharSequence subSequence(int start, int end) {
        return text.subSequence(start, end);
    }

    @Override
    public String toString() {
        return text;
    }
}
