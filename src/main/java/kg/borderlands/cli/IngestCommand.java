package kg.borderlands.cli;

import kg.borderlands.ingest.IngestResult;
import kg.borderlands.ingest.ParsedReport;
import kg.borderlands.ingest.RecordWriter;
import kg.borderlands.ingest.ReportIngester;
import kg.borderlands.ingest.ReportParser;
import kg.borderlands.ingest.ReportIds;
import kg.borderlands.ingest.SourceDescriptorWriter;
import kg.borderlands.curate.CurationException;
import kg.borderlands.curate.SourceDescriptor;
import kg.borderlands.curate.SourceUnits;
import java.security.MessageDigest;
import java.util.HexFormat;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;

/**
 * {@code ingest REPORT.md [--data DIR] [--source-id ID] [--report-id ID] [--out DIR]}: the report's sections, footnotes,
 * cited works and paragraphs as YAML, written into its source unit ({@code <data>/sources/<source-id>/report/}, with
 * the unit's descriptor {@code source.yaml}).
 */
@Command(name = "ingest", mixinStandardHelpOptions = true,
        description = {
                "Reads the report (markdown) and writes its section tree, footnotes, cited works and paragraph "
                        + "anchors as curated YAML records: sections.yaml, footnotes.yaml, works.yaml, paragraphs.yaml, in the "
                        + "report/ folder of its source unit, with the unit's descriptor source.yaml.",
                "Neither footnote nor paragraph texts are written; see docs/ingest.md."},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:records written", "1:report missing, unreadable or without sections; or output not writable",
                "2:invalid usage"})
public final class IngestCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "REPORT.md", description = "the report as markdown")
    Path report;

    @Option(names = "--data", paramLabel = "DIR", defaultValue = "data",
            description = "data directory: the records go to <data>/sources/<source-id>/report/ and the source's "
                    + "descriptor to <data>/sources/<source-id>/source.yaml (default: ${DEFAULT-VALUE})")
    Path data;

    @Option(names = "--source-id", paramLabel = "ID",
            description = "the source unit's id (default: the report's works id)")
    String sourceId;

    @Option(names = "--report-id", paramLabel = "ID",
            description = "the report's works id (default: derived from its series line, "
                    + "'Asia-Pacific Report N°354' -> icg-asia-354)")
    String reportId;

    @Option(names = "--publisher", paramLabel = "NAME", defaultValue = "International Crisis Group",
            description = "publisher of the report itself (default: ${DEFAULT-VALUE})")
    String publisher;

    @Option(names = "--out", paramLabel = "DIR",
            description = "write only the four record files, into DIR, and no descriptor (instead of the source unit)")
    Path out;

    @Option(names = {"-q", "--quiet"}, description = "do not print warnings")
    boolean quiet;

    @Override
    public Integer call() {
        PrintWriter err = spec.commandLine().getErr();
        PrintWriter stdout = spec.commandLine().getOut();
        for (String[] id : new String[][] {{"--report-id", reportId}, {"--source-id", sourceId}}) {
            if (id[1] != null && !id[1].matches("^[a-z0-9]+(-[a-z0-9]+)*$")) {
                err.println("ingest: invalid " + id[0] + " '" + id[1] + "': use lowercase letters, digits and '-'");
                err.flush();
                return 2;
            }
        }
        String text;
        byte[] bytes;
        try {
            if (!Files.isRegularFile(report)) throw new IOException("no such file");
            bytes = Files.readAllBytes(report);
            text = StandardCharsets.UTF_8.newDecoder().decode(java.nio.ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            return fail(err, "cannot read " + report + ": not UTF-8 text");
        } catch (IOException e) {
            return fail(err, "cannot read " + report + ": " + reason(e));
        }
        ParsedReport parsed = new ReportParser().parse(text);
        if (parsed.sections().isEmpty()) {
            return fail(err, "no sections found in " + report);
        }
        String work = reportId != null ? reportId : ReportIds.derive(text).orElse(null);
        if (work == null) {
            err.println("ingest: cannot derive the report's id from " + report + " (no Crisis Group series line such as "
                    + "'Asia Report N°354'): give --report-id");
            err.flush();
            return 2;
        }
        String source = sourceId != null ? sourceId : work;
        IngestResult result = new ReportIngester().ingest(parsed, work, publisher);
        Path unit = data.resolve(SourceUnits.SOURCES).resolve(source);
        Path target = out != null ? out : unit.resolve("report");
        try {
            new RecordWriter().write(result, report.getFileName().toString(), target);
            if (out == null) {
                Path descriptor = unit.resolve(SourceUnits.DESCRIPTOR);
                String former = null;
                if (Files.isRegularFile(descriptor)) former = SourceDescriptor.read(descriptor).formerIris();
                SourceDescriptorWriter.write(descriptor, source, work, report.getFileName().toString(),
                        HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes)), former,
                        ReportIds.citedAs(text).stream().toList());
            }
        } catch (IOException e) {
            return fail(err, "cannot write to " + target + ": " + reason(e));
        } catch (CurationException e) {
            return fail(err, "existing descriptor is not valid: " + e.getMessage());
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
        out = target;
        if (!quiet) {
            for (String w : result.warnings()) err.println("ingest: warning: " + w);
        }
        err.flush();
        stdout.println("ingest: " + result.summary() + " -> " + out
                + (result.warnings().isEmpty() ? "" : "; " + result.warnings().size() + " warning(s)"));
        stdout.flush();
        return 0;
    }

    private static int fail(PrintWriter err, String message) {
        err.println("ingest: " + message);
        err.flush();
        return 1;
    }

    private static String reason(IOException e) {
        String m = e.getMessage();
        return e instanceof java.nio.file.NoSuchFileException ? "no such file"
                : e instanceof java.nio.file.AccessDeniedException ? "permission denied"
                : m == null ? e.getClass().getSimpleName() : m;
    }
}
