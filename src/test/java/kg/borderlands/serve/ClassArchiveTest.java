package kg.borderlands.serve;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.List;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;

import static org.junit.jupiter.api.Assertions.*;

/**
 * The class archive of serve's child JVM (store/cds/): written at the first child's exit, then mapped; a missing,
 * damaged, empty or foreign archive never stops a start and prints nothing.
 */
class ClassArchiveTest {
    @TempDir
    Path tmp;

    @Test
    void theFirstChildWritesTheArchiveTheNextMapsItAndADamagedOneIsIgnored() throws Exception {
        Path jar = probeJar(tmp.resolve("probe.jar"));
        Path store = Files.createDirectories(tmp.resolve("store"));
        ClassArchive early = ClassArchive.of(store, jar);
        assertEquals("probe ran: {k=1}", run(early.jvmOptions(), jar, false, "stop-early").out());
        early.afterChild();
        assertFalse(Files.exists(early.file()), "a child that stopped before serving leaves no archive");
        try (var s = Files.list(store.resolve("cds"))) {
            assertEquals(List.of(), s.toList(), "nor any temporary file");
        }

        ClassArchive first = ClassArchive.of(store, jar);
        List<String> writing = first.jvmOptions();
        assertTrue(writing.stream().anyMatch(o -> o.startsWith("-XX:ArchiveClassesAtExit=" + store.resolve("cds"))),
                "no archive yet: the child writes one, under the store: " + writing);
        assertFalse(Files.exists(first.file()));
        assertEquals("probe ran: {k=0}", run(writing, jar, false).out());
        assertFalse(Files.exists(first.file()), "moved into place only once the child has exited");
        first.afterChild();
        assertTrue(Files.size(first.file()) > 0, "the child's archive is in place");
        try (var s = Files.list(store.resolve("cds"))) {
            assertEquals(List.of(first.file()), s.toList(), "no temporary file left");
        }

        List<String> mapping = ClassArchive.of(store, jar).jvmOptions();
        assertTrue(mapping.contains("-XX:SharedArchiveFile=" + first.file()), mapping.toString());
        assertTrue(mapping.contains("-XX:+VerifySharedSpaces"), "checked against its CRC: " + mapping);
        Result mapped = run(mapping, jar, true);
        assertTrue(mapped.out().contains("kg.borderlands.serve.ArchiveProbe source: shared objects file (top)"),
                "the probe's class comes from the archive:\n" + mapped.out().lines().filter(l -> l.contains("Probe")).toList());

        // a damaged archive (changed bytes inside, as a disk or a copy might leave it): ignored, silently
        byte[] bytes = Files.readAllBytes(first.file());
        for (int i = bytes.length / 3; i < bytes.length / 3 + 200_000 && i < bytes.length; i += 97) bytes[i] ^= 0x5a;
        first.file().toFile().setWritable(true);
        Files.write(first.file(), bytes);
        Result damaged = run(mapping, jar, false);
        assertEquals(0, damaged.code(), damaged.out());
        assertEquals("probe ran: {k=0}", damaged.out(), "starts as without an archive, and says nothing");

        for (byte[] content : List.of(new byte[0], "not an archive".getBytes(StandardCharsets.UTF_8))) {
            Files.write(first.file(), content);
            Result r = run(mapping, jar, false);
            assertEquals(0, r.code());
            assertEquals("probe ran: {k=0}", r.out());
        }
    }

    @Test
    void aNewJarOrRuntimeHasItsOwnArchiveAndOldOnesAreRemoved() throws Exception {
        Path jar = probeJar(tmp.resolve("probe.jar"));
        Path store = Files.createDirectories(tmp.resolve("store"));
        ClassArchive before = ClassArchive.of(store, jar);
        Files.setLastModifiedTime(jar, FileTime.fromMillis(Files.getLastModifiedTime(jar).toMillis() - 60_000));
        ClassArchive after = ClassArchive.of(store, jar);
        assertNotEquals(before.file(), after.file(), "another jar (its time changed): another key");

        Files.createDirectories(store.resolve("cds"));
        Files.writeString(before.file(), "old");
        Path deadChildsTmp = store.resolve("cds").resolve(after.file().getFileName() + "." + deadPid() + ".tmp");
        Files.writeString(deadChildsTmp, "half");
        Path pending = store.resolve("cds").resolve(after.file().getFileName() + "." + ProcessHandle.current().pid() + ".tmp");
        Files.writeString(pending, "new archive");
        Files.writeString(pending.resolveSibling(pending.getFileName() + ".served"), "");
        after.afterChild();
        assertEquals("new archive", Files.readString(after.file()));
        assertFalse(Files.exists(before.file()), "the old jar's archive is removed");
        assertFalse(Files.exists(deadChildsTmp), "a dead child's half-written archive is removed");
        assertFalse(Files.exists(pending));
    }

    @Test
    void loadsAndServesArchivesLiveSideBySide() throws Exception {
        Path jar = probeJar(tmp.resolve("probe.jar"));
        Path store = Files.createDirectories(tmp.resolve("store"));
        ClassArchive serve = ClassArchive.of(store, jar);
        ClassArchive load = ClassArchive.forLoad(store, jar);
        assertNotEquals(serve.file(), load.file());
        assertTrue(load.file().getFileName().toString().startsWith("load-"), load.file().toString());
        Files.createDirectories(store.resolve("cds"));
        Files.writeString(serve.file(), "serve's");
        Files.writeString(load.file(), "load's");
        Path oldLoad = store.resolve("cds/load-0123456789abcdef01234567.jsa");
        Path oldServe = store.resolve("cds/0123456789abcdef01234567.jsa");
        Files.writeString(oldLoad, "an older jar's");
        Files.writeString(oldServe, "an older jar's");
        serve.afterChild();
        assertTrue(Files.exists(load.file()), "serve keeps load's archive");
        assertTrue(Files.exists(oldLoad), "and leaves load's stale ones to load");
        assertFalse(Files.exists(oldServe), "its own stale one goes");
        load.afterChild();
        assertTrue(Files.exists(serve.file()), "load keeps serve's archive");
        assertFalse(Files.exists(oldLoad), "its own stale one goes");
        List<String> options = ClassArchive.forLoad(store, jar).jvmOptions();
        assertTrue(options.contains("-XX:SharedArchiveFile=" + load.file()), options.toString());
    }

    @Test
    void noStoreYetNoArchiveAndNoDirectoryMade() throws Exception {
        Path jar = probeJar(tmp.resolve("probe.jar"));
        Path store = tmp.resolve("not-built-yet");
        assertEquals(List.of(), ClassArchive.of(store, jar).jvmOptions());
        assertFalse(Files.exists(store), "a command line with a mistake in it must leave nothing behind");
    }

    @Test
    void aStoreThatCannotBeWrittenGetsNoArchiveOptions() throws Exception {
        Path jar = probeJar(tmp.resolve("probe.jar"));
        Path store = tmp.resolve("store-ro");
        Files.createDirectories(store);
        assertTrue(store.toFile().setWritable(false));
        try {
            if (Files.isWritable(store)) return;   // running as a user who can write anyway (root)
            assertEquals(List.of(), ClassArchive.of(store, jar).jvmOptions());
        } finally {
            store.toFile().setWritable(true);
        }
    }

    private static long deadPid() throws Exception {
        Process p = new ProcessBuilder(javaBin(), "-version").redirectErrorStream(true).start();
        p.getInputStream().readAllBytes();
        p.waitFor();
        return p.pid();
    }

    private record Result(int code, String out) {}

    private static Result run(List<String> options, Path jar, boolean logClassLoading, String... args) throws Exception {
        List<String> cmd = new ArrayList<>(List.of(javaBin(), "-Xshare:auto"));
        cmd.addAll(options);
        if (logClassLoading) cmd.add("-Xlog:class+load=info");
        cmd.addAll(List.of("-jar", jar.toString()));
        cmd.addAll(List.of(args));
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
        return new Result(p.waitFor(), out);
    }

    private static String javaBin() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    /** A jar holding {@link ArchiveProbe} as its main class (CDS archives classes from jars only). */
    private static Path probeJar(Path jar) throws IOException {
        Manifest mf = new Manifest();
        mf.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
        mf.getMainAttributes().put(Attributes.Name.MAIN_CLASS, ArchiveProbe.class.getName());
        String entry = ArchiveProbe.class.getName().replace('.', '/') + ".class";
        try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(jar), mf);
             var in = ArchiveProbe.class.getClassLoader().getResourceAsStream(entry)) {
            out.putNextEntry(new JarEntry(entry));
            in.transferTo(out);
            out.closeEntry();
        }
        return jar;
    }
}
