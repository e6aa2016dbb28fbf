package kg.borderlands.cli;

import kg.borderlands.load.LoadOperation;
import kg.borderlands.load.StoreManager;
import org.apache.jena.sparql.core.DatasetGraph;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.util.concurrent.Callable;

/** What every {@code link} subcommand has: store options, its output streams, and a store to read. */
abstract class LinkSubcommand implements Callable<Integer> {
    @Mixin
    StoreOptions options;

    @Spec
    CommandSpec spec;

    /** Work done on the open store. */
    @FunctionalInterface
    interface StoreWork<T> {
        T apply(DatasetGraph dsg) throws Exception;
    }

    /** Builds or reuses the store, opens it, runs {@code work}, and closes it again. */
    <T> T withStore(StoreWork<T> work) throws Exception {
        StoreManager store = options.storeManager();
        LoadOperation.ensure(options.inputs(), store, false);
        DatasetGraph dsg = store.open();
        try {
            return work.apply(dsg);
        } finally {
            StoreManager.close(dsg);
        }
    }

    PrintWriter out() {
        return spec.commandLine().getOut();
    }

    PrintWriter err() {
        return spec.commandLine().getErr();
    }
}
