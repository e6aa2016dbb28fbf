package kg.borderlands.load;

import kg.borderlands.curate.RecordReader;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The {@link Fingerprint} of the inputs without reading them, when nothing about them changed: the store keeps,
 * in {@code store/inputs.stamp}, the fingerprint last computed together with the <em>stat line</em> of every
 * input file and of the jar — path, size, modification time, status-change time ({@code ctime}) and inode.
 * When every stat line is the same now, that fingerprint is taken as it is; otherwise (a file added, removed,
 * written, touched, renamed, or copied over) the fingerprint is computed from the files' bytes, as always, and
 * the stamp rewritten.
 *
 * <p>Why the {@code ctime}: any write to a file, and any change of its times, sets it to the current time, and no
 * tool can set it back — so a file rewritten with the same size and its old modification time restored
 * ({@code touch -d}, {@code cp -p}, {@code rsync -t}) still has a new stat line. A change within the clock tick of
 * the stamp itself could still be missed on a file system with coarse times; so, as git does for its index, a
 * stamp is not written while any input changed within the last {@link #RACY} (the next start then computes the
 * fingerprint again). On a file system without {@code ctime} and inodes (no POSIX attributes), there is no stamp:
 * the fingerprint is always computed.
 */
public final class InputStamp {
    /** The file under the store. */
    public static final String FILE = "inputs.stamp";
    /** A stamp is written only when no input changed for this long. */
    static final Duration RACY = Duration.ofSeconds(3);
    private static final String HEADER = "borderlands-kg inputs stamp 1";

    private final Clock clock;

    public InputStamp() {
        this(Clock.systemUTC());
    }

    InputStamp(Clock clock) {
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /** A fingerprint and whether it was taken from the stamp (true) or computed from the files' bytes. */
    public record Result(String fingerprint, boolean fromStamp) {}

    /** The fingerprint of {@code in} (with the code), from the stamp of {@code store} when it still holds. */
    public Result fingerprint(ProjectInputs in, Path store) throws IOException {
        Path stampFile = store.resolve(FILE);
        Optional<List<String>> now = statLines(in);
        if (now.isPresent()) {
            Optional<String> kept = read(stampFile, now.get());
            if (kept.isPresent()) return new Result(kept.get(), true);
        }
        String fp = Fingerprint.of(in);
        if (now.isPresent() && settled(in, now.get())) write(stampFile, fp, now.get());
        return new Result(fp, false);
    }

    /** The stat line of every file the fingerprint reads, and of the jar; empty without POSIX attributes. */
    private static Optional<List<String>> statLines(ProjectInputs in) throws IOException {
        List<String> lines = new ArrayList<>();
        for (Path dir : List.of(in.ontologyDir(), in.dataDir(), in.qcDir())) {
            lines.add("dir " + dir.toAbsolutePath().normalize());
            for (Path f : Fingerprint.files(in, dir)) {
                Optional<String> s = stat(f);
                if (s.isEmpty()) return Optional.empty();
                lines.add(s.get());
            }
        }
        Path jar = Fingerprint.codeLocation();
        if (jar != null && Files.isRegularFile(jar)) {
            Optional<String> s = stat(jar);
            if (s.isEmpty()) return Optional.empty();
            lines.add("code " + s.get());
        } else {
            lines.add("code none");   // classes from a directory (tests): their fingerprint part is empty too
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

    private static String nanos(Object fileTime) {
        var t = ((java.nio.file.attribute.FileTime) fileTime).toInstant();
        return t.getEpochSecond() + "." + String.format("%09d", t.getNano());
    }

    /** True if no input changed within {@link #RACY} of now (a change in the same clock tick could go unseen). */
    private boolean settled(ProjectInputs in, List<String> lines) {
        long limit = clock.instant().minus(RACY).getEpochSecond();
        for (String l : lines) {
            String[] p = l.split(" ", 6);
            if (p[0].equals("dir") || l.equals("code none")) continue;
            int o = p[0].equals("code") ? 1 : 0;
            if (seconds(p[1 + o]) >= limit || seconds(p[2 + o]) >= limit) return false;
        }
        return true;
    }

    private static long seconds(String nanos) {
        return Long.parseLong(nanos.substring(0, nanos.indexOf('.')));
    }

    private static Optional<String> read(Path stampFile, List<String> now) {
        try {
            if (!Files.isRegularFile(stampFile)) return Optional.empty();
            List<String> lines = Files.readAllLines(stampFile, StandardCharsets.UTF_8);
            if (lines.size() < 2 || !lines.get(0).equals(HEADER) || !lines.get(1).startsWith("fingerprint ")) {
                return Optional.empty();
            }
            String fp = lines.get(1).substring("fingerprint ".length());
            if (!fp.matches("[0-9a-f]{64}")) return Optional.empty();
            return lines.subList(2, lines.size()).equals(now) ? Optional.of(fp) : Optional.empty();
        } catch (IOException | RuntimeException e) {
            return Optional.empty();   // unreadable: compute the fingerprint
        }
    }

    /**
     * Through a temporary file of this process and an atomic rename (not flushed to disk: a stamp lost or cut by a
     * crash fails its comparison, and the fingerprint is computed); nothing on a read-only store.
     */
    private static void write(Path stampFile, String fp, List<String> lines) {
        Path tmp = stampFile.resolveSibling(FILE + "." + ProcessHandle.current().pid() + ".tmp");
        try {
            if (!Files.isDirectory(stampFile.getParent())) return;   // no store yet: the next start writes it
            String text = Stream.concat(Stream.of(HEADER, "fingerprint " + fp), lines.stream())
                    .collect(Collectors.joining("\n", "", "\n"));
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
