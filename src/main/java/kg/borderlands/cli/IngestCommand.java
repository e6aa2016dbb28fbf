package kg.borderlands.cli;

import kg.borderlands.ingest.IngestResult;
import kg.borderlands.ingest.ParsedReport;
import kg.borderlands.ingest.RecordWriter;
import kg.borderlands.ingest.ReportIngester;
import kg.borderlands.ingest.ReportParser;
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

/** {@code ingest REPORT.md [--out DIR] [--report-id ID]}: the report's sections, footnotes, cited works and paragraphs as YAML. */
@Command(name = "ingest", mixinStandardHelpOptions = true,
        description = {
                "Reads the report (markdown) and writes its section tree, footnotes, cited works and paragraph "
                        + "anchors as curated YAML records: sections.yaml, footnotes.yaml, works.yaml, paragraphs.yaml.",
                "Neither footnote nor paragraph texts are written; see docs/ingest.md."},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:records written", "1:report missing, unreadable or without sections; or output not writable",
                "2:invalid usage"})
public final class IngestCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "REPORT.md", description = "the report as markdown")
    Path report;

    @Option(names = "--out", paramLabel = "DIR", defaultValue = "data/report",
            description = "output directory (default: ${DEFAULT-VALUE})")
    Path out;

    @Option(names = "--report-id", paramLabel = "ID", defaultValue = ReportIngester.DEFAULT_REPORT_ID,
            description = "the report's works id (default: ${DEFAULT-VALUE})")
    String reportId;

    @Option(names = {"-q", "--quiet"}, description = "do not print warnings")
    boolean quiet;

    @Override
    public Integer call() {
        PrintWriter err = spec.commandLine().getErr();
        PrintWriter stdout = spec.commandLine().getOut();
        if (!reportId.matches("^[a-z0-9]+(-[a-z0-9]+)*$")) {
            err.println("ingest: invalid --report-id '" + reportId + "': use lowercase letters, digits and '-'");
            err.flush();
            return 2;
        }
        String text;
        try {
            if (!Files.isRegularFile(report)) throw new IOException("no such file");
            text = Files.readString(report, StandardCharsets.UTF_8);
        } catch (CharacterCodingException e) {
            return fail(err, "cannot read " + report + ": not UTF-8 text");
        } catch (IOException e) {
            return fail(err, "cannot read " + report + ": " + reason(e));
        }
        ParsedReport parsed = new ReportParser().parse(text);
        if (parsed.sections().isEmpty()) {
            return fail(err, "no sections found in " + report);
        }
        IngestResult result = new ReportIngester().ingest(parsed, reportId);
        try {
            new RecordWriter().write(result, report.getFileName().toString(), out);
        } catch (IOException e) {
            return fail(err, "cannot write to " + out + ": " + reason(e));
        }
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
