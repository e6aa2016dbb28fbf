package kg.borderlands.serve.protocol;

import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.*;

class ResultFormatsTest {
    private static Optional<String> accept(String... values) {
        return ResultFormats.acceptFor(Arrays.asList(values));
    }

    @Test
    void shortNamesThatMeanTwoThingsNameBoth() {
        assertEquals(Optional.of("application/sparql-results+xml, application/rdf+xml"), accept("xml"));
        assertEquals(Optional.of("application/sparql-results+json, application/ld+json"), accept("JSON"));
    }

    @Test
    void sparqlWrapperValuesAreUnderstood() {
        // what SPARQLWrapper 1.8 puts in the URL for RDF/XML, JSON-LD and TSV: the short name, then the media type
        assertEquals(Optional.of("application/rdf+xml"), accept("rdf+xml", "application/rdf+xml"));
        assertEquals(Optional.of("application/ld+json"), accept("json-ld", "application/ld+json"));
        assertEquals(Optional.of("text/tab-separated-values"), accept("tsv", "text/tab-separated-values"));
        assertEquals(Optional.of("text/turtle"), accept("n3"));
    }

    @Test
    void anUnencodedPlusIsReadBack() {
        assertEquals(Optional.of("application/rdf+xml"), accept("rdf xml"));
        assertEquals(Optional.of("application/sparql-results+json"), accept("application/sparql-results json"));
    }

    @Test
    void mediaTypesPassThroughAndUnknownValuesAreSkipped() {
        assertEquals(Optional.of("text/csv"), accept("spreadsheet", "text/csv"));
        assertEquals(Optional.empty(), accept("spreadsheet"));
        assertEquals(Optional.empty(), accept("", "  "));
        assertEquals(Optional.empty(), ResultFormats.acceptFor(List.of()));
    }
}
