package kg.borderlands.cli;

import kg.borderlands.analyse.EgoNetwork;
import kg.borderlands.analyse.Network;
import kg.borderlands.analyse.NetworkAnalytics;
import kg.borderlands.analyse.NetworkEdge;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.io.PrintWriter;
import java.util.Comparator;
import java.util.Locale;

@Command(name = "ego", mixinStandardHelpOptions = true,
        description = "The actors within K hops of an actor (either direction) and the edges among them.")
final class NetworkEgoCommand extends NetworkSubcommand {
    @Parameters(index = "0", paramLabel = "ACTOR", description = "Actor id (or a label or alias naming one actor).")
    String actor;

    @Option(names = "--hops", paramLabel = "K", defaultValue = "1", description = "Radius in hops (default: ${DEFAULT-VALUE}).")
    int hops;

    @Override
    public Integer call() throws Exception {
        if (hops < 0) throw new IllegalArgumentException("--hops must be 0 or more");
        Network net = network();
        EgoNetwork ego = new NetworkAnalytics(net).ego(actor, hops);
        PrintWriter out = out();
        out.printf(Locale.ROOT, "ego network of %s, %d hop(s): %d actors, %d edges%n", ego.center(), hops,
                ego.network().nodes().size(), ego.network().edges().size());
        ego.distance().entrySet().stream()
                .sorted(Comparator.comparing((java.util.Map.Entry<String, Integer> e) -> e.getValue()).thenComparing(java.util.Map.Entry::getKey))
                .forEach(e -> out.printf(Locale.ROOT, "  %d  %-34s %s%n", e.getValue(), e.getKey(),
                        net.node(e.getKey()).map(n -> n.label() + " [" + n.type() + "]").orElse("")));
        out.println("edges:");
        for (NetworkEdge e : ego.network().edges()) out.println("  " + NetworkPathCommand.describe(e));
        out.flush();
        return 0;
    }
}
