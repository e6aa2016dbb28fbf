package kg.borderlands.link;

import org.apache.jena.query.ResultSet;
import org.apache.jena.query.ResultSetFactory;
import org.apache.jena.query.ResultSetRewindable;
import org.apache.jena.riot.ResultSetMgr;
import org.apache.jena.riot.resultset.ResultSetLang;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.channels.UnresolvedAddressException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * A small, polite SPARQL client for remote endpoints such as the Wikidata Query Service: a User-Agent naming
 * the project, connect and request timeouts, and retries with exponential backoff (honouring Retry-After) on
 * 429 and 5xx answers. Anything else fails at once with a one-line {@link EndpointException}.
 */
public final class SparqlClient {
    /** Sent with every request, as the Wikidata User-Agent policy asks. */
    public static final String USER_AGENT = "borderlands-kg/0.1 (https://w3id.org/borderlands-kg/; knowledge graph "
            + "of Crisis Group Asia Report 354; link reconcile) java.net.http";
    private static final Set<Integer> RETRYABLE = Set.of(429, 500, 502, 503, 504);
    private static final Duration MAX_WAIT = Duration.ofSeconds(60);

    private final URI endpoint;
    private final Duration timeout;
    private final int maxRetries;
    private final Duration backoff;
    private final HttpClient http;
    private final Sleeper sleeper;

    /** How to wait between attempts (replaceable in tests to keep them fast). */
    @FunctionalInterface
    public interface Sleeper {
        void sleep(Duration d) throws InterruptedException;
    }

    public SparqlClient(URI endpoint, Duration timeout, int maxRetries, Duration backoff) {
        this(endpoint, timeout, maxRetries, backoff, d -> Thread.sleep(d.toMillis()));
    }

    public SparqlClient(URI endpoint, Duration timeout, int maxRetries, Duration backoff, Sleeper sleeper) {
        this.endpoint = Objects.requireNonNull(endpoint, "endpoint");
        if (!"http".equals(endpoint.getScheme()) && !"https".equals(endpoint.getScheme())) {
            throw new IllegalArgumentException("the endpoint must be an http(s) URL: " + endpoint);
        }
        this.timeout = Objects.requireNonNull(timeout, "timeout");
        if (timeout.isZero() || timeout.isNegative()) throw new IllegalArgumentException("timeout must be positive");
        if (maxRetries < 0) throw new IllegalArgumentException("retries must be 0 or more");
        this.maxRetries = maxRetries;
        this.backoff = Objects.requireNonNull(backoff, "backoff");
        this.sleeper = Objects.requireNonNull(sleeper, "sleeper");
        this.http = HttpClient.newBuilder().connectTimeout(timeout).followRedirects(HttpClient.Redirect.NORMAL).build();
    }

    public URI endpoint() {
        return endpoint;
    }

    /** Runs a SELECT query and returns its (rewindable) results. */
    public ResultSetRewindable select(String sparql) throws EndpointException {
        HttpRequest req = HttpRequest.newBuilder(endpoint)
                .timeout(timeout)
                .header("User-Agent", USER_AGENT)
                .header("Accept", "application/sparql-results+json")
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("query=" + URLEncoder.encode(sparql, StandardCharsets.UTF_8)))
                .build();
        int attempt = 0;
        while (true) {
            HttpResponse<byte[]> resp;
            try {
                resp = http.send(req, HttpResponse.BodyHandlers.ofByteArray());
            } catch (HttpConnectTimeoutException e) {
                throw new EndpointException("cannot reach the SPARQL endpoint " + endpoint + ": no connection within "
                        + timeout.toSeconds() + " s", e);
            } catch (HttpTimeoutException e) {
                throw new EndpointException("the SPARQL endpoint " + endpoint + " did not answer within "
                        + timeout.toSeconds() + " s", e);
            } catch (ConnectException | UnresolvedAddressException e) {
                throw new EndpointException("cannot reach the SPARQL endpoint " + endpoint + ": " + reason(e), e);
            } catch (IOException e) {
                throw new EndpointException("cannot reach the SPARQL endpoint " + endpoint + ": " + reason(e), e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new EndpointException("interrupted while querying " + endpoint, e);
            }
            int status = resp.statusCode();
            if (status / 100 == 2) return parse(resp.body());
            if (RETRYABLE.contains(status) && attempt < maxRetries) {
                Duration wait = retryAfter(resp).orElse(backoff.multipliedBy(1L << Math.min(attempt, 10)));
                if (wait.compareTo(MAX_WAIT) > 0) wait = MAX_WAIT;
                try {
                    sleeper.sleep(wait);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new EndpointException("interrupted while waiting to retry " + endpoint, e);
                }
                attempt++;
                continue;
            }
            String detail = new String(resp.body(), StandardCharsets.UTF_8).lines().map(String::strip)
                    .filter(l -> !l.isEmpty()).findFirst().orElse("");
            if (detail.length() > 160) detail = detail.substring(0, 160) + "…";
            throw new EndpointException("the SPARQL endpoint " + endpoint + " answered HTTP " + status
                    + (RETRYABLE.contains(status) ? " after " + (attempt + 1) + " attempt(s)" : "")
                    + (detail.isEmpty() ? "" : ": " + detail));
        }
    }

    /** Number of attempts a failing endpoint gets in total. */
    public int maxAttempts() {
        return maxRetries + 1;
    }

    private ResultSetRewindable parse(byte[] body) throws EndpointException {
        try {
            ResultSet rs = ResultSetMgr.read(new ByteArrayInputStream(body), ResultSetLang.RS_JSON);
            return ResultSetFactory.makeRewindable(rs);
        } catch (RuntimeException e) {
            throw new EndpointException("the SPARQL endpoint " + endpoint + " did not return SPARQL JSON results: "
                    + e.getMessage(), e);
        }
    }

    private static Optional<Duration> retryAfter(HttpResponse<?> resp) {
        return resp.headers().firstValue("Retry-After").flatMap(v -> {
            try {
                long s = Long.parseLong(v.trim());
                return s >= 0 ? Optional.of(Duration.ofSeconds(s)) : Optional.empty();
            } catch (NumberFormatException e) {
                return Optional.empty(); // an HTTP date: fall back to our own backoff
            }
        });
    }

    private static String reason(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof ConnectException) return "connection refused";
            if (t instanceof UnresolvedAddressException || t instanceof java.net.UnknownHostException) return "unknown host";
        }
        Throwable t = e;
        while (t.getCause() != null && (t.getMessage() == null || t.getMessage().isBlank())) t = t.getCause();
        String m = t.getMessage();
        return m == null || m.isBlank() ? t.getClass().getSimpleName() : m.lines().findFirst().orElse(m);
    }
}
