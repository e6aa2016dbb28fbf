package kg.borderlands.query;

import kg.borderlands.link.FederatedQueries;
import kg.borderlands.support.TestProject;
import org.apache.jena.query.QueryFactory;
import org.apache.jena.query.QueryParseException;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertFalse;

/**
 * Every query file under {@code queries/} (competency questions, quality checks, federated queries) declares
 * all its prefixes: it parses with a plain SPARQL parser that knows no prefix, as any endpoint's does. (The
 * project's own CLI predeclares the usual prefixes; that must not hide an undeclared one here.)
 */
class SelfContainedQueriesTest {

    static Stream<Path> queryFiles() throws IOException {
        try (Stream<Path> s = Files.walk(TestProject.root().resolve("queries"))) {
            List<Path> files = s.filter(p -> p.toString().endsWith(".rq")).sorted().collect(Collectors.toList());
            assertFalse(files.isEmpty(), "no query files found");
            return files.stream();
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("queryFiles")
    void parsesWithoutPredeclaredPrefixes(Path rq) throws IOException {
        String text = Files.readString(rq);
        // federated queries name the Wikidata endpoint by a placeholder the runner fills in
        String sparql = text.contains(FederatedQueries.PLACEHOLDER)
                ? FederatedQueries.substitute(text, "http://localhost/sparql") : text;
        assertDoesNotThrow(() -> QueryFactory.create(sparql), () -> rq.getFileName() + " does not parse on its own");
    }

    @org.junit.jupiter.api.Test
    void anUndeclaredPrefixIsCaught() {
        org.junit.jupiter.api.Assertions.assertThrows(QueryParseException.class,
                () -> QueryFactory.create("SELECT * { ?s rdfs:label ?o }"));
    }
}
