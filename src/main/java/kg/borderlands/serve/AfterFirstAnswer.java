package kg.borderlands.serve;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import java.io.IOException;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Background work of a starting server (the build's digests, the saved spatial index) held back until the server
 * has answered its first request, or {@code maxDelayMillis} at the latest: on a small machine, that work would
 * otherwise compete for the cores with the first request's cold code paths. A servlet filter on every path:
 * after the first request has been answered, the work starts, once.
 */
public final class AfterFirstAnswer extends HttpFilter {
    private final AtomicBoolean started = new AtomicBoolean();
    private final Runnable work;

    private AfterFirstAnswer(Runnable work) {
        this.work = work;
    }

    /** A filter that starts {@code work} on a daemon thread after the first answer, or after {@code maxDelayMillis}. */
    public static AfterFirstAnswer start(Runnable work, long maxDelayMillis) {
        Objects.requireNonNull(work, "work");
        AfterFirstAnswer f = new AfterFirstAnswer(work);
        Thread timer = new Thread(() -> {
            try {
                Thread.sleep(maxDelayMillis);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            f.fire();
        }, "after-first-answer");
        timer.setDaemon(true);
        timer.start();
        return f;
    }

    private void fire() {
        if (started.compareAndSet(false, true)) {
            Thread t = new Thread(work, "after-first-answer-work");
            t.setDaemon(true);
            t.start();
        }
    }

    @Override
    protected void doFilter(HttpServletRequest req, HttpServletResponse resp, FilterChain chain)
            throws IOException, ServletException {
        try {
            chain.doFilter(req, resp);
        } finally {
            if (!started.get()) fire();
        }
    }
}
