package kg.borderlands.cli;

import kg.borderlands.link.Sssom;
import kg.borderlands.load.LoadOperation;
import kg.borderlands.load.StoreManager;
import org.apache.jena.sparql.core.DatasetGraph;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;

@Command(name = "sssom", mixinStandardHelpOptions = true,
        description = "Write the SSSOM mapping set generated from the links in the graph "
                + "(default: <data>/mappings/borderlands-kg.sssom.tsv). With --check, only compare.")
final class LinkSssomCommand implements Callable<Integer> {
    @Mixin
    StoreOptions options;

    @Option(names = "--out", paramLabel = "FILE", description = "Where to write (default: <data>/mappings/borderlands-kg.sssom.tsv).")
    Path out;

    @Option(names = "--check", description = "Do not write; exit 1 if the file differs from what the graph gives.")
    boolean check;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        Path target = out != null ? out : options.data.resolve("mappings").resolve("borderlands-kg.sssom.tsv");
        StoreManager store = options.storeManager();
        LoadOperation.ensure(options.inputs(), store, false);
        DatasetGraph dsg = store.open();
        String text;
        int rows;
        try {
            List<Sssom.Mapping> mappings = Sssom.fromGraph(dsg);
            rows = mappings.size();
            text = Sssom.write(mappings);
        } finally {
            StoreManager.close(dsg);
        }
        var pw = spec.commandLine().getOut();
        if (check) {
            String current = Files.exists(target) ? Files.readString(target, StandardCharsets.UTF_8) : null;
            if (!text.equals(current)) {
                spec.commandLine().getErr().println("error: " + target + " is not what the graph gives; run 'link sssom'");
                spec.commandLine().getErr().flush();
                return Errors.DATA;
            }
            pw.println(target + " is up to date (" + rows + " mappings)");
        } else {
            if (target.getParent() != null) Files.createDirectories(target.getParent());
            Files.writeString(target, text, StandardCharsets.UTF_8);
            pw.println("wrote " + rows + " mappings to " + target);
        }
        pw.flush();
        return 0;
    }
}
