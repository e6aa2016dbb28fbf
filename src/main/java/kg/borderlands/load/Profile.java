package kg.borderlands.load;

/**
 * Phase timings of {@code load} on standard error, with {@code -Dbkg.profile=true} (benchmarks): one line
 * {@code phase <what>: <ms> ms} per phase, each measured from the end of the previous one, so that the phases add
 * up to the process's wall time from the start of the JVM (the first phase) to {@code System.exit} (the last line,
 * {@code phase exit at: <ms since the JVM started> ms}; what the wall time holds beyond it is the JVM's exit).
 * Nothing is measured or printed without the property.
 */
public final class Profile {
    public static final boolean ON = Boolean.getBoolean("bkg.profile");
    private static long last = -1;

    private Profile() {}

    /**
     * Prints the time since the previous lap (the first: since the JVM started) as phase {@code what}, with the CPU
     * time of the calling thread and of the whole process (every thread: the JIT compilers and the collector too)
     * in that time: {@code phase <what> (CPU: thread <ms>, process <ms>): <ms> ms}.
     */
    public static synchronized void lap(String what) {
        if (!ON) return;
        long now = System.nanoTime();
        long thread = java.lang.management.ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime();
        long process = processCpu();
        long wall = last < 0 ? sinceProcessStart() : (now - last) / 1_000_000;
        String cpu = lastProcessCpu < 0 || lastThread != Thread.currentThread()
                ? "process " + (process - Math.max(0, lastProcessCpu)) / 1_000_000
                : "thread " + (thread - lastThreadCpu) / 1_000_000 + ", process " + (process - lastProcessCpu) / 1_000_000;
        System.err.printf("phase %s (CPU ms: %s): %d ms%n", what, cpu, wall);
        last = System.nanoTime();
        lastThread = Thread.currentThread();
        lastThreadCpu = thread;
        lastProcessCpu = process;
    }

    private static long lastThreadCpu;
    private static long lastProcessCpu = -1;
    private static Thread lastThread;

    private static long processCpu() {
        if (java.lang.management.ManagementFactory.getOperatingSystemMXBean()
                instanceof com.sun.management.OperatingSystemMXBean os) return os.getProcessCpuTime();
        return 0;
    }

    /**
     * Prints which JVM runs the build: {@code profile: JVM <first|child>, collectors [<names>], max heap <MB> MB,
     * options [<the JVM's input arguments>]} (the collector and heap a benchmark measured; tests of LoadLauncher).
     */
    public static void jvm() {
        if (!ON) return;
        String collectors = java.lang.management.ManagementFactory.getGarbageCollectorMXBeans().stream()
                .map(java.lang.management.GarbageCollectorMXBean::getName)
                .collect(java.util.stream.Collectors.joining(", "));
        System.err.printf("profile: JVM %s, collectors [%s], max heap %d MB, options %s%n",
                System.getenv(kg.borderlands.serve.HeapLimit.CHILD_ENV) != null ? "child" : "first", collectors,
                Runtime.getRuntime().maxMemory() >> 20,
                java.lang.management.ManagementFactory.getRuntimeMXBean().getInputArguments());
    }

    /** Prints {@code profile: <what> at <ms since the JVM started> ms} (an event beside the phases). */
    public static void event(String what) {
        if (!ON) return;
        System.err.printf("profile: %s at %d ms%n", what, sinceProcessStart());
    }

    /** Prints the time since the JVM started (the end of the last phase: what follows is the JVM's exit). */
    public static synchronized void exit() {
        if (!ON) return;
        System.err.printf("phase exit at: %d ms%n", sinceProcessStart());
        threads();
        System.err.flush();
    }

    /**
     * Prints {@code profile: threads <name>=<CPU ms> …}: the CPU time of every thread of the process so far, the JVM's
     * own (JIT compilers, collector) included, grouped by name without its number, from {@code /proc/self/task} (in clock ticks taken as 10 ms)
     * (Linux; nothing elsewhere).
     */
    private static void threads() {
        java.nio.file.Path tasks = java.nio.file.Path.of("/proc/self/task");
        if (!java.nio.file.Files.isDirectory(tasks)) return;
        java.util.Map<String, Long> ticks = new java.util.TreeMap<>();
        try (var s = java.nio.file.Files.list(tasks)) {
            for (java.nio.file.Path t : (Iterable<java.nio.file.Path>) s::iterator) {
                try {
                    String stat = java.nio.file.Files.readString(t.resolve("stat"));
                    String name = stat.substring(stat.indexOf('(') + 1, stat.lastIndexOf(')')).replaceAll("[ #]*\\d+$", "");
                    String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
                    ticks.merge(name, Long.parseLong(f[11]) + Long.parseLong(f[12]), Long::sum);
                } catch (java.io.IOException | RuntimeException e) {
                    // a thread that ended meanwhile
                }
            }
        } catch (java.io.IOException e) {
            return;
        }
        StringBuilder b = new StringBuilder("profile: threads (CPU ms)");
        ticks.entrySet().stream().filter(e -> e.getValue() > 0).sorted((a, c) -> Long.compare(c.getValue(), a.getValue()))
                .forEach(e -> b.append(' ').append(e.getKey().replace(' ', '_')).append('=').append(e.getValue() * 10));
        System.err.println(b);
    }

    /** Milliseconds since the JVM started (its own clock, from the start of its creation by the launcher). */
    private static long sinceProcessStart() {
        return java.lang.management.ManagementFactory.getRuntimeMXBean().getUptime();
    }
}
