package kg.borderlands.ontology;

import kg.borderlands.support.TestProject;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.*;

/**
 * Runs OBO ROBOT's {@code report} (1.9.8, the OBO community's quality checks) on our ontology files, in its own
 * JVM with the classpath resolved by the build (see src/test/robot/pom.xml). Our bar: no ERROR at all (duplicate
 * labels, missing labels of our or referenced terms, ontology title, description and licence). The only
 * warnings allowed are OBO's {@code missing_definition}: ROBOT looks for IAO:0000115, we define every term with
 * skos:definition (checked by OntologyConsistencyTest), see docs/ontology.md.
 */
class RobotReportTest {
    @TempDir
    Path tmp;

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"borderlands.ttl", "vocab.ttl", "shapes.ttl"})
    void robotReportHasNoErrors(String file) throws Exception {
        Path classpath = TestProject.root().resolve("target/robot.classpath");
        assertTrue(Files.isRegularFile(classpath),
                "target/robot.classpath missing: run the tests through Maven (generate-test-resources resolves ROBOT)");
        Path out = tmp.resolve("report.tsv");
        Path input = TestProject.root().resolve("ontology").resolve(file);
        List<String> cmd = List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", Files.readString(classpath).trim(), "org.obolibrary.robot.CommandLineInterface",
                "report", "--input", input.toString(), "--output", out.toString(), "--fail-on", "none");
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(tmp.resolve("robot.log").toFile()).start();
        try {
            assertTrue(p.waitFor(5, TimeUnit.MINUTES), "ROBOT did not finish");
        } finally {
            p.destroyForcibly();
        }
        assertEquals(0, p.exitValue(), "ROBOT failed: " + Files.readString(tmp.resolve("robot.log")));
        List<String> rows = Files.readAllLines(out, StandardCharsets.UTF_8);
        assertEquals("Level\tRule Name\tSubject\tProperty\tValue", rows.get(0), "ROBOT report header");
        List<String> errors = new ArrayList<>();
        List<String> otherWarnings = new ArrayList<>();
        for (String row : rows.subList(1, rows.size())) {
            String[] cols = row.split("\t", -1);
            if (cols[0].equals("ERROR")) errors.add(row);
            else if (cols[0].equals("WARN") && !cols[1].equals("missing_definition")) otherWarnings.add(row);
        }
        assertEquals(List.of(), errors, file + ": ROBOT errors");
        assertEquals(List.of(), otherWarnings, file + ": ROBOT warnings other than OBO's missing_definition");
    }
}
