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

/**
 * The published build as the base of an incremental build (docs/store.md "Incremental builds"): its TDB2 database
 * copied into the new build, and every file of it verified against its manifest on the way — the database's files
 * while they are copied (read once, for the copy and the digest), the others (serving artifacts, dump) read. This
 * is the verification {@code load} used to make of the published build before deciding anything; it is now made
 * only when the build is used as a base (a build made from other inputs and not used is not read at all), and a
 * base found damaged is not used: the build is then made from scratch (from the unit cache).
 *
 * <p>The state of the digest after each block is kept ({@link BuildChecksums.Prefix}): the new build's checksums
 * hash a copied file only from the first block the incremental build changed (TDB2 appends what a transaction
 * writes), compared with the original byte for byte up to there.
 *
 * <p>The copy is sparse: a block of zeros (the unused end of TDB2's preallocated files) is not written, so the
 * copy takes no more disk space than the original and its pages are not written back to disk.
 */
final class DatabaseCopy {
    private static final int BLOCK = 1 << 20;
    private static final String TDB = "tdb";

    private DatabaseCopy() {}

    /**
     * Copies {@code previous/tdb} to {@code tdb} (which must not exist), every file but {@code tdb.lock}, and
     * verifies every file {@code manifest} lists for {@code previous}.
     *
     * @throws StoreException DAMAGED naming the first file that differs from the manifest (then {@code tdb} is
     *                        partly written: the caller removes it)
     */
    static Map<String, BuildChecksums.Prefix> copyVerified(Path previous, BuildManifest manifest, Path tdb) throws IOException {
        Map<String, BuildChecksums.Prefix> prefixes = new java.util.HashMap<>();
        Map<String, BuildManifest.FileSum> files = manifest.files();
        Path from = previous.resolve(TDB);
        Files.createDirectories(tdb);
        List<Path> all;
        try (var s = Files.walk(from)) {
            all = s.sorted().toList();
        }
        ByteBuffer buf = ByteBuffer.allocateDirect(BLOCK);
        for (Path f : all) {
            String rel = from.relativize(f).toString().replace('\\', '/');
            if (rel.isEmpty()) continue;
            Path target = tdb.resolve(rel);
            if (Files.isDirectory(f)) {
                Files.createDirectories(target);
                continue;
            }
            if (f.getFileName().toString().equals("tdb.lock")) continue;
            List<Long> ends = new java.util.ArrayList<>();
            List<MessageDigest> states = new java.util.ArrayList<>();
            BuildManifest.FileSum sum = copy(f, target, buf, ends, states);
            BuildManifest.FileSum expected = files.get(TDB + "/" + rel);
            prefixes.put(TDB + "/" + rel, new BuildChecksums.Prefix(f, ends.stream().mapToLong(Long::longValue).toArray(),
                    states.toArray(new MessageDigest[0])));
            // a file the manifest does not list is copied as before (verification checks listed files only)
            if (expected != null && !expected.equals(sum)) throw damaged(previous, TDB + "/" + rel, expected, sum);
        }
        for (Map.Entry<String, BuildManifest.FileSum> e : files.entrySet()) {
            if (e.getKey().startsWith(TDB + "/")) {
                if (!Files.isRegularFile(previous.resolve(e.getKey()))) throw damaged(previous, "has lost its file " + e.getKey());
                continue;
            }
            Path f = previous.resolve(e.getKey());
            if (!Files.isRegularFile(f)) throw damaged(previous, "has lost its file " + e.getKey());
            BuildManifest.FileSum sum = BuildChecksums.sum(f);
            if (!sum.equals(e.getValue())) throw damaged(previous, e.getKey(), e.getValue(), sum);
        }
        return prefixes;
    }

    /**
     * Copies one file, its blocks of zeros left as holes; returns the size and digest of what was read, and gives the
     * state of the digest after each block ({@link BuildChecksums.Prefix}).
     */
    private static BuildManifest.FileSum copy(Path from, Path to, ByteBuffer buf, List<Long> ends,
                                              List<MessageDigest> states) throws IOException {
        MessageDigest md = sha256();
        long size = 0;
        try (FileChannel in = FileChannel.open(from, StandardOpenOption.READ);
             FileChannel out = FileChannel.open(to, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
            int n;
            buf.clear();
            while ((n = in.read(buf)) != -1) {
                if (n == 0) continue;
                buf.flip();
                md.update(buf.duplicate());
                if (!zeros(buf)) {
                    long at = size;
                    while (buf.hasRemaining()) at += out.write(buf, at);
                }
                size += n;
                buf.clear();
                if (n == buf.capacity()) {
                    try {
                        states.add((MessageDigest) md.clone());
                        ends.add(size);
                    } catch (CloneNotSupportedException e) {
                        // no state kept: the copy is hashed whole
                    }
                }
            }
            if (out.size() < size) {
                // the file ends in zeros: its last byte gives it its size (the rest stays a hole)
                out.write(ByteBuffer.wrap(new byte[1]), size - 1);
            }
        }
        return new BuildManifest.FileSum(size, HexFormat.of().formatHex(md.digest()));
    }

    private static final ByteBuffer ZEROS = ByteBuffer.allocateDirect(BLOCK).asReadOnlyBuffer();

    private static boolean zeros(ByteBuffer buf) {
        return buf.mismatch(ZEROS.duplicate().limit(buf.remaining())) == -1;
    }

    /** As {@link BuildChecksums#verify} words it: the size first, then the digest. */
    private static StoreException damaged(Path build, String file, BuildManifest.FileSum expected, BuildManifest.FileSum found) {
        if (expected.size() != found.size()) {
            return damaged(build, "file " + file + " is " + found.size() + " bytes, its manifest says " + expected.size());
        }
        return damaged(build, "file " + file + " does not match its SHA-256 checksum");
    }

    private static StoreException damaged(Path build, String what) {
        return new StoreException(StoreException.Kind.DAMAGED, "the store's build " + build.getFileName() + " "
                + what + "; run 'load' to rebuild it");
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
