package kg.borderlands.load;

import kg.borderlands.support.Cli;
import kg.borderlands.support.TestProject;
import org.apache.jena.query.DatasetFactory;
import org.apache.jena.query.QueryExecution;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.system.Txn;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.*;

/**
 * {@code kill -9} of {@code load} at 20 instants spread over a build (issue 8): half spread over the whole run,
 * half over the writing of the new build (from its directory's appearance to the end). After every kill the
 * build in service (leased, held open as {@code serve} holds it) still answers and verifies, {@code CURRENT}
 * names a build that verifies and answers, and the next {@code load} cleans up and succeeds.
 */
class LoadCrashTest {
    private static final String ASK = "ASK { <https://w3id.org/borderlands-kg/id/ttp> "
            + "<https://w3id.org/borderlands-kg/ontology#pledgedAllegianceTo> <https://w3id.org/borderlands-kg/id/afghan-taliban> }";
    private static final int KILLS = 20;

    @TempDir
    Path tmp;

    @Test
    void killingLoadAtAnyInstantNeverHarmsWhatIsServed() throws Exception {
        Path data = tmp.resolve("data");
        Path store = tmp.resolve("store");
        TestProject.copyTree(TestProject.root().resolve("src/test/resources/fixtures/minimal/data"), data);
        String[] load = Cli.args(List.of("load", "--force", "--store", store.toString()), Cli.inputs(data));
        assertEquals(0, Cli.run(load).code());

        StoreManager sm = new StoreManager(store);
        Path served = sm.published();
        Path leases = Files.createDirectories(store.resolve(Leases.DIR));
        long me = ProcessHandle.current().pid();
        Files.writeString(leases.resolve(me + ".json"), "{\"pid\": " + me + ", \"build\": \""
                + served.getFileName() + "\", \"url\": \"http://localhost:1/kg\"}");
        DatasetGraph serving = sm.open(served);
        try {
            // Calibration: when does the new build's directory appear, when does the load end?
            long[] phases = timeOneLoad(store, load);
            long dirAt = phases[0];
            long writeSpan = Math.max(phases[1] - phases[0], 10);

            int killedWhileWriting = 0;
            List<String> log = new ArrayList<>();
            for (int i = 0; i < KILLS; i++) {
                Set<String> before = buildNames(store);
                Process p = Cli.start(tmp.resolve("load-" + i + ".err"), load);
                long start = System.nanoTime();
                boolean writing;
                if (i < KILLS / 2) {
                    sleepUntil(start, dirAt * (i + 1) / (KILLS / 2 + 1));
                } else {
                    waitForNewBuild(store, before, p);
                    sleepUntil(System.nanoTime(), writeSpan * (i - KILLS / 2) / (KILLS / 2));
                }
                writing = buildNames(store).stream().anyMatch(n -> !before.contains(n)
                        && Files.exists(store.resolve("builds").resolve(n).resolve(StoreManager.INCOMPLETE)));
                p.destroyForcibly();
                int code = p.waitFor();
                if (writing && code != 0) killedWhileWriting++;
                log.add(i + ": " + (code == 0 ? "finished before the kill" : writing ? "killed while writing" : "killed"));

                assertTrue(ask(serving), "the build in service answers after kill " + i);
                assertDoesNotThrow(() -> BuildChecksums.verify(served), "the build in service is intact after kill " + i);
                StoreManager fresh = new StoreManager(store);
                try (StoreManager.PublishedBuild b = fresh.readPublished()) {
                    assertTrue(ask(b.dataset()), "the published build answers after kill " + i);
                }
            }
            System.out.println("LoadCrashTest: calibration " + dirAt / 1_000_000 + " ms to the new build's directory, "
                    + writeSpan / 1_000_000 + " ms writing; " + log);
            assertTrue(killedWhileWriting >= 3, "at least 3 kills must land while a build is being written: " + log);

            Cli.Run after = Cli.run(load);
            assertEquals(0, after.code(), after.err());
            for (String n : buildNames(store)) {
                Path b = store.resolve("builds").resolve(n);
                assertFalse(Files.exists(b.resolve(StoreManager.INCOMPLETE)), "leftover " + n + " after: " + after.err());
                assertDoesNotThrow(() -> BuildChecksums.verify(b), "every build left verifies: " + n);
            }
            Set<String> left = buildNames(store);
            assertTrue(left.contains(served.getFileName().toString()), "the leased build is kept: " + left);
            assertTrue(left.size() <= 3, "leased, current and the one before it: " + left);
        } finally {
            StoreManager.close(serving);
        }
    }

    @Test
    void aSecondLoadFromAnotherProcessIsToldWhoHoldsTheStore() throws Exception {
        Path data = tmp.resolve("data");
        Path store = tmp.resolve("store");
        TestProject.copyTree(TestProject.root().resolve("src/test/resources/fixtures/minimal/data"), data);
        String[] load = Cli.args(List.of("load", "--force", "--store", store.toString()), Cli.inputs(data));
        Process first = Cli.start(tmp.resolve("first.err"), load);
        try {
            Path lock = store.resolve(StoreLock.FILE);
            String pid = String.valueOf(first.pid());
            while (first.isAlive() && !(Files.exists(lock) && Files.readString(lock).strip().equals(pid))) Thread.sleep(5);
            assertTrue(first.isAlive(), "the first load is still building");
            Cli.Run second = Cli.run(Cli.args(List.of("load", "--wait", "0", "--store", store.toString()), Cli.inputs(data)));
            assertEquals(3, second.code(), second.err());
            assertEquals("error: BKG-E203 another load (pid " + pid + ") is building the store " + store.toAbsolutePath()
                    + "; try again when it has finished", second.errLine());
            Cli.Run third = Cli.run(Cli.args(List.of("load", "--wait", "120", "--store", store.toString()), Cli.inputs(data)));
            assertEquals(0, third.code(), third.err());
            assertEquals("waiting for the load of pid " + pid + " to finish building " + store.toAbsolutePath() + " …",
                    third.errLine());
            assertTrue(third.out().startsWith("store is up to date"), "the second load found the first one's build: " + third.out());
            assertEquals(0, first.waitFor());
        } finally {
            first.destroyForcibly().waitFor();
        }
    }

    /** Runs one load in a child JVM; returns nanoseconds to the new build's directory and to the end. */
    private static long[] timeOneLoad(Path store, String[] load) throws Exception {
        Set<String> before = buildNames(store);
        Process p = Cli.start(store.resolveSibling("calibrate.err"), load);
        long start = System.nanoTime();
        long dirAt = waitForNewBuild(store, before, p) - start;
        assertEquals(0, p.waitFor(), "the calibration load succeeds");
        return new long[] {dirAt, System.nanoTime() - start};
    }

    /** Polls until a build directory not in {@code before} appears, or the process ends; returns the time. */
    private static long waitForNewBuild(Path store, Set<String> before, Process p) throws Exception {
        while (p.isAlive()) {
            if (!before.containsAll(buildNames(store))) break;
            Thread.sleep(2);
        }
        return System.nanoTime();
    }

    private static void sleepUntil(long from, long offsetNanos) throws InterruptedException {
        long remaining = from + offsetNanos - System.nanoTime();
        if (remaining > 0) Thread.sleep(remaining / 1_000_000, (int) (remaining % 1_000_000));
    }

    private static boolean ask(DatasetGraph dsg) {
        return Txn.calculateRead(dsg, () -> {
            try (QueryExecution qe = QueryExecution.dataset(DatasetFactory.wrap(dsg)).query(ASK).build()) {
                return qe.execAsk();
            }
        });
    }

    private static Set<String> buildNames(Path store) throws IOException {
        Path builds = store.resolve("builds");
        if (!Files.isDirectory(builds)) return Set.of();
        try (Stream<Path> s = Files.list(builds)) {
            return s.map(p -> p.getFileName().toString()).collect(Collectors.toSet());
        }
    }
}
