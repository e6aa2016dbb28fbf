package kg.borderlands.ingest;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

/**
 * The whole operation on the synthetic report: expected records written by hand from the synthetic text
 * (see src/test/resources/ingest/synthetic-report.md), read back from the YAML as the loader reads it.
 */
class SyntheticIngestTest {

    private static final String ICG = "International Crisis Group";
    private static Map<String, String> files;
    private static List<Map<String, Object>> sections;
    private static List<Map<String, Object>> footnotes;
    private static Map<String, Map<String, Object>> works;
    private static IngestResult result;

    @BeforeAll
    static void ingest() throws IOException {
        ParsedReport parsed = new ReportParser().parse(ReportParserTest.synthetic());
        result = new ReportIngester().ingest(parsed, "icg-asia-901");
        files = new RecordWriter().render(result, "synthetic-report.md");
        sections = TestYaml.records(files.get(RecordWriter.SECTIONS), "sections");
        footnotes = TestYaml.records(files.get(RecordWriter.FOOTNOTES), "footnotes");
        works = TestYaml.byId(TestYaml.records(files.get(RecordWriter.WORKS), "works"));
    }

    private static Map<String, Object> rec(Object... kv) {
        Map<String, Object> m = new LinkedHashMap<>();
        for (int i = 0; i < kv.length; i += 2) m.put((String) kv[i], kv[i + 1]);
        return m;
    }

    @Test
    void noWarnings() {
        assertEquals(List.of(), result.warnings());
    }

    @Test
    void sections() {
        assertEquals(List.of(
                rec("id", "sec-findings", "type", "Section", "number", "findings", "label", "Principal Findings", "report", "icg-asia-901"),
                rec("id", "sec-summary", "type", "Section", "number", "summary", "label", "Executive Summary", "report", "icg-asia-901"),
                rec("id", "sec-i", "type", "Section", "number", "I", "label", "Introduction", "report", "icg-asia-901"),
                rec("id", "sec-ii", "type", "Section", "number", "II", "label", "The Frontier Dispute", "report", "icg-asia-901"),
                rec("id", "sec-ii-a", "type", "Section", "number", "II.A", "label", "Old Grievances", "parent", "sec-ii", "report", "icg-asia-901"),
                rec("id", "sec-ii-b", "type", "Section", "number", "II.B", "label", "New Players", "parent", "sec-ii", "report", "icg-asia-901"),
                rec("id", "sec-ii-b-1", "type", "Section", "number", "II.B.1", "label", "The river militias", "parent", "sec-ii-b", "report", "icg-asia-901"),
                rec("id", "sec-ii-b-2", "type", "Section", "number", "II.B.2", "label", "The traders", "parent", "sec-ii-b", "report", "icg-asia-901"),
                rec("id", "sec-iii", "type", "Section", "number", "III", "label", "Appendix A: Map of Valdoria", "report", "icg-asia-901")),
                sections);
    }

    @Test
    void footnotesWithSectionsAndCitedWorks() {
        String herald1 = "work-the-valley-herald-2031-02-01-border-talks-stall-again";
        String writer = "work-the-valley-herald-2030-07-14-why-the-highlands-matter";
        String survey = "work-institute-for-frontier-studies-2030-12-30-highland";
        String crossroads = "work-icg-commentary-2029-05-04-valdoria-at-the-crossroads";
        String discord = "work-icg-commentary-2028-06-12-rivers-of-discord";
        List<Map<String, Object>> expected = new ArrayList<>();
        expected.add(fn(1, "sec-i", crossroads, discord, "work-icg-report-880", "work-icg-report-870",
                "work-icg-briefing-150", herald1));
        expected.add(fn(2, "sec-i", "work-icg-report-880"));                                   // op. cit.
        expected.add(fn(3, "sec-i", "work-interview-fn-3-1", "work-the-valley-herald-2030-05-02-minister-defends-border"));
        expected.add(fn(4, "sec-ii", writer, survey));
        expected.add(fn(5, "sec-ii-a", "work-interview-fn-5-1", "work-interview-fn-5-2"));
        expected.add(fn(6, "sec-ii-a", writer, survey, "work-un-security-council-2030-03-01-report-of-the-secretary"));
        expected.add(fn(7, "sec-ii-b", "work-unhcr-2030-04-02-returns-pass-one-million",
                "work-journal-of-frontier-studies-2029-05-militias-of-the"));
        expected.add(fn(8, "sec-ii-b-1", "work-interview-fn-8-1"));
        expected.add(fn(9, "sec-ii-b-1", "work-youtube-2029-08-08-valley-radio-who-controls-the"));
        expected.add(fn(10, "sec-ii-b-2", "work-valley-radio-2031-01-03-x-post-by-valley-radio",
                "work-vmfa-2031-01-05-weekly-media-briefing"));
        expected.add(fn(11, "sec-ii-b-2", "work-example-2024-the-highland-wars-1990-2020",
                "work-valdoria-government-website", herald1));                                  // cited again in full
        expected.add(fn(12, "sec-ii-b-2"));
        expected.add(fn(13, "sec-ii-b-2", crossroads, discord, "work-interview-fn-13-1"));      // both op. cit.
        expected.add(fn(14, "sec-iii", "work-icg-report-870"));
        assertEquals(expected, footnotes);
    }

    private static Map<String, Object> fn(int n, String section, String... cites) {
        return rec("id", "fn-" + n, "type", "Footnote", "number", n, "section", section, "cites", List.of(cites));
    }

    @Test
    void works() {
        List<Map<String, Object>> expected = List.of(
                rec("id", "icg-asia-901", "type", "Report", "label", "Valdoria: Calming the Highland Frontier",
                        "publisher", ICG, "date", "2031-03-03"),
                rec("id", "work-icg-commentary-2029-05-04-valdoria-at-the-crossroads", "type", "Commentary",
                        "label", "Valdoria at the Crossroads", "publisher", ICG, "date", "2029-05-04"),
                rec("id", "work-icg-commentary-2028-06-12-rivers-of-discord", "type", "Commentary",
                        "label", "Rivers of Discord", "publisher", ICG, "date", "2028-06-12"),
                rec("id", "work-icg-report-880", "type", "Report", "label", "Valdoria's Highland Question",
                        "publisher", ICG, "date", "2030-02-02"),
                rec("id", "work-icg-report-870", "type", "Report", "label", "Valdoria: Waters, Roads and Rivals",
                        "publisher", ICG, "date", "2029-09-09"),
                rec("id", "work-icg-briefing-150", "type", "Briefing", "label", "Bridging the Highland Divide",
                        "publisher", ICG, "date", "2027-08-20"),
                rec("id", "work-the-valley-herald-2031-02-01-border-talks-stall-again", "type", "NewsArticle",
                        "label", "Border talks stall again", "publisher", "The Valley Herald", "date", "2031-02-01"),
                rec("id", "work-interview-fn-3-1", "type", "Interview",
                        "label", "Crisis Group interviews, customs officials, including a senior border inspector, "
                                + "Northtown and Southport, March–April 2030",
                        "date", "2030-03", "dateTo", "2030-04",
                        "interlocutor", "customs officials, including a senior border inspector",
                        "location", "Northtown and Southport", "mode", "in-person"),
                rec("id", "work-the-valley-herald-2030-05-02-minister-defends-border", "type", "NewsArticle",
                        "label", "Minister defends border policy", "publisher", "The Valley Herald", "date", "2030-05-02"),
                rec("id", "work-the-valley-herald-2030-07-14-why-the-highlands-matter", "type", "OpinionArticle",
                        "label", "Why the highlands matter", "publisher", "The Valley Herald",
                        "author", List.of("Jane Q. Writer"), "date", "2030-07-14"),
                rec("id", "work-institute-for-frontier-studies-2030-12-30-highland", "type", "Report",
                        "label", "Highland Survey 2030", "publisher", "Institute for Frontier Studies", "date", "2030-12-30"),
                rec("id", "work-interview-fn-5-1", "type", "Interview",
                        "label", "Crisis Group telephone interviews, river traders, March 2030",
                        "date", "2030-03", "interlocutor", "river traders", "mode", "telephone"),
                rec("id", "work-interview-fn-5-2", "type", "Interview",
                        "label", "Crisis Group telephone interviews, ferry operators, Eastbank district, May 2030",
                        "date", "2030-05", "interlocutor", "ferry operators", "location", "Eastbank district",
                        "mode", "telephone"),
                rec("id", "work-un-security-council-2030-03-01-report-of-the-secretary", "type", "Report",
                        "label", "Report of the Secretary-General on Valdoria", "publisher", "UN Security Council",
                        "date", "2030-03-01"),
                rec("id", "work-unhcr-2030-04-02-returns-pass-one-million", "type", "PressRelease",
                        "label", "Returns pass one million", "publisher", "UNHCR", "date", "2030-04-02"),
                rec("id", "work-journal-of-frontier-studies-2029-05-militias-of-the", "type", "JournalArticle",
                        "label", "Militias of the Upper River", "publisher", "Journal of Frontier Studies",
                        "author", List.of("Ana Scholar"), "date", "2029-05"),
                rec("id", "work-interview-fn-8-1", "type", "Interview",
                        "label", "Crisis Group interviews, militia commanders; village elders, Eastbank district, 2029-2030",
                        "date", "2029", "dateTo", "2030", "interlocutor", "militia commanders; village elders",
                        "location", "Eastbank district", "mode", "in-person"),
                rec("id", "work-youtube-2029-08-08-valley-radio-who-controls-the", "type", "Video",
                        "label", "Valley Radio: Who controls the river?", "publisher", "YouTube", "date", "2029-08-08"),
                rec("id", "work-valley-radio-2031-01-03-x-post-by-valley-radio", "type", "SocialMediaPost",
                        "label", "X post by Valley Radio (@ValleyRadio), 9:15am", "publisher", "Valley Radio",
                        "date", "2031-01-03"),
                rec("id", "work-vmfa-2031-01-05-weekly-media-briefing", "type", "MediaBriefing",
                        "label", "Weekly media briefing", "publisher", "Valdorian Ministry of Foreign Affairs",
                        "date", "2031-01-05"),
                rec("id", "work-example-2024-the-highland-wars-1990-2020", "type", "Book",
                        "label", "The Highland Wars, 1990-2020", "author", List.of("Marta Example"), "date", "2024"),
                rec("id", "work-valdoria-government-website", "type", "WebPage",
                        "label", "Valdoria government website", "publisher", "Valdoria government"),
                rec("id", "work-interview-fn-13-1", "type", "Interview",
                        "label", "Crisis Group telephone interview, Southport, January 2031",
                        "date", "2031-01", "location", "Southport", "mode", "telephone"));
        assertEquals(expected, new ArrayList<>(works.values()));
    }

    @Test
    void noFootnoteProseIsWritten() {
        for (String text : files.values()) {
            assertFalse(text.contains("never really closed"), "a quotation from a footnote leaked");
            assertFalse(text.contains("changed course"), "footnote prose leaked");
            assertFalse(text.contains("will reopen"), "a quotation from a footnote leaked");
        }
    }
}
