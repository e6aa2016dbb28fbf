package kg.borderlands.publish;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * How {@code publish} authenticates: HTTP Basic (user and password) or a bearer token, sent pre-emptively in the
 * {@code Authorization} header of every request. {@link #toString()} never shows the secret.
 */
public final class Credentials {
    /** Environment variables read when the options are not given. */
    public static final String ENV_USER = "BKG_PUBLISH_USER";
    public static final String ENV_PASSWORD = "BKG_PUBLISH_PASSWORD";
    public static final String ENV_TOKEN = "BKG_PUBLISH_TOKEN";

    private static final Credentials NONE = new Credentials("none", null);

    private final String scheme;
    private final String header;

    private Credentials(String scheme, String header) {
        this.scheme = scheme;
        this.header = header;
    }

    public static Credentials none() {
        return NONE;
    }

    public static Credentials basic(String user, String password) {
        Objects.requireNonNull(user, "user");
        Objects.requireNonNull(password, "password");
        if (user.contains(":")) throw new IllegalArgumentException(PublishOperation.BAD_AUTH + " a user name cannot contain ':'");
        String pair = user + ":" + password;
        return new Credentials("basic (user " + user + ")",
                "Basic " + Base64.getEncoder().encodeToString(pair.getBytes(StandardCharsets.UTF_8)));
    }

    public static Credentials bearer(String token) {
        Objects.requireNonNull(token, "token");
        if (token.isBlank() || token.chars().anyMatch(c -> c <= ' ' || c > '~')) {
            throw new IllegalArgumentException(PublishOperation.BAD_AUTH + " the bearer token is empty or has characters a header cannot carry");
        }
        return new Credentials("bearer token", "Bearer " + token);
    }

    /**
     * The credentials given by options, else by the environment ({@link #ENV_USER}, {@link #ENV_PASSWORD},
     * {@link #ENV_TOKEN}); an option overrides its variable. Basic and bearer together, or a password without a
     * user (or the reverse), is a usage error (BKG-E304).
     */
    public static Credentials resolve(String user, String password, String token, Map<String, String> env) {
        Objects.requireNonNull(env, "env");
        String u = user != null ? user : blankToNull(env.get(ENV_USER));
        String p = password != null ? password : blankToNull(env.get(ENV_PASSWORD));
        String t = token != null ? token : blankToNull(env.get(ENV_TOKEN));
        if (t != null && (u != null || p != null)) {
            throw new IllegalArgumentException(PublishOperation.BAD_AUTH + " give either a user and password or a bearer token, not both (options --user/--password/--token or "
                    + ENV_USER + "/" + ENV_PASSWORD + "/" + ENV_TOKEN + ")");
        }
        if (t != null) return bearer(t);
        if (u == null && p == null) return none();
        if (u == null || p == null) {
            throw new IllegalArgumentException(PublishOperation.BAD_AUTH + " basic authentication needs both a user (--user or " + ENV_USER
                    + ") and a password (--password or " + ENV_PASSWORD + ")");
        }
        return basic(u, p);
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s;
    }

    /** The value of the {@code Authorization} header, if any. */
    Optional<String> authorizationHeader() {
        return Optional.ofNullable(header);
    }

    /** The scheme, never the secret. */
    @Override
    public String toString() {
        return scheme;
    }
}
