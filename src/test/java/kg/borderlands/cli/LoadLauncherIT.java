package kg.borderlands.cli;

import kg.borderlands.support.TestProject;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.*;

/**
 * {@code load} run from the packaged jar ({@code java [options] -jar target/borderlands-kg.jar load}, after
 * {@code package}: run by failsafe in {@code mvn verify}), as the operator runs it: the build runs in a child JVM
 * with the throughput collector unless the operator chose a collector, with the operator's heap bound; help,
 * version and bad input answer with the right exit codes and messages; an exhausted heap is still BKG-E208 (with the
 * throughput collector, through load/GcThrashGuard: the collector itself keeps the build crawling). Which
 * JVM ran the command and with what is read from the line {@code profile: JVM …} that {@code -Dbkg.profile=true}
 * prints (load/Profile). The decisions themselves are pinned by {@link LoadLauncherTest}.
 */
class LoadLauncherIT {
    @TempDir
    static Path tmp;
    private static Path jar;
    private static Path data;

    record Run(int code, String out, String err) {
        /** The line {@code profile: JVM …} of the JVM that ran the command. */
        String jvm() {
            return err.lines().filter(l -> l.startsWith("profile: JVM ")).findFirst().orElse("(no profile: JVM line)");
        }
    }

    @BeforeAll
    static void jarAndData() throws Exception {
        jar = TestProject.root().resolve("target/borderlands-kg.jar");
        assertTrue(Files.isRegularFile(jar), "the packaged jar (mvn package) " + jar);
        data = tmp.resolve("data");
        TestProject.copyTree(TestProject.root().resolve("data"), data);
    }

    private static Run java(List<String> jvm, String... args) throws Exception {
        List<String> cmd = new ArrayList<>();
        cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        cmd.addAll(jvm);
        cmd.add("-Dbkg.profile=true");
        cmd.addAll(List.of("-jar", jar.toString()));
        cmd.addAll(List.of(args));
        Path out = Files.createTempFile(tmp, "out", ".txt");
        Path err = Files.createTempFile(tmp, "err", ".txt");
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectOutput(out.toFile()).redirectError(err.toFile());
        for (String v : LoadLauncher.OPTION_VARIABLES) pb.environment().remove(v);
        pb.environment().remove(kg.borderlands.serve.HeapLimit.CHILD_ENV);
        int code = pb.start().waitFor();
        return new Run(code, Files.readString(out), Files.readString(err));
    }

    private static String[] load(Path store, String... more) {
        List<String> a = new ArrayList<>(List.of("load", "--store", store.toString()));
        a.addAll(kg.borderlands.support.Cli.inputs(data));
        a.addAll(List.of(more));
        return a.toArray(String[]::new);
    }

    @Test
    void aBuildRunsInAChildWithTheThroughputCollectorAndTheOperatorsHeapUnlessTheyChoseACollector() throws Exception {
        Path store = tmp.resolve("store");
        Run built = java(List.of("-Xmx300m"), load(store));
        assertEquals(0, built.code(), built.err());
        assertTrue(built.out().startsWith("built "), built.out());
        assertTrue(built.jvm().startsWith("profile: JVM child, collectors [PS MarkSweep, PS Scavenge]"), built.jvm());
        assertTrue(built.jvm().contains("options [-Xmx300m, -Dbkg.profile=true, -XX:+UseParallelGC]"), built.jvm());
        long heap = Long.parseLong(built.jvm().replaceAll(".*max heap (\\d+) MB.*", "$1"));
        assertTrue(heap > 200 && heap <= 300, "the operator's -Xmx300m bounds the child: " + built.jvm());
        assertEquals(1, built.err().lines().filter(l -> l.startsWith("profile: JVM ")).count(),
                "one JVM ran the command (the parent printed nothing): " + built.err());

        // the operator's collector is kept: the existing store's build reused, in the child that maps the archive
        Run serial = java(List.of("-Xmx300m", "-XX:+UseSerialGC"), load(store));
        assertEquals(0, serial.code(), serial.err());
        assertTrue(serial.out().startsWith("store is up to date: "), serial.out());
        assertTrue(serial.jvm().startsWith("profile: JVM child, collectors [Copy, MarkSweepCompact]"), serial.jvm());
        assertFalse(serial.jvm().contains("UseParallelGC"), serial.jvm());

        // a collector of the operator's and no store: nothing for a child to bring, the first JVM builds
        Run g1 = java(List.of("-Xmx300m", "-XX:+UseG1GC"), load(tmp.resolve("store-g1")));
        assertEquals(0, g1.code(), g1.err());
        assertTrue(g1.out().startsWith("built "), g1.out());
        assertTrue(g1.jvm().startsWith("profile: JVM first, collectors [G1 Young Generation, G1 Old Generation]"), g1.jvm());
    }

    @Test
    void helpAndVersionAreAnsweredByTheFirstJvm() throws Exception {
        Run help = java(List.of(), "load", "--help");
        assertEquals(0, help.code(), help.err());
        assertTrue(help.out().startsWith("Usage: borderlands-kg load"), help.out());
        assertTrue(help.jvm().startsWith("profile: JVM first,"), help.jvm());
        Run version = java(List.of(), "load", "--version");
        assertEquals(0, version.code(), version.err());
        assertTrue(version.jvm().startsWith("profile: JVM first,"), version.jvm());
    }

    @Test
    void badInputIsReportedWithItsExitCodeAndOneLine() throws Exception {
        Run unknown = java(List.of("-Xmx300m"), "load", "--store", tmp.resolve("s-bad").toString(), "--frobnicate");
        assertEquals(2, unknown.code(), unknown.err());
        assertTrue(unknown.err().contains("error: Unknown option: '--frobnicate'"), unknown.err());
        Run noData = java(List.of("-Xmx300m"), "load", "--store", tmp.resolve("s-bad").toString(),
                "--data", tmp.resolve("nowhere").toString());
        assertEquals(2, noData.code(), noData.err());
        assertTrue(noData.err().lines().anyMatch(l -> l.startsWith("error: BKG-E205 ")), noData.err());
        assertFalse(Files.exists(tmp.resolve("s-bad")), "no store made for a command line with a mistake");
    }

    @Test
    void anExhaustedHeapInTheChildIsBkgE208() throws Exception {
        Run oom = java(List.of("-Xmx32m"), load(tmp.resolve("store-oom")));
        List<String> lines = oom.err().lines().filter(l -> !l.contains(" WARN ") && !l.contains(" INFO ")
                && !l.startsWith("phase ") && !l.startsWith("profile: ")).toList();
        assertEquals(3, oom.code(), oom.err());
        assertTrue(oom.jvm().startsWith("profile: JVM child, collectors [PS MarkSweep, PS Scavenge]"), oom.jvm());
        assertEquals(1, lines.size(), "one line: " + lines);
        assertTrue(lines.get(0).startsWith("error: BKG-E208 load ran out of memory"), lines.get(0));
        assertFalse(oom.err().contains("\tat "), "no stack trace");
        assertFalse(Files.exists(tmp.resolve("store-oom").resolve("CURRENT")), "nothing published");
    }
}
