package kg.borderlands.cli;

import kg.borderlands.query.QueryRunner;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.nio.file.Path;
import java.util.concurrent.Callable;

@Command(name = "query", mixinStandardHelpOptions = true,
        description = "Run a SPARQL query against the published build of the store, offline (never builds it: run load first). Prefixes blk:, bkr:, skos:, time:… are predeclared.")
final class QueryCommand implements Callable<Integer> {
    @Mixin
    StoreOptions options;

    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @ArgGroup(exclusive = true, multiplicity = "1")
    Source source;

    static final class Source {
        @Option(names = {"-f", "--file"}, paramLabel = "FILE", description = "File holding the query.")
        Path file;

        @Option(names = {"-q", "--query"}, paramLabel = "SPARQL", description = "The query itself.")
        String text;
    }

    @Mixin
    ResultFormatOption format;

    @Override
    public Integer call() throws Exception {
        QueryRunner.Format fmt = format.parse();
        String sparql = source.file != null ? QueryRunner.readFile(source.file) : source.text;
        QueryRunner.parseChecked(sparql, source.file == null ? null : source.file.toString());
        options.withStore(dsg -> {
            QueryRunner.run(dsg, sparql, fmt, System.out);
            return null;
        }, spec.commandLine().getErr());
        System.out.flush();
        return 0;
    }
}
