package kg.borderlands.link;

import kg.borderlands.query.QueryRunner;
import org.apache.jena.http.sys.RegistryRequestModifier;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.exec.http.Service;

import java.io.OutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.time.Duration;
import java.util.Objects;

/**
 * Runs the queries of {@code queries/federated/}: our graph joined with Wikidata through {@code SERVICE}.
 * The endpoint is a parameter: the queries write {@code SERVICE ${WIKIDATA}} and the runner puts the endpoint
 * IRI in its place (the public Wikidata endpoint by default, a stand-in for tests or offline work).
 */
public final class FederatedQueries {
    /** The placeholder the queries use for the Wikidata endpoint. */
    public static final String PLACEHOLDER = "${WIKIDATA}";

    private FederatedQueries() {}

    /** The query with every placeholder replaced by {@code <endpoint>}. */
    public static String substitute(String query, String endpoint) {
        Objects.requireNonNull(query, "query");
        URI u = URI.create(Objects.requireNonNull(endpoint, "endpoint"));
        if (!u.isAbsolute() || !("http".equals(u.getScheme()) || "https".equals(u.getScheme()))) {
            throw new IllegalArgumentException("the endpoint must be an absolute http(s) URL: " + endpoint);
        }
        if (endpoint.contains(">") || endpoint.contains(" ")) throw new IllegalArgumentException("bad endpoint URL: " + endpoint);
        if (!query.contains(PLACEHOLDER)) {
            throw new IllegalArgumentException("the query has no " + PLACEHOLDER + " placeholder for the Wikidata endpoint");
        }
        return query.replace(PLACEHOLDER, "<" + endpoint + ">");
    }

    /**
     * Runs a federated query against our store. SERVICE calls get the project's User-Agent and the timeout;
     * an unreachable endpoint ends in an {@link EndpointException} with a one-line message.
     */
    public static void run(DatasetGraph dsg, String query, String endpoint, Duration timeout, QueryRunner.Format format,
                           OutputStream out) throws EndpointException {
        String sparql = substitute(query, endpoint);
        RegistryRequestModifier.get().add(endpoint, (params, headers) -> headers.put("User-Agent", SparqlClient.USER_AGENT));
        dsg.getContext().set(Service.httpQueryTimeout, Long.toString(timeout.toMillis()));
        dsg.getContext().set(Service.httpQueryClient, HttpClient.newBuilder().connectTimeout(timeout)
                .followRedirects(HttpClient.Redirect.NORMAL).build());
        try {
            QueryRunner.run(dsg, sparql, format, out);
        } catch (RuntimeException e) {
            if (isHttpFailure(e)) {
                throw new EndpointException("the SERVICE endpoint " + endpoint + " failed: " + firstLine(e), e);
            }
            throw e;
        }
    }

    private static boolean isHttpFailure(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            String n = t.getClass().getName();
            if (n.contains("QueryExceptionHTTP") || n.contains("HttpException") || t instanceof java.io.IOException) return true;
        }
        return false;
    }

    private static String firstLine(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof java.net.ConnectException) return "connection refused";
            if (t instanceof java.net.http.HttpTimeoutException) return "no answer in time";
        }
        String m = e.getMessage();
        return m == null ? e.getClass().getSimpleName() : m.lines().findFirst().orElse(m);
    }
}
