package kg.borderlands.cli;

import kg.borderlands.export.Bundle;
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
        description = {"Write the published build of the store (never builds it: run load first) as RDF: ttl, nt, jsonld, rdfxml (union graph) or trig (named graphs). "
                + "The VoID description goes in its own named graph (trig) or beside the file as NAME.void.ttl.",
                "--bundle DIR writes the build for bulk loaders instead: DIR/dump.nq.gz (the build's gzipped N-Quads, byte for byte) "
                        + "and DIR/manifest.json (counts per graph, size and SHA-256, licence); see docs/deploy.md."})
final class ExportCommand implements Callable<Integer> {
    @Mixin
    StoreOptions options;

    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Option(names = "--format", paramLabel = "FORMAT",
            description = "ttl, nt, jsonld, trig or rdfxml (required unless --bundle).")
    String format;

    @Option(names = "--bundle", paramLabel = "DIR",
            description = "Write DIR/dump.nq.gz and DIR/manifest.json for bulk loaders (not with --format or --out).")
    Path bundle;

    @Option(names = "--out", paramLabel = "FILE", description = "Output file (default: standard output).")
    Path out;

    @Override
    public Integer call() throws Exception {
        if (bundle != null) return writeBundle();
        if (format == null) throw new IllegalArgumentException("give --format FORMAT (or --bundle DIR)");
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

    private int writeBundle() throws Exception {
        if (format != null || out != null) {
            throw new IllegalArgumentException("--bundle writes its own files: give it without --format and --out");
        }
        Bundle.Manifest m = options.withBuildFiles(b -> Bundle.write(b, bundle), spec.commandLine().getErr());
        System.err.println("wrote " + m.quads() + " quads in " + m.graphs().size() + " graphs to "
                + bundle.resolve(Bundle.DUMP) + " (" + m.bytes() + " bytes, SHA-256 " + m.sha256() + ") and "
                + bundle.resolve(Bundle.MANIFEST));
        return 0;
    }
}
