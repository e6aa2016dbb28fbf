package kg.borderlands.cli;

import kg.borderlands.query.QueryRunner;
import picocli.CommandLine.Option;

/** The {@code --format} of commands that print SPARQL results. */
final class ResultFormatOption {
    @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "table",
            description = "table, csv, tsv, json or xml (default: ${DEFAULT-VALUE}); for CONSTRUCT and DESCRIBE json is JSON-LD, xml RDF/XML, the others Turtle.")
    String format;

    QueryRunner.Format parse() {
        return QueryRunner.Format.parse(format);
    }
}
