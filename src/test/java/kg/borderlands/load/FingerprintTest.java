package kg.borderlands.load;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;

import static org.junit.jupiter.api.Assertions.*;

/** The jar's part of the fingerprint: read from its central directory, it still changes with any entry's content. */
class FingerprintTest {
    @TempDir
    Path tmp;

    @Test
    void theCodeDigestChangesWithAnEntryAndNotWithTheFileTime() throws Exception {
        Path a = jar("a.jar", "class body one");
        Path same = jar("same.jar", "class body one");
        Path b = jar("b.jar", "class body two");
        Path c = jar("c.jar", "class body onf");   // same size, one byte different
        assertEquals(digest(a), digest(same), "same entries, same digest");
        assertNotEquals(digest(a), digest(b), "a changed entry changes the digest");
        assertNotEquals(digest(a), digest(c), "a changed byte of the same size changes the digest (CRC-32)");
        Files.setLastModifiedTime(a, FileTime.fromMillis(0));
        assertEquals(digest(same), digest(a), "touching the jar changes nothing");
    }

    private Path jar(String name, String content) throws IOException {
        Path p = tmp.resolve(name);
        try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(p))) {
            JarEntry e = new JarEntry("kg/borderlands/Some.class");
            e.setTime(1_700_000_000_000L);
            out.putNextEntry(e);
            out.write(content.getBytes(StandardCharsets.UTF_8));
            out.closeEntry();
        }
        return p;
    }

    private static String digest(Path jar) throws Exception {
        MessageDigest md = MessageDigest.getInstance("SHA-256");
        Fingerprint.codeDigest(jar, md);
        return HexFormat.of().formatHex(md.digest());
    }
}
