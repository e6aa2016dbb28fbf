package kg.borderlands.serve.cache;

import java.util.Locale;

/**
 * The read surfaces whose answers are cached, found by path. Each says whether its answer depends on the
 * served build (then the ETag carries the build id) and on {@code Accept} (then the key does too, and
 * {@code Vary: Accept} is sent), and how long a client may keep it.
 */
enum Surface {
    /** SPARQL query: {@code /kg}, {@code /kg/sparql}, {@code /kg/query}. */
    SPARQL(true, true),
    /** Graph Store Protocol, read: {@code /kg/get}. */
    GRAPH_STORE(true, true),
    /** The JSON API: {@code /api/*}. */
    API(true, true),
    /** Linked Data pages: {@code /id/*}. */
    LINKED_DATA(true, true),
    /** VoID: {@code /.well-known/void}. */
    VOID(true, true),
    /** WebJars: the version is in the path, so the file behind a URL never changes. */
    VERSIONED_ASSET(false, false),
    /** The explorer's own files ({@code /}, {@code /explorer/*}): change with the code, not the build; the
     * page links them with {@code ?v=} the code version. */
    ASSET(false, false);

    /** A year, the conventional "forever" of {@code Cache-Control}. */
    static final int IMMUTABLE_SECONDS = 365 * 24 * 3600;

    final boolean perBuild;
    final boolean variesByAccept;

    Surface(boolean perBuild, boolean variesByAccept) {
        this.perBuild = perBuild;
        this.variesByAccept = variesByAccept;
    }

    /** The surface serving a path (request URI without query string), or null for paths never cached. */
    static Surface of(String path) {
        if (path == null) return null;
        if (path.equals("/kg") || path.equals("/kg/sparql") || path.equals("/kg/query")) return SPARQL;
        if (path.equals("/kg/get")) return GRAPH_STORE;
        if (path.equals("/api") || path.startsWith("/api/")) return API;
        if (path.startsWith("/id/")) return LINKED_DATA;
        if (path.equals("/.well-known/void")) return VOID;
        if (path.startsWith("/webjars/")) return VERSIONED_ASSET;
        if (path.equals("/") || path.startsWith("/explorer/")) return ASSET;
        return null;
    }

    /**
     * The {@code Cache-Control} of a 200 from this surface: a year for WebJars and for our own files asked
     * with the current {@code ?v=} ({@link CodeVersion}); our files without it are revalidated each time.
     */
    String cacheControl(int maxAgeSeconds, String assetVersion) {
        return switch (this) {
            case VERSIONED_ASSET -> "public, max-age=" + IMMUTABLE_SECONDS + ", immutable";
            case ASSET -> CodeVersion.value().equals(assetVersion)
                    ? "public, max-age=" + IMMUTABLE_SECONDS + ", immutable" : "no-cache";
            default -> "public, max-age=" + maxAgeSeconds;
        };
    }

    /**
     * False for a SPARQL query whose answer is not fixed by the build: one that uses the time, random numbers, fresh
     * blank nodes or identifiers, or remote services (NOW(), RAND(), UUID(), STRUUID(), BNODE(), SERVICE).
     */
    static boolean repeatable(String query) {
        return query == null || !NotRepeatable.in(query);
    }

    String label() {
        return name().toLowerCase(Locale.ROOT);
    }
}
