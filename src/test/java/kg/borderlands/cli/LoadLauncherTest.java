package kg.borderlands.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.*;

/**
 * What {@code load} run from the jar starts (LoadLauncher, decided before the command line is parsed): a child JVM
 * with the throughput collector unless the operator chose a collector, the store's class archive when the store
 * exists; the command in the first JVM for help and version, class-data-sharing options of the operator's, or when
 * a child would bring nothing. The packaged jar itself is run by {@code LoadLauncherIT}.
 */
class LoadLauncherTest {
    private static final List<String> PARALLEL = List.of("-XX:+UseParallelGC");

    @TempDir
    Path tmp;

    private String existing() throws Exception {
        return Files.createDirectories(tmp.resolve("store")).toString();
    }

    private String missing() {
        return tmp.resolve("no-store").toString();
    }

    private static Optional<LoadLauncher.Plan> plan(List<String> jvm, String... args) {
        return LoadLauncher.plan(args, jvm, List.of());
    }

    @Test
    void aBuildFromScratchRunsInAChildWithTheThroughputCollector() {
        assertEquals(Optional.of(new LoadLauncher.Plan(PARALLEL, false, Path.of(missing()))),
                plan(List.of("-Xmx300m"), "load", "--store", missing()));
        assertEquals(Optional.of(new LoadLauncher.Plan(PARALLEL, false, Path.of(missing()))),
                plan(List.of(), "load", "--store=" + missing(), "--force"));
    }

    @Test
    void anExistingStoreAlsoMapsItsClassArchiveUnlessTurnedOff() throws Exception {
        String store = existing();
        assertEquals(Optional.of(new LoadLauncher.Plan(PARALLEL, true, Path.of(store))),
                plan(List.of("-Xmx300m"), "load", "--store", store));
        assertEquals(Optional.of(new LoadLauncher.Plan(PARALLEL, false, Path.of(store))),
                plan(List.of("-Xmx300m"), "load", "--store", store, "--no-class-archive"),
                "--no-class-archive: no archive, still the collector");
    }

    @Test
    void theOperatorsCollectorIsKept() throws Exception {
        String store = existing();
        for (String gc : List.of("-XX:+UseSerialGC", "-XX:+UseG1GC", "-XX:+UseParallelGC", "-XX:+UseZGC",
                "-XX:+UseShenandoahGC", "-XX:-UseG1GC")) {
            assertEquals(Optional.of(new LoadLauncher.Plan(List.of(), true, Path.of(store))),
                    plan(List.of("-Xmx300m", gc), "load", "--store", store), gc + ": only the archive");
            assertEquals(Optional.empty(), plan(List.of("-Xmx300m", gc), "load", "--store", missing()),
                    gc + " and no store: nothing a child would bring, one JVM");
            assertEquals(Optional.empty(), LoadLauncher.plan(new String[] {"load", "--store", missing()},
                    List.of("-Xmx300m"), List.of(gc)), gc + " in JAVA_TOOL_OPTIONS or JDK_JAVA_OPTIONS");
        }
        // not a collector: a collector's tuning option
        assertEquals(Optional.of(new LoadLauncher.Plan(PARALLEL, false, Path.of(missing()))),
                plan(List.of("-XX:+UseGCOverheadLimit", "-XX:+UseAdaptiveSizePolicyWithSystemGC"), "load",
                        "--store", missing()));
    }

    @Test
    void aCollectorInAnArgumentFileIsTheOperatorsToo() throws Exception {
        Path args = Files.writeString(tmp.resolve("jvm.args"), "-Xmx300m\n  -XX:+UseSerialGC -Dx=1\n");
        assertEquals(Optional.empty(), plan(List.of("@" + args), "load", "--store", missing()));
        Path other = Files.writeString(tmp.resolve("other.args"), "-Xmx300m\n");
        assertEquals(Optional.of(new LoadLauncher.Plan(PARALLEL, false, Path.of(missing()))),
                plan(List.of("@" + other), "load", "--store", missing()));
    }

    @Test
    void helpVersionOtherCommandsAndTheOperatorsClassDataSharingRunInThisJvm() throws Exception {
        String store = existing();
        for (String h : List.of("-h", "--help", "-V", "--version")) {
            assertEquals(Optional.empty(), plan(List.of(), "load", "--store", store, h), h);
        }
        assertEquals(Optional.empty(), plan(List.of(), "serve", "--store", store));
        assertEquals(Optional.empty(), plan(List.of(), "--verbose", "load"), "load not first: decided after parsing");
        assertEquals(Optional.empty(), plan(List.of()));
        for (String cds : List.of("-XX:SharedArchiveFile=/x.jsa", "-Xshare:off", "-XX:ArchiveClassesAtExit=/x.jsa")) {
            assertEquals(Optional.empty(), plan(List.of(cds), "load", "--store", store), cds);
        }
    }

    @Test
    void theChildGetsTheOperatorsOptionsUnchangedThenOurs() {
        List<String> cmd = LoadLauncher.command(List.of("-Xmx300m", "-Dbkg.profile=true"), PARALLEL,
                List.of("-XX:SharedArchiveFile=/s/cds/load-k.jsa"), Path.of("/opt/bkg.jar"),
                new String[] {"load", "--store", "/s"});
        assertEquals(List.of("-Xmx300m", "-Dbkg.profile=true", "-XX:+UseParallelGC",
                "-XX:SharedArchiveFile=/s/cds/load-k.jsa", "-jar", "/opt/bkg.jar", "load", "--store", "/s"),
                cmd.subList(1, cmd.size()));
        assertTrue(cmd.get(0).endsWith("java"), cmd.get(0));
    }
}
