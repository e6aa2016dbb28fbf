package kg.borderlands.support;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Assumptions;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * Debian's own {@code /usr/bin/python3} (not a python3 earlier on the PATH: Debian's packages such as
 * python3-rdflib live there) running the client scripts under {@code src/test/python}. Without it or a module the
 * calling test is skipped locally and fails when {@code CI} is {@code true} ({@code .ci/run} installs them).
 */
public final class DebianPython {
    public static final Path PYTHON = Path.of("/usr/bin/python3");
    private static final ObjectMapper JSON = new ObjectMapper();

    private DebianPython() {}

    /** Skips (locally) or fails (on CI) when python3 or one of the modules is missing. */
    public static void require(String... modules) throws IOException, InterruptedException {
        String missing = null;
        if (!Files.isExecutable(PYTHON)) missing = PYTHON + " not found";
        else {
            Process p = new ProcessBuilder(PYTHON.toString(), "-c", "import " + String.join(", ", modules))
                    .redirectErrorStream(true).start();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
            if (!p.waitFor(60, TimeUnit.SECONDS)) p.destroyForcibly();
            if (p.exitValue() != 0) missing = out.lines().reduce((a, b) -> b).orElse("import failed");
        }
        if (missing == null) return;
        String msg = missing + ": apt-get install -y python3-sparqlwrapper python3-rdflib";
        if ("true".equalsIgnoreCase(System.getenv("CI"))) fail(msg + " — required on CI");
        Assumptions.abort(msg + " — Python client test skipped");
    }

    /** Runs {@code src/test/python/{script}}; returns its standard output parsed as JSON (exit code must be 0). */
    public static JsonNode run(String script, String... args) throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>(List.of(PYTHON.toString(),
                TestProject.root().resolve("src/test/python").resolve(script).toString()));
        cmd.addAll(List.of(args));
        Path err = Files.createTempFile("bkg-python-", ".err");
        try {
            Process p = new ProcessBuilder(cmd).redirectError(err.toFile()).start();
            byte[] out = p.getInputStream().readAllBytes();
            if (!p.waitFor(180, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                fail(script + " did not finish in 180 s");
            }
            assertEquals(0, p.exitValue(), script + " failed: " + Files.readString(err));
            return JSON.readTree(out);
        } finally {
            Files.deleteIfExists(err);
        }
    }
}
