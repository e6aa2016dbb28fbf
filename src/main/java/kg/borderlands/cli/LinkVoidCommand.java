package kg.borderlands.cli;

import kg.borderlands.link.VoidDescription;
import org.apache.jena.rdf.model.Model;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFDataMgr;
import org.apache.jena.riot.RDFFormat;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.ByteArrayOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

@Command(name = "void", mixinStandardHelpOptions = true,
        description = "Print (or write) the VoID description of the store: sizes, class partitions, linksets.")
final class LinkVoidCommand extends LinkSubcommand {
    @Option(names = "--endpoint", paramLabel = "URL", description = "SPARQL endpoint to advertise (void:sparqlEndpoint).")
    String endpoint;

    @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "ttl", description = "ttl, jsonld or nt (default: ${DEFAULT-VALUE}).")
    String format;

    @Option(names = "--out", paramLabel = "FILE", description = "Output file (default: standard output).")
    Path out;

    @Override
    public Integer call() throws Exception {
        Lang lang = switch (format.toLowerCase(Locale.ROOT)) {
            case "ttl" -> Lang.TURTLE;
            case "jsonld" -> Lang.JSONLD;
            case "nt" -> Lang.NTRIPLES;
            default -> throw new IllegalArgumentException("unknown format '" + format + "': use ttl, jsonld or nt");
        };
        Model m = withStore(dsg -> VoidDescription.describe(dsg, endpoint));
        ByteArrayOutputStream buf = new ByteArrayOutputStream();
        if (lang == Lang.TURTLE) RDFDataMgr.write(buf, m, RDFFormat.TURTLE_PRETTY);
        else RDFDataMgr.write(buf, m, lang);
        if (out == null) {
            var pw = out();
            pw.print(buf.toString(java.nio.charset.StandardCharsets.UTF_8));
            pw.flush();
        } else {
            if (out.getParent() != null) Files.createDirectories(out.getParent());
            Files.write(out, buf.toByteArray());
            err().println("wrote VoID (" + m.size() + " triples) to " + out);
        }
        return 0;
    }
}
