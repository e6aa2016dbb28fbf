package kg.borderlands.ingest;

import java.util.ArrayList;
import java.util.List;

/** Turns a {@link ParsedReport} into section, footnote and work records (the {@code ingest} operation). */
public final class ReportIngester {

    public static final String DEFAULT_REPORT_ID = "icg-asia-354";

    private final CitationParser citations = new CitationParser();

    /** A Crisis Group report: its works record has publisher International Crisis Group. */
    public IngestResult ingest(ParsedReport report, String reportId) {
        return ingest(report, reportId, CitationParser.CRISIS_GROUP);
    }

    /** A report of the same shape by {@code publisher} (the publisher of the report's own works record). */
    public IngestResult ingest(ParsedReport report, String reportId, String publisher) {
        List<String> warnings = new ArrayList<>(report.warnings());
        List<IngestResult.SectionRecord> sections = new ArrayList<>();
        for (ReportSection s : report.sections()) {
            sections.add(new IngestResult.SectionRecord(s.id(), s.number(), s.label(),
                    s.parentNumber() == null ? null : ReportSection.idOf(s.parentNumber()), reportId));
        }

        WorkResolver resolver = new WorkResolver();
        String title = report.title();
        if (title == null) {
            warnings.add("report title not found; the report's works record is labelled with its id");
            title = reportId;
        }
        resolver.add(Work.of(reportId, WorkType.REPORT, title, java.util.Objects.requireNonNull(publisher, "publisher"),
                List.of(), report.date()));

        List<IngestResult.FootnoteRecord> footnotes = new ArrayList<>();
        for (FootnoteEntry f : report.footnotes()) {
            CitationParser.Result parsed = citations.parse(f.text());
            for (String w : parsed.warnings()) warnings.add("footnote " + f.number() + ": " + w);
            List<String> cites = resolver.resolve(f.number(), parsed.citations());
            if (f.sectionNumber() == null) warnings.add("footnote " + f.number() + ": no section");
            footnotes.add(new IngestResult.FootnoteRecord("fn-" + f.number(), f.number(),
                    f.sectionNumber() == null ? null : ReportSection.idOf(f.sectionNumber()), cites));
        }
        List<IngestResult.ParagraphRecord> paragraphs = new ArrayList<>();
        for (ReportParagraph p : report.paragraphs()) {
            paragraphs.add(new IngestResult.ParagraphRecord(p.id(),
                    ReportParagraph.anchorOf(p.sectionNumber(), p.ordinal()), ReportSection.idOf(p.sectionNumber()),
                    p.ordinal(), p.footnotes()));
        }
        warnings.addAll(resolver.warnings());
        return new IngestResult(reportId, sections, footnotes, paragraphs, resolver.works(), warnings);
    }
}
