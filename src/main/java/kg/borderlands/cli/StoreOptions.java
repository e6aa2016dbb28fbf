package kg.borderlands.cli;

import kg.borderlands.load.ProjectInputs;
import kg.borderlands.load.StoreManager;
import picocli.CommandLine.Option;

import java.nio.file.Path;

/** Options shared by the commands that read inputs and use a store. */
final class StoreOptions {
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

    /** Work done on the open store. */
    @FunctionalInterface
    interface StoreWork<T> {
        T apply(org.apache.jena.sparql.core.DatasetGraph dsg) throws Exception;
    }

    /** Builds or reuses the store, opens it, runs {@code work}, and always closes it again. */
    <T> T withStore(StoreWork<T> work) throws Exception {
        StoreManager sm = storeManager();
        kg.borderlands.load.LoadOperation.ensure(inputs(), sm, false);
        org.apache.jena.sparql.core.DatasetGraph dsg = sm.open();
        try {
            return work.apply(dsg);
        } finally {
            StoreManager.close(dsg);
        }
    }
}
