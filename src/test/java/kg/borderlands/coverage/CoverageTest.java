package kg.borderlands.coverage;

import kg.borderlands.cli.Main;
import kg.borderlands.curate.RecordReader;
import kg.borderlands.curate.RecordSet;
import kg.borderlands.support.TestProject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The coverage operation and command: records per paragraph, and paragraphs left without records. */
class CoverageTest {

    /** The real data: every paragraph that holds a fact has records; the others are marked with a reason. */
    @Test
    void everyParagraphOfTheReportHasRecordsOrAReasonForNone() throws Exception {
        Path data = TestProject.root().resolve("data");
        List<kg.borderlands.curate.SourceUnit> units = kg.borderlands.curate.SourceUnits.of(data);
        Coverage c = new CoverageOperation().run(new RecordSet(new RecordReader().readAll(data, units), units),
                CoverageOperation.readNotes(units));
        assertEquals(107, c.paragraphs().size(), "paragraphs of findings, summary, body and appendices");
        assertEquals(List.of(), c.missing().stream().map(ParagraphCoverage::anchor).toList(),
                "paragraphs that hold facts but no record cites");
        assertEquals(List.of(), c.staleNotes().stream().map(ParagraphCoverage::anchor).toList(),
                "paragraphs marked as holding no fact that records do cite");
        assertEquals(List.of(), c.unknownNotes());
        // read by hand from the report: V.D ¶1 is where the TTP's restrictions on women and girls are described
        // (the report's paragraphs live in its source unit: key icg-asia-354/par-v-d-1, anchored with the source id)
        ParagraphCoverage vd1 = c.paragraphs().stream().filter(p -> p.id().equals("icg-asia-354/par-v-d-1")).findFirst().orElseThrow();
        assertEquals("icg-asia-354 V.D ¶1", vd1.anchor());
        assertTrue(vd1.records().contains("tie-ttp-hostile-kp-women"), vd1.toString());
    }

    private static Path project(Path dir, String notes) throws IOException {
        Path data = dir.resolve("data");
        Files.createDirectories(data.resolve("coverage"));
        Files.writeString(data.resolve("report.yaml"), """
                sections:
                  - {id: sec-i, type: Section, number: "I", label: "Introduction", report: icg-x-1}
                footnotes:
                  - {id: fn-1, type: Footnote, number: 1, section: sec-i, cites: []}
                paragraphs:
                  - {id: par-i-1, type: Paragraph, label: "I ¶1", section: sec-i, number: 1, footnotes: [1]}
                  - {id: par-i-2, type: Paragraph, label: "I ¶2", section: sec-i, number: 2, footnotes: []}
                  - {id: par-i-3, type: Paragraph, label: "I ¶3", section: sec-i, number: 3, footnotes: []}
                works:
                  - {id: icg-x-1, type: Report, label: "A report"}
                actors:
                  - {id: a, type: State, label: "A", source: {section: "I", paragraphs: [1], footnotes: [1]}}
                  - {id: b, type: State, label: "B", source: [{section: "I", paragraphs: [1, 3]}]}
                """);
        Files.writeString(data.resolve(CoverageOperation.NOTES), notes);
        return data;
    }

    @Test
    void aParagraphWithoutRecordsOrReasonIsMissingAndAStaleNoteIsReported(@TempDir Path dir) throws Exception {
        Path data = project(dir, "# comment\npar-i-3\tno fact here\npar-i-9\ttypo\n");
        Coverage c = new CoverageOperation().run(new RecordSet(new RecordReader().readAll(data)),
                CoverageOperation.readNotes(data.resolve(CoverageOperation.NOTES)));
        assertEquals(List.of("a", "b"), c.paragraphs().get(0).records());
        assertEquals(List.of("I ¶2"), c.missing().stream().map(ParagraphCoverage::anchor).toList());
        assertEquals(List.of("I ¶3"), c.staleNotes().stream().map(ParagraphCoverage::anchor).toList(), "b cites ¶3");
        assertEquals(List.of("par-i-9"), c.unknownNotes());
        assertEquals(2, c.coveredCount());
        assertEquals("2 of 3 paragraphs cited by records; 1 without (0 marked as holding no fact, 1 not marked)", c.summary());
    }

    private static int run(StringWriter out, StringWriter err, String... args) {
        return Main.run(new PrintWriter(out, true), new PrintWriter(err, true), args);
    }

    @Test
    void commandListsParagraphsAndChecks(@TempDir Path dir) throws Exception {
        Path data = project(dir, "");
        StringWriter out = new StringWriter(), err = new StringWriter();
        assertEquals(0, run(out, err, "coverage", "--data", data.toString()), err.toString());
        assertTrue(out.toString().contains("I ¶1\t2\ta b"), out.toString());
        assertTrue(out.toString().contains("I ¶2\t0\t— MISSING"), out.toString());
        assertEquals(1, run(new StringWriter(), new StringWriter(), "coverage", "--data", data.toString(), "--check"),
                "I ¶2 has neither records nor a reason");

        Files.writeString(data.resolve(CoverageOperation.NOTES), "par-i-2\ttransition, no fact\n");
        out = new StringWriter();
        assertEquals(0, run(out, err, "coverage", "--data", data.toString(), "--check", "--uncovered"), err.toString());
        assertEquals(List.of("I ¶2\t0\t— no records: transition, no fact",
                "coverage: 2 of 3 paragraphs cited by records; 1 without (1 marked as holding no fact, 0 not marked)"),
                out.toString().lines().toList());

        Files.writeString(data.resolve(CoverageOperation.NOTES), "par-i-2 without a tab\n");
        err = new StringWriter();
        assertEquals(2, run(new StringWriter(), err, "coverage", "--data", data.toString()));
        assertTrue(err.toString().contains("BKG-E070"), err.toString());
    }

    @Test
    void readNotesOfAMissingFileIsEmpty(@TempDir Path dir) throws IOException {
        assertEquals(Map.of(), CoverageOperation.readNotes(dir.resolve("none.tsv")));
    }
}
