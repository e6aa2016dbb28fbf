package kg.borderlands.cli;

import kg.borderlands.load.BuiltGraphs;
import kg.borderlands.load.GraphBuilder;
import kg.borderlands.validate.Finding;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

import java.io.PrintWriter;
import java.util.concurrent.Callable;

@Command(name = "validate", mixinStandardHelpOptions = true,
        description = "Check the curated data, run the SHACL shapes and quality checks, and print a report. "
                + "Exits 1 on any violation. Writes nothing.")
final class ValidateCommand implements Callable<Integer> {
    @Mixin
    StoreOptions options;

    @Option(names = "--warnings", description = "Also list warnings (they never fail validation).")
    boolean warnings;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        BuiltGraphs g = new GraphBuilder(options.inputs()).build();
        PrintWriter out = spec.commandLine().getOut();
        for (Finding f : g.report().findings()) {
            if (f.severity() == Finding.Severity.VIOLATION || warnings) out.println(f.format());
        }
        out.println("validation: " + g.report().summary() + " (" + g.data().size() + " asserted, "
                + g.inferred().size() + " inferred triples)");
        out.flush();
        return g.report().conforms() ? 0 : Errors.DATA;
    }
}
