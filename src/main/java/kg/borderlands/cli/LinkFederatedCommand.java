package kg.borderlands.cli;

import kg.borderlands.link.FederatedQueries;
import kg.borderlands.query.QueryRunner;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

@Command(name = "federated", mixinStandardHelpOptions = true,
        description = "Run a query of queries/federated/ against the store, with ${WIKIDATA} in its SERVICE clause "
                + "replaced by the endpoint.")
final class LinkFederatedCommand extends LinkSubcommand {
    @Mixin
    LinkEndpointOptions remote;

    @Parameters(paramLabel = "FILE", description = "The query file (queries/federated/*.rq).")
    Path file;

    @Mixin
    ResultFormatOption format;

    @Override
    public Integer call() throws Exception {
        QueryRunner.Format fmt = format.parse();
        String query = QueryRunner.readFile(file);
        QueryRunner.parseChecked(FederatedQueries.substitute(query, remote.endpoint), file.toString());
        ByteArrayOutputStream buf = new ByteArrayOutputStream();
        withStore(dsg -> {
            FederatedQueries.run(dsg, query, remote.endpoint, remote.timeout(), fmt, buf);
            return null;
        });
        out().print(buf.toString(StandardCharsets.UTF_8));
        out().flush();
        return 0;
    }
}
