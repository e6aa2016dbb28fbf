package kg.borderlands.serve;

import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The heap bound of {@code serve}. A jar cannot set {@code -Xmx} for the JVM that runs it (there is no manifest
 * entry for it), so when {@code serve} runs from the jar and the operator set no heap option ({@code -Xmx},
 * {@code -XX:MaxRAMPercentage}, … on the command line or in {@code JAVA_TOOL_OPTIONS}), it starts itself
 * again in a child JVM with {@code -Xmx<heap> -XX:+ExitOnOutOfMemoryError} and waits for it, passing on its
 * exit code and its termination. An operator who sets the heap keeps full control: nothing is re-executed.
 *
 * <p>The parent decides this in {@link #relaunch}, first thing in {@code main}, with JDK classes only — before
 * the command line is parsed (the child parses it, and reports what is wrong with it) — so that it costs little
 * more than a JVM start. The child maps the class archive kept in the store ({@link ClassArchive}).
 */
public final class HeapLimit {
    /** Set in the child's environment, so it never re-executes again. */
    public static final String CHILD_ENV = "BORDERLANDS_SERVE_CHILD";
    private static final Pattern SIZE = Pattern.compile("[1-9][0-9]*[kmgKMG]?");
    private static final List<String> HEAP_FLAGS = List.of("-Xmx", "-XX:MaxHeapSize", "-XX:MaxRAMPercentage",
            "-XX:MaxRAMFraction", "-XX:MaxRAM=");

    private HeapLimit() {}

    /** Checks a size such as {@code 1g} or {@code 768m}. */
    public static String checkSize(String size) {
        if (size == null || !SIZE.matcher(size).matches())
            throw new IllegalArgumentException("--heap must be a size such as 1g or 768m, got " + size);
        return size.toLowerCase(Locale.ROOT);
    }

    /** True if this JVM was given a heap bound by the operator. */
    public static boolean operatorSetHeap() {
        for (String a : ManagementFactory.getRuntimeMXBean().getInputArguments()) {
            for (String f : HEAP_FLAGS) if (a.startsWith(f)) return true;
        }
        return false;
    }

    /** The option of {@code serve} that turns the class archive off (docs/operations.md). */
    public static final String NO_CLASS_ARCHIVE = "--no-class-archive";

    /**
     * For {@code serve} run from the jar without a heap option: runs the child JVM and returns its exit code.
     * Empty when this process should go on as usual ({@link #plan}). Uses JDK classes only.
     */
    public static java.util.OptionalInt relaunch(String[] args) throws Exception {
        if (args.length == 0 || !args[0].equals("serve")) return java.util.OptionalInt.empty();   // cheaply, for other commands
        Optional<Launch> launch = plan(args, System.getenv(CHILD_ENV) != null, operatorSetHeap(), runningJar());
        if (launch.isEmpty()) return java.util.OptionalInt.empty();
        Launch l = launch.get();
        ClassArchive cds = l.classArchive() ? ClassArchive.of(l.store(), l.jar()) : null;
        List<String> cmd = command(l.heap(), l.jar(), cds == null ? List.of() : cds.jvmOptions(), List.of(args));
        return java.util.OptionalInt.of(runChild(cmd, cds == null ? () -> {} : cds::afterChild));
    }

    /** What {@link #relaunch} starts: a child JVM with this heap, running the jar on this store. */
    record Launch(String heap, Path store, boolean classArchive, Path jar) {}

    /**
     * Whether {@code args} ask for a child JVM: {@code serve} (as the first word), run from a jar, not already the
     * child, without a heap option from the operator. Not for help or version (nothing to serve), nor for a
     * {@code --heap} value that is not a size (the command line, parsed in this JVM, then says what is wrong).
     * The other options are the child's to parse and check.
     */
    static Optional<Launch> plan(String[] args, boolean isChild, boolean operatorHeap, Optional<Path> jar) {
        if (args.length == 0 || !args[0].equals("serve") || isChild || operatorHeap || jar.isEmpty()) {
            return Optional.empty();
        }
        String heap = "1g";
        String store = "store";
        boolean archive = true;
        for (int i = 1; i < args.length; i++) {
            String a = args[i];
            if (a.equals("-h") || a.equals("--help") || a.equals("-V") || a.equals("--version")) return Optional.empty();
            if (a.equals(NO_CLASS_ARCHIVE)) archive = false;
            String v = value(args, i, "--heap");
            if (v != null) heap = v;
            v = value(args, i, "--store");
            if (v != null) store = v;
        }
        if (!SIZE.matcher(heap).matches() || store.isEmpty()) return Optional.empty();
        return Optional.of(new Launch(heap.toLowerCase(Locale.ROOT), Path.of(store), archive, jar.get()));
    }

    /** The value of option {@code name} at {@code args[i]} ({@code --name value} or {@code --name=value}), or null. */
    private static String value(String[] args, int i, String name) {
        if (args[i].equals(name)) return i + 1 < args.length ? args[i + 1] : "";
        if (args[i].startsWith(name + "=")) return args[i].substring(name.length() + 1);
        return null;
    }

    /** The jar this code runs from, if it runs from a jar. */
    public static Optional<Path> runningJar() {
        try {
            Path p = Path.of(HeapLimit.class.getProtectionDomain().getCodeSource().getLocation().toURI());
            return Files.isRegularFile(p) && p.toString().endsWith(".jar") ? Optional.of(p) : Optional.empty();
        } catch (Exception e) {
            return Optional.empty();
        }
    }

    /**
     * The command line of the child JVM, or empty when this process should serve itself (heap set by the
     * operator, not started from the jar, or already the child).
     */
    public static Optional<List<String>> childCommand(String heap, List<String> args) {
        if (System.getenv(CHILD_ENV) != null || operatorSetHeap()) return Optional.empty();
        Optional<Path> jar = runningJar();
        if (jar.isEmpty()) return Optional.empty();
        return Optional.of(command(heap, jar.get(), List.of(), args));
    }

    static List<String> command(String heap, Path jar, List<String> jvmOptions, List<String> args) {
        List<String> cmd = new ArrayList<>();
        cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        cmd.add("-Xmx" + heap);
        cmd.add("-XX:+ExitOnOutOfMemoryError");
        cmd.addAll(jvmOptions);
        cmd.add("-jar");
        cmd.add(jar.toString());
        cmd.addAll(args);
        return cmd;
    }

    /** Runs the child with this process's standard streams and returns its exit code. */
    public static int runChild(List<String> command) throws Exception {
        return runChild(command, () -> {});
    }

    /**
     * Runs the child with this process's standard streams, then {@code afterExit} (also when this process is
     * stopped, once the child has exited), and returns the child's exit code.
     */
    public static int runChild(List<String> command, Runnable afterExit) throws Exception {
        ProcessBuilder pb = new ProcessBuilder(command).inheritIO();
        pb.environment().put(CHILD_ENV, "1");
        Process child = pb.start();
        Thread stopChild = new Thread(() -> {
            child.destroy();   // SIGTERM: the child shuts down gracefully
            try {
                child.waitFor();
                afterExit.run();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, "stop-child");
        Runtime.getRuntime().addShutdownHook(stopChild);
        int code = child.waitFor();
        try {
            Runtime.getRuntime().removeShutdownHook(stopChild);
        } catch (IllegalStateException e) {
            // already shutting down
        }
        afterExit.run();
        return code;
    }
}
