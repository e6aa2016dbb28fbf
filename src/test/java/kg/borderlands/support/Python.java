package kg.borderlands.support;

import org.junit.jupiter.api.Assumptions;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.fail;

/**
 * Runs the Python clients of {@code src/test/python/} with Debian's Python ({@code /usr/bin/python3}, where
 * {@code python3-networkx}, {@code python3-rdflib} and {@code python3-sparqlwrapper} install; {@code .ci/run}
 * installs them). Without them a test is skipped, except on CI ({@code CI=true}), where it fails.
 */
public final class Python {
    private static final Path INTERPRETER = Path.of("/usr/bin/python3");

    private Python() {}

    /** Skips (or, on CI, fails) unless Debian's Python can import every module named. */
    public static void require(String... modules) {
        String why = null;
        if (!Files.isExecutable(INTERPRETER)) {
            why = INTERPRETER + " not found";
        } else {
            Result r = run(List.of("-c", "import " + String.join(", ", modules)), 60);
            if (r.exit() != 0) why = "Debian's Python lacks " + String.join(", ", modules) + ": " + r.err().strip();
        }
        if (why == null) return;
        String msg = why + " (apt-get install python3-networkx python3-rdflib python3-sparqlwrapper)";
        if ("true".equalsIgnoreCase(System.getenv("CI"))) fail(msg + " — required on CI");
        Assumptions.abort(msg + " — Python client test skipped");
    }

    /** Runs {@code src/test/python/<script>} with the arguments. */
    public static Result script(String script, String... args) {
        List<String> cmd = new ArrayList<>();
        cmd.add(TestProject.root().resolve("src/test/python").resolve(script).toString());
        cmd.addAll(List.of(args));
        return run(cmd, 300);
    }

    private static Result run(List<String> args, int timeoutSeconds) {
        List<String> cmd = new ArrayList<>();
        cmd.add(INTERPRETER.toString());
        cmd.addAll(args);
        try {
            Path out = Files.createTempFile("py-out", ".txt");
            Path err = Files.createTempFile("py-err", ".txt");
            try {
                Process p = new ProcessBuilder(cmd).redirectOutput(out.toFile()).redirectError(err.toFile()).start();
                if (!p.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
                    p.destroyForcibly();
                    fail("python timed out after " + timeoutSeconds + " s: " + cmd);
                }
                return new Result(p.exitValue(), Files.readString(out, StandardCharsets.UTF_8),
                        Files.readString(err, StandardCharsets.UTF_8));
            } finally {
                Files.deleteIfExists(out);
                Files.deleteIfExists(err);
            }
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Exit code, standard output and standard error of one run. */
    public record Result(int exit, String out, String err) {
        public String describe() {
            return "exit " + exit + "\nstdout:\n" + out + "\nstderr:\n" + err;
        }
    }
}
