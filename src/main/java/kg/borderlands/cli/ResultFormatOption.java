package kg.borderlands.cli;

import kg.borderlands.query.QueryRunner;
import picocli.CommandLine.Option;

/** The {@code --format} of commands that print SPARQL results. */
final class ResultFormatOption {
    @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "table",
            description = "table, csv, tsv or json (default: ${DEFAULT-VALUE}).")
    String format;

    QueryRunner.Format parse() {
        return QueryRunner.Format.parse(format);
    }
}
