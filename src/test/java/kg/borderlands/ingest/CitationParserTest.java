package kg.borderlands.ingest;

import kg.borderlands.ingest.Citation.Full;
import kg.borderlands.ingest.Citation.Interview;
import kg.borderlands.ingest.Citation.Short;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Citation forms of the report, with invented titles, outlets and places. */
class CitationParserTest {

    private final CitationParser parser = new CitationParser();

    private List<Citation> parse(String footnote) {
        CitationParser.Result r = parser.parse(footnote);
        assertEquals(List.of(), r.warnings(), "warnings for: " + footnote);
        return r.citations();
    }

    private static Full full(WorkType type, String title, String publisher, List<String> authors, String date) {
        return new Full(type, title, publisher, authors, date, null);
    }

    @Test
    void newsArticleWithItalicOutlet() {
        assertEquals(List.of(full(WorkType.NEWS_ARTICLE, "Border talks stall again", "Dawn", List.of(), "2031-02-01")),
                parse("\"Border talks stall again\", *Dawn*, 1 February 2031."));
    }

    @Test
    void plainNewsAgencyAndCurlyQuotes() {
        assertEquals(List.of(full(WorkType.NEWS_ARTICLE, "River rises, towns flee", "Reuters", List.of(), "2030-10-16")),
                parse("“River rises, towns flee”, Reuters, 16 October 2030."));
    }

    @Test
    void bylinedNewspaperPieceIsAnOpinionArticle() {
        assertEquals(List.of(full(WorkType.OPINION_ARTICLE, "Frozen ties", "The News", List.of("Jane Q. Writer"), "2030-07")),
                parse("Quoted in Jane Q. Writer, \"Frozen ties\", *The News*, July 2030."));
    }

    @Test
    void bylinedPieceInANonNewspaperOutletStaysANewsArticle() {
        assertEquals(List.of(full(WorkType.NEWS_ARTICLE, "Militia renews pledge", "Long War Journal", List.of("Sam Author"), "2029-08-19")),
                parse("Sam Author, “Militia renews pledge”, *Long War Journal*, 19 August 2029."));
    }

    @Test
    void journalArticleWithTwoAuthors() {
        assertEquals(List.of(full(WorkType.JOURNAL_ARTICLE, "Militias after the war", "CTC Sentinel",
                        List.of("Ana Scholar", "Ben Other"), "2023-05")),
                parse("Ana Scholar and Ben Other, “Militias after the war”, *CTC Sentinel*, May 2023."));
    }

    @Test
    void instituteReportDropsThePublishersCity() {
        assertEquals(List.of(full(WorkType.REPORT, "Highland Survey 2030", "Institute for Frontier Studies", List.of(), "2030-12-30")),
                parse("\"Highland Survey 2030\", Institute for Frontier Studies, Southport, 30 December 2030."));
    }

    @Test
    void publisherBeforeTheTitleAndADocumentSymbol() {
        assertEquals(List.of(full(WorkType.REPORT, "Report of the Monitoring Team", "UN Security Council", List.of(), "2030-03-01")),
                parse("See also UN Security Council, \"Report of the Monitoring Team\", S/2030/99, 1 March 2030."));
    }

    @Test
    void pressReleaseVideoAndLanguageTag() {
        assertEquals(List.of(
                        full(WorkType.PRESS_RELEASE, "Returns pass one million", "UNHCR", List.of(), "2030-04-02"),
                        full(WorkType.VIDEO, "Who controls the river?", "YouTube", List.of(), "2029-08-08")),
                parse("\"Returns pass one million\", press release, UNHCR, 2 April 2030; "
                        + "\"Who controls the river?\", video, YouTube, 8 August 2029 [Urdu]."));
    }

    @Test
    void book() {
        assertEquals(List.of(full(WorkType.BOOK, "The Highland Wars, 1990-2020", null, List.of("Marta Example"), "2024")),
                parse("Marta Example, *The Highland Wars, 1990-2020* (Northtown, 2024)."));
    }

    @Test
    void crisisGroupListsCarryTheirKindAndNumbers() {
        List<Citation> cs = parse("For background, see Crisis Group Commentaries, \"[First Look](#)\", 4 May 2029; and "
                + "\"[Second Look](#)\", 12 June 2028; Sam Author, \"[Third Look](#)\", Crisis Group Commentary, 1 May 2027; "
                + "Crisis Group Asia Reports N°880, [Valdoria, Again](#), 2 February 2030; and N°870, [Rivers](#), "
                + "9 September 2029; and Crisis Group Asia Briefings N°15 [Bridges](#), 20 August 2027.");
        String icg = CitationParser.CRISIS_GROUP;
        assertEquals(List.of(
                new Full(WorkType.COMMENTARY, "First Look", icg, List.of(), "2029-05-04", null),
                new Full(WorkType.COMMENTARY, "Second Look", icg, List.of(), "2028-06-12", null),
                new Full(WorkType.COMMENTARY, "Third Look", icg, List.of("Sam Author"), "2027-05-01", null),
                new Full(WorkType.REPORT, "Valdoria, Again", icg, List.of(), "2030-02-02", "880"),
                new Full(WorkType.REPORT, "Rivers", icg, List.of(), "2029-09-09", "870"),
                new Full(WorkType.BRIEFING, "Bridges", icg, List.of(), "2027-08-20", "15")), cs);
    }

    @Test
    void shortFormsNameTheirKindOrAuthor() {
        assertEquals(List.of(new Short("Valdoria's Highland Question", null, WorkType.REPORT)),
                parse("Crisis Group Report, [Valdoria’s Highland Question](#), op. cit."));
        assertEquals(List.of(new Short("Why the highlands matter", "Writer", null)),
                parse("Writer, “Why the highlands matter”, op. cit."));
        assertEquals(List.of(new Short("Survey", null, null), new Short("Other", null, WorkType.COMMENTARY)),
                parse("\"Survey\", op. cit.; and Crisis Group Commentary, [\"Other\"](#), op. cit."));
    }

    @Test
    void bothOpCitGivesTwoShortForms() {
        assertEquals(List.of(new Short("First", null, WorkType.REPORT), new Short("Second, Third", null, WorkType.REPORT)),
                parse("See Crisis Group Reports *First* and *Second, Third*, both op. cit."));
    }

    @Test
    void quotedStatementsInProseAreNotWorks() {
        List<Citation> cs = parse("The minister said the border \"was never closed\", adding that it \"will reopen\". "
                + "\"Minister defends policy\", *Dawn*, 2 May 2030.");
        assertEquals(List.of(full(WorkType.NEWS_ARTICLE, "Minister defends policy", "Dawn", List.of(), "2030-05-02")), cs);
    }

    @Test
    void interviewWithInterlocutorLocationAndPeriod() {
        List<Citation> cs = parse("Crisis Group interviews, officials, including a senior inspector, Northtown and "
                + "Southport, March–April 2030. In April, the minister spoke. \"Minister speaks\", *Dawn*, 2 May 2030.");
        assertEquals(2, cs.size());
        Interview i = assertInstanceOf(Interview.class, cs.get(0));
        assertEquals("officials, including a senior inspector", i.interlocutor());
        assertEquals("Northtown and Southport", i.location());
        assertEquals("2030-03", i.period().from());
        assertEquals("2030-04", i.period().to());
        assertTrue(i.plural());
        assertEquals(false, i.telephone());
        assertEquals("Crisis Group interviews, officials, including a senior inspector, Northtown and Southport, "
                + "March–April 2030", i.label());
        assertInstanceOf(Full.class, cs.get(1));
    }

    @Test
    void interviewLocationsMayBeSeveralPartsAndInterlocutorsMayBeAbsent() {
        Interview i = assertInstanceOf(Interview.class,
                parse("Crisis Group interviews, Northtown, Eastbank and Westbank districts, Highland Province, "
                        + "September 2024–January 2025.").get(0));
        assertNull(i.interlocutor());
        assertEquals("Northtown, Eastbank and Westbank districts, Highland Province", i.location());
        Interview j = assertInstanceOf(Interview.class, parse("Crisis Group telephone interview, November 2025.").get(0));
        assertNull(j.interlocutor());
        assertNull(j.location());
        assertTrue(j.telephone());
        assertEquals(false, j.plural());
    }

    @Test
    void capitalisedInterlocutorsAreNotPlaces() {
        Interview i = assertInstanceOf(Interview.class,
                parse("Crisis Group telephone interview, Northtown-based analyst, October 2025.").get(0));
        assertEquals("Northtown-based analyst", i.interlocutor());
        assertNull(i.location());
        Interview j = assertInstanceOf(Interview.class,
                parse("Crisis Group interviews, River Party leaders, Northtown, December 2024.").get(0));
        assertEquals("River Party leaders", j.interlocutor());
        assertEquals("Northtown", j.location());
    }

    @Test
    void interviewContinuationsAfterSemicolons() {
        List<Citation> cs = parse("Crisis Group telephone interviews, river traders, March 2030; ferry operators, "
                + "Eastbank district, May 2030; Crisis Group interview, Northtown, June 2030; interviews, farmers, "
                + "Westbank, July 2030; and by telephone, October-November 2030.");
        assertEquals(5, cs.size());
        Interview a = (Interview) cs.get(0), b = (Interview) cs.get(1), c = (Interview) cs.get(2),
                d = (Interview) cs.get(3), e = (Interview) cs.get(4);
        assertTrue(a.telephone() && b.telephone());
        assertEquals("river traders", a.interlocutor());
        assertEquals("ferry operators", b.interlocutor());
        assertEquals("Eastbank district", b.location());
        assertEquals(false, c.telephone());
        assertEquals("Northtown", c.location());
        assertEquals(false, d.telephone());
        assertEquals("farmers", d.interlocutor());
        assertTrue(e.telephone());
        assertNull(e.location());
        assertEquals("2030-10", e.period().from());
        assertEquals("2030-11", e.period().to());
    }

    @Test
    void interlocutorsSplitBySemicolonMerge() {
        List<Citation> cs = parse("Crisis Group interviews, militia commanders; village elders, Eastbank district, 2029-2030.");
        assertEquals(1, cs.size());
        Interview i = (Interview) cs.get(0);
        assertEquals("militia commanders; village elders", i.interlocutor());
        assertEquals("Eastbank district", i.location());
        assertEquals("2029", i.period().from());
        assertEquals("2030", i.period().to());
    }

    @Test
    void specialForms() {
        assertEquals(List.of(full(WorkType.SOCIAL_MEDIA_POST, "X post by Valley Radio (@ValleyRadio), 9:15am",
                        "Valley Radio", List.of(), "2031-01-03")),
                parse("X post by *Valley Radio*, @ValleyRadio, 9:15am, 3 January 2031."));
        assertEquals(List.of(full(WorkType.MEDIA_BRIEFING, "Weekly media briefing", "Valdorian Ministry of Foreign Affairs",
                        List.of(), "2031-01-05")),
                parse("The spokesperson said so. Weekly media briefing, Valdorian Ministry of Foreign Affairs, 5 January 2031."));
        assertEquals(List.of(full(WorkType.WEB_PAGE, "Valdoria government website", "Valdoria government", List.of(), null)),
                parse("See data at the Valdoria [government website](#)."));
    }

    @Test
    void footnotesWithoutCitations() {
        assertEquals(List.of(), parse("The river has changed course twice since 1990."));
        assertEquals(List.of(), parse("In 1980, the party split into two factions (A and B)."));
    }

    @Test
    void abbreviationsDoNotEndSentences() {
        assertEquals(List.of(full(WorkType.NEWS_ARTICLE, "Arms left behind", "Dawn", List.of(), "2025-11-11")),
                parse("The U.S. left behind weapons. \"Arms left behind\", *Dawn*, 11 November 2025."));
    }

    @Test
    void proseBeforeAQuoteIsNotAnAuthor() {
        CitationParser.Result r = parser.parse("Earlier, an official called it \"a sieve\", the paper said, 3 May 2030.");
        assertEquals(List.of(), r.citations());
        assertEquals(1, r.warnings().size(), r.warnings().toString());
    }

    @Test
    void unreadableCitationIsReported() {
        CitationParser.Result r = parser.parse("Editorial, *Dawn* 3 May 2025.");
        assertEquals(List.of(), r.citations());
        assertEquals(List.of("looks like a citation but was not read: Editorial, *Dawn* 3 May 2025"), r.warnings());
    }
}
