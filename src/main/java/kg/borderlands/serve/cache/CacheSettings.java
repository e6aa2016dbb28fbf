package kg.borderlands.serve.cache;

/**
 * How the server caches and compresses its answers.
 *
 * @param maxBytes         memory bound of the server-side result cache, in bytes (0 turns the cache off;
 *                         ETags, 304s and compression stay on)
 * @param maxEntryBytes    largest body kept in the cache; a larger answer is streamed and not cached
 * @param maxAgeSeconds    how long a client or proxy may keep an answer of the served build without asking
 *                         again ({@code Cache-Control: max-age}); after a reload, answers of the old build are
 *                         at most this old
 * @param compression      compress text answers (gzip; Brotli where its native library loads)
 * @param minCompressBytes smallest body worth compressing
 */
public record CacheSettings(long maxBytes, long maxEntryBytes, int maxAgeSeconds, boolean compression,
                            int minCompressBytes) {
    /** 64 MiB cache, 1 MiB per entry, one minute of freshness, compression of bodies of 512 bytes and more. */
    public static CacheSettings defaults() {
        return new CacheSettings(64L << 20, 1L << 20, 60, true, 512);
    }

    public CacheSettings {
        if (maxBytes < 0) throw new IllegalArgumentException("cache size must be 0 or more");
        if (maxEntryBytes < 0) throw new IllegalArgumentException("entry limit must be 0 or more");
        if (maxEntryBytes > Integer.MAX_VALUE - 8) throw new IllegalArgumentException("entry limit too large");
        if (maxAgeSeconds < 0) throw new IllegalArgumentException("max-age must be 0 or more");
        if (minCompressBytes < 0) throw new IllegalArgumentException("minimum compressed size must be 0 or more");
    }

    /** True if answers are kept on the server. */
    public boolean serverCache() {
        return maxBytes > 0 && maxEntryBytes > 0;
    }

    public CacheSettings withMaxBytes(long bytes) {
        return new CacheSettings(bytes, maxEntryBytes, maxAgeSeconds, compression, minCompressBytes);
    }

    public CacheSettings withMaxEntryBytes(long bytes) {
        return new CacheSettings(maxBytes, bytes, maxAgeSeconds, compression, minCompressBytes);
    }

    public CacheSettings withMaxAgeSeconds(int seconds) {
        return new CacheSettings(maxBytes, maxEntryBytes, seconds, compression, minCompressBytes);
    }

    public CacheSettings withCompression(boolean on) {
        return new CacheSettings(maxBytes, maxEntryBytes, maxAgeSeconds, on, minCompressBytes);
    }
}
