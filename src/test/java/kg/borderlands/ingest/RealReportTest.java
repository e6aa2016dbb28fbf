package kg.borderlands.ingest;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.IntStream;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Runs {@code ingest} on the real report when it is available next to the project
 * ({@code ../shared/seeds/crisis-group-asia-report-354.md}) and checks the result against hand-made
 * expectations and against the committed source unit {@code data/sources/icg-asia-354/} (its {@code report/*.yaml}
 * and its descriptor {@code source.yaml}), written there by a default run (no --report-id: derived from the report).
 */
class RealReportTest {

    @TempDir
    static Path out;
    static Path root;
    static IngestCommandTest.Run run;
    static Map<String, Map<String, Object>> sections;
    static Map<Integer, Map<String, Object>> footnotes;
    static Map<String, Map<String, Object>> works;

    @BeforeAll
    static void ingest() throws IOException {
        root = Path.of(System.getProperty("project.root", ".")).toAbsolutePath().normalize();
        Path report = root.resolve("../shared/seeds/crisis-group-asia-report-354.md").normalize();
        Assumptions.assumeTrue(Files.isRegularFile(report), "report not found at " + report + ": skipping");
        // a data directory whose unit holds only the committed descriptor (ingest keeps its formerIris)
        Path unit = out.resolve("data/sources/icg-asia-354");
        Files.createDirectories(unit);
        Files.copy(root.resolve("data/sources/icg-asia-354/source.yaml"), unit.resolve("source.yaml"));
        run = IngestCommandTest.run(report.toString(), "--data", out.resolve("data").toString());
        assertEquals(0, run.exit(), run.err());
        out = unit.resolve("report");
        sections = TestYaml.byId(TestYaml.records(out.resolve("sections.yaml"), "sections"));
        footnotes = new TreeMap<>();
        for (Map<String, Object> f : TestYaml.records(out.resolve("footnotes.yaml"), "footnotes")) {
            footnotes.put((Integer) f.get("number"), f);
        }
        works = TestYaml.byId(TestYaml.records(out.resolve("works.yaml"), "works"));
    }

    @Test
    void theDescriptorNamesTheReportItsFileAndChecksum() throws Exception {
        Path committed = root.resolve("data/sources/icg-asia-354/source.yaml");
        assertArrayEquals(Files.readAllBytes(committed), Files.readAllBytes(out.getParent().resolve("source.yaml")),
                "source.yaml differs from the committed descriptor: re-run ingest and review the diff");
        String d = Files.readString(committed);
        assertTrue(d.contains("work: icg-asia-354\n"), d);
        assertTrue(d.contains("file: \"crisis-group-asia-report-354.md\"\n"), d);
        assertTrue(d.contains("formerIris: unscoped\n"), d);
        // the id ingest gives a citation of "Asia Report N°354" (WorkResolver), from the series line: one entity
        assertTrue(d.contains("citedAs: [work-icg-report-354]\n"), d);
        // the checksum is the report's, computed here independently of ingest
        Path report = root.resolve("../shared/seeds/crisis-group-asia-report-354.md").normalize();
        String sha = java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256")
                .digest(Files.readAllBytes(report)));
        assertTrue(d.contains("sha256: \"" + sha + "\"\n"), d);
    }

    @Test
    void outputIsByteIdenticalToTheCommittedFiles() throws IOException {
        for (String f : List.of("sections.yaml", "footnotes.yaml", "works.yaml", "paragraphs.yaml")) {
            Path committed = root.resolve("data/sources/icg-asia-354/report").resolve(f);
            assertTrue(Files.isRegularFile(committed), "missing committed " + committed);
            assertArrayEquals(Files.readAllBytes(committed), Files.readAllBytes(out.resolve(f)),
                    f + " differs from the committed file: re-run ingest and review the diff");
        }
    }

    @Test
    void paragraphsAreAnchoredBySectionAndOrdinal() throws IOException {
        Map<String, Map<String, Object>> paragraphs =
                TestYaml.byId(TestYaml.records(out.resolve("paragraphs.yaml"), "paragraphs"));
        // counted by hand in the report: the summary has ten paragraphs (two cut by a page break), the
        // introduction five (its fourth cut by the page's footnotes), section II.B six
        assertEquals(10, paragraphs.keySet().stream().filter(id -> id.startsWith("par-summary-")).count());
        assertEquals(5, paragraphs.keySet().stream().filter(id -> id.matches("par-i-\\d+")).count());
        assertEquals(6, paragraphs.keySet().stream().filter(id -> id.matches("par-ii-b-\\d+")).count());
        assertEquals("I ¶3", paragraphs.get("par-i-3").get("label"));
        assertEquals(List.of(4, 5), paragraphs.get("par-i-3").get("footnotes"));
        assertEquals("sec-ii-b", paragraphs.get("par-ii-b-4").get("section"));
        assertEquals(List.of(24, 25), paragraphs.get("par-ii-b-4").get("footnotes"));
        // II.A ¶3 runs over a page break: footnotes 14–17 sit in its second half
        assertEquals(List.of(11, 12, 13, 14, 15, 16, 17), paragraphs.get("par-ii-a-3").get("footnotes"));
        // every footnote is referenced from exactly one paragraph
        List<Object> refs = new ArrayList<>();
        for (Map<String, Object> p : paragraphs.values()) {
            assertEquals(List.of("id", "type", "label", "section", "number", "footnotes"), new ArrayList<>(p.keySet()),
                    "paragraph records carry anchors only, no text");
            refs.addAll((List<?>) p.get("footnotes"));
        }
        assertEquals(IntStream.rangeClosed(1, 137).boxed().toList(), refs);
    }

    @Test
    void footnotesAreNumberedOneTo137WithoutGaps() {
        assertEquals(IntStream.rangeClosed(1, 137).boxed().toList(), new ArrayList<>(footnotes.keySet()));
        for (Map<String, Object> f : footnotes.values()) {
            assertEquals(List.of("id", "type", "number", "section", "cites"), new ArrayList<>(f.keySet()),
                    "footnote records carry metadata only");
            assertTrue(sections.containsKey((String) f.get("section")), f.toString());
        }
    }

    @Test
    void sectionTree() {
        // the report's own numbering, read by hand from the report (in document order: findings come first)
        assertEquals(List.of("findings", "summary", "I", "II", "II.A", "II.B", "II.C", "III", "III.A", "III.B",
                        "III.B.1", "III.B.2", "IV", "IV.A", "IV.B", "V", "V.A", "V.B", "V.C", "V.C.1", "V.C.2",
                        "V.C.3", "V.D", "VI", "VI.A", "VI.B", "VI.B.1", "VI.B.2", "VII", "VIII", "IX"),
                sections.values().stream().map(s -> s.get("number")).toList());
        assertEquals("sec-iii-b", sections.get("sec-iii-b-1").get("parent"));
        assertEquals("sec-v-c", sections.get("sec-v-c-3").get("parent"));
        assertEquals("sec-vi", sections.get("sec-vi-b").get("parent"));
        assertNull(sections.get("sec-iii").get("parent"));
        assertNull(sections.get("sec-summary").get("parent"));
        assertEquals("Appendix B: Map of Pakistan", sections.get("sec-ix").get("label"));
        assertEquals("Hostilities erupt", sections.get("sec-iii-b-1").get("label"));
    }

    @Test
    void footnoteSectionsSpotChecked() {
        assertEquals("sec-i", section(1));
        assertEquals("sec-i", section(5));
        assertEquals("sec-ii-a", section(6));
        assertEquals("sec-iii", section(42));
        assertEquals("sec-iii-a", section(49));   // body printed under III.B.1, reference in III.A
        assertEquals("sec-iii-b", section(55));   // body printed under III.B.1, reference in III.B
        assertEquals("sec-iii-b-1", section(56));
        assertEquals("sec-iii-b-1", section(57));
        assertEquals("sec-iii-b-1", section(58));
        assertEquals("sec-iii-b-2", section(61));
        assertEquals("sec-v-c-3", section(115));
        assertEquals("sec-vi-b-2", section(137));
    }

    private static String section(int n) {
        return (String) footnotes.get(n).get("section");
    }

    @SuppressWarnings("unchecked")
    private static List<String> cites(int n) {
        return (List<String>) footnotes.get(n).get("cites");
    }

    private static Map<String, Object> work(String id) {
        Map<String, Object> w = works.get(id);
        assertTrue(w != null, "no work " + id);
        return w;
    }

    @Test
    void worksSpotChecked() {
        assertEquals(List.of("work-dawn-2025-10-10-kabul-condemns-violation-of-its"), cites(56));
        assertEquals(List.of("work-reuters-2025-10-16-militant-leader-at-heart-of"), cites(57));
        assertEquals("Reuters", work(cites(57).get(0)).get("publisher"));
        assertEquals(List.of("work-dawn-2025-10-13-fierce-clashes-along-afghan-border",
                "work-dawn-2025-10-11-counter-terrorism-measures-legitimate",
                "work-the-express-tribune-2025-11-04-pakistan-warns-taliban"), cites(58));
        // fn 61 cites the same article in full again: one work
        assertEquals(List.of("work-the-express-tribune-2025-11-04-pakistan-warns-taliban"), cites(61));
        assertEquals(List.of("work-dawn-2025-12-02-islamabad-kabul-impasse-persists-in"), cites(137));

        Map<String, Object> post = work(cites(64).get(0));
        assertEquals("SocialMediaPost", post.get("type"));
        assertEquals("TOLO News", post.get("publisher"));
        assertEquals("2025-11-09", post.get("date"));

        List<String> fn44 = cites(44);
        assertEquals(2, fn44.size());
        Map<String, Object> jamestown = work(fn44.get(0));
        assertEquals("Report", jamestown.get("type"));
        assertEquals("Jamestown Foundation", jamestown.get("publisher"));
        assertEquals(List.of("Abubakar Siddique"), jamestown.get("author"));
        Map<String, Object> book = work(fn44.get(1));
        assertEquals("Book", book.get("type"));
        assertEquals("The Taliban at War, 2001-2018", book.get("label"));
        assertEquals("2019", book.get("date"));

        Map<String, Object> opinion = work("work-dawn-2026-02-16-frozen-relationship");
        assertEquals("OpinionArticle", opinion.get("type"));
        assertEquals(List.of("Maleeha Lodhi"), opinion.get("author"));
        assertEquals("JournalArticle", work(cites(18).get(0)).get("type"));
        assertEquals(List.of("Abdul Sayed", "Tore Hamming"), work(cites(18).get(0)).get("author"));
        assertEquals("MediaBriefing", work(cites(60).get(0)).get("type"));
        assertEquals("WebPage", work(cites(87).get(1)).get("type"));
        assertEquals("Video", work(cites(106).get(0)).get("type"));
        assertEquals("PressRelease", work(cites(83).get(0)).get("type"));
        assertEquals("UN Security Council", work(cites(19).get(1)).get("publisher"));
        assertEquals(List.of(), cites(16));
    }

    @Test
    void opCitResolution() {
        assertEquals(List.of("work-icg-report-242"), cites(2));          // the first of two same-titled reports
        assertEquals(List.of("work-icg-report-320"), cites(3));
        assertEquals(List.of("work-icg-briefing-150"), cites(5));
        assertEquals(List.of("work-icg-report-271"), cites(6));          // shortened title
        String ahmed = "work-icg-commentary-2023-03-29-the-pakistani-taliban-test";
        assertEquals(List.of("Samina Ahmed"), work(ahmed).get("author"));
        assertEquals(List.of(ahmed), cites(45));                         // "Ahmed, …, op. cit."
        assertEquals(List.of(ahmed, "work-icg-report-320"), cites(47));
        assertTrue(cites(13).contains(cites(4).get(0)), "Annual Security Report 2025, op. cit.");
        assertEquals(cites(53).get(1), cites(87).get(0));                // DG ISPR article, op. cit.
        assertEquals(List.of("work-icg-report-321", "work-icg-report-265", "work-icg-briefing-111",
                "work-icg-briefing-93"), cites(110));                    // "both op. cit." then two briefings
        assertEquals(cites(85).get(1), cites(133).get(0));
        assertEquals(cites(129).get(1), cites(131).get(1));              // "Parvez, …, op. cit."
    }

    @Test
    void interviews() {
        Map<String, Object> fn9 = work("work-interview-fn-9-1");
        assertEquals("Interview", fn9.get("type"));
        assertEquals("officials, including a senior diplomat responsible for Afghanistan", fn9.get("interlocutor"));
        assertEquals("Islamabad and Peshawar", fn9.get("location"));
        assertEquals("2024-11", fn9.get("date"));
        assertEquals("2024-12", fn9.get("dateTo"));
        assertEquals("in-person", fn9.get("mode"));
        Map<String, Object> fn26 = work("work-interview-fn-26-1");
        assertEquals("Taliban officials", fn26.get("interlocutor"));
        assertEquals("Kabul", fn26.get("location"));
        assertEquals("telephone", work("work-interview-fn-33-1").get("mode"));
        assertEquals(List.of("work-interview-fn-84-1", "work-interview-fn-84-2"), cites(84));
        assertEquals("telephone", work("work-interview-fn-84-2").get("mode"));
        assertEquals("in-person", work("work-interview-fn-84-1").get("mode"));
        long interviews = works.values().stream().filter(w -> "Interview".equals(w.get("type"))).count();
        assertEquals(52, interviews);
        for (Map<String, Object> w : works.values()) {
            if ("Interview".equals(w.get("type"))) assertNull(w.get("author"), "interviews name no person");
        }
    }

    @Test
    void countsAndTheReportItself() {
        assertEquals(31, sections.size());
        assertEquals(186, works.size());
        Map<String, Integer> byType = new TreeMap<>();
        for (Map<String, Object> w : works.values()) byType.merge((String) w.get("type"), 1, Integer::sum);
        assertEquals(Map.ofEntries(Map.entry("Book", 1), Map.entry("Briefing", 5), Map.entry("Commentary", 5),
                Map.entry("Interview", 52), Map.entry("JournalArticle", 2), Map.entry("MediaBriefing", 1),
                Map.entry("NewsArticle", 82), Map.entry("OpinionArticle", 13), Map.entry("PressRelease", 1),
                Map.entry("Report", 21), Map.entry("SocialMediaPost", 1), Map.entry("Video", 1),
                Map.entry("WebPage", 1)), byType);
        Map<String, Object> report = work("icg-asia-354");
        assertEquals("Report", report.get("type"));
        assertEquals("Pakistan: Responding to the Militant Surge on the Afghan Border", report.get("label"));
        assertEquals("International Crisis Group", report.get("publisher"));
        assertEquals("2026-02-27", report.get("date"));
        assertEquals("icg-asia-354", sections.get("sec-i").get("report"));
    }

    @Test
    void onlyTheKnownAmbiguityIsWarned() {
        List<String> warnings = run.err().lines().toList();
        assertEquals(2, warnings.size(), run.err());
        assertTrue(warnings.stream().allMatch(w -> w.contains("Countering Militancy in FATA") && w.contains("ambiguous")),
                run.err());
    }
}
