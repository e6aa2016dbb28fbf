package kg.borderlands.serve.cache;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Random;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.*;

/** The scan for what makes a query's answer change between two runs on the same build. */
class NotRepeatableTest {
    /** The regular expression the scan replaces (what it must find, and only that). */
    private static final Pattern REFERENCE = Pattern.compile(
            "\\b(?:NOW|RAND|UUID|STRUUID|BNODE)\\s*\\(|\\bSERVICE\\b", Pattern.CASE_INSENSITIVE);

    @Test
    void findsTheCallsAndServiceInAnyCase() {
        for (String q : List.of("SELECT (NOW() AS ?t) {}", "SELECT (now () AS ?t) {}", "SELECT (Rand(\n) AS ?r) {}",
                "SELECT (uuid() AS ?u) {}", "SELECT (STRUUID\t() AS ?u) {}", "SELECT ?s { BIND(BNODE() AS ?s) }",
                "SELECT ?s { BIND(bnode(\"x\") AS ?s) }", "SELECT * { SERVICE <http://x/> { ?s ?p ?o } }",
                "SELECT * { service silent <http://x/> {} }", "SERVICE", "x;service", "(now(")) {
            assertTrue(NotRepeatable.in(q), q);
            assertTrue(REFERENCE.matcher(q).find(), "the reference agrees: " + q);
        }
    }

    @Test
    void ignoresTheSameLettersInsideWordsOrWithoutACall() {
        for (String q : List.of("SELECT ?now { ?s <http://x/nowhere> ?now }", "SELECT ?s { ?s ?p \"random\" }",
                "SELECT ?known { }", "PREFIX ex: <http://x/services#> SELECT * { ?s ex:serviceArea ?o }",
                "SELECT ?s { ?s ?p ?o } # no NOW here", "SELECT ?brand { ?s ?p ?brand }", "ASK {}",
                "SELECT (xnow() AS ?t) {}", "SELECT ?_now {}", "SELECT (NOW AS ?t) {}", "servicex", "_service", "")) {
            assertFalse(NotRepeatable.in(q), q);
            assertFalse(REFERENCE.matcher(q).find(), "the reference agrees: " + q);
        }
    }

    @Test
    void agreesWithTheRegularExpressionOnRandomTexts() {
        String[] parts = {"NOW", "now", "NoW", "rand", "RAND", "uuid", "StrUuid", "STRUUID", "bnode", "BNODE", "SERVICE",
                "service", "Service", "(", ")", " ", "\t", "\n", "\r", "\f", "\u000B", "_", "x", "9", "?", "<", ">", ":", "é",
                "Ω", "-", ".", "{", "}", "\"", "#", "s", "n", "ow", "ervice", "\u00a0", "\u2003"};
        Random random = new Random(13);
        int found = 0;
        for (int i = 0; i < 200_000; i++) {
            StringBuilder sb = new StringBuilder();
            int n = random.nextInt(8);
            for (int k = 0; k < n; k++) sb.append(parts[random.nextInt(parts.length)]);
            String q = sb.toString();
            boolean expected = REFERENCE.matcher(q).find();
            assertEquals(expected, NotRepeatable.in(q), () -> "disagrees on [" + q + "]");
            if (expected) found++;
        }
        assertTrue(found > 10_000, "the random texts exercise both answers: " + found);
    }
}
