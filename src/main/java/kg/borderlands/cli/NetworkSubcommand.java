package kg.borderlands.cli;

import kg.borderlands.analyse.Network;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.util.concurrent.Callable;

/** What every {@code network} subcommand has: store options, network filters, and its output stream. */
abstract class NetworkSubcommand implements Callable<Integer> {
    @Mixin
    StoreOptions store;

    @Mixin
    NetworkFilterOptions filters;

    @Spec
    CommandSpec spec;

    /** Reads the published build and returns the filtered network. */
    Network network() throws Exception {
        return filters.load(store, spec.commandLine().getErr());
    }

    PrintWriter out() {
        return spec.commandLine().getOut();
    }
}
