package kg.borderlands.load;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The {@link Fingerprint} of the inputs without reading them, when nothing about them changed: the store keeps,
 * in {@code store/inputs.stamp}, the fingerprint last computed together with the <em>stat line</em> of every
 * input file and of the jar — path, size, modification time, status-change time ({@code ctime}) and inode — and
 * the SHA-256 of every input file. When every stat line is the same now, that fingerprint is taken as it is;
 * otherwise (a file added, removed, written, touched, renamed, or copied over) the fingerprint is computed again,
 * from the digests the stamp holds for the files whose stat line did not change and from the bytes of the others
 * (after editing one record, one file is read), and the stamp rewritten. The same digests make the source units'
 * keys ({@link #digests()}).
 *
 * <p>Why the {@code ctime}: any write to a file, and any change of its times, sets it to the current time, and no
 * tool can set it back — so a file rewritten with the same size and its old modification time restored
 * ({@code touch -d}, {@code cp -p}, {@code rsync -t}) still has a new stat line. A change within the clock tick of
 * the stamp itself could still be missed on a file system with coarse times; so, as git does for its index, a
 * file changed within the last {@link #RACY} of the stamp is written without its digest (it is read again next
 * time), and a stamp with such a file never gives the fingerprint as it is. The jar's line keeps the digest of its
 * entries ({@link Fingerprint#codeDigest}), used while the jar's stat line stays the same (not read again). On a file system without {@code ctime}
 * and inodes (no POSIX attributes), there is no stamp: the fingerprint is always computed.
 */
public final class InputStamp {
    /** The file under the store. */
    public static final String FILE = "inputs.stamp";
    /** A file's digest is kept only when it did not change for this long. */
    static final Duration RACY = Duration.ofSeconds(3);
    private static final String HEADER = "borderlands-kg inputs stamp 2";
    /** In place of a digest: the file changed within {@link #RACY} of the stamp, or has none (a directory line). */
    private static final String NONE = "-";
    /** The start of the jar's stat line, whose digest is that of the jar's entries ({@link Fingerprint#codeDigest}). */
    private static final String CODE = "code ";

    private final Clock clock;
    private final Map<Path, byte[]> digests = new HashMap<>();

    public InputStamp() {
        this(Clock.systemUTC());
    }

    InputStamp(Clock clock) {
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /** A fingerprint and whether it was taken from the stamp (true) or computed from the files' digests. */
    public record Result(String fingerprint, boolean fromStamp) {}

    /**
     * What changed since the stamp, by stat lines: the input files whose stat line is new ({@code changed}), and
     * whether anything else did ({@code other}: a file removed, a directory or the code changed, or no stamp to
     * compare with). Only a guess of what the build will have to do ({@link LoadWarmup#likelyShort}).
     */
    record Changes(List<Path> changed, boolean other) {
        static final Changes UNKNOWN = new Changes(List.of(), true);
    }

    private Changes changes = Changes.UNKNOWN;

    /** What changed since the stamp, as the last {@link #fingerprint} found. */
    Changes changes() {
        return changes;
    }

    /** The fingerprint of {@code in} (with the code), from the stamp of {@code store} when it still holds. */
    public Result fingerprint(ProjectInputs in, Path store) throws IOException {
        digests.clear();
        changes = Changes.UNKNOWN;
        Path stampFile = store.resolve(FILE);
        Optional<List<Line>> now = statLines(in);
        if (now.isEmpty()) return new Result(Fingerprint.of(in, this::digest), false);
        Optional<Stamp> kept = read(stampFile);
        if (kept.isPresent()) {
            Stamp st = kept.get();
            java.util.Set<String> before = new java.util.HashSet<>();
            java.util.Set<String> pathsBefore = new java.util.HashSet<>();
            for (Line l : st.lines()) {
                before.add(l.stat());
                pathsBefore.add(path(l.stat()));
            }
            java.util.Set<String> pathsNow = new java.util.HashSet<>();
            List<Path> changed = new ArrayList<>();
            boolean other = false;
            for (Line l : now.get()) {
                pathsNow.add(path(l.stat()));
                if (before.contains(l.stat())) continue;
                if (l.file() != null) changed.add(l.file());
                else other = true;   // another directory, or the code
            }
            changes = new Changes(List.copyOf(changed), other || !pathsBefore.equals(pathsNow));
            boolean same = st.lines().size() == now.get().size();
            for (int i = 0; same && i < st.lines().size(); i++) {
                same = st.lines().get(i).stat().equals(now.get().get(i).stat()) && !st.lines().get(i).racy();
            }
            Map<String, String> known = new HashMap<>();
            for (Line l : st.lines()) if (l.digest() != null) known.put(l.stat(), l.digest());
            for (Line l : now.get()) {
                String d = known.get(l.stat());
                if (l.file() != null && d != null) digests.put(l.file(), HexFormat.of().parseHex(d));
                // the jar's entries, digested when its stat line was the same (Fingerprint#codeDigest)
                if (l.stat().startsWith(CODE) && d != null) Fingerprint.knownCodeDigest(HexFormat.of().parseHex(d));
            }
            if (same) return new Result(st.fingerprint(), true);
        }
        String fp = Fingerprint.of(in, this::digest);
        write(stampFile, fp, now.get());
        return new Result(fp, false);
    }

    /**
     * The digests of the input files known after {@link #fingerprint}: from the stamp for files whose stat line did
     * not change, read for the others; a file not in it is read when asked for.
     */
    Fingerprint.FileDigests digests() {
        return this::digest;
    }

    private byte[] digest(Path file) throws IOException {
        byte[] d = digests.get(file);
        if (d == null) {
            d = Fingerprint.digest(file);
            digests.put(file, d);
        }
        return d;
    }

    /** A stat line, the file it describes ({@code null} for a directory or the code) and its digest if known. */
    private record Line(String stat, Path file, String digest, boolean racy) {}

    private record Stamp(String fingerprint, List<Line> lines) {}

    /** The stat line of every file the fingerprint reads, and of the jar; empty without POSIX attributes. */
    private static Optional<List<Line>> statLines(ProjectInputs in) throws IOException {
        List<Line> lines = new ArrayList<>();
        for (Path dir : List.of(in.ontologyDir(), in.dataDir(), in.qcDir())) {
            lines.add(new Line("dir " + dir.toAbsolutePath().normalize(), null, null, false));
            for (Path f : Fingerprint.files(in, dir)) {
                Optional<String> s = stat(f);
                if (s.isEmpty()) return Optional.empty();
                lines.add(new Line(s.get(), f, null, false));
            }
        }
        Path jar = Fingerprint.codeLocation();
        if (jar != null && Files.isRegularFile(jar)) {
            Optional<String> s = stat(jar);
            if (s.isEmpty()) return Optional.empty();
            lines.add(new Line("code " + s.get(), null, null, false));
        } else {
            lines.add(new Line("code none", null, null, false));   // classes from a directory (tests): their fingerprint part is empty too
        }
        return Optional.of(lines);
    }

    private static Optional<String> stat(Path f) throws IOException {
        Map<String, Object> a;
        try {
            a = Files.readAttributes(f, "unix:size,lastModifiedTime,ctime,ino");
        } catch (UnsupportedOperationException | IllegalArgumentException e) {
            return Optional.empty();
        }
        return Optional.of(a.get("size") + " " + nanos(a.get("lastModifiedTime")) + " " + nanos(a.get("ctime")) + " "
                + a.get("ino") + " " + f.toAbsolutePath().normalize());
    }

    /** The path a stat line is about (its last field: {@code [code ]size mtime ctime inode path}), or the line. */
    private static String path(String stat) {
        if (stat.startsWith("dir ") || stat.equals("code none")) return stat;
        String[] p = stat.split(" ", stat.startsWith("code ") ? 6 : 5);
        return p[p.length - 1];
    }

    private static String nanos(Object fileTime) {
        var t = ((java.nio.file.attribute.FileTime) fileTime).toInstant();
        String nanos = Integer.toString(t.getNano());   // zero-padded to nine digits (String.format: 2 per file, slow)
        return t.getEpochSecond() + "." + "000000000".substring(nanos.length()) + nanos;
    }

    /** True if the file of this stat line changed within {@link #RACY} of now (a change in the same tick could go unseen). */
    private boolean racy(String stat) {
        if (stat.startsWith("dir ") || stat.equals("code none")) return false;
        long limit = clock.instant().minus(RACY).getEpochSecond();
        String[] p = stat.split(" ", 6);
        int o = p[0].equals("code") ? 1 : 0;
        return seconds(p[1 + o]) >= limit || seconds(p[2 + o]) >= limit;
    }

    private static long seconds(String nanos) {
        return Long.parseLong(nanos.substring(0, nanos.indexOf('.')));
    }

    /** Reads a stamp: header, fingerprint, then one line per input: its digest (or {@value #NONE}), a space, its stat line. */
    private static Optional<Stamp> read(Path stampFile) {
        try {
            if (!Files.isRegularFile(stampFile)) return Optional.empty();
            List<String> lines = Files.readAllLines(stampFile, StandardCharsets.UTF_8);
            if (lines.size() < 2 || !lines.get(0).equals(HEADER) || !lines.get(1).startsWith("fingerprint ")) {
                return Optional.empty();
            }
            String fp = lines.get(1).substring("fingerprint ".length());
            if (!fp.matches("[0-9a-f]{64}")) return Optional.empty();
            List<Line> out = new ArrayList<>();
            for (String l : lines.subList(2, lines.size())) {
                int sp = l.indexOf(' ');
                if (sp < 0) return Optional.empty();
                String d = l.substring(0, sp);
                boolean none = d.equals(NONE);
                if (!none && !d.matches("[0-9a-f]{64}")) return Optional.empty();
                String stat = l.substring(sp + 1);
                boolean racy = none && !stat.startsWith("dir ") && !stat.startsWith("code ");
                out.add(new Line(stat, null, none ? null : d, racy));
            }
            return Optional.of(new Stamp(fp, out));
        } catch (IOException | RuntimeException e) {
            return Optional.empty();   // unreadable: compute the fingerprint
        }
    }

    /**
     * Through a temporary file of this process and an atomic rename (not flushed to disk: a stamp lost or cut by a
     * crash fails its comparison, and the fingerprint is computed); nothing on a read-only store. A file that
     * changed within {@link #RACY} is written without its digest.
     */
    private void write(Path stampFile, String fp, List<Line> lines) {
        Path tmp = stampFile.resolveSibling(FILE + "." + ProcessHandle.current().pid() + ".tmp");
        try {
            if (!Files.isDirectory(stampFile.getParent())) return;   // no store yet: the next start writes it
            StringBuilder text = new StringBuilder(HEADER).append('\n').append("fingerprint ").append(fp).append('\n');
            for (Line l : lines) {
                byte[] d = racy(l.stat()) ? null
                        : l.file() != null ? digests.get(l.file())
                        : l.stat().startsWith(CODE) && !l.stat().equals("code none") ? Fingerprint.computedCodeDigest() : null;
                text.append(d == null ? NONE : HexFormat.of().formatHex(d)).append(' ').append(l.stat()).append('\n');
            }
            Files.writeString(tmp, text, StandardCharsets.UTF_8);
            Files.move(tmp, stampFile, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException | RuntimeException e) {
            // a read-only store: the fingerprint is computed at every start
            try {
                Files.deleteIfExists(tmp);
            } catch (IOException | RuntimeException ignored) {
                // nothing written
            }
        }
    }
}
