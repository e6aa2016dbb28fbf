package kg.borderlands.cli;

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

    /** Builds or reuses the store, opens it, runs {@code work}, and closes it again. */
    <T> T withStore(StoreOptions.StoreWork<T> work) throws Exception {
        return options.withStore(work);
    }

    PrintWriter out() {
        return spec.commandLine().getOut();
    }

    PrintWriter err() {
        return spec.commandLine().getErr();
    }
}
