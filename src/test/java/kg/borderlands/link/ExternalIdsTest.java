package kg.borderlands.link;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import static org.junit.jupiter.api.Assertions.*;

/** External identifiers: which CURIEs are well-formed, and the CURIE-IRI round trip. */
class ExternalIdsTest {
    @ParameterizedTest
    @CsvSource({
            "wikidata:Q843, http://www.wikidata.org/entity/Q843",
            "wikidata:Q1, http://www.wikidata.org/entity/Q1",
            "geonames:1168579, https://sws.geonames.org/1168579/",
            "'dbpedia:Balochistan,_Pakistan', 'http://dbpedia.org/resource/Balochistan,_Pakistan'",
            "dbpedia:Fazal-ur-Rehman_(politician), http://dbpedia.org/resource/Fazal-ur-Rehman_(politician)"})
    void wellFormedIdentifiersRoundTrip(String curie, String iri) {
        assertNull(ExternalIds.problem(curie));
        assertEquals(iri, ExternalIds.toIri(curie));
        assertEquals(curie, ExternalIds.toCurie(iri));
    }

    @ParameterizedTest
    @ValueSource(strings = {"wikidata:Q0", "wikidata:Q01", "wikidata:P31", "wikidata:L1", "wikidata:Q", "wikidata:Q12 ",
            "geonames:0", "geonames:-1", "geonames:1168579/", "dbpedia:", "dbpedia:A B", "Wikidata:Q1x", "wd:Q1",
            "http://www.wikidata.org/entity/Q843", ""})
    void malformedIdentifiersAreRefused(String curie) {
        assertNotNull(ExternalIds.problem(curie), curie);
        assertThrows(IllegalArgumentException.class, () -> ExternalIds.toIri(curie));
    }

    @ParameterizedTest
    @ValueSource(strings = {"https://www.wikidata.org/wiki/Q843", "https://sws.geonames.org/1168579",
            "https://w3id.org/borderlands-kg/id/pakistan", "http://www.wikidata.org/entity/P31"})
    void iriOutsideTheLinkedDatasetsHasNoCurie(String iri) {
        assertNull(ExternalIds.toCurie(iri), iri);
    }
}
