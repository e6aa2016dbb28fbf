package kg.borderlands.serve.geo;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import kg.borderlands.serve.WebTestServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Set;
import java.util.TreeSet;

import static org.junit.jupiter.api.Assertions.*;

/** GeoSPARQL over HTTP on /kg/sparql: geof: filter functions and the spatial index (spatial:nearby). */
class GeoSparqlEndpointTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String PREFIXES = """
            PREFIX geo: <http://www.opengis.net/ont/geosparql#>
            PREFIX geof: <http://www.opengis.net/def/function/geosparql/>
            PREFIX spatial: <http://jena.apache.org/spatial#>
            PREFIX uom: <http://www.opengis.net/def/uom/OGC/1.0/>
            PREFIX bkr: <https://w3id.org/borderlands-kg/id/>
            """;
    private static WebTestServer server;

    @BeforeAll
    static void start() throws Exception {
        server = WebTestServer.start(null);
    }

    @AfterAll
    static void stop() {
        if (server != null) server.close();
    }

    @Test
    void sfWithinPlacesWanaInsideKhyberPakhtunkhwaAndIslamabadOutside() throws Exception {
        String q = PREFIXES + """
                SELECT ?place WHERE {
                  bkr:pl-khyber-pakhtunkhwa geo:hasGeometry/geo:asWKT ?kp . FILTER(STRSTARTS(STR(?kp), "MULTIPOLYGON") || STRSTARTS(STR(?kp), "POLYGON"))
                  VALUES ?place { bkr:pl-wana bkr:pl-peshawar bkr:pl-islamabad bkr:pl-chaman bkr:pl-kabul }
                  ?place geo:hasGeometry/geo:asWKT ?pt . FILTER(STRSTARTS(STR(?pt), "POINT"))
                  FILTER(geof:sfWithin(?pt, ?kp))
                }""";
        // Wana (South Waziristan) and Peshawar are in KP; Islamabad (capital territory), Chaman (Balochistan) and Kabul are not
        assertEquals(Set.of("pl-wana", "pl-peshawar"), ids(select(q), "place"));
    }

    @Test
    void distanceInDegreesRanksIstanbulFartherThanDoha() throws Exception {
        String q = PREFIXES + """
                SELECT ?place WHERE {
                  bkr:pl-pakistan-afghanistan-border geo:hasGeometry/geo:asWKT ?border .
                  VALUES ?place { bkr:pl-doha bkr:pl-istanbul }
                  ?place geo:hasGeometry/geo:asWKT ?pt .
                  BIND(geof:distance(?pt, ?border, uom:degree) AS ?d)
                } ORDER BY DESC(?d) LIMIT 1""";
        assertEquals(Set.of("pl-istanbul"), ids(select(q), "place"));
    }

    @Test
    void spatialIndexAnswersNearby() throws Exception {
        // Features with a geometry within 60 km of Kabul's point: Kabul itself and Afghanistan (whose outline
        // contains it). Khost, Kunar and Paktika provinces all lie more than 60 km from the city.
        String q = PREFIXES + """
                SELECT DISTINCT ?place WHERE { ?place spatial:nearby(34.533 69.167 60 uom:kilometre) }""";
        assertEquals(Set.of("pl-kabul", "pl-afghanistan"), ids(select(q), "place"));
    }

    private static JsonNode select(String query) throws Exception {
        HttpRequest req = HttpRequest.newBuilder(URI.create(server.url("/kg/sparql")))
                .header("Content-Type", "application/sparql-query")
                .header("Accept", "application/sparql-results+json")
                .POST(HttpRequest.BodyPublishers.ofString(query)).build();
        HttpResponse<String> r = server.send(req);
        assertEquals(200, r.statusCode(), r.body());
        return JSON.readTree(r.body());
    }

    private static Set<String> ids(JsonNode results, String var) {
        Set<String> out = new TreeSet<>();
        for (JsonNode b : results.path("results").path("bindings")) {
            String iri = b.path(var).path("value").asText();
            out.add(iri.substring(iri.lastIndexOf('/') + 1));
        }
        return out;
    }
}
