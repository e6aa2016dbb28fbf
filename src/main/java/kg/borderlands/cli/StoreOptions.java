package kg.borderlands.cli;

import kg.borderlands.load.Fingerprint;
import kg.borderlands.load.ProjectInputs;
import kg.borderlands.load.StoreException;
import kg.borderlands.load.StoreManager;
import picocli.CommandLine.Option;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;

/** Options shared by the commands that read inputs and use a store. */
final class StoreOptions {
    /** Warning ID of a published build made from other inputs (docs/errors.md). */
    static final String STALE = "BKG-W201";

    @Option(names = "--store", paramLabel = "DIR", defaultValue = "store",
            description = "TDB2 store directory (default: ${DEFAULT-VALUE}).")
    Path store;

    @Option(names = "--ontology", paramLabel = "DIR", defaultValue = "ontology",
            description = "Ontology and SHACL shapes (default: ${DEFAULT-VALUE}).")
    Path ontology;

    @Option(names = "--data", paramLabel = "DIR", defaultValue = "data",
            description = "Curated YAML data (default: ${DEFAULT-VALUE}).")
    Path data;

    @Option(names = "--qc", paramLabel = "DIR", defaultValue = "queries/qc",
            description = "Quality-check queries that must return no rows (default: ${DEFAULT-VALUE}).")
    Path qc;

    ProjectInputs inputs() {
        return new ProjectInputs(ontology, data, qc);
    }

    StoreManager storeManager() {
        return new StoreManager(store);
    }

    /** Work done on the published build. */
    @FunctionalInterface
    interface StoreWork<T> {
        T apply(org.apache.jena.sparql.core.DatasetGraph dsg) throws Exception;
    }

    /**
     * Runs {@code work} on the published build, read into memory from its verified dump: never builds, never
     * moves {@code CURRENT}, needs no lock (works while {@code serve} holds the TDB2 database) and no write
     * access. Fails (BKG-E201/E202) if nothing is published or the build is damaged; warns on {@code err}
     * (BKG-W201) if the build was made from other inputs than the ones given.
     */
    <T> T withStore(StoreWork<T> work, PrintWriter err) throws Exception {
        return withBuild(b -> work.apply(b.dataset()), err);
    }

    /** Work done on the published build as a whole (its directory and manifest as well as its dataset). */
    @FunctionalInterface
    interface BuildWork<T> {
        T apply(StoreManager.PublishedBuild build) throws Exception;
    }

    /** Like {@link #withStore(StoreWork, PrintWriter)}, for work that needs the build itself. */
    <T> T withBuild(BuildWork<T> work, PrintWriter err) throws Exception {
        return withBuild(storeManager().readPublished(), work, err);
    }

    /**
     * Like {@link #withBuild(BuildWork, PrintWriter)} for work on the build's files that does not query it
     * ({@code export --bundle}): the dump is not read into memory unless the work asks for the dataset, so the
     * work runs in bounded memory whatever the size of the build.
     */
    <T> T withBuildFiles(BuildWork<T> work, PrintWriter err) throws Exception {
        return withBuild(storeManager().publishedBuild(), work, err);
    }

    private <T> T withBuild(StoreManager.PublishedBuild build, BuildWork<T> work, PrintWriter err) throws Exception {
        try (StoreManager.PublishedBuild b = build) {
            if (stale(b)) {
                err.println("warning: " + STALE + " the store's build " + b.build().getFileName()
                        + " was made from other inputs (or another version of borderlands-kg) than " + data
                        + "; answering from it as published (run 'load' to rebuild)");
                err.flush();
            }
            return work.apply(b);
        }
    }

    /**
     * Like {@link #withStore(StoreWork, PrintWriter)} for a command that writes a file generated from the graph
     * (into the inputs): a stale build is refused (BKG-E207) rather than used with a warning.
     */
    <T> T withUpToDateStore(StoreWork<T> work) throws Exception {
        try (StoreManager.PublishedBuild b = storeManager().readPublished()) {
            if (stale(b)) {
                throw new StoreException(StoreException.Kind.STALE, "the store's build " + b.build().getFileName()
                        + " was made from other inputs than " + data + "; run 'load' first");
            }
            return work.apply(b.dataset());
        }
    }

    /** True if the inputs are there and differ from those the build was made from. */
    private boolean stale(StoreManager.PublishedBuild b) throws java.io.IOException {
        ProjectInputs in = inputs();
        // Only inputs that are there can be compared (a reader may run far from the project's folders).
        if (!Files.isDirectory(in.ontologyDir()) || !Files.isDirectory(in.dataDir())) return false;
        return !Fingerprint.of(in).equals(b.manifest().fingerprint());
    }
}
