package kg.borderlands.ingest;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ReportParserTest {

    static String synthetic() throws IOException {
        try (InputStream in = ReportParserTest.class.getResourceAsStream("/ingest/synthetic-report.md")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    @Test
    void sectionTreeOfTheSyntheticReport() throws IOException {
        ParsedReport r = new ReportParser().parse(synthetic());
        List<String> actual = r.sections().stream()
                .map(s -> s.number() + "|" + s.label() + "|" + s.parentNumber()).toList();
        assertEquals(List.of(
                "findings|Principal Findings|null",
                "summary|Executive Summary|null",
                "I|Introduction|null",
                "II|The Frontier Dispute|null",          // ### heading
                "II.A|Old Grievances|II",                 // ## heading
                "II.B|New Players|II",
                "II.B.1|The river militias|II.B",         // #### heading
                "II.B.2|The traders|II.B",                // ## heading
                "III|Appendix A: Map of Valdoria|null"),  // bold line
                actual);
        assertEquals("Valdoria: Calming the Highland Frontier", r.title());
        assertEquals("2031-03-03", r.date());
        assertEquals(List.of(), r.warnings());
    }

    @Test
    void paragraphsAreAnchoredAndJoinedAcrossPageBreaks() throws IOException {
        ParsedReport r = new ReportParser().parse(synthetic());
        List<String> actual = r.paragraphs().stream()
                .map(p -> ReportParagraph.anchorOf(p.sectionNumber(), p.ordinal()) + " " + p.footnotes()).toList();
        assertEquals(List.of(
                "findings ¶1 []", "findings ¶2 []",
                "summary ¶1 []",                // the bold signature line is not a paragraph
                "I ¶1 [1, 2, 3]",               // 'insur-' / 'gency' joined across the footnote block
                "II ¶1 [4]", "II.A ¶1 [5, 6]", "II.B ¶1 [7]", "II.B.1 ¶1 [8, 9]",
                "II.B.2 ¶1 [10, 11, 12, 13]",
                "III ¶1 [14]"), actual);
        assertEquals("par-ii-b-1-1", r.paragraphs().get(7).id());
    }

    @Test
    void footnotesBelongToTheSectionOfTheirReference() throws IOException {
        ParsedReport r = new ReportParser().parse(synthetic());
        Map<Integer, String> sections = new LinkedHashMap<>();
        for (FootnoteEntry f : r.footnotes()) sections.put(f.number(), f.sectionNumber());
        Map<Integer, String> expected = new LinkedHashMap<>();
        expected.put(1, "I");
        expected.put(2, "I");       // body printed under II, after a page break
        expected.put(3, "I");       // likewise
        expected.put(4, "II");      // body printed under II.A
        expected.put(5, "II.A");
        expected.put(6, "II.A");
        expected.put(7, "II.B");    // body printed under II.B.1
        expected.put(8, "II.B.1");
        expected.put(9, "II.B.1");
        expected.put(10, "II.B.2"); // bodies 10-13 printed under the appendix heading
        expected.put(11, "II.B.2");
        expected.put(12, "II.B.2");
        expected.put(13, "II.B.2");
        expected.put(14, "III");
        assertEquals(expected, sections);
    }

    @Test
    void footnoteBodiesWithAndWithoutSpaceAfterSup() throws IOException {
        ParsedReport r = new ReportParser().parse(synthetic());
        assertTrue(r.footnotes().get(1).text().startsWith("Crisis Group Report, [Valdoria"), r.footnotes().get(1).text());
        assertTrue(r.footnotes().get(10).text().startsWith("Marta Example,"), r.footnotes().get(10).text());
        assertTrue(r.footnotes().get(2).text().startsWith("Crisis Group interviews,"), r.footnotes().get(2).text());
    }

    @Test
    void tableOfContentsIsSkipped() {
        String md = String.join("\n",
                "# Title", "", "# Table of Contents", "", "## Executive Summary", "",
                "<b>I. Intro</b>\t1", "A. Part\t2", "", "## Executive Summary", "", "Text.", "",
                "## I. Intro", "", "Body.", "", "### A. Part", "");
        ParsedReport r = new ReportParser().parse(md);
        assertEquals(List.of("summary", "I", "I.A"), r.sections().stream().map(ReportSection::number).toList());
        assertEquals(10, r.sections().get(0).line());
    }

    @Test
    void boldLinesThatAreNotNumberedAreNotSections() {
        String md = String.join("\n", "# T", "", "## I. One", "", "**What's new?** text", "",
                "**Place, 1 January 2030**", "", "**II. Two**", "", "**Preventing War. Shaping Peace.**", "");
        ParsedReport r = new ReportParser().parse(md);
        assertEquals(List.of("I", "II"), r.sections().stream().map(ReportSection::number).toList());
    }

    @Test
    void subSectionsOutsideANumberedSectionAreIgnoredWithAWarning() {
        String md = String.join("\n", "## Executive Summary", "", "### A. Stray", "", "## I. One", "",
                "### 1. Also stray", "");
        ParsedReport r = new ReportParser().parse(md);
        assertEquals(List.of("summary", "I"), r.sections().stream().map(ReportSection::number).toList());
        assertEquals(2, r.warnings().size(), r.warnings().toString());
    }

    @Test
    void missingAndUnreferencedFootnotesAreWarned() {
        String md = String.join("\n", "## I. One", "", "Text.<sup>1</sup> More.<sup>4</sup>", "",
                "<sup>1</sup> A note.", "", "## II. Two", "", "<sup>3</sup> Orphan note.", "");
        ParsedReport r = new ReportParser().parse(md);
        assertEquals(List.of(1, 3), r.footnotes().stream().map(FootnoteEntry::number).toList());
        assertEquals("II", r.footnotes().get(1).sectionNumber(), "an orphan body falls back to where it is printed");
        assertEquals(List.of(
                "footnote 2 missing",
                "footnote 3: no inline reference; section taken from where its body is printed",
                "footnote 4: referenced but has no body"), r.warnings());
    }

    @Test
    void noHeadingsMeansNoSections() {
        ParsedReport r = new ReportParser().parse("# Just a title\n\nSome text.<sup>1</sup>\n\n<sup>1</sup> Note.\n");
        assertTrue(r.sections().isEmpty());
        assertNull(r.footnotes().get(0).sectionNumber());
    }
}
