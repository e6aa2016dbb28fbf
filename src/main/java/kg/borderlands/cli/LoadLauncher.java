package kg.borderlands.cli;

import kg.borderlands.serve.ClassArchive;
import kg.borderlands.serve.HeapLimit;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * {@code load} run from the jar ({@code java [options] -jar borderlands-kg.jar load …}) on a store that exists:
 * it runs in a child JVM with the same options (the operator's {@code -Xmx} bounds the JVM that builds) that maps
 * the class archive kept in the store ({@code store/cds/load-<key>.jsa}, {@link ClassArchive#forLoad}): the
 * classes of a build — Jena, ARQ, TDB2, SHACL, Jackson, ours, some 7,000 — already parsed and verified, instead of
 * being read from the jar one by one, which cost the one-record rebuild about 1.4 s of CPU at 32 sources
 * (docs/benchmarks.md). This process waits for the child and exits with its code; it is a JVM start (JDK classes
 * only, before the command line is parsed) and nothing else.
 *
 * <p>The first {@code load} that builds on a store with no archive for this jar and runtime writes it when it exits
 * ({@code -XX:ArchiveClassesAtExit}: a few seconds more, once); a load that built nothing (store up to date, a
 * mistake in the command line, a failed build) leaves none. Not for a store that does not exist yet (a build from
 * scratch runs in this JVM, as before), nor with {@code --no-class-archive}, nor when the operator gave class-data
 * sharing options of their own; a missing, stale or damaged archive is ignored by the JVM (the classes are read from
 * the jar), never a failed load.
 */
final class LoadLauncher {
    /** The option of {@code load} that runs it in this JVM, without the archive. */
    static final String NO_CLASS_ARCHIVE = "--no-class-archive";

    private LoadLauncher() {}

    /** Runs {@code load} in the child JVM and returns its exit code; empty when this JVM should run it. */
    static OptionalInt relaunch(String[] args) throws Exception {
        if (args.length == 0 || !args[0].equals("load") || System.getenv(HeapLimit.CHILD_ENV) != null) {
            return OptionalInt.empty();
        }
        Optional<Path> jar = HeapLimit.runningJar();
        if (jar.isEmpty()) return OptionalInt.empty();
        for (int i = 1; i < args.length; i++) {
            String a = args[i];
            if (a.equals("-h") || a.equals("--help") || a.equals("-V") || a.equals("--version")
                    || a.equals(NO_CLASS_ARCHIVE)) return OptionalInt.empty();
        }
        String store = store(args);
        if (store.isEmpty() || !Files.isDirectory(Path.of(store))) return OptionalInt.empty();
        Optional<List<String>> jvm = jvmOptions(jar.get());
        if (jvm.isEmpty()) return OptionalInt.empty();
        ClassArchive cds = ClassArchive.forLoad(Path.of(store), jar.get());
        List<String> archive = cds.jvmOptions();
        if (archive.isEmpty()) return OptionalInt.empty();   // a read-only store: nothing to map or write
        List<String> cmd = new ArrayList<>();
        cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        cmd.addAll(jvm.get());
        cmd.addAll(archive);
        cmd.add("-jar");
        cmd.add(jar.get().toString());
        cmd.addAll(List.of(args));
        return OptionalInt.of(HeapLimit.runChild(cmd, cds::afterChild));
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
     * system, without the management classes' cost); empty when they cannot be told apart or hold class-data
     * sharing options of the operator's own.
     */
    private static Optional<List<String>> jvmOptions(Path jar) {
        Optional<String[]> all = ProcessHandle.current().info().arguments();
        if (all.isEmpty()) return Optional.empty();
        List<String> options = new ArrayList<>();
        for (String a : all.get()) {
            if (a.equals("-jar")) return Optional.of(options);
            if (a.startsWith("-XX:SharedArchiveFile") || a.startsWith("-XX:ArchiveClassesAtExit") || a.startsWith("-Xshare")
                    || a.startsWith("-XX:DumpLoadedClassList") || a.startsWith("-XX:SharedClassListFile")) {
                return Optional.empty();
            }
            options.add(a);
        }
        return Optional.empty();   // no -jar: not started as java … -jar
    }
}
