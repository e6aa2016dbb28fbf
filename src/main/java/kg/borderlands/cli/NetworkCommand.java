package kg.borderlands.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code network stats|ego|path|communities|export}: the actor network (docs/network.md). */
@Command(name = "network", mixinStandardHelpOptions = true,
        description = "Analyse the actor network: who is tied to, accuses, mediates for or attacks whom, and when.",
        subcommands = {NetworkStatsCommand.class, NetworkEgoCommand.class, NetworkPathCommand.class,
                NetworkCommunitiesCommand.class, NetworkExportCommand.class})
final class NetworkCommand implements Runnable {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(),
                "a subcommand is required: stats, ego, path, communities or export");
    }
}
