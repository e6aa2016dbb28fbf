package kg.borderlands.support;

import kg.borderlands.load.LoadOperation;
import kg.borderlands.load.ProjectInputs;
import kg.borderlands.load.StoreManager;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

/** The project under test: its root, and one store built from the real ontology and data, shared per JVM. */
public final class TestProject {
    private static StoreManager realStore;

    private TestProject() {}

    public static Path root() {
        return Path.of(System.getProperty("project.root", ".")).toAbsolutePath().normalize();
    }

    public static ProjectInputs inputs() {
        return ProjectInputs.under(root());
    }

    /** A store built from the project's own ontology/ and data/, in target/test-store (built once). */
    public static synchronized StoreManager realStore() {
        if (realStore == null) {
            try {
                StoreManager s = new StoreManager(root().resolve("target/test-store"));
                LoadOperation.ensure(inputs(), s, false);
                realStore = s;
            } catch (Exception e) {
                throw new IllegalStateException("could not build the project's store: " + e.getMessage(), e);
            }
        }
        return realStore;
    }

    /** Deletes a directory tree (temporary test directories). */
    public static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir)) return;
        try (Stream<Path> s = Files.walk(dir)) {
            for (Path p : (Iterable<Path>) s.sorted(Comparator.reverseOrder())::iterator) Files.delete(p);
        }
    }

    /** Copies a directory tree (for tests that break inputs without touching the project). */
    public static void copyTree(Path from, Path to) {
        try (Stream<Path> s = Files.walk(from)) {
            for (Path p : (Iterable<Path>) s.sorted(Comparator.naturalOrder())::iterator) {
                Path target = to.resolve(from.relativize(p).toString());
                if (Files.isDirectory(p)) Files.createDirectories(target);
                else Files.copy(p, target);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
