package kg.borderlands.load;

import kg.borderlands.support.Cli;
import kg.borderlands.support.TestProject;
import org.apache.jena.query.DatasetFactory;
import org.apache.jena.query.QueryExecution;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.system.Txn;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.*;

/**
 * Store integrity (issue 8, item 6) and read commands that never build (item 7), each failure with its exact
 * message and exit code (docs/errors.md). Uses the minimal fixture, built in this JVM.
 */
class StoreIntegrityTest {
    private static final String ASK_TTP = "ASK { bkr:ttp blk:pledgedAllegianceTo bkr:afghan-taliban }";

    @TempDir
    Path tmp;
    private Path data;
    private Path store;

    @BeforeEach
    void buildGoodStore() {
        data = tmp.resolve("data");
        store = tmp.resolve("store");
        TestProject.copyTree(TestProject.root().resolve("src/test/resources/fixtures/minimal/data"), data);
        Cli.Run r = load();
        assertEquals(0, r.code(), r.err());
    }

    // --- damaged builds ---------------------------------------------------------------------------------

    @Test
    void aTruncatedDatabaseFileIsRefusedByReadersAndRebuiltByLoad() throws IOException {
        Path build = currentBuild();
        String name = build.getFileName().toString();
        Path nodes = build.resolve("tdb/Data-0001/nodes-data.obj");
        long size = Files.size(nodes);
        try (RandomAccessFile f = new RandomAccessFile(nodes.toFile(), "rw")) {
            f.setLength(size / 2);
        }

        for (List<String> reader : List.of(List.of("query", "-q", ASK_TTP), List.of("export", "--format", "nt"),
                List.of("network", "stats"))) {
            Cli.Run q = read(reader);
            assertEquals(3, q.code(), reader + ": " + q.err());
            assertEquals("error: BKG-E202 the store's build " + name + " file tdb/Data-0001/nodes-data.obj is "
                    + (size / 2) + " bytes, its manifest says " + size + "; run 'load' to rebuild it", q.errLine());
        }

        Cli.Run l = load();
        assertEquals(0, l.code(), l.err());
        assertTrue(l.out().startsWith("built "), "load must rebuild, not say up to date: " + l.out());
        assertTrue(l.err().contains("warning: BKG-E202 the store's build " + name + " file tdb/Data-0001/nodes-data.obj is "
                + (size / 2) + " bytes, its manifest says " + size + "; rebuilding it"), l.err());
        assertNotEquals(name, currentBuild().getFileName().toString());
        assertEquals("true", query(ASK_TTP));
    }

    @Test
    void aChangedByteOfTheSameSizeIsRefused() throws IOException {
        Path build = currentBuild();
        Path dump = build.resolve(BuildDump.FILE);
        byte[] bytes = Files.readAllBytes(dump);
        bytes[bytes.length / 2] ^= 0x01;
        Files.write(dump, bytes);
        Cli.Run q = read(List.of("query", "-q", ASK_TTP));
        assertEquals(3, q.code(), q.err());
        assertEquals("error: BKG-E202 the store's build " + build.getFileName() + " file dump.nq.gz does not match its "
                + "SHA-256 checksum; run 'load' to rebuild it", q.errLine());
    }

    @Test
    void aChangedByteInTheDatabaseIsRefusedByTheServerAndRebuiltByLoad() throws IOException {
        Path build = currentBuild();
        Path nodes = build.resolve("tdb/Data-0001/nodes-data.obj");
        byte[] bytes = Files.readAllBytes(nodes);
        bytes[bytes.length / 3] ^= 0x20;
        Files.write(nodes, bytes);
        StoreException e = assertThrows(StoreException.class, () -> new StoreManager(store).open());
        assertEquals(StoreException.Kind.DAMAGED, e.kind());
        assertEquals("BKG-E202 the store's build " + build.getFileName() + " file tdb/Data-0001/nodes-data.obj does not "
                + "match its SHA-256 checksum; run 'load' to rebuild it", e.getMessage());
        Cli.Run l = load();
        assertEquals(0, l.code(), l.err());
        assertTrue(l.out().startsWith("built "), l.out());
    }

    @Test
    void aServerStartingOnATruncatedDatabaseRebuildsItBeforeAnswering() throws Exception {
        Path build = currentBuild();
        Path nodes = build.resolve("tdb/Data-0001/nodes-data.obj");
        try (RandomAccessFile f = new RandomAccessFile(nodes.toFile(), "rw")) {
            f.setLength(Files.size(nodes) / 2);
        }
        Process server = startServer();
        try {
            List<String> out = linesUntilServing(server);
            assertTrue(out.stream().anyMatch(l -> l.startsWith("built ")), "serve rebuilt the store before serving: " + out);
            assertNotEquals(build.getFileName().toString(), currentBuild().getFileName().toString());
            assertTrue(server.isAlive());
        } finally {
            stop(server);
        }
    }

    @Test
    void aChangedByteFoundWhileServingStopsTheServerAndTheNextLoadRebuilds() throws Exception {
        Path build = currentBuild();
        Path nodes = build.resolve("tdb/Data-0001/nodes-data.obj");
        byte[] bytes = Files.readAllBytes(nodes);
        bytes[bytes.length / 3] ^= 0x20;
        Files.write(nodes, bytes);
        // the sizes are right, so serve starts on the build; the digests, verified in the background, are not
        Process server = startServer();
        try {
            List<String> out = linesUntilServing(server);
            assertTrue(out.stream().anyMatch(l -> l.startsWith("reusing ")), out.toString());
            assertTrue(server.waitFor(60, java.util.concurrent.TimeUnit.SECONDS), "the server stops once it finds the damage");
            assertEquals(3, server.exitValue());
        } finally {
            stop(server);
        }
        String err = Files.readString(tmp.resolve("serve.err"));
        assertTrue(err.contains("BKG-E202 the store's build " + build.getFileName() + " file tdb/Data-0001/nodes-data.obj "
                + "does not match its SHA-256 checksum"), err);
        assertTrue(Files.exists(build.resolve(BuildChecksums.DAMAGED)), "the build is marked damaged");
        StoreException e = assertThrows(StoreException.class, () -> BuildChecksums.verify(build, BuildChecksums.Scope.SIZES));
        assertTrue(e.getMessage().contains("was found damaged while served"), e.getMessage());
        Cli.Run l = load();
        assertEquals(0, l.code(), l.err());
        assertTrue(l.out().startsWith("built "), l.out());
        assertEquals("true", query(ASK_TTP));
    }

    private Process startServer() throws IOException {
        return Cli.start(tmp.resolve("serve.err"), Cli.args(List.of("serve", "--port", "0", "--reload-interval", "0",
                "--store", store.toString(), "--queries", TestProject.root().resolve("queries").toString()), Cli.inputs(data)));
    }

    private List<String> linesUntilServing(Process server) throws IOException {
        java.io.BufferedReader r = new java.io.BufferedReader(new java.io.InputStreamReader(server.getInputStream(), StandardCharsets.UTF_8));
        List<String> lines = new java.util.ArrayList<>();
        String line;
        while ((line = r.readLine()) != null) {
            lines.add(line);
            if (line.startsWith("serving ")) return lines;
        }
        fail("the server did not start: " + lines + " " + Files.readString(tmp.resolve("serve.err")));
        return lines;
    }

    private static void stop(Process server) throws InterruptedException {
        server.destroy();
        if (!server.waitFor(20, java.util.concurrent.TimeUnit.SECONDS)) server.destroyForcibly().waitFor();
    }

    @Test
    void aBuildWithoutItsManifestIsRefused() throws IOException {
        Path build = currentBuild();
        Files.delete(build.resolve(BuildManifest.FILE));
        Cli.Run q = read(List.of("query", "-q", ASK_TTP));
        assertEquals(3, q.code(), q.err());
        assertEquals("error: BKG-E202 build " + build.getFileName() + " has no manifest.json (an unfinished or "
                + "foreign build); run 'load' to rebuild", q.errLine());
    }

    @Test
    void servingTheDatabaseChangesNoChecksummedFile() throws IOException {
        StoreManager sm = new StoreManager(store);
        DatasetGraph dsg = sm.open();
        try {
            assertTrue(Txn.calculateRead(dsg, () -> {
                try (QueryExecution qe = QueryExecution.dataset(DatasetFactory.wrap(dsg)).query(
                        "ASK { <https://w3id.org/borderlands-kg/id/ttp> ?p ?o }").build()) {
                    return qe.execAsk();
                }
            }));
            // while open, and after closing: a fresh manager verifies from scratch
            assertDoesNotThrow(() -> BuildChecksums.verify(currentBuild()));
        } finally {
            StoreManager.close(dsg);
        }
        assertDoesNotThrow(() -> BuildChecksums.verify(currentBuild()));
    }

    // --- inputs ------------------------------------------------------------------------------------------

    @Test
    void anEmptyDataDirectoryIsAnErrorNotAnEmptyBuild() throws IOException {
        String before = currentName();
        Path empty = Files.createDirectories(tmp.resolve("empty"));
        Cli.Run r = Cli.run(Cli.args(List.of("load", "--store", store.toString()), Cli.inputs(empty)));
        assertEquals(2, r.code(), r.err());
        assertEquals("error: BKG-E205 the data directory " + empty + " has no data files (.yaml); nothing to build "
                + "(set it with --data DIR)", r.errLine());
        assertEquals(before, currentName());
    }

    @Test
    void aMissingQualityCheckDirectoryIsAnErrorNotSkippedChecks() throws IOException {
        String before = currentName();
        Path missing = tmp.resolve("no-qc");
        Path root = TestProject.root();
        for (String cmd : List.of("load", "validate")) {
            Cli.Run r = Cli.run(cmd, "--store", store.toString(), "--ontology", root.resolve("ontology").toString(),
                    "--data", data.toString(), "--qc", missing.toString());
            assertEquals(2, r.code(), cmd + ": " + r.err());
            assertEquals("error: BKG-E205 the quality-check directory " + missing + " does not exist (set it with --qc DIR)",
                    r.errLine());
        }
        assertEquals(before, currentName());
    }

    // --- concurrency, leftovers, leases ------------------------------------------------------------------

    @Test
    void aSecondLoadWaitsForTheFirstOrSaysWhoHoldsTheStore() throws Exception {
        long pid = ProcessHandle.current().pid();
        try (StoreLock held = StoreLock.acquire(store.toAbsolutePath(), Duration.ZERO, s -> {})) {
            Cli.Run busy = load("--wait", "0");
            assertEquals(3, busy.code(), busy.err());
            assertEquals("error: BKG-E203 another load (pid " + pid + ") is building the store "
                    + store.toAbsolutePath() + "; try again when it has finished", busy.errLine());

            Thread release = new Thread(() -> {
                try {
                    Thread.sleep(800);
                    held.close();
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            });
            release.start();
            Cli.Run waited = load("--wait", "30");
            release.join();
            assertEquals(0, waited.code(), waited.err());
            assertEquals("waiting for the load of pid " + pid + " to finish building " + store.toAbsolutePath() + " …",
                    waited.errLine());
            assertTrue(waited.out().startsWith("store is up to date"), waited.out());
        }
    }

    @Test
    void aLockLeftByADeadLoadIsRecognised() throws Exception {
        Process p = new ProcessBuilder("true").start();
        p.waitFor();
        long dead = p.pid();
        Files.writeString(store.resolve(StoreLock.FILE), dead + "\n");
        Cli.Run r = load();
        assertEquals(0, r.code(), r.err());
        assertEquals("note: a previous load (pid " + dead + ") stopped before it finished; its leftovers are removed",
                r.errLine());
    }

    @Test
    void leftoversAreRemovedLeasedAndCurrentBuildsKept() throws Exception {
        Path builds = store.resolve(StoreManager.BUILDS);
        String first = currentName();
        // a killed load leaves a marked build and a build without manifest
        Path marked = Files.createDirectories(builds.resolve("20990101T000000.000Z-deadbeef/tdb"));
        Files.writeString(marked.getParent().resolve(StoreManager.INCOMPLETE), "1\n");
        Path bare = Files.createDirectories(builds.resolve("20000101T000000.000Z-deadbeef/tdb"));
        // a live server (this JVM) leases the first build; a dead one leases nothing that exists
        Path leases = Files.createDirectories(store.resolve(Leases.DIR));
        Files.writeString(leases.resolve(ProcessHandle.current().pid() + ".json"),
                "{\"pid\": " + ProcessHandle.current().pid() + ", \"build\": \"" + first + "\", \"url\": \"http://localhost:1/kg\"}");
        Process p = new ProcessBuilder("true").start();
        p.waitFor();
        Path deadLease = leases.resolve(p.pid() + ".json");
        Files.writeString(deadLease, "{\"pid\": " + p.pid() + ", \"build\": \"gone\", \"url\": \"http://localhost:1/kg\"}");

        for (int i = 0; i < 3; i++) {
            Cli.Run r = load("--force");
            assertEquals(0, r.code(), r.err());
            if (i == 0) {
                assertTrue(r.err().contains("note: removing 20990101T000000.000Z-deadbeef, left unfinished by a load that was stopped"), r.err());
                assertTrue(r.err().contains("note: removing 20000101T000000.000Z-deadbeef, left unfinished by a load that was stopped"), r.err());
                assertTrue(r.err().contains("note: removed the lease of process " + p.pid() + ", which is no longer running"), r.err());
            }
        }
        assertFalse(Files.exists(marked.getParent()));
        assertFalse(Files.exists(bare.getParent()));
        assertFalse(Files.exists(deadLease));
        Set<String> left = buildNames();
        String current = currentName();
        assertTrue(left.contains(first), "the leased build is kept: " + left);
        assertTrue(left.contains(current), "the current build is kept: " + left);
        assertEquals(3, left.size(), "leased, current and the one before it: " + left);
        assertDoesNotThrow(() -> BuildChecksums.verify(builds.resolve(first)));

        Files.delete(leases.resolve(ProcessHandle.current().pid() + ".json"));
        assertEquals(0, load("--force").code());
        assertFalse(buildNames().contains(first), "without its lease the old build goes");
        assertEquals(2, buildNames().size(), buildNames().toString());
    }

    @Test
    void aReadOnlyStoreServesReadersAndRefusesToBuild() throws Exception {
        try (ReadOnly ro = ReadOnly.make(store)) {
            Cli.Run q = read(List.of("query", "-q", ASK_TTP));
            assertEquals(0, q.code(), q.err());
            Cli.Run same = load();
            assertEquals(0, same.code(), same.err());
            assertTrue(same.out().startsWith("store is up to date"), same.out());

            Cli.Run r = load("--force");
            assertEquals(3, r.code(), r.err());
            assertTrue(r.errLine().startsWith("error: BKG-E204 the store " + store.toAbsolutePath() + " cannot be written ("),
                    r.errLine());
            assertTrue(r.errLine().endsWith("); give a writable --store DIR"), r.errLine());
            assertEquals(1, r.err().strip().lines().count(), r.err());
        }
    }

    // --- read commands never build --------------------------------------------------------------------------

    @Test
    void readersOnAnAbsentStoreSaySoAndCreateNothing() {
        Path none = tmp.resolve("never-built");
        for (List<String> reader : List.of(List.of("query", "-q", ASK_TTP), List.of("export", "--format", "ttl"),
                List.of("network", "stats"), List.of("link", "void"))) {
            Cli.Run r = Cli.run(Cli.args(reader, List.of("--store", none.toString()), Cli.inputs(data)));
            assertEquals(3, r.code(), reader + ": " + r.err());
            assertEquals("error: BKG-E201 no build has been published in the store " + none + "; run 'load' first",
                    r.errLine());
        }
        assertFalse(Files.exists(none), "a read command must not create the store");
    }

    @Test
    void readersAnswerFromThePublishedBuildAndWarnWhenTheInputsChanged() throws IOException {
        String before = currentName();
        Set<String> buildsBefore = buildNames();
        Path core = data.resolve("core.yaml");
        Files.writeString(core, Files.readString(core).replace("object: afghan-taliban", "object: ttp-self-typo"));

        Cli.Run r = read(List.of("query", "-q", ASK_TTP));
        assertEquals(0, r.code(), r.err());
        assertEquals("warning: BKG-W201 the store's build " + before + " was made from other inputs (or another "
                + "version of borderlands-kg) than " + data + "; answering from it as published (run 'load' to rebuild)",
                r.errLine());
        assertEquals("true", query(ASK_TTP), "the answer comes from the published build");
        assertEquals(before, currentName(), "CURRENT must not move");
        assertEquals(buildsBefore, buildNames(), "no build was made");
    }

    @Test
    void aFileGeneratedIntoTheInputsIsNeverMadeFromAStaleBuild() throws IOException {
        Path core = data.resolve("core.yaml");
        Files.writeString(core, Files.readString(core).replace("label: Afghan Taliban", "label: Afghan Taliban movement"));
        Path out = tmp.resolve("mappings.sssom.tsv");
        Cli.Run r = read(List.of("link", "sssom", "--out", out.toString()));
        assertEquals(3, r.code(), r.err());
        assertEquals("error: BKG-E207 the store's build " + currentName() + " was made from other inputs than " + data
                + "; run 'load' first", r.errLine());
        assertFalse(Files.exists(out));
        assertEquals(0, load().code());
        assertEquals(0, read(List.of("link", "sssom", "--out", out.toString())).code());
        assertTrue(Files.exists(out));
    }

    @Test
    void filesTheBuildDoesNotReadDoNotMakeItStale() throws IOException {
        Files.createDirectories(data.resolve("mappings"));
        Files.writeString(data.resolve("mappings/borderlands-kg.sssom.tsv"), "# generated\n");
        Files.writeString(data.resolve("NOTES.txt"), "notes\n");
        Cli.Run r = read(List.of("query", "-q", ASK_TTP));
        assertEquals(0, r.code(), r.err());
        assertEquals("", r.err());
        assertTrue(load().out().startsWith("store is up to date"));
    }

    // --- helpers -----------------------------------------------------------------------------------------

    private Cli.Run load(String... more) {
        return Cli.run(Cli.args(List.of("load", "--store", store.toString()), Cli.inputs(data), List.of(more)));
    }

    private Cli.Run read(List<String> command) {
        return Cli.run(Cli.args(command, List.of("--store", store.toString()), Cli.inputs(data)));
    }

    /** Runs a query (CSV) and returns its output, which the command writes to System.out. */
    private String query(String sparql) {
        PrintStream old = System.out;
        ByteArrayOutputStream buf = new ByteArrayOutputStream();
        System.setOut(new PrintStream(buf, true, StandardCharsets.UTF_8));
        try {
            Cli.Run r = read(List.of("query", "--format", "csv", "-q", sparql));
            assertEquals(0, r.code(), r.err());
        } finally {
            System.setOut(old);
        }
        return buf.toString(StandardCharsets.UTF_8).strip();
    }

    private String currentName() throws IOException {
        return Files.readString(store.resolve(StoreManager.CURRENT)).strip();
    }

    private Path currentBuild() throws IOException {
        return store.resolve(StoreManager.BUILDS).resolve(currentName());
    }

    private Set<String> buildNames() throws IOException {
        try (Stream<Path> s = Files.list(store.resolve(StoreManager.BUILDS))) {
            return s.map(p -> p.getFileName().toString()).collect(Collectors.toSet());
        }
    }
}
