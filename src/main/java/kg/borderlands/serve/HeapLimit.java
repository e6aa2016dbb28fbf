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

    /** The jar this code runs from, if it runs from a jar. */
    static Optional<Path> runningJar() {
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
        List<String> cmd = new ArrayList<>();
        cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        cmd.add("-Xmx" + heap);
        cmd.add("-XX:+ExitOnOutOfMemoryError");
        cmd.add("-jar");
        cmd.add(jar.get().toString());
        cmd.addAll(args);
        return Optional.of(cmd);
    }

    /** Runs the child with this process's standard streams and returns its exit code. */
    public static int runChild(List<String> command) throws Exception {
        ProcessBuilder pb = new ProcessBuilder(command).inheritIO();
        pb.environment().put(CHILD_ENV, "1");
        Process child = pb.start();
        Thread stopChild = new Thread(() -> {
            child.destroy();   // SIGTERM: the child shuts down gracefully
            try {
                child.waitFor();
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
        return code;
    }
}
