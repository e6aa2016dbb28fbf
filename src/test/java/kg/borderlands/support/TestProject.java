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

/**
 * The project under test: its root, and the stores built from the real ontology and data, shared per JVM: the
 * project's own (Report N°354) and a two-source one (N°354 and the hand-made second report fixture).
 */
public final class TestProject {
    private static StoreManager realStore;
    private static StoreManager twoSourceStore;

    /** The id of the hand-made second report ({@code src/test/resources/sources/test-report-9001.md}, synthetic). */
    public static final String SECOND_SOURCE = "test-report-9001";

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

    /** The second report's Markdown fixture (not a Crisis Group publication). */
    public static Path secondSourceFixture() {
        return root().resolve("src/test/resources/sources/" + SECOND_SOURCE + ".md");
    }

    /**
     * Writes {@code data}: a copy of the project's data/ with the second report as one more source unit, its records
     * ({@code src/test/resources/sources/test-report-9001/*.yaml}) and its apparatus ingested from the fixture into
     * {@code data/sources/test-report-9001/} (ingest writes nothing outside the unit). Returns {@code data}.
     */
    public static Path twoSourceData(Path data) throws IOException {
        copyTree(root().resolve("data"), data);
        Path unit = data.resolve("sources").resolve(SECOND_SOURCE);
        Files.createDirectories(unit);
        try (Stream<Path> s = Files.list(root().resolve("src/test/resources/sources").resolve(SECOND_SOURCE))) {
            for (Path p : (Iterable<Path>) s.filter(p -> p.toString().endsWith(".yaml"))::iterator) {
                Files.copy(p, unit.resolve(p.getFileName()));
            }
        }
        Cli.Run run = Cli.run("ingest", secondSourceFixture().toString(), "--data", data.toString(),
                "--report-id", SECOND_SOURCE, "--publisher", "Borderlands-kg test suite (synthetic)", "--quiet");
        if (run.code() != 0) throw new IllegalStateException("ingest of the second report failed: " + run.err());
        return data;
    }

    /**
     * A store built from the project's ontology and {@link #twoSourceData} (in target/test-two-sources, built
     * afresh once per JVM: tests run from class directories, which a store's fingerprint does not cover, so a
     * build left by other code is never reused).
     */
    public static synchronized StoreManager twoSourceStore() {
        if (twoSourceStore == null) {
            try {
                Path dir = root().resolve("target/test-two-sources");
                deleteTree(dir);
                Path data = twoSourceData(dir.resolve("data"));
                StoreManager s = new StoreManager(dir.resolve("store"));
                LoadOperation.ensure(new ProjectInputs(root().resolve("ontology"), data, root().resolve("queries/qc")),
                        s, false);
                twoSourceStore = s;
            } catch (Exception e) {
                throw new IllegalStateException("could not build the two-source store: " + e.getMessage(), e);
            }
        }
        return twoSourceStore;
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
