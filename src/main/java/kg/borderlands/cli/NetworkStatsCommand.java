package kg.borderlands.cli;

import kg.borderlands.analyse.AccusationMatrix;
import kg.borderlands.analyse.ActorMetrics;
import kg.borderlands.analyse.Metric;
import kg.borderlands.analyse.Network;
import kg.borderlands.analyse.NetworkAnalytics;
import kg.borderlands.analyse.NetworkEdge;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.PrintWriter;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

@Command(name = "stats", mixinStandardHelpOptions = true,
        description = "Size of the network, edges per kind, top actors by betweenness, PageRank and degree, and who accuses whom.")
final class NetworkStatsCommand extends NetworkSubcommand {
    @Option(names = "--top", paramLabel = "N", defaultValue = "10", description = "How many actors per ranking (default: ${DEFAULT-VALUE}).")
    int top;

    @Override
    public Integer call() throws Exception {
        if (top < 1) throw new IllegalArgumentException("--top must be at least 1");
        Network net = network();
        NetworkAnalytics a = new NetworkAnalytics(net);
        PrintWriter out = out();
        long isolated = net.nodes().stream().filter(n -> net.edgesOf(n.id()).isEmpty()).count();
        out.printf(Locale.ROOT, "actors: %d (%d without edges), edges: %d, ties skipped (object not an actor): %d%n",
                net.nodes().size(), isolated, net.edges().size(), net.skipped().size());
        Map<String, Integer> perKind = new TreeMap<>();
        for (NetworkEdge e : net.edges()) perKind.merge(e.kind(), 1, Integer::sum);
        out.println("edges per kind: " + perKind.toString().replaceAll("[{}]", ""));
        out.printf(Locale.ROOT, "communities: %d (%s, modularity %.3f)%n", a.communities().groups().size(),
                a.communities().algorithm(), a.communities().modularity());
        for (Metric m : Metric.values()) {
            out.println();
            out.println("top " + top + " by " + m.name().toLowerCase(Locale.ROOT)
                    + (m == Metric.BETWEENNESS ? " (raw, undirected; normalised in brackets)" : m == Metric.PAGERANK
                    ? " (directed, damping 0.85)" : " (in + out, directed)"));
            int rank = 0;
            for (ActorMetrics am : a.top(m, top)) {
                String value = switch (m) {
                    case BETWEENNESS -> String.format(Locale.ROOT, "%9.2f (%.4f)", am.betweenness(), am.betweennessNormalised());
                    case PAGERANK -> String.format(Locale.ROOT, "%9.4f", am.pageRank());
                    case DEGREE -> String.format(Locale.ROOT, "%3d (in %d, out %d)", am.degree().total(), am.degree().in(), am.degree().out());
                };
                out.printf(Locale.ROOT, "%3d. %-34s %s  %s%n", ++rank, am.id(), value, am.actor().label());
            }
        }
        AccusationMatrix acc = a.accusations();
        out.println();
        out.println("who accuses whom (allegations and counter-claims): " + acc.total());
        for (AccusationMatrix.Cell c : acc.cells()) {
            out.printf(Locale.ROOT, "%4d  %s -> %s%n", c.count(), c.accuser(), c.accused());
        }
        out.flush();
        return 0;
    }
}
