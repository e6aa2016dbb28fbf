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

    /** Runs {@code work} on the published build (never builds it). */
    <T> T withStore(StoreOptions.StoreWork<T> work) throws Exception {
        return options.withStore(work, err());
    }

    PrintWriter out() {
        return spec.commandLine().getOut();
    }

    PrintWriter err() {
        return spec.commandLine().getErr();
    }
}
