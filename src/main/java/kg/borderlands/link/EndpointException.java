package kg.borderlands.link;

import java.io.IOException;

/** A SPARQL endpoint could not be reached, or kept failing after the allowed retries. One-line message. */
public class EndpointException extends IOException {
    public EndpointException(String message) {
        super(message);
    }

    public EndpointException(String message, Throwable cause) {
        super(message, cause);
    }
}
