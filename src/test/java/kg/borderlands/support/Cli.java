package kg.borderlands.support;

import kg.borderlands.cli.Main;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Runs the command line, in this JVM or in a child JVM (for tests that kill it or need a second process). */
public final class Cli {
    private Cli() {}

    /** Exit code and the two streams of one run. */
    public record Run(int code, String out, String err) {
        public String errLine() {
            return err.strip();
        }
    }

    /** Runs {@code args} in this JVM. */
    public static Run run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Main.run(new PrintWriter(out, true), new PrintWriter(err, true), args);
        return new Run(code, out.toString(), err.toString());
    }

    /** The input options for the minimal fixture (real ontology and quality checks, data from {@code data}). */
    public static List<String> inputs(Path data) {
        Path root = TestProject.root();
        return List.of("--ontology", root.resolve("ontology").toString(), "--data", data.toString(),
                "--qc", root.resolve("queries/qc").toString());
    }

    /** Joins command words and options into one argument array. */
    @SafeVarargs
    public static String[] args(List<String>... parts) {
        List<String> all = new ArrayList<>();
        for (List<String> p : parts) all.addAll(p);
        return all.toArray(String[]::new);
    }

    /**
     * Starts {@code Main args} in a child JVM with this JVM's class path; its standard error goes to
     * {@code errLog}, standard output is returned through the process.
     */
    public static Process start(Path errLog, String... args) throws IOException {
        return start(errLog, "512m", args);
    }

    /** {@link #start(Path, String...)} with a maximum heap of {@code heap} ({@code -Xmx}). */
    public static Process start(Path errLog, String heap, String... args) throws IOException {
        List<String> cmd = new ArrayList<>();
        cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        cmd.add("-Xmx" + heap);
        cmd.add("-XX:TieredStopAtLevel=1");
        cmd.add("-cp");
        cmd.add(System.getProperty("java.class.path"));
        cmd.add(Main.class.getName());
        cmd.addAll(List.of(args));
        return new ProcessBuilder(cmd).redirectError(errLog.toFile()).start();
    }
}
