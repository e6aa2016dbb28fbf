package kg.borderlands.cli;

import kg.borderlands.serve.ClassArchive;
import kg.borderlands.serve.HeapLimit;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.regex.Pattern;

/**
 * {@code load} run from the jar ({@code java [options] -jar borderlands-kg.jar load …}) builds in a child JVM
 * started with the operator's options unchanged (their {@code -Xmx} bounds the JVM that builds) plus what a build
 * wants from its JVM:
 * <ul>
 * <li>the <b>throughput collector</b> ({@code -XX:+UseParallelGC}) when the operator named no collector of their
 * own ({@code -XX:+Use…GC} on the command line, in an argument file or in {@code JAVA_TOOL_OPTIONS},
 * {@code JDK_JAVA_OPTIONS}, {@code _JAVA_OPTIONS}): a build is a batch job, and the JVM's default, G1, spends
 * its concurrent work and write barriers on pauses nobody waits for — at 32 sources in 300 MB, 27.2 s and 51.6 s
 * of CPU instead of 29.6–30.3 s and 56.5 s (docs/benchmarks.md "The build's JVM"). This holds for a build from
 * scratch too: the extra JVM start costs about a tenth of a second;</li>
 * <li>on a store that exists, the <b>class archive</b> kept in it ({@code store/cds/load-<key>.jsa},
 * {@link ClassArchive#forLoad}): the classes of a build — Jena, ARQ, TDB2, SHACL, Jackson, ours, some 7,000 —
 * already parsed and verified, instead of being read from the jar one by one, which cost the one-record rebuild
 * about 1.4 s of CPU at 32 sources. The first {@code load} that builds on a store with no archive for this jar and
 * runtime writes it when it exits ({@code -XX:ArchiveClassesAtExit}: a few seconds more, once); a load that built
 * nothing (store up to date, a mistake in the command line, a failed build) leaves none. Not with
 * {@code --no-class-archive}, nor for a store that does not exist yet (a benchmark that deletes the store would pay
 * for writing one at every run and never map it); a missing, stale or damaged archive is ignored by the JVM (the
 * classes are read from the jar), never a failed load.</li>
 * </ul>
 * This process waits for the child and exits with its code (the child's standard streams are this process's); it
 * is a JVM start (JDK classes only, before the command line is parsed: the child parses it) and nothing else. When
 * the child would bring nothing (a collector named by the operator and no archive to map or write), or the operator
 * gave class-data-sharing options of their own, or for help and version, the command runs in this JVM.
 */
final class LoadLauncher {
    /** The option of {@code load} that neither uses nor writes the class archive. */
    static final String NO_CLASS_ARCHIVE = "--no-class-archive";
    /** The collector of the build's JVM when the operator chose none. */
    static final String THROUGHPUT_COLLECTOR = "-XX:+UseParallelGC";
    /** The environment variables whose JVM options the child JVM reads again (it inherits the environment). */
    static final List<String> OPTION_VARIABLES = List.of("JAVA_TOOL_OPTIONS", "JDK_JAVA_OPTIONS", "_JAVA_OPTIONS");
    private static final Pattern COLLECTOR = Pattern.compile(
            "-XX:[+-]Use(Serial|Parallel|ParallelOld|G1|Z|Shenandoah|Epsilon|ConcMarkSweep)GC");
    private static final List<String> CDS_OPTIONS = List.of("-XX:SharedArchiveFile", "-XX:ArchiveClassesAtExit",
            "-Xshare", "-XX:DumpLoadedClassList", "-XX:SharedClassListFile");

    private LoadLauncher() {}

    /**
     * What the child JVM gets besides the operator's options: the collector to add (none if the operator chose
     * one) and whether it uses the store's class archive.
     */
    record Plan(List<String> collector, boolean classArchive, Path store) {
        Plan {
            collector = List.copyOf(collector);
            Objects.requireNonNull(store, "store");
        }
    }

    /** Runs {@code load} in the child JVM and returns its exit code; empty when this JVM should run it. */
    static OptionalInt relaunch(String[] args) throws Exception {
        if (args.length == 0 || !args[0].equals("load") || System.getenv(HeapLimit.CHILD_ENV) != null) {
            return OptionalInt.empty();
        }
        Optional<Path> jar = HeapLimit.runningJar();
        if (jar.isEmpty()) return OptionalInt.empty();
        Optional<List<String>> jvm = jvmOptions();
        if (jvm.isEmpty()) return OptionalInt.empty();
        List<String> environment = new ArrayList<>();
        for (String v : OPTION_VARIABLES) {
            String value = System.getenv(v);
            if (value != null) environment.addAll(List.of(value.trim().split("\\s+")));
        }
        Optional<Plan> plan = plan(args, jvm.get(), environment);
        if (plan.isEmpty()) return OptionalInt.empty();
        ClassArchive cds = plan.get().classArchive() ? ClassArchive.forLoad(plan.get().store(), jar.get()) : null;
        List<String> archive = cds == null ? List.of() : cds.jvmOptions();   // none for a read-only store
        if (archive.isEmpty() && plan.get().collector().isEmpty()) return OptionalInt.empty();
        List<String> cmd = command(jvm.get(), plan.get().collector(), archive, jar.get(), args);
        return OptionalInt.of(HeapLimit.runChild(cmd, cds == null ? () -> {} : cds::afterChild));
    }

    /**
     * Whether {@code load} (first word of {@code args}) runs in a child JVM, and with what: empty for help and
     * version, for JVM options ({@code jvmOptions}: the command line up to {@code -jar}; {@code environment}: those
     * of the environment variables) holding class-data-sharing options, and when the child would bring nothing.
     * Argument files ({@code @file}) in {@code jvmOptions} are read for a collector option.
     */
    static Optional<Plan> plan(String[] args, List<String> jvmOptions, List<String> environment) {
        if (args.length == 0 || !args[0].equals("load")) return Optional.empty();
        boolean archive = true;
        for (int i = 1; i < args.length; i++) {
            String a = args[i];
            if (a.equals("-h") || a.equals("--help") || a.equals("-V") || a.equals("--version")) return Optional.empty();
            if (a.equals(NO_CLASS_ARCHIVE)) archive = false;
        }
        List<String> all = new ArrayList<>(environment);
        for (String o : jvmOptions) {
            if (o.startsWith("@") && !o.startsWith("@@")) all.addAll(argumentFile(o.substring(1)));
            else all.add(o);
        }
        boolean collector = false;
        for (String o : all) {
            for (String c : CDS_OPTIONS) if (o.startsWith(c)) return Optional.empty();
            if (COLLECTOR.matcher(o).matches()) collector = true;
        }
        String store = store(args);
        archive &= !store.isEmpty() && Files.isDirectory(Path.of(store));
        if (!archive && collector) return Optional.empty();
        return Optional.of(new Plan(collector ? List.of() : List.of(THROUGHPUT_COLLECTOR), archive,
                Path.of(store.isEmpty() ? "store" : store)));
    }

    /** The child's command line: this runtime's {@code java}, the operator's options, ours, the jar, the arguments. */
    static List<String> command(List<String> jvmOptions, List<String> collector, List<String> archive, Path jar,
                                String[] args) {
        List<String> cmd = new ArrayList<>();
        cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        cmd.addAll(jvmOptions);
        cmd.addAll(collector);
        cmd.addAll(archive);
        cmd.add("-jar");
        cmd.add(jar.toString());
        cmd.addAll(List.of(args));
        return cmd;
    }

    /** The words of an argument file (whitespace-separated; enough to find a collector option), none if unreadable. */
    private static List<String> argumentFile(String file) {
        try {
            String text = Files.readString(Path.of(file));
            return text.isBlank() ? List.of() : List.of(text.trim().replace("\"", "").replace("'", "").split("\\s+"));
        } catch (IOException | RuntimeException e) {
            return List.of();
        }
    }

    /** The {@code --store} of a {@code load} command line (the default if none), before picocli parses it. */
    private static String store(String[] args) {
        String store = "store";
        for (int i = 1; i < args.length; i++) {
            if (args[i].equals("--store") && i + 1 < args.length) store = args[i + 1];
            if (args[i].startsWith("--store=")) store = args[i].substring("--store=".length());
        }
        return store;
    }

    /** True if the store of this {@code load} command line has a published build (it may be an incremental one). */
    static boolean hasPublishedBuild(String[] args) {
        try {
            String store = store(args);
            return !store.isEmpty() && Files.isRegularFile(Path.of(store).resolve("CURRENT"));
        } catch (RuntimeException e) {
            return true;   // let the build decide
        }
    }

    /**
     * The JVM options this process was started with (its command line up to {@code -jar}, from the operating
     * system, without the management classes' cost); empty when not started as {@code java … -jar}.
     */
    private static Optional<List<String>> jvmOptions() {
        Optional<String[]> all = ProcessHandle.current().info().arguments();
        if (all.isEmpty()) return Optional.empty();
        List<String> options = new ArrayList<>();
        for (String a : all.get()) {
            if (a.equals("-jar")) return Optional.of(options);
            options.add(a);
        }
        return Optional.empty();   // no -jar: not started as java … -jar
    }
}
