package kg.borderlands.cli;

import kg.borderlands.link.Sssom;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

@Command(name = "sssom", mixinStandardHelpOptions = true,
        description = "Write the SSSOM mapping set generated from the links in the graph "
                + "(default: <data>/mappings/borderlands-kg.sssom.tsv). With --check, only compare.")
final class LinkSssomCommand extends LinkSubcommand {
    @Option(names = "--out", paramLabel = "FILE", description = "Where to write (default: <data>/mappings/borderlands-kg.sssom.tsv).")
    Path out;

    @Option(names = "--check", description = "Do not write; exit 1 if the file differs from what the graph gives.")
    boolean check;

    @Override
    public Integer call() throws Exception {
        Path target = out != null ? out : options.data.resolve("mappings").resolve("borderlands-kg.sssom.tsv");
        // generated into data/: from an up-to-date build only, never from a stale one with a warning
        List<Sssom.Mapping> mappings = options.withUpToDateStore(Sssom::fromGraph);
        int rows = mappings.size();
        String text = Sssom.write(mappings);
        var pw = out();
        if (check) {
            String current = Files.exists(target) ? Files.readString(target, StandardCharsets.UTF_8) : null;
            if (!text.equals(current)) {
                err().println("error: " + target + " is not what the graph gives; run 'link sssom'");
                err().flush();
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
