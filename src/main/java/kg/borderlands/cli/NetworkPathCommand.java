package kg.borderlands.cli;

import kg.borderlands.analyse.Hop;
import kg.borderlands.analyse.HopRelation;
import kg.borderlands.analyse.Network;
import kg.borderlands.analyse.NetworkAnalytics;
import kg.borderlands.analyse.NetworkEdge;
import kg.borderlands.analyse.NetworkPath;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

import java.io.PrintWriter;
import java.util.Optional;
import java.util.stream.Collectors;

@Command(name = "path", mixinStandardHelpOptions = true,
        description = "A shortest path between two actors (fewest hops, either direction), each hop with its relations and sources.")
final class NetworkPathCommand extends NetworkSubcommand {
    @Parameters(index = "0", paramLabel = "FROM", description = "Actor id (or a label or alias naming one actor).")
    String from;

    @Parameters(index = "1", paramLabel = "TO", description = "Actor id (or a label or alias naming one actor).")
    String to;

    @Override
    public Integer call() throws Exception {
        Network net = network();
        NetworkAnalytics a = new NetworkAnalytics(net);
        Optional<NetworkPath> p = a.shortestPath(from, to);
        PrintWriter out = out();
        if (p.isEmpty()) {
            out.println("no path between " + net.resolve(from).id() + " and " + net.resolve(to).id() + " in this network");
            out.flush();
            return 0;
        }
        NetworkPath path = p.get();
        out.println(String.join(" -- ", path.actors()) + "  (" + path.length() + " hop(s))");
        int i = 0;
        for (Hop h : path.hops()) {
            out.printf("%d. %s -- %s%n", ++i, h.from(), h.to());
            for (HopRelation r : h.relations()) {
                String arrow = switch (r.direction()) {
                    case FORWARD -> "->";
                    case BACKWARD -> "<-";
                    case BOTH -> "--";
                };
                out.println("   " + arrow + " " + describe(r.edge()));
            }
        }
        out.flush();
        return 0;
    }

    /** One line: kind, ends, dates, contested, sources. */
    static String describe(NetworkEdge e) {
        StringBuilder s = new StringBuilder();
        s.append(e.kind()).append(' ').append(e.source()).append(e.directed() ? " -> " : " -- ").append(e.target());
        if (e.from() != null || e.until() != null) {
            s.append(" [").append(e.from() == null ? "…" : e.from()).append(" .. ").append(e.until() == null ? "…" : e.until()).append(']');
        }
        if (e.contested()) s.append(" (contested: according to ").append(String.join(", ", e.accordingTo())).append(')');
        s.append("  record ").append(e.record());
        if (!e.sections().isEmpty()) s.append(", section ").append(String.join(", ", e.sections()));
        if (!e.footnotes().isEmpty()) {
            s.append(", fn ").append(e.footnotes().stream().map(String::valueOf).collect(Collectors.joining(", ")));
        }
        return s.toString();
    }
}
