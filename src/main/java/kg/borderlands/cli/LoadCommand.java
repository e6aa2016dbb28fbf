package kg.borderlands.cli;

import kg.borderlands.load.LoadOperation;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

import java.io.PrintWriter;
import java.time.Duration;
import java.util.concurrent.Callable;

@Command(name = "load", mixinStandardHelpOptions = true,
        description = "Build the TDB2 store from ontology/ and data/ (reused when the inputs are unchanged and the "
                + "published build verifies). The build is validated first; a failing or interrupted build leaves "
                + "the previous store untouched. One load at a time per store: a second one waits (--wait).")
final class LoadCommand implements Callable<Integer> {
    @Mixin
    StoreOptions options;

    @Option(names = "--force", description = "Rebuild even if the inputs are unchanged.")
    boolean force;

    @Option(names = LoadLauncher.NO_CLASS_ARCHIVE,
            description = "Run from the jar without the class archive kept in the store (store/cds/): neither use nor "
                    + "write it, read every class from the jar (docs/operations.md).")
    boolean noClassArchive;

    @Option(names = "--wait", paramLabel = "SECONDS", defaultValue = "120",
            description = "How long to wait for another load of the same store to finish (default: ${DEFAULT-VALUE}; 0: do not wait).")
    double waitSeconds;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        if (waitSeconds < 0 || Double.isNaN(waitSeconds)) throw new IllegalArgumentException("--wait must be 0 or more seconds");
        kg.borderlands.load.Profile.lap("command line");
        PrintWriter err = spec.commandLine().getErr();
        LoadOperation.Result r = LoadOperation.ensure(options.inputs(), options.storeManager(), force,
                Duration.ofMillis(Math.round(waitSeconds * 1000)), line -> {
                    err.println(line);
                    err.flush();
                });
        var out = spec.commandLine().getOut();
        if (r.reused()) {
            out.println("store is up to date: " + r.build());
        } else {
            // a child JVM writing the class archive keeps it: it has loaded a build's classes (LoadLauncher)
            kg.borderlands.serve.ClassArchive.markServed();
            out.println("built " + r.build() + ": " + r.dataTriples() + " asserted + " + r.inferredTriples()
                    + " inferred triples; " + r.report().summary());
        }
        out.flush();
        kg.borderlands.load.Profile.lap("result printed");
        return 0;
    }
}
