package kg.borderlands.ingest;

import kg.borderlands.ingest.Citation.Full;
import kg.borderlands.ingest.Citation.Short;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class WorkResolverTest {

    private static final String ICG = CitationParser.CRISIS_GROUP;

    private static Full news(String title, String outlet, String date) {
        return new Full(WorkType.NEWS_ARTICLE, title, outlet, List.of(), date, null);
    }

    @Test
    void theSameWorkCitedTwiceInFullIsOneWork() {
        WorkResolver r = new WorkResolver();
        assertEquals(List.of("work-dawn-2025-10-13-fierce-clashes-along-afghan-border"),
                r.resolve(1, List.of(news("Fierce clashes along Afghan border take heavy toll", "Dawn", "2025-10-13"))));
        assertEquals(List.of("work-dawn-2025-10-13-fierce-clashes-along-afghan-border"),
                r.resolve(2, List.of(news("Fierce clashes along Afghan border take heavy toll", "Dawn", "2025-10-13"))));
        assertEquals(1, r.works().size());
    }

    @Test
    void differentWorksWithTheSameIdGetASuffix() {
        WorkResolver r = new WorkResolver();
        r.resolve(1, List.of(news("Talks end in deadlock today", "Dawn", "2025-11-07")));
        List<String> ids = r.resolve(2, List.of(news("Talks end in deadlock today again and again", "Dawn", "2025-11-07")));
        assertEquals(List.of("work-dawn-2025-11-07-talks-end-in-deadlock-today-2"), ids);
        assertEquals(2, r.works().size());
    }

    @Test
    void opCitResolvesToTheEarlierFullCitation() {
        WorkResolver r = new WorkResolver();
        r.resolve(1, List.of(
                new Full(WorkType.REPORT, "Valdoria: Waters and Rivals", ICG, List.of(), "2029-09-09", "870"),
                new Full(WorkType.COMMENTARY, "Waters and Rivals", ICG, List.of(), "2020-01-01", null),
                new Full(WorkType.OPINION_ARTICLE, "Why the highlands matter", "Dawn", List.of("Jane Writer"), "2030-07-14", null)));
        // the short title is the end of the report's title, but the kind says Report
        assertEquals(List.of("work-icg-report-870"), r.resolve(2, List.of(new Short("Waters and Rivals", null, WorkType.REPORT))));
        // exact title wins when no kind is given
        assertEquals(List.of("work-icg-commentary-2020-01-01-waters-and-rivals"),
                r.resolve(3, List.of(new Short("Waters and Rivals", null, null))));
        // surname and a typographic apostrophe variant
        assertEquals(List.of("work-dawn-2030-07-14-why-the-highlands-matter"),
                r.resolve(4, List.of(new Short("Why the Highlands matter", "Writer", null))));
        assertEquals(List.of(), r.warnings());
        assertEquals(3, r.works().size(), "op. cit. adds no work");
    }

    @Test
    void shortenedTitleMatchesTheStartOfTheFullTitle() {
        WorkResolver r = new WorkResolver();
        r.resolve(1, List.of(new Full(WorkType.REPORT, "Revisiting Strategies in Valdoria: Opportunities and Pitfalls",
                ICG, List.of(), "2015-07-22", "271")));
        assertEquals(List.of("work-icg-report-271"),
                r.resolve(6, List.of(new Short("Revisiting Strategies in Valdoria", null, WorkType.REPORT))));
    }

    @Test
    void ambiguousOpCitTakesTheFirstAndWarns() {
        WorkResolver r = new WorkResolver();
        r.resolve(1, List.of(
                new Full(WorkType.REPORT, "Valdoria: Countering Militancy", ICG, List.of(), "2013-01-15", "242"),
                new Full(WorkType.REPORT, "Valdoria: Countering Militancy", ICG, List.of(), "2009-10-21", "178")));
        assertEquals(List.of("work-icg-report-242"),
                r.resolve(2, List.of(new Short("Countering Militancy", null, WorkType.REPORT))));
        assertEquals(1, r.warnings().size());
        assertTrue(r.warnings().get(0).contains("ambiguous"), r.warnings().get(0));
    }

    @Test
    void unresolvedOpCitIsWarnedAndCitesNothing() {
        WorkResolver r = new WorkResolver();
        assertEquals(List.of(), r.resolve(3, List.of(new Short("Never cited before", null, null))));
        assertEquals(List.of("footnote 3: op. cit. \"Never cited before\" matches no earlier citation"), r.warnings());
    }

    @Test
    void interviewsGetFootnoteAndIndexIds() {
        WorkResolver r = new WorkResolver();
        CitedDates.Period p = CitedDates.period("March–April 2030").orElseThrow();
        List<String> ids = r.resolve(9, List.of(
                new Citation.Interview(false, true, "officials", "Northtown", p),
                news("Minister speaks", "Dawn", "2030-05-02"),
                new Citation.Interview(true, false, null, null, CitedDates.period("May 2030").orElseThrow())));
        assertEquals(List.of("work-interview-fn-9-1", "work-dawn-2030-05-02-minister-speaks", "work-interview-fn-9-2"), ids);
        Work first = r.works().get(0);
        assertEquals(new Work("work-interview-fn-9-1", WorkType.INTERVIEW,
                "Crisis Group interviews, officials, Northtown, March–April 2030", null, List.of(),
                "2030-03", "2030-04", "officials", "Northtown", "in-person"), first);
        assertEquals("telephone", r.works().get(2).mode());
    }

    @Test
    void aFootnoteCitingTheSameWorkTwiceListsItOnce() {
        WorkResolver r = new WorkResolver();
        Full f = news("Minister speaks", "Dawn", "2030-05-02");
        assertEquals(List.of("work-dawn-2030-05-02-minister-speaks"),
                r.resolve(1, List.of(f, new Short("Minister speaks", null, null))));
    }
}
