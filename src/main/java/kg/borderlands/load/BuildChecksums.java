package kg.borderlands.load;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Size and SHA-256 of the files of a build, and their verification against the manifest. Covers every file
 * except those that change when the build is merely opened: TDB2's {@code tdb.lock} (the pid of the process
 * that has it open) and the build's own bookkeeping ({@code manifest.json}, the {@code INCOMPLETE} marker).
 * Reading the TDB2 files through Jena leaves every other file byte-for-byte unchanged (measured, and pinned
 * by {@code StoreIntegrityTest}).
 */
public final class BuildChecksums {
    /** Written into a build whose files were found not to match their checksums after it was put in service. */
    public static final String DAMAGED = "DAMAGED";
    private static final Set<String> UNSTABLE = Set.of("tdb.lock", BuildManifest.FILE, BuildManifest.FILE + ".tmp",
            StoreManager.INCOMPLETE, DAMAGED);

    private BuildChecksums() {}

    /** Size and digest of every stable file of {@code build}, by path relative to it ('/' separated). */
    public static Map<String, BuildManifest.FileSum> compute(Path build) throws IOException {
        Map<String, BuildManifest.FileSum> sums = new TreeMap<>();
        for (Path f : stableFiles(build)) {
            sums.put(relative(build, f), sum(f));
        }
        return sums;
    }

    /**
     * {@link #compute(Path)}, but a file that is the very file (a hard link) of the same path in {@code previous} —
     * a build verified against its manifest before this one was made, and never written since (builds are
     * immutable) — keeps the size and digest that manifest gives, without being read again.
     */
    public static Map<String, BuildManifest.FileSum> compute(Path build, Path previous) throws IOException {
        return compute(build, previous, Map.of());
    }

    /**
     * What the copy of a file ({@link DatabaseCopy}) hashed on its way: the file it was copied from, and the state of
     * the SHA-256 after each block read ({@code ends[i]}: the offset that state has hashed up to). A copied file
     * that was then written only from some block on — TDB2 appends what a transaction writes — is hashed from the
     * last block it still shares with its original, compared byte for byte, on.
     */
    public record Prefix(Path original, long[] ends, MessageDigest[] states) {}

    /**
     * {@link #compute(Path, Path)}, and each file {@code copied} names (by path relative to the build) hashed only
     * from the end of the blocks it still shares with the file it was copied from ({@link Prefix}).
     */
    public static Map<String, BuildManifest.FileSum> compute(Path build, Path previous, Map<String, Prefix> copied)
            throws IOException {
        Map<String, BuildManifest.FileSum> before = BuildManifest.read(previous).files();
        Map<String, BuildManifest.FileSum> sums = new TreeMap<>();
        ByteBuffer a = ByteBuffer.allocateDirect(1 << 20);
        ByteBuffer b = ByteBuffer.allocateDirect(1 << 20);
        for (Path f : stableFiles(build)) {
            String name = relative(build, f);
            Path old = previous.resolve(name);
            BuildManifest.FileSum known = before.get(name);
            boolean linked = known != null && Files.isRegularFile(old) && Files.isSameFile(f, old)
                    && Files.size(f) == known.size();
            Prefix prefix = copied.get(name);
            sums.put(name, linked ? known : prefix != null ? resume(f, prefix, a, b) : sum(f));
        }
        return sums;
    }

    /** The size and SHA-256 of {@code f}, resumed from the longest run of blocks it shares with its original. */
    static BuildManifest.FileSum resume(Path f, Prefix prefix, ByteBuffer a, ByteBuffer b) throws IOException {
        MessageDigest md = null;
        long from = 0;
        try (FileChannel now = FileChannel.open(f, StandardOpenOption.READ);
             FileChannel was = FileChannel.open(prefix.original(), StandardOpenOption.READ)) {
            long size = now.size();
            for (int i = 0; i < prefix.ends().length && prefix.ends()[i] <= size; i++) {
                int n = Math.toIntExact(prefix.ends()[i] - from);
                if (n > a.capacity() || !sameBytes(now, was, from, n, a, b)) break;
                md = prefix.states()[i];
                from = prefix.ends()[i];
            }
        }
        try {
            md = md == null ? sha256() : (MessageDigest) md.clone();
        } catch (CloneNotSupportedException e) {
            return sum(f);
        }
        return digest(f, from, md, a);
    }

    /** True if both files hold the same {@code n} bytes at {@code at}. */
    private static boolean sameBytes(FileChannel x, FileChannel y, long at, int n, ByteBuffer a, ByteBuffer b)
            throws IOException {
        a.clear().limit(n);
        b.clear().limit(n);
        readFully(x, a, at);
        readFully(y, b, at);
        a.flip();
        b.flip();
        return a.remaining() == n && b.remaining() == n && a.mismatch(b) == -1;
    }

    private static void readFully(FileChannel ch, ByteBuffer buf, long at) throws IOException {
        long pos = at;
        while (buf.hasRemaining()) {
            int r = ch.read(buf, pos);
            if (r < 0) break;
            pos += r;
        }
    }

    /** What {@link #verify(Path, Scope)} checks beyond the manifest and the size of every file. */
    public enum Scope {
        /** The digest of every file: for {@code serve} and {@code load}, which use the TDB2 database. */
        ALL,
        /** The digest of the dump only: for read commands, which read nothing else. */
        DUMP,
        /**
         * No digest: the manifest, every file present with its size, and no {@code DAMAGED} marker. For
         * {@code serve}'s start, which then verifies every digest in the background ({@link #markDamaged} on a
         * mismatch).
         */
        SIZES
    }

    /** {@link #verify(Path, Scope)} of everything. */
    public static BuildManifest verify(Path build) throws IOException {
        return verify(build, Scope.ALL);
    }

    /**
     * Checks {@code build} against its manifest: no INCOMPLETE marker, every listed file present with its size,
     * and the SHA-256 of every file ({@link Scope#ALL}) or of the dump ({@link Scope#DUMP}).
     *
     * @return the verified manifest
     * @throws StoreException (DAMAGED) naming the first file that differs
     */
    public static BuildManifest verify(Path build, Scope scope) throws IOException {
        if (Files.exists(build.resolve(StoreManager.INCOMPLETE))) {
            throw damaged(build, "was never finished (a load stopped while writing it)");
        }
        if (Files.exists(build.resolve(DAMAGED))) {
            String why = Files.readString(build.resolve(DAMAGED), java.nio.charset.StandardCharsets.UTF_8).trim();
            throw damaged(build, "was found damaged while served (" + why + ")");
        }
        BuildManifest m = BuildManifest.read(build);
        if (m.format() != BuildManifest.FORMAT || m.files().isEmpty()) {
            throw damaged(build, "has no checksums (made by an older version of borderlands-kg)");
        }
        for (Map.Entry<String, BuildManifest.FileSum> e : m.files().entrySet()) {
            Path f = build.resolve(e.getKey());
            if (!Files.isRegularFile(f)) throw damaged(build, "has lost its file " + e.getKey());
            long size = Files.size(f);
            if (size != e.getValue().size()) {
                throw damaged(build, "file " + e.getKey() + " is " + size + " bytes, its manifest says "
                        + e.getValue().size());
            }
        }
        if (scope == Scope.DUMP && !m.files().containsKey(BuildDump.FILE)) {
            throw damaged(build, "has no " + BuildDump.FILE + " in its manifest");
        }
        if (scope == Scope.SIZES) return m;
        for (Map.Entry<String, BuildManifest.FileSum> e : m.files().entrySet()) {
            if (scope == Scope.DUMP && !e.getKey().equals(BuildDump.FILE)) continue;
            if (!sum(build.resolve(e.getKey())).sha256().equals(e.getValue().sha256())) {
                throw damaged(build, "file " + e.getKey() + " does not match its SHA-256 checksum");
            }
        }
        return m;
    }

    /**
     * Marks a build as damaged (a file found not to match its checksum after a cheaper check let it into
     * service), so every later verification refuses it and the next {@code load} rebuilds. Best effort on a
     * read-only store.
     */
    public static void markDamaged(Path build, String why) {
        try {
            StoreFiles.writeAtomically(build.resolve(DAMAGED), why.replaceAll("[\\r\\n]+", " ") + "\n");
        } catch (IOException | RuntimeException e) {
            // read-only store: the caller stops serving all the same
        }
    }

    private static StoreException damaged(Path build, String what) {
        return new StoreException(StoreException.Kind.DAMAGED, "the store's build " + build.getFileName() + " "
                + what + "; run 'load' to rebuild it");
    }

    private static List<Path> stableFiles(Path build) throws IOException {
        try (Stream<Path> s = Files.walk(build)) {
            return s.filter(Files::isRegularFile)
                    .filter(p -> !UNSTABLE.contains(p.getFileName().toString()))
                    .sorted().collect(Collectors.toList());
        }
    }

    private static String relative(Path build, Path f) {
        return build.relativize(f).toString().replace('\\', '/');
    }

    static BuildManifest.FileSum sum(Path f) throws IOException {
        return digest(f, 0, sha256(), ByteBuffer.allocateDirect(1 << 20));
    }

    /** The size and SHA-256 of {@code f}: its bytes from {@code from} on added to {@code md}, which holds those before. */
    private static BuildManifest.FileSum digest(Path f, long from, MessageDigest md, ByteBuffer buf) throws IOException {
        long size = from;
        try (FileChannel ch = FileChannel.open(f, StandardOpenOption.READ)) {
            ch.position(from);
            buf.clear();
            int n;
            while ((n = ch.read(buf)) != -1) {
                size += n;
                buf.flip();
                md.update(buf);
                buf.clear();
            }
        }
        return new BuildManifest.FileSum(size, HexFormat.of().formatHex(md.digest()));
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
