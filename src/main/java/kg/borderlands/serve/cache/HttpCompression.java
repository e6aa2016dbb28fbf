package kg.borderlands.serve.cache;

import org.eclipse.jetty.compression.Compression;
import org.eclipse.jetty.compression.brotli.BrotliCompression;
import org.eclipse.jetty.compression.gzip.GzipCompression;
import org.eclipse.jetty.compression.server.CompressionConfig;
import org.eclipse.jetty.compression.server.CompressionHandler;
import org.eclipse.jetty.server.Handler;
import org.slf4j.LoggerFactory;

import java.util.ArrayList;
import java.util.List;

/**
 * Compression of answers with Jetty 12's {@link CompressionHandler}, negotiated by {@code Accept-Encoding}:
 * Brotli ({@code br}) when its native library (brotli4j) loads on this platform, and gzip always. Bodies are
 * compressed as they stream; bodies under the minimum size and already-compressed types (images) are sent as
 * they are. GET and POST (SPARQL query forms) answers are compressed. Jetty appends the encoding to the ETag
 * ({@code "…--gzip"}) so that each encoding has its own strong validator, and strips it again from
 * {@code If-None-Match} before the request reaches the cache filter. Request bodies are never decompressed.
 */
public final class HttpCompression {
    private HttpCompression() {}

    /** Wraps a handler; the encodings in order of preference are logged. */
    public static CompressionHandler wrap(Handler inner, int minCompressBytes) {
        CompressionHandler handler = new CompressionHandler(inner);
        List<String> encodings = new ArrayList<>();
        Compression br = brotli();
        if (br != null) {
            br.setMinCompressSize(minCompressBytes);
            handler.putCompression(br);
            encodings.add(br.getEncodingName());
        }
        GzipCompression gzip = new GzipCompression();
        gzip.setMinCompressSize(minCompressBytes);
        handler.putCompression(gzip);
        encodings.add(gzip.getEncodingName());
        CompressionConfig config = CompressionConfig.builder().defaults()
                .compressIncludeMethod("GET").compressIncludeMethod("POST")
                .compressPreferredEncodings(encodings)
                .decompressExcludePath("/*")
                .build();
        handler.putConfiguration("/", config);
        LoggerFactory.getLogger(HttpCompression.class).debug("compression: {}", encodings);
        return handler;
    }

    /** Brotli if brotli4j's native library loads here, else null. */
    private static Compression brotli() {
        try {
            if (!com.aayushatharva.brotli4j.Brotli4jLoader.isAvailable()) return null;
            return new BrotliCompression();
        } catch (LinkageError | RuntimeException e) {
            return null;
        }
    }
}
