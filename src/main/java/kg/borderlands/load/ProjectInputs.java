package kg.borderlands.load;

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

    public ProjectInputs {
        Objects.requireNonNull(ontologyDir, "ontologyDir");
        Objects.requireNonNull(dataDir, "dataDir");
        Objects.requireNonNull(qcDir, "qcDir");
    }

    /** The conventional layout below a project root. */
    public static ProjectInputs under(Path root) {
        return new ProjectInputs(root.resolve("ontology"), root.resolve("data"), root.resolve("queries/qc"));
    }

    /** Ontology files loaded into the store (every Turtle file except the shapes). */
    public List<Path> ontologyFiles() throws IOException {
        if (!Files.isDirectory(ontologyDir)) throw new IOException("ontology directory not found: " + ontologyDir);
        try (Stream<Path> s = Files.list(ontologyDir)) {
            return s.filter(p -> p.toString().endsWith(".ttl"))
                    .filter(p -> !p.getFileName().toString().equals(SHAPES_FILE))
                    .sorted().collect(Collectors.toList());
        }
    }

    public Path shapesFile() {
        return ontologyDir.resolve(SHAPES_FILE);
    }
}
