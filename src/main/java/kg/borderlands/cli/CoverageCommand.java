package kg.borderlands.cli;

import kg.borderlands.coverage.Coverage;
import kg.borderlands.coverage.CoverageOperation;
import kg.borderlands.coverage.ParagraphCoverage;
import kg.borderlands.curate.RecordReader;
import kg.borderlands.curate.SourceUnit;
import kg.borderlands.curate.SourceUnits;
import java.util.List;
import java.util.Map;
import kg.borderlands.curate.RecordSet;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;

/** {@code coverage [--data DIR] [--notes FILE] [--uncovered] [--check]}: which paragraphs the records cite. */
@Command(name = "coverage", mixinStandardHelpOptions = true,
        description = {"Lists every paragraph of the report (II.B ¶4) with the curated records that cite it, "
                + "then the paragraphs no record cites, with the curators' reason when they marked one as holding no fact.",
                "Reads the data only; needs no store."},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:listed (with --check: every paragraph has records or a reason, every note is current)",
                "1:bad data; with --check, a paragraph without records and without a reason, or a stale note",
                "2:invalid usage or a malformed notes file"})
final class CoverageCommand implements Callable<Integer> {

    @Option(names = "--data", paramLabel = "DIR", defaultValue = "data",
            description = "Curated YAML data (default: ${DEFAULT-VALUE}).")
    Path data;

    @Option(names = "--notes", paramLabel = "FILE",
            description = "Paragraphs marked as holding no fact, tab-separated id and reason "
                    + "(default: each source's <data>/sources/<id>/" + CoverageOperation.NOTES + ", or <data>/"
                    + CoverageOperation.NOTES + " without sources/; a file given here holds the notes of the only "
                    + "source, or of a directory without sources/).")
    Path notes;

    @Option(names = "--uncovered", description = "List only the paragraphs no record cites.")
    boolean uncoveredOnly;

    @Option(names = "--check", description = "Exit 1 when a paragraph has neither records nor a reason, or a note is stale.")
    boolean check;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        List<SourceUnit> units = SourceUnits.of(data);
        RecordSet records = new RecordSet(new RecordReader().readAll(data, units), units);
        Map<String, String> marks;
        if (notes == null) {
            marks = CoverageOperation.readNotes(units);
        } else {
            List<SourceUnit> sources = units.stream().filter(SourceUnit::isSource).toList();
            if (sources.size() > 1) {
                throw new picocli.CommandLine.ParameterException(spec.commandLine(),
                        "--notes: the data has several sources; each keeps its notes in its own " + CoverageOperation.NOTES);
            }
            String only = sources.isEmpty() ? null : sources.get(0).id();
            marks = new java.util.LinkedHashMap<>();
            CoverageOperation.readNotes(notes).forEach((id, reason) -> marks.put(RecordSet.keyIn(only, id), reason));
        }
        Coverage c = new CoverageOperation().run(records, marks);
        PrintWriter out = spec.commandLine().getOut();
        for (ParagraphCoverage p : c.paragraphs()) {
            if (uncoveredOnly && p.covered()) continue;
            String what;
            if (p.staleNote()) what = String.join(" ", p.records()) + "  [stale note: " + p.noRecordReason() + "]";
            else if (p.covered()) what = String.join(" ", p.records());
            else if (p.noRecordReason() != null) what = "— no records: " + p.noRecordReason();
            else what = "— MISSING: no records and no reason";
            out.println(p.anchor() + "\t" + p.records().size() + "\t" + what);
        }
        for (String id : c.unknownNotes()) out.println("note for unknown paragraph '" + id + "'");
        out.println("coverage: " + c.summary());
        out.flush();
        return check && !c.complete() ? Errors.DATA : 0;
    }
}
