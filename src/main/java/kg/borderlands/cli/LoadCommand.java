package kg.borderlands.cli;

import kg.borderlands.load.LoadOperation;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

import java.util.concurrent.Callable;

@Command(name = "load", mixinStandardHelpOptions = true,
        description = "Build the TDB2 store from ontology/ and data/ (reused when the inputs are unchanged). "
                + "The build is validated first; a failing build leaves the previous store untouched.")
final class LoadCommand implements Callable<Integer> {
    @Mixin
    StoreOptions options;

    @Option(names = "--force", description = "Rebuild even if the inputs are unchanged.")
    boolean force;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        LoadOperation.Result r = LoadOperation.ensure(options.inputs(), options.storeManager(), force);
        var out = spec.commandLine().getOut();
        if (r.reused()) {
            out.println("store is up to date: " + r.build());
        } else {
            out.println("built " + r.build() + ": " + r.dataTriples() + " asserted + " + r.inferredTriples()
                    + " inferred triples; " + r.report().summary());
        }
        out.flush();
        return 0;
    }
}
