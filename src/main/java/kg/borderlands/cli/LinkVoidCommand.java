package kg.borderlands.cli;

import kg.borderlands.link.VoidDescription;
import kg.borderlands.load.LoadOperation;
import kg.borderlands.load.StoreManager;
import org.apache.jena.rdf.model.Model;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFDataMgr;
import org.apache.jena.riot.RDFFormat;
import org.apache.jena.sparql.core.DatasetGraph;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

import java.io.ByteArrayOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;

@Command(name = "void", mixinStandardHelpOptions = true,
        description = "Print (or write) the VoID description of the store: sizes, class partitions, linksets.")
final class LinkVoidCommand implements Callable<Integer> {
    @Mixin
    StoreOptions options;

    @Option(names = "--endpoint", paramLabel = "URL", description = "SPARQL endpoint to advertise (void:sparqlEndpoint).")
    String endpoint;

    @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "ttl", description = "ttl, jsonld or nt (default: ${DEFAULT-VALUE}).")
    String format;

    @Option(names = "--out", paramLabel = "FILE", description = "Output file (default: standard output).")
    Path out;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        Lang lang = switch (format.toLowerCase(Locale.ROOT)) {
            case "ttl" -> Lang.TURTLE;
            case "jsonld" -> Lang.JSONLD;
            case "nt" -> Lang.NTRIPLES;
            default -> throw new IllegalArgumentException("unknown format '" + format + "': use ttl, jsonld or nt");
        };
        StoreManager store = options.storeManager();
        LoadOperation.ensure(options.inputs(), store, false);
        DatasetGraph dsg = store.open();
        Model m;
        try {
            m = VoidDescription.describe(dsg, endpoint);
        } finally {
            StoreManager.close(dsg);
        }
        ByteArrayOutputStream buf = new ByteArrayOutputStream();
        if (lang == Lang.TURTLE) RDFDataMgr.write(buf, m, RDFFormat.TURTLE_PRETTY);
        else RDFDataMgr.write(buf, m, lang);
        if (out == null) {
            var pw = spec.commandLine().getOut();
            pw.print(buf.toString(java.nio.charset.StandardCharsets.UTF_8));
            pw.flush();
        } else {
            if (out.getParent() != null) Files.createDirectories(out.getParent());
            Files.write(out, buf.toByteArray());
            spec.commandLine().getErr().println("wrote VoID (" + m.size() + " triples) to " + out);
        }
        return 0;
    }
}
