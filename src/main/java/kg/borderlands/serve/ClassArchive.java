package kg.borderlands.serve;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;

/**
 * The class-data-sharing archive (AppCDS, JDK 17's dynamic archive) of the child JVM that {@code serve} starts
 * ({@link HeapLimit}): the classes a server loads (Jena, Jetty, ours), already parsed and verified, mapped from
 * {@code store/cds/<key>.jsa} at start instead of being read from the jar one by one.
 *
 * <p>The first server started from a jar has no archive: its child runs with {@code -XX:ArchiveClassesAtExit}
 * and writes one when it stops normally (Ctrl-C, SIGTERM; not {@code kill -9}), into a temporary file that is moved
 * into place only then, and only if the child got as far as answering ({@link #markServed}). Later servers map it. The key names the jar (path, size, time), the Java runtime and
 * its version, so a new jar or JDK simply makes a new archive; and the JVM itself checks the archive against the
 * jar and the runtime and, with {@code -XX:+VerifySharedSpaces}, against its own CRC: a missing, stale, foreign or
 * damaged archive is ignored (the JVM loads classes from the jar as without one) — never a failed start.
 * The JVM's own messages about the archive are silenced ({@code -Xlog:cds*=off}); nothing is printed.
 *
 * <p>The archive holds code: whoever can write the store can change what the server runs, as whoever can write
 * the jar can. {@code serve --no-class-archive} neither uses nor writes one.
 */
public final class ClassArchive {
    /** Directory of the archives under the store. */
    public static final String DIR = "cds";
    private static final String SUFFIX = ".jsa";
    private static final List<String> QUIET = List.of("-Xlog:cds*=off");

    /** Name prefix of the archives of {@code load}'s child JVM ({@link #forLoad}); serve's have none. */
    static final String LOAD = "load-";

    private final Path archive;
    private final Path pending;
    /** The kind of archive: {@link #LOAD}, or "" for serve's. */
    private final String kind;

    private ClassArchive(Path archive, Path pending, String kind) {
        this.archive = archive;
        this.pending = pending;
        this.kind = kind;
    }

    /** The archive of {@code jar} under {@code store}, for a child of this process. */
    public static ClassArchive of(Path store, Path jar) throws IOException {
        return of(store, jar, "");
    }

    /**
     * The archive of {@code load}'s child JVM ({@code store/cds/load-<key>.jsa}): the classes of a build, not a
     * server's; kept beside serve's, each kind removing only its own stale archives.
     */
    public static ClassArchive forLoad(Path store, Path jar) throws IOException {
        return of(store, jar, LOAD);
    }

    private static ClassArchive of(Path store, Path jar, String kind) throws IOException {
        Objects.requireNonNull(store, "store");
        Objects.requireNonNull(jar, "jar");
        Path dir = store.toAbsolutePath().normalize().resolve(DIR);
        String key = kind + key(jar);
        return new ClassArchive(dir.resolve(key + SUFFIX),
                dir.resolve(key + SUFFIX + "." + ProcessHandle.current().pid() + ".tmp"), kind);
    }

    /** Key of an archive: the jar's path, size and modification time, the runtime and its version. */
    static String key(Path jar) throws IOException {
        Path j = jar.toAbsolutePath().normalize();
        String id = j + "\n" + Files.size(j) + "\n" + Files.getLastModifiedTime(j).toMillis() + "\n"
                + System.getProperty("java.home") + "\n" + System.getProperty("java.vm.version");
        try {
            byte[] d = MessageDigest.getInstance("SHA-256").digest(id.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(d, 0, 12);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The archive file (it may not exist). */
    public Path file() {
        return archive;
    }

    /**
     * The child JVM's options: map the archive if there is one; otherwise write one at exit, if the store's
     * {@code cds/} directory can be made; otherwise none.
     */
    public List<String> jvmOptions() {
        if (Files.isRegularFile(archive)) {
            return concat(List.of("-XX:SharedArchiveFile=" + archive, "-XX:+VerifySharedSpaces"));
        }
        try {
            // no store yet (the first serve builds it): the next start writes the archive, and a command line
            // with a mistake in it leaves no directory behind
            if (!Files.isDirectory(archive.getParent().getParent())) return List.of();
            Files.createDirectories(archive.getParent());
            if (!Files.isWritable(archive.getParent())) return List.of();
        } catch (IOException | RuntimeException e) {
            return List.of();   // a read-only store: serve without an archive
        }
        return concat(List.of("-XX:ArchiveClassesAtExit=" + pending, "-D" + SERVED_PROPERTY + "=" + served()));
    }

    /** Set in a child that records an archive: the file it creates once it answers ({@link #markServed}). */
    static final String SERVED_PROPERTY = "borderlands.classArchive.served";

    private Path served() {
        return pending.resolveSibling(pending.getFileName() + ".served");
    }

    /**
     * Called by {@code serve} once it answers (by {@code load} once it has built): the archive this child writes at
     * exit holds a server's (a build's) classes, and is kept. A child that stops earlier (a mistake in the command
     * line, a failed build, a store already up to date) writes one too, of a few classes only: that one is dropped.
     */
    public static void markServed() {
        String f = System.getProperty(SERVED_PROPERTY);
        if (f == null) return;
        try {
            Files.writeString(Path.of(f), "");
        } catch (IOException | RuntimeException e) {
            // no archive kept: the next server writes one
        }
    }

    private static List<String> concat(List<String> options) {
        return java.util.stream.Stream.concat(options.stream(), QUIET.stream()).toList();
    }

    /**
     * After the child has exited: moves an archive it wrote into place (atomically) and removes the archives of
     * other keys (older jars or runtimes) and leftovers of children that died while writing one. Best effort.
     */
    public synchronized void afterChild() {
        try {
            boolean served = Files.deleteIfExists(served());
            if (served && Files.isRegularFile(pending) && Files.size(pending) > 0) {
                try {
                    Files.move(pending, archive, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
                } catch (AtomicMoveNotSupportedException e) {
                    Files.deleteIfExists(pending);
                }
            }
            Files.deleteIfExists(pending);
            if (!Files.isRegularFile(archive)) return;
            try (DirectoryStream<Path> s = Files.newDirectoryStream(archive.getParent())) {
                for (Path p : s) {
                    if (!p.equals(archive) && stale(p, kind)) Files.deleteIfExists(p);
                }
            }
        } catch (IOException | RuntimeException e) {
            // the archive only speeds up the next start
        }
    }

    /** Another key's archive of the same kind, or a temporary file of a process that is no longer running. */
    private static boolean stale(Path p, String kind) {
        String n = p.getFileName().toString();
        if (n.endsWith(SUFFIX)) return kind.isEmpty() ? !n.startsWith(LOAD) : n.startsWith(kind);
        if (n.endsWith(".served")) n = n.substring(0, n.length() - ".served".length());
        if (!n.endsWith(".tmp")) return false;
        String[] parts = n.split("\\.");
        try {
            long pid = Long.parseLong(parts[parts.length - 2]);
            return ProcessHandle.of(pid).isEmpty();
        } catch (NumberFormatException | ArrayIndexOutOfBoundsException e) {
            return false;
        }
    }
}
