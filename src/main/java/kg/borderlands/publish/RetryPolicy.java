package kg.borderlands.publish;

import org.apache.jena.atlas.web.HttpException;

import java.time.Duration;
import java.util.Objects;

/**
 * Retries of one HTTP exchange: up to {@code attempts} tries, waiting {@code firstDelay}, then twice as long each
 * time (capped at one minute). Only failures a retry can cure are retried: no answer at all (connection refused,
 * reset, time-out), 408, 425, 429 and 5xx. Any other status (401, 403, 404, 405, 415…) fails at once.
 */
public record RetryPolicy(int attempts, Duration firstDelay) {
    private static final Duration MAX_DELAY = Duration.ofMinutes(1);

    public RetryPolicy {
        Objects.requireNonNull(firstDelay, "firstDelay");
        if (attempts < 1) throw new IllegalArgumentException("attempts must be at least 1, not " + attempts);
        if (firstDelay.isNegative()) throw new IllegalArgumentException("firstDelay must not be negative");
    }

    /** One HTTP exchange, run again on a retryable failure. */
    @FunctionalInterface
    public interface Exchange<T> {
        T run();
    }

    /** Thrown when the last attempt failed; {@link #attempts()} says how many were made. */
    static final class Exhausted extends Exception {
        private final int attempts;
        private final boolean retryable;

        Exhausted(HttpException cause, int attempts, boolean retryable) {
            super(cause);
            this.attempts = attempts;
            this.retryable = retryable;
        }

        HttpException failure() {
            return (HttpException) getCause();
        }

        int attempts() {
            return attempts;
        }

        /** False when the target refused (a status a retry cannot cure). */
        boolean retryable() {
            return retryable;
        }
    }

    <T> T run(Exchange<T> exchange) throws Exhausted, InterruptedException {
        Duration delay = firstDelay;
        for (int attempt = 1; ; attempt++) {
            try {
                return exchange.run();
            } catch (HttpException e) {
                boolean retryable = isRetryable(e.getStatusCode());
                if (!retryable || attempt >= attempts) throw new Exhausted(e, attempt, retryable);
            }
            Thread.sleep(delay.toMillis());
            delay = delay.multipliedBy(2).compareTo(MAX_DELAY) > 0 ? MAX_DELAY : delay.multipliedBy(2);
        }
    }

    /** Whether a failure with this HTTP status (or none, {@code <= 0}) is worth another try. */
    static boolean isRetryable(int status) {
        return status <= 0 || status == 408 || status == 425 || status == 429 || status >= 500;
    }
}
