package kg.borderlands.ingest;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class RecordWriterTest {

    private static IngestResult sample() {
        return new IngestResult("icg-x-1",
                List.of(new IngestResult.SectionRecord("sec-i", "I", "Yes: \"No\" # not a comment", null, "icg-x-1")),
                List.of(new IngestResult.FootnoteRecord("fn-1", 1, "sec-i", List.of("work-a", "icg-x-1")),
                        new IngestResult.FootnoteRecord("fn-2", 2, "sec-i", List.of())),
                List.of(new IngestResult.ParagraphRecord("par-i-1", "I ¶1", "sec-i", 1, List.of(1, 2))),
                List.of(Work.of("icg-x-1", WorkType.REPORT, "A: report", "International Crisis Group", List.of(), "2026"),
                        new Work("work-a", WorkType.INTERVIEW, "Back\\slash, tab\t and – dash", null, List.of(),
                                "2025-10", "2025-12", "officials", "Kabul", "in-person"),
                        Work.of("work-b", WorkType.OPINION_ARTICLE, "'Quoted' title", "Dawn", List.of("Ana Scholar", "Ben"), "2025-10-13")),
                List.of());
    }

    @Test
    void writtenYamlReadsBackToTheSameValues() throws IOException {
        Map<String, String> files = new RecordWriter().render(sample(), "r.md");
        Map<String, Object> s = TestYaml.records(files.get(RecordWriter.SECTIONS), "sections").get(0);
        assertEquals("Yes: \"No\" # not a comment", s.get("label"));
        assertEquals("I", s.get("number"));

        List<Map<String, Object>> fns = TestYaml.records(files.get(RecordWriter.FOOTNOTES), "footnotes");
        assertEquals(1, fns.get(0).get("number"));
        assertEquals(List.of("work-a", "icg-x-1"), fns.get(0).get("cites"));
        assertEquals(List.of(), fns.get(1).get("cites"));

        List<Map<String, Object>> works = TestYaml.records(files.get(RecordWriter.WORKS), "works");
        assertEquals("2026", works.get(0).get("date"), "a year must stay a string");
        assertEquals("2025-10", works.get(1).get("date"));
        assertEquals("Back\\slash, tab\t and – dash", works.get(1).get("label"));
        assertEquals("2025-10-13", works.get(2).get("date"), "a day must not become a timestamp");
        assertEquals(List.of("Ana Scholar", "Ben"), works.get(2).get("author"));
        assertEquals("'Quoted' title", works.get(2).get("label"));
    }

    @Test
    void datesAreQuotedAndIdsPlain() {
        String works = new RecordWriter().render(sample(), "r.md").get(RecordWriter.WORKS);
        assertTrue(works.contains("    date: \"2026\"\n"), works);
        assertTrue(works.contains("  - id: work-a\n"), works);
        assertTrue(works.contains("    mode: in-person\n"), works);
        assertTrue(works.contains("    author: [\"Ana Scholar\", \"Ben\"]\n"), works);
        String fns = new RecordWriter().render(sample(), "r.md").get(RecordWriter.FOOTNOTES);
        assertTrue(fns.contains("  - {id: fn-1, type: Footnote, number: 1, section: sec-i, cites: [work-a, icg-x-1]}\n"), fns);
    }

    @Test
    void writesThreeFilesDeterministically(@TempDir Path dir) throws IOException {
        RecordWriter w = new RecordWriter();
        List<Path> first = w.write(sample(), "r.md", dir.resolve("a"));
        List<Path> second = w.write(sample(), "r.md", dir.resolve("b"));
        assertEquals(List.of("sections.yaml", "footnotes.yaml", "works.yaml", "paragraphs.yaml"),
                first.stream().map(p -> p.getFileName().toString()).toList());
        for (int i = 0; i < 4; i++) {
            assertEquals(Files.readString(first.get(i)), Files.readString(second.get(i)));
            assertTrue(Files.readString(first.get(i)).startsWith("# "), "files start with a provenance comment");
        }
    }
}
