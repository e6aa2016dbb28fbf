package kg.borderlands.load;

import kg.borderlands.curate.RecordReader;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

/**
 * SHA-256 over everything a store is built from: the ontology's Turtle files, the data files the build reads
 * and the quality checks (each file by its path and the SHA-256 of its bytes), plus the code that builds it (the
 * jar, when running from one). Equal fingerprints mean the store can be reused as it is. Files the build does not
 * read (the generated SSSOM file under {@code data/mappings/}, notes) do not count. A file enters by its own digest
 * (not its bytes in one stream) so that {@link InputStamp} can keep the digests of unchanged files and read again
 * only the files that changed; the source units' keys are made the same way, from the same digests.
 */
public final class Fingerprint {
    private Fingerprint() {}

    /** The digest of a file's bytes, for the fingerprint and the unit keys. */
    @FunctionalInterface
    interface FileDigests {
        byte[] of(Path file) throws IOException;

        /** Every file read and hashed. */
        FileDigests READ = Fingerprint::digest;
    }

    public static String of(ProjectInputs in) throws IOException {
        return of(in, FileDigests.READ);
    }

    /** The fingerprint, each file's digest from {@code digests}. */
    static String of(ProjectInputs in, FileDigests digests) throws IOException {
        MessageDigest md = sha256();
        for (Path dir : List.of(in.ontologyDir(), in.dataDir(), in.qcDir())) {
            addFiles(md, dir, files(in, dir), digests);
            md.update((byte) 1);
        }
        addCode(md);
        return HexFormat.of().formatHex(md.digest());
    }

    /** SHA-256 of a file's bytes. */
    static byte[] digest(Path file) throws IOException {
        MessageDigest md = sha256();
        md.update(Files.readAllBytes(file));
        return md.digest();
    }

    /**
     * The jar's part of the fingerprint: the name, CRC-32 and size of every entry, from the jar's central
     * directory (a few hundred kB at its end), instead of hashing every byte of the 60 MB jar at every start.
     * A changed class changes its entry's CRC-32 (and almost always its size), so the fingerprint still changes
     * with the code.
     */
    static void codeDigest(Path jar, MessageDigest md) throws IOException {
        try (ZipFile zip = new ZipFile(jar.toFile())) {
            ByteBuffer entry = ByteBuffer.allocate(16);
            for (Enumeration<? extends ZipEntry> e = zip.entries(); e.hasMoreElements(); ) {
                ZipEntry z = e.nextElement();
                md.update(z.getName().getBytes(StandardCharsets.UTF_8));
                entry.clear();
                entry.putLong(z.getCrc()).putLong(z.getSize());
                md.update(entry.array());
            }
        }
    }

    /**
     * The part of every source unit's key that is not data: ontology (with the shapes), quality checks and
     * code. A change there re-maps and re-validates every unit.
     */
    static String base(ProjectInputs in, FileDigests digests) throws IOException {
        MessageDigest md = sha256();
        for (Path dir : List.of(in.ontologyDir(), in.qcDir())) {
            addFiles(md, dir, files(in, dir), digests);
            md.update((byte) 1);
        }
        addCode(md);
        return HexFormat.of().formatHex(md.digest());
    }

    /** SHA-256 over {@code parts} and the paths (relative to {@code root}) and digests of {@code files}. */
    static String of(Path root, List<Path> files, FileDigests digests, String... parts) throws IOException {
        MessageDigest md = sha256();
        for (String p : parts) {
            md.update(p.getBytes(StandardCharsets.UTF_8));
            md.update((byte) 0);
        }
        addFiles(md, root, files, digests);
        return HexFormat.of().formatHex(md.digest());
    }

    private static void addFiles(MessageDigest md, Path root, List<Path> files, FileDigests digests) throws IOException {
        for (Path f : files) {
            md.update(root.relativize(f).toString().replace('\\', '/').getBytes(StandardCharsets.UTF_8));
            md.update((byte) 0);
            md.update(digests.of(f));
            md.update((byte) 0);
        }
    }

    /** The digest of the jar's entries ({@link #codeDigest}), computed once per process. */
    private static byte[] codeDigest;

    /**
     * The digest of the jar's entries as {@link InputStamp} kept it (the jar's stat line unchanged since), so that it
     * is not computed again in this process.
     */
    static synchronized void knownCodeDigest(byte[] digest) {
        if (codeDigest == null && digest.length == 32) codeDigest = digest.clone();
    }

    /** The digest of the jar's entries, if this process computed or was given it; else null. */
    static synchronized byte[] computedCodeDigest() {
        return codeDigest == null ? null : codeDigest.clone();
    }

    private static synchronized void addCode(MessageDigest md) throws IOException {
        if (codeDigest == null) {
            MessageDigest code = sha256();
            Path jar = codeLocation();
            if (jar != null && Files.isRegularFile(jar)) codeDigest(jar, code);
            codeDigest = code.digest();
        }
        md.update(codeDigest);
    }

    static List<Path> files(ProjectInputs in, Path dir) throws IOException {
        if (!Files.isDirectory(dir)) return new ArrayList<>();
        if (dir.equals(in.dataDir())) return RecordReader.dataFiles(dir);
        String suffix = dir.equals(in.qcDir()) ? ".rq" : ".ttl";
        try (Stream<Path> s = Files.list(dir)) {
            return s.filter(Files::isRegularFile).filter(p -> p.toString().endsWith(suffix)).sorted()
                    .collect(Collectors.toList());
        }
    }

    static Path codeLocation() {
        try {
            return Path.of(Fingerprint.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        } catch (URISyntaxException | RuntimeException e) {
            return null;
        }
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
