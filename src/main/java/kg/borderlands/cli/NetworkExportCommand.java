package kg.borderlands.cli;

import kg.borderlands.analyse.Network;
import kg.borderlands.analyse.NetworkExporter;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.PrintStream;
import java.nio.file.Path;

@Command(name = "export", mixinStandardHelpOptions = true,
        description = "Write the (filtered) network as GraphML, GEXF 1.2 (with time), CSV node/edge lists or Cytoscape.js JSON.")
final class NetworkExportCommand extends NetworkSubcommand {
    @Option(names = "--format", paramLabel = "FORMAT", required = true,
            description = "graphml, gexf, csv or cytoscape.")
    String format;

    @Option(names = "--out", paramLabel = "FILE|DIR",
            description = "Output file; for csv a directory (nodes.csv, edges.csv). Default: standard output (not for csv).")
    Path out;

    @Override
    public Integer call() throws Exception {
        NetworkExporter.Format fmt = NetworkExporter.Format.parse(format);
        if (fmt == NetworkExporter.Format.CSV && out == null) {
            throw new IllegalArgumentException("csv writes two files: give a directory with --out");
        }
        Network net = network();
        if (out == null) {
            PrintStream ps = System.out;
            NetworkExporter.write(net, fmt, ps);
            ps.flush();
        } else {
            NetworkExporter.write(net, fmt, out);
            spec.commandLine().getErr().println("wrote " + net.nodes().size() + " actors and " + net.edges().size()
                    + " edges to " + out);
            spec.commandLine().getErr().flush();
        }
        return 0;
    }
}
