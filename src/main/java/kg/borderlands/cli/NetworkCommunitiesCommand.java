package kg.borderlands.cli;

import kg.borderlands.analyse.Communities;
import kg.borderlands.analyse.CommunityAlgorithm;
import kg.borderlands.analyse.Network;
import kg.borderlands.analyse.NetworkAnalytics;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.io.PrintWriter;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;

@Command(name = "communities", mixinStandardHelpOptions = true,
        description = "Groups of densely linked actors (undirected view).")
final class NetworkCommunitiesCommand implements Callable<Integer> {
    @Mixin
    StoreOptions store;

    @Mixin
    NetworkFilterOptions filters;

    @Option(names = "--algorithm", paramLabel = "NAME", defaultValue = "girvan-newman",
            description = "girvan-newman or label-propagation (fixed seed) (default: ${DEFAULT-VALUE}).")
    String algorithm;

    @Option(names = "--k", paramLabel = "N", defaultValue = "0",
            description = "girvan-newman: stop at N parts (isolated actors count); 0 = the cut of best modularity (default: ${DEFAULT-VALUE}).")
    int k;

    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        CommunityAlgorithm alg = CommunityAlgorithm.parse(algorithm);
        Network net = filters.load(store);
        Communities c = new NetworkAnalytics(net).communities(alg, k);
        PrintWriter out = spec.commandLine().getOut();
        out.printf(Locale.ROOT, "%d communities, %s, modularity %.3f%n", c.groups().size(), c.algorithm(), c.modularity());
        int i = 0;
        for (List<String> g : c.groups()) {
            out.printf(Locale.ROOT, "%d. (%d) %s%n", i++, g.size(), String.join(", ", g));
        }
        out.flush();
        return 0;
    }
}
