package kg.borderlands.link;

import kg.borderlands.curate.LocatedRecord;
import kg.borderlands.curate.RecordReader;
import kg.borderlands.curate.Records;
import kg.borderlands.support.TestProject;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.*;

/** Properties of the curated links in data/links/ (see docs/linking.md). */
class CuratedLinksTest {
    private static List<Records.Link> links;
    private static Map<String, Records.DataRecord> records;

    @BeforeAll
    static void read() throws Exception {
        links = new ArrayList<>();
        records = new HashMap<>();
        for (LocatedRecord r : new RecordReader().readAll(TestProject.root().resolve("data"))) {
            records.put(r.record().id(), r.record());
            if (r.record() instanceof Records.Link l) links.add(l);
        }
    }

    @Test
    void everyIdentifierIsWellFormedAndEveryLinkSaysHowItWasVerified() {
        assertTrue(links.size() >= 90, "links: " + links.size());
        for (Records.Link l : links) {
            assertNull(ExternalIds.problem(l.object()), l.id());
            String local = l.object().substring(l.object().indexOf(':') + 1);
            if (!l.object().startsWith("dbpedia:")) {
                assertTrue(l.verifiedVia().contains(local), l.id() + ": verifiedVia must name the identifier it checked");
            }
            assertTrue(l.verifiedVia().length() > 40, l.id() + ": say where and what was seen");
            assertEquals("lnk-" + l.subject() + "-" + l.object().substring(0, l.object().indexOf(':')), l.id(),
                    "ids follow lnk-{subject}-{dataset}");
        }
    }

    @Test
    void dbpediaLinksFollowFromAVerifiedWikidataItemOfTheSameRecord() {
        for (Records.Link l : links) {
            if (!l.object().startsWith("dbpedia:")) continue;
            String title = l.object().substring("dbpedia:".length()).replace('_', ' ');
            assertTrue(l.verifiedVia().contains("'" + title + "'"), l.id() + " must cite the Wikipedia title " + title);
            List<Records.Link> wikidata = links.stream().filter(o -> o.subject().equals(l.subject())
                    && o.object().startsWith("wikidata:")).toList();
            assertEquals(1, wikidata.size(), l.id() + ": the record has exactly one Wikidata link");
            Records.Link wd = wikidata.get(0);
            assertTrue(l.verifiedVia().contains(wd.object().substring("wikidata:".length())),
                    l.id() + " must name the Wikidata item it derives from");
            assertEquals(wd.predicate(), l.predicate(), l.id() + ": same predicate as the Wikidata link");
        }
    }

    @Test
    void sameAsOnlyForPersons() {
        for (Records.Link l : links) {
            if (l.predicate().equals("sameAs")) {
                assertEquals("Person", records.get(l.subject()).type(), l.id() + ": owl:sameAs is for people only");
            }
        }
    }

    @Test
    void everyCountryProvinceDistrictAndCityIsLinked() {
        Set<String> linked = links.stream().map(Records.Link::subject).collect(Collectors.toSet());
        List<String> missing = records.values().stream()
                .filter(r -> r instanceof Records.Place)
                .filter(r -> Set.of("Country", "Province", "District", "Capital", "City").contains(r.type()))
                .map(Records.DataRecord::id).filter(id -> !linked.contains(id)).sorted().toList();
        assertEquals(List.of(), missing);
    }

    @Test
    void everyStateIsAnExactMatchOfAWikidataItemAndEveryCountryOfAGeoNamesFeature() {
        for (Records.DataRecord r : records.values()) {
            if (r instanceof Records.Actor && r.type().equals("State")) {
                assertTrue(links.stream().anyMatch(l -> l.subject().equals(r.id()) && l.predicate().equals("exactMatch")
                        && l.object().startsWith("wikidata:")), r.id());
            }
            if (r instanceof Records.Place && r.type().equals("Country")) {
                assertTrue(links.stream().anyMatch(l -> l.subject().equals(r.id()) && l.predicate().equals("exactMatch")
                        && l.object().startsWith("geonames:")), r.id());
            }
        }
    }

    @Test
    void aStateAndItsTerritoryShareTheWikidataItemOnlyAsExactAndClose() {
        // pakistan (State) exactMatch Q843; pl-pakistan (Country) closeMatch Q843: never two exact matches.
        Map<String, List<Records.Link>> byObject = links.stream().collect(Collectors.groupingBy(Records.Link::object));
        byObject.forEach((obj, ls) -> {
            long identity = ls.stream().filter(l -> !l.predicate().equals("closeMatch")).map(Records.Link::subject).distinct().count();
            assertTrue(identity <= 1, obj + " is claimed identical by " + identity + " records");
        });
        assertTrue(byObject.get("wikidata:Q843").stream().anyMatch(l -> l.subject().equals("pl-pakistan")
                && l.predicate().equals("closeMatch")));
    }
}
