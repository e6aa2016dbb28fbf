package kg.borderlands.load;

import kg.borderlands.curate.RecordReader;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Where a build reads from: the ontology folder (OWL files plus {@code shapes.ttl}), the data folder and the
 * quality-check queries.
 */
public record ProjectInputs(Path ontologyDir, Path dataDir, Path qcDir) {
    public static final String SHAPES_FILE = "shapes.ttl";
    /** Error ID of a missing or empty input directory (docs/errors.md). */
    public static final String MISSING_INPUT = "BKG-E205";

    public ProjectInputs {
        Objects.requireNonNull(ontologyDir, "ontologyDir");
        Objects.requireNonNull(dataDir, "dataDir");
        Objects.requireNonNull(qcDir, "qcDir");
    }

    /** The conventional layout below a project root. */
    public static ProjectInputs under(Path root) {
        return new ProjectInputs(root.resolve("ontology"), root.resolve("data"), root.resolve("queries/qc"));
    }

    /**
     * Checks that each input directory exists and holds what a build needs: an empty or missing directory is
     * an error, never an empty build or skipped checks.
     *
     * @throws IllegalArgumentException (BKG-E205) naming the directory and the option that sets it
     */
    public void requireUsable() throws IOException {
        require(ontologyDir, "ontology", "--ontology", "Turtle (.ttl) files", ontologyFiles().size());
        requireDir(dataDir, "data", "--data");
        require(dataDir, "data", "--data", "data files (.yaml)", RecordReader.dataFiles(dataDir).size());
        requireDir(qcDir, "quality-check", "--qc");
        require(qcDir, "quality-check", "--qc", "quality checks (.rq)", listed(qcDir, ".rq").size());
    }

    private static void require(Path dir, String what, String option, String holds, int count) {
        if (count == 0) {
            throw new IllegalArgumentException(MISSING_INPUT + " the " + what + " directory " + dir
                    + " has no " + holds + "; nothing to build (set it with " + option + " DIR)");
        }
    }

    private static void requireDir(Path dir, String what, String option) {
        if (!Files.isDirectory(dir)) {
            throw new IllegalArgumentException(MISSING_INPUT + " the " + what + " directory " + dir
                    + " does not exist (set it with " + option + " DIR)");
        }
    }

    /** Ontology files loaded into the store (every Turtle file except the shapes). */
    public List<Path> ontologyFiles() throws IOException {
        requireDir(ontologyDir, "ontology", "--ontology");
        return listed(ontologyDir, ".ttl").stream()
                .filter(p -> !p.getFileName().toString().equals(SHAPES_FILE))
                .collect(Collectors.toList());
    }

    private static List<Path> listed(Path dir, String suffix) throws IOException {
        try (Stream<Path> s = Files.list(dir)) {
            return s.filter(p -> p.toString().endsWith(suffix)).sorted().collect(Collectors.toList());
        }
    }

    public Path shapesFile() {
        return ontologyDir.resolve(SHAPES_FILE);
    }
}
