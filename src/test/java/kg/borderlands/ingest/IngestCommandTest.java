package kg.borderlands.ingest;

import kg.borderlands.cli.IngestCommand;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class IngestCommandTest {

    /** Exit code, standard output and standard error of one run. */
    record Run(int exit, String out, String err) {}

    static Run run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine cmd = new CommandLine(new IngestCommand());
        cmd.setOut(new PrintWriter(out));
        cmd.setErr(new PrintWriter(err));
        int exit = cmd.execute(args);
        return new Run(exit, out.toString(), err.toString());
    }

    private static Path synthetic(Path dir) throws IOException {
        Path p = dir.resolve("synthetic-report.md");
        Files.writeString(p, ReportParserTest.synthetic());
        return p;
    }

    @Test
    void writesTheThreeFilesAndPrintsOneSummaryLine(@TempDir Path dir) throws IOException {
        Path out = dir.resolve("out");
        Run r = run(synthetic(dir).toString(), "--out", out.toString(), "--report-id", "icg-asia-901");
        assertEquals(0, r.exit(), r.err());
        assertEquals("", r.err());
        assertEquals(1, r.out().lines().count(), r.out());
        assertTrue(r.out().startsWith("ingest: 9 sections, 10 paragraphs, 14 footnotes, 23 works (Book 1, Briefing 1, Commentary 2, "
                + "Interview 5, JournalArticle 1, MediaBriefing 1, NewsArticle 2, OpinionArticle 1, PressRelease 1, "
                + "Report 5, SocialMediaPost 1, Video 1, WebPage 1)"), r.out());
        for (String f : new String[] {"sections.yaml", "footnotes.yaml", "works.yaml", "paragraphs.yaml"}) {
            assertTrue(Files.isRegularFile(out.resolve(f)), f);
        }
        assertTrue(Files.readString(out.resolve("works.yaml")).contains("  - id: icg-asia-901\n"));
    }

    @Test
    void outputIsDeterministic(@TempDir Path dir) throws IOException {
        Path report = synthetic(dir);
        assertEquals(0, run(report.toString(), "--out", dir.resolve("a").toString()).exit());
        assertEquals(0, run(report.toString(), "--out", dir.resolve("b").toString()).exit());
        for (String f : new String[] {"sections.yaml", "footnotes.yaml", "works.yaml", "paragraphs.yaml"}) {
            assertEquals(Files.readString(dir.resolve("a").resolve(f)), Files.readString(dir.resolve("b").resolve(f)), f);
        }
    }

    @Test
    void missingReportFailsWithOneLine(@TempDir Path dir) {
        Path out = dir.resolve("out");
        Run r = run(dir.resolve("nope.md").toString(), "--out", out.toString());
        assertEquals(1, r.exit());
        assertEquals(1, r.err().lines().count(), r.err());
        assertTrue(r.err().startsWith("ingest: cannot read "), r.err());
        assertFalse(Files.exists(out), "nothing is written");
    }

    @Test
    void directoryInsteadOfAFileFails(@TempDir Path dir) {
        Run r = run(dir.toString(), "--out", dir.resolve("out").toString());
        assertEquals(1, r.exit());
        assertTrue(r.err().startsWith("ingest: cannot read "), r.err());
    }

    @Test
    void reportWithoutSectionsFails(@TempDir Path dir) throws IOException {
        Path p = dir.resolve("empty.md");
        Files.writeString(p, "# A title\n\nSome text without numbered headings.<sup>1</sup>\n\n<sup>1</sup> A note.\n");
        Path out = dir.resolve("out");
        Run r = run(p.toString(), "--out", out.toString());
        assertEquals(1, r.exit());
        assertEquals("ingest: no sections found in " + p + System.lineSeparator(), r.err());
        assertFalse(Files.exists(out));
    }

    @Test
    void invalidReportIdIsAUsageError(@TempDir Path dir) throws IOException {
        Run r = run(synthetic(dir).toString(), "--out", dir.resolve("out").toString(), "--report-id", "Not An Id");
        assertEquals(2, r.exit());
        assertTrue(r.err().startsWith("ingest: invalid --report-id"), r.err());
    }

    @Test
    void helpAndDefaults() {
        Run r = run("--help");
        assertEquals(0, r.exit());
        assertTrue(r.out().contains("REPORT.md"), r.out());
        assertTrue(r.out().contains("--out=DIR"), r.out());
        assertTrue(r.out().contains("--report-id=ID"), r.out());
        assertTrue(r.out().contains("--data=DIR"), r.out());
        assertTrue(r.out().contains("--source-id=ID"), r.out());
        assertTrue(r.out().contains("default: data)"), r.out());
        assertTrue(r.out().contains("icg-asia-354"), r.out());
        assertEquals(2, run().exit(), "the report argument is required");
    }

    @Test
    void warningsGoToStandardErrorUnlessQuiet(@TempDir Path dir) throws IOException {
        Path p = dir.resolve("odd.md");
        Files.writeString(p, "# Odd\n\n## I. One\n\nText.<sup>1</sup>\n\n<sup>1</sup> \"A title\", op. cit.\n");
        Run r = run(p.toString(), "--out", dir.resolve("o1").toString(), "--report-id", "odd-1");
        assertEquals(0, r.exit());
        assertTrue(r.err().contains("ingest: warning: footnote 1: op. cit. \"A title\" matches no earlier citation"), r.err());
        assertEquals(1, r.err().lines().count(), r.err());
        assertTrue(r.out().contains("; 1 warning(s)"), r.out());
        Run q = run(p.toString(), "--out", dir.resolve("o2").toString(), "--quiet", "--report-id", "odd-1");
        assertEquals("", q.err());
    }

    @Test
    void aReportWithoutASeriesLineNeedsAReportId(@TempDir Path dir) throws IOException {
        Path p = dir.resolve("odd.md");
        Files.writeString(p, "# Odd\n\n## I. One\n\nText.\n");
        Run r = run(p.toString(), "--data", dir.resolve("data").toString());
        assertEquals(2, r.exit());
        assertTrue(r.err().startsWith("ingest: cannot derive the report's id"), r.err());
        assertFalse(Files.exists(dir.resolve("data")), "nothing is written");
    }

    @Test
    void byDefaultTheRecordsGoToTheReportsSourceUnitWithItsDescriptor(@TempDir Path dir) throws Exception {
        Path report = synthetic(dir);
        Path data = dir.resolve("data");
        Run r = run(report.toString(), "--data", data.toString(), "--quiet");
        assertEquals(0, r.exit(), r.err());
        // "Asia Report N°901" in the synthetic report's head gives the id icg-asia-901, used for the unit too
        Path unit = data.resolve("sources/icg-asia-901");
        for (String f : new String[] {"sections.yaml", "footnotes.yaml", "works.yaml", "paragraphs.yaml"}) {
            assertTrue(Files.isRegularFile(unit.resolve("report").resolve(f)), f);
        }
        kg.borderlands.curate.SourceDescriptor d = kg.borderlands.curate.SourceDescriptor.read(unit.resolve("source.yaml"));
        assertEquals("icg-asia-901", d.id());
        assertEquals("icg-asia-901", d.work());
        assertEquals("synthetic-report.md", d.file());
        assertEquals(java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256")
                .digest(Files.readAllBytes(report))), d.sha256());
        assertEquals(null, d.formerIris());
        // --source-id names the unit; the works id stays the report's
        assertEquals(0, run(report.toString(), "--data", data.toString(), "--quiet", "--source-id", "valdoria-901").exit());
        assertEquals("icg-asia-901", kg.borderlands.curate.SourceDescriptor.read(
                data.resolve("sources/valdoria-901/source.yaml")).work());
    }
}
