package kg.borderlands.cli;

import kg.borderlands.link.Reconciler;
import picocli.CommandLine.Option;

import java.net.URI;
import java.time.Duration;

/** The remote SPARQL endpoint of {@code link reconcile} and {@code link federated}, and how long to wait for it. */
final class LinkEndpointOptions {
    @Option(names = "--endpoint", paramLabel = "URL", defaultValue = Reconciler.DEFAULT_ENDPOINT,
            description = "SPARQL endpoint (default: ${DEFAULT-VALUE}).")
    String endpoint;

    @Option(names = "--timeout", paramLabel = "SECONDS", defaultValue = "60",
            description = "Connect and request timeout in seconds (default: ${DEFAULT-VALUE}).")
    double timeoutSeconds;

    Duration timeout() {
        if (timeoutSeconds <= 0) throw new IllegalArgumentException("--timeout must be positive");
        return Duration.ofMillis(Math.round(timeoutSeconds * 1000));
    }

    URI uri() {
        try {
            return URI.create(endpoint);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("bad --endpoint URL: " + endpoint);
        }
    }
}
