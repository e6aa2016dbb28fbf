package kg.borderlands.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Spec;

/** {@code link}: external links — SSSOM export, reconciliation against Wikidata, federated queries, VoID. */
@Command(name = "link", mixinStandardHelpOptions = true,
        description = "Links to Wikidata, GeoNames and DBpedia (data/links/): write the SSSOM mapping set, propose "
                + "Wikidata candidates for unlinked records, run federated queries, describe the dataset in VoID.",
        subcommands = {LinkSssomCommand.class, LinkReconcileCommand.class, LinkFederatedCommand.class,
                LinkVoidCommand.class})
final class LinkCommand implements Runnable {
    @Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(),
                "a link command is required: sssom, reconcile, federated or void");
    }
}
