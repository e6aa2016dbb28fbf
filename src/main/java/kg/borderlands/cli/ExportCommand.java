package kg.borderlands.cli;

import kg.borderlands.export.Exporter;
import kg.borderlands.link.VoidDescription;
import org.apache.jena.rdf.model.Model;
import org.apache.jena.riot.RDFDataMgr;
import org.apache.jena.riot.RDFFormat;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.io.BufferedOutputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;

@Command(name = "export", mixinStandardHelpOptions = true,
        description = "Write the published build of the store (never builds it: run load first) as RDF: ttl, nt, jsonld, rdfxml (union graph) or trig (named graphs). "
                + "The VoID description goes in its own named graph (trig) or beside the file as NAME.void.ttl.")
final class ExportCommand implements Callable<Integer> {
    @Mixin
    StoreOptions options;

    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Option(names = "--format", paramLabel = "FORMAT", required = true,
            description = "ttl, nt, jsonld, trig or rdfxml.")
    String format;

    @Option(names = "--out", paramLabel = "FILE", description = "Output file (default: standard output).")
    Path out;

    @Override
    public Integer call() throws Exception {
        Exporter.Format fmt = Exporter.Format.parse(format);
        options.withStore(dsg -> {
            // VoID (docs/linking.md): TriG carries the store's own VoID named graph; other formats get a
            // .void.ttl file beside them.
            if (out == null) {
                Exporter.export(dsg, fmt, System.out);
                System.out.flush();
            } else {
                if (out.getParent() != null) Files.createDirectories(out.getParent());
                long n;
                try (OutputStream os = new BufferedOutputStream(Files.newOutputStream(out))) {
                    n = Exporter.export(dsg, fmt, os);
                }
                System.err.println("wrote " + n + (fmt.quads() ? " quads" : " triples") + " to " + out);
                if (!fmt.quads()) {
                    Model voidDescription = VoidDescription.describe(dsg, null);
                    Path beside = VoidDescription.besideExport(out);
                    try (OutputStream os = new BufferedOutputStream(Files.newOutputStream(beside))) {
                        RDFDataMgr.write(os, voidDescription, RDFFormat.TURTLE_PRETTY);
                    }
                    System.err.println("wrote VoID description to " + beside);
                }
            }
            return null;
        }, spec.commandLine().getErr());
        return 0;
    }
}
