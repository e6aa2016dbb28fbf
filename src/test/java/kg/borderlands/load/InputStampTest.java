package kg.borderlands.load;

import kg.borderlands.support.Cli;
import kg.borderlands.support.TestProject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;

import static org.junit.jupiter.api.Assertions.*;

/**
 * The inputs' fingerprint taken from {@code store/inputs.stamp} when no input file's stat line changed, computed
 * from the bytes otherwise; and what a load decides from it: same inputs reuse the build, a changed input rebuilds,
 * a touched file (new times, same bytes) still reuses.
 */
class InputStampTest {
    @TempDir
    Path tmp;
    private Path data;
    private Path store;
    private Path core;
    private ProjectInputs inputs;
    /** A clock well after every file was written: the stamp is not held back as "racy". */
    private final InputStamp stamp = new InputStamp(Clock.fixed(Instant.now().plus(Duration.ofHours(1)), ZoneOffset.UTC));

    @BeforeEach
    void project() throws IOException {
        data = tmp.resolve("data");
        store = tmp.resolve("store");
        TestProject.copyTree(TestProject.root().resolve("src/test/resources/fixtures/minimal/data"), data);
        core = data.resolve("core.yaml");
        Files.createDirectories(store);
        Path root = TestProject.root();
        inputs = new ProjectInputs(root.resolve("ontology"), data, root.resolve("queries/qc"));
    }

    @Test
    void unchangedInputsAreTakenFromTheStampWithoutReadingThem() throws IOException {
        InputStamp.Result first = stamp.fingerprint(inputs, store);
        assertFalse(first.fromStamp(), "no stamp yet: computed");
        assertEquals(Fingerprint.of(inputs), first.fingerprint());
        assertTrue(Files.isRegularFile(store.resolve(InputStamp.FILE)));
        InputStamp.Result second = stamp.fingerprint(inputs, store);
        assertEquals(new InputStamp.Result(first.fingerprint(), true), second);
    }

    @Test
    void aChangedFileOfTheSameSizeIsReadAgainAndChangesTheFingerprint() throws IOException {
        String before = stamp.fingerprint(inputs, store).fingerprint();
        String text = Files.readString(core, StandardCharsets.UTF_8);
        Files.writeString(core, text.replace("label: Afghan Taliban", "label: Afghan Talibam"), StandardCharsets.UTF_8);
        InputStamp.Result after = stamp.fingerprint(inputs, store);
        assertFalse(after.fromStamp());
        assertNotEquals(before, after.fingerprint());
        assertEquals(Fingerprint.of(inputs), after.fingerprint());
    }

    @Test
    void aRewriteThatRestoresTheOldModificationTimeIsStillSeen() throws IOException {
        FileTime old = FileTime.from(Instant.parse("2026-01-01T00:00:00Z"));
        Files.setLastModifiedTime(core, old);
        String before = stamp.fingerprint(inputs, store).fingerprint();
        String text = Files.readString(core, StandardCharsets.UTF_8);
        Files.writeString(core, text.replace("founded: \"2007\"", "founded: \"2008\""), StandardCharsets.UTF_8);
        Files.setLastModifiedTime(core, old);   // same size, same mtime: only the ctime (and bytes) differ
        InputStamp.Result after = stamp.fingerprint(inputs, store);
        assertFalse(after.fromStamp(), "the status-change time tells");
        assertNotEquals(before, after.fingerprint());
    }

    @Test
    void aTouchedFileIsReadAgainAndKeepsItsFingerprint() throws IOException {
        String before = stamp.fingerprint(inputs, store).fingerprint();
        Files.setLastModifiedTime(core, FileTime.from(Instant.now().minus(Duration.ofDays(3))));
        InputStamp.Result after = stamp.fingerprint(inputs, store);
        assertEquals(new InputStamp.Result(before, false), after, "new stat line, same bytes: same fingerprint");
        assertTrue(stamp.fingerprint(inputs, store).fromStamp(), "and the stamp is renewed");
    }

    @Test
    void anAddedOrRemovedFileOrAnotherDataDirectoryIsSeen() throws IOException {
        String before = stamp.fingerprint(inputs, store).fingerprint();
        Path added = data.resolve("more.yaml");
        Files.writeString(added, "places: []\n");
        assertFalse(stamp.fingerprint(inputs, store).fromStamp(), "a file added");
        Files.delete(added);
        assertFalse(stamp.fingerprint(inputs, store).fromStamp(), "a file removed");
        Path copy = tmp.resolve("data-copy");
        TestProject.copyTree(data, copy);
        ProjectInputs other = new ProjectInputs(inputs.ontologyDir(), copy, inputs.qcDir());
        InputStamp.Result r = stamp.fingerprint(other, store);
        assertFalse(r.fromStamp(), "another data directory");
        assertEquals(before, r.fingerprint(), "with the same bytes");
    }

    @Test
    void aStampOfFilesChangedJustNowVouchesForNone() throws IOException {
        InputStamp now = new InputStamp();   // the files were copied a moment ago: within the racy window
        assertFalse(now.fingerprint(inputs, store).fromStamp());
        // a change in the same clock tick could go unseen: no digest is kept for them, they are read again
        List<String> lines = Files.readAllLines(store.resolve(InputStamp.FILE));
        assertTrue(lines.stream().skip(2).filter(l -> l.contains(data.toString()))
                .allMatch(l -> l.startsWith("- ")), String.join("\n", lines));
        assertFalse(now.fingerprint(inputs, store).fromStamp());
        assertEquals(Fingerprint.of(inputs), now.fingerprint(inputs, store).fingerprint());
    }

    @Test
    void onlyTheFilesWhoseStatLineChangedAreReadAgain() throws IOException {
        String before = stamp.fingerprint(inputs, store).fingerprint();
        // the stamp's digest of one file is replaced (its stat line kept): if that file is read again, the
        // fingerprint is the true one; if its digest is taken from the stamp, it is not
        Path other = Fingerprint.files(inputs, data).stream().filter(f -> !f.equals(core)).findFirst().orElseThrow();
        Path file = store.resolve(InputStamp.FILE);
        List<String> lines = new java.util.ArrayList<>(Files.readAllLines(file));
        int at = -1;
        for (int i = 2; i < lines.size(); i++) if (lines.get(i).endsWith(" " + other.toAbsolutePath().normalize())) at = i;
        assertTrue(at > 0, "a line for " + other);
        lines.set(at, "0".repeat(64) + lines.get(at).substring(64));
        Files.write(file, lines);
        assertEquals(new InputStamp.Result(before, true), stamp.fingerprint(inputs, store), "nothing changed: the stamp's fingerprint");

        String text = Files.readString(core, StandardCharsets.UTF_8);
        Files.writeString(core, text.replace("label: Afghan Taliban", "label: Afghan Talibam"), StandardCharsets.UTF_8);
        InputStamp.Result after = stamp.fingerprint(inputs, store);
        assertFalse(after.fromStamp());
        assertNotEquals(Fingerprint.of(inputs), after.fingerprint(), "the unchanged file's digest came from the stamp");
    }

    @Test
    void aDamagedStampIsIgnored() throws IOException {
        String fp = stamp.fingerprint(inputs, store).fingerprint();
        Path file = store.resolve(InputStamp.FILE);
        List<String> lines = Files.readAllLines(file);
        Files.write(file, lines.subList(0, lines.size() / 2));
        assertEquals(new InputStamp.Result(fp, false), stamp.fingerprint(inputs, store), "cut short");
        Files.writeString(file, "garbage\n");
        assertEquals(new InputStamp.Result(fp, false), stamp.fingerprint(inputs, store));
        Files.delete(file);
        Files.createDirectory(file);   // not even a file
        assertEquals(new InputStamp.Result(fp, false), stamp.fingerprint(inputs, store));
    }

    @Test
    void loadReusesForTheSameBytesAndRebuildsForAChange() throws IOException {
        assertEquals(0, load().code());
        String first = currentBuild();
        Cli.Run same = load();
        assertEquals(0, same.code(), same.err());
        assertTrue(same.out().contains("up to date"), same.out());
        assertEquals(first, currentBuild());

        Files.setLastModifiedTime(core, FileTime.from(Instant.now().minus(Duration.ofDays(1))));
        Cli.Run touched = load();
        assertTrue(touched.out().contains("up to date"), "touched, same bytes: reused\n" + touched.out());
        assertEquals(first, currentBuild());

        String text = Files.readString(core, StandardCharsets.UTF_8);
        Files.writeString(core, text.replace("label: Afghan Taliban", "label: Afghan Talibam"), StandardCharsets.UTF_8);
        Cli.Run changed = load();
        assertEquals(0, changed.code(), changed.err());
        assertNotEquals(first, currentBuild(), "a changed input is a new build");
    }

    private Cli.Run load() {
        return Cli.run(Cli.args(List.of("load", "--store", store.toString()), Cli.inputs(data)));
    }

    private String currentBuild() throws IOException {
        return Files.readString(store.resolve(StoreManager.CURRENT)).trim();
    }
}
