package kg.borderlands.serve.cache;

import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.HexFormat;

/**
 * A short fingerprint of the code that renders answers. The same build served by a new release of the
 * server may render differently (a new page layout, a new explorer script), so ETags carry this too: the jar's
 * size and modification time, hashed; when the classes do not come from a jar (tests, IDE), a random value per
 * process, so nothing is ever taken for unchanged by mistake. The explorer's page names its own files with
 * {@code ?v=} this value, so they can be kept for a year ({@link #ASSET_PARAM}).
 */
public final class CodeVersion {
    /** The query parameter that versions an asset URL. */
    public static final String ASSET_PARAM = "v";
    private static final String VALUE = compute();

    private CodeVersion() {}

    /** Eight hex digits. */
    public static String value() {
        return VALUE;
    }

    private static String compute() {
        String seed;
        try {
            Path p = Path.of(CodeVersion.class.getProtectionDomain().getCodeSource().getLocation().toURI());
            seed = Files.isRegularFile(p) ? p.toAbsolutePath() + "|" + Files.size(p) + "|" + Files.getLastModifiedTime(p).toMillis()
                    : null;
        } catch (URISyntaxException | java.io.IOException | RuntimeException e) {
            seed = null;
        }
        if (seed == null) {
            byte[] random = new byte[16];
            new SecureRandom().nextBytes(random);
            seed = HexFormat.of().formatHex(random);
        }
        try {
            byte[] d = MessageDigest.getInstance("SHA-256").digest(seed.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(d, 0, 4);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
