package kg.borderlands.cli;

import kg.borderlands.analyse.Communities;
import kg.borderlands.analyse.CommunityAlgorithm;
import kg.borderlands.analyse.Network;
import kg.borderlands.analyse.NetworkAnalytics;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.PrintWriter;
import java.util.List;
import java.util.Locale;

@Command(name = "communities", mixinStandardHelpOptions = true,
        description = "Groups of densely linked actors (undirected view).")
final class NetworkCommunitiesCommand extends NetworkSubcommand {
    @Option(names = "--algorithm", paramLabel = "NAME", defaultValue = "girvan-newman",
            description = "girvan-newman or label-propagation (fixed seed) (default: ${DEFAULT-VALUE}).")
    String algorithm;

    @Option(names = "--k", paramLabel = "N", defaultValue = "0",
            description = "girvan-newman: stop at N parts (isolated actors count); 0 = the cut of best modularity (default: ${DEFAULT-VALUE}).")
    int k;

    @Override
    public Integer call() throws Exception {
        CommunityAlgorithm alg = CommunityAlgorithm.parse(algorithm);
        Network net = network();
        Communities c = new NetworkAnalytics(net).communities(alg, k);
        PrintWriter out = out();
        out.printf(Locale.ROOT, "%d communities, %s, modularity %.3f%n", c.groups().size(), c.algorithm(), c.modularity());
        int i = 0;
        for (List<String> g : c.groups()) {
            out.printf(Locale.ROOT, "%d. (%d) %s%n", i++, g.size(), String.join(", ", g));
        }
        out.flush();
        return 0;
    }
}
