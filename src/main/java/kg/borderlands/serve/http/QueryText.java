package kg.borderlands.serve.http;

import kg.borderlands.serve.guard.AlgebraShape;
import kg.borderlands.serve.guard.ParsedQueries;
import org.apache.jena.query.Query;
import org.apache.jena.sparql.algebra.Algebra;

/**
 * Cheap checks of a SPARQL query's text before Fuseki parses it, so parsing time and stack depth stay bounded:
 * its length, the depth of its bracket nesting, and a trial parse and compilation that turn a stack overflow
 * or an algebra tree deeper than the limit (a long chain of {@code 1+1+…} or of path steps) into a 400. The
 * trial parse is the one Fuseki uses ({@link ParsedQueries}: the query is parsed once per request).
 */
final class QueryText {
    private QueryText() {}

    /**
     * The outcome of the checks: a problem (answer it instead of running the query), or the shape of the
     * query's algebra (null when the text did not parse: Fuseki reports the syntax error with its own message).
     */
    record Verdict(HttpProblem problem, AlgebraShape shape) {
        static final Verdict UNPARSED = new Verdict(null, null);

        static Verdict refused(HttpProblem p) {
            return new Verdict(p, null);
        }
    }

    /**
     * Checks a query text; if it parsed and passed, its query is kept for Fuseki ({@link ParsedQueries}: call
     * {@link ParsedQueries#clear()} once the request is done).
     */
    static Verdict check(String query, int maxChars, int maxNesting) {
        return check(query, maxChars, maxNesting, 2 * maxNesting);
    }

    /** As {@link #check(String, int, int)}, with a limit on the depth of the compiled algebra tree. */
    static Verdict check(String query, int maxChars, int maxNesting, int maxAlgebraDepth) {
        if (query == null) return Verdict.UNPARSED;
        if (query.length() > maxChars)
            return Verdict.refused(new HttpProblem(413, HttpProblem.TOO_LARGE, "query of " + query.length()
                    + " characters is over the limit of " + maxChars));
        int depth = nesting(query);
        if (depth > maxNesting)
            return Verdict.refused(HttpProblem.malformed("query nested " + depth + " levels deep: the limit is " + maxNesting));
        try {
            Query q = ParsedQueries.parse(query);
            AlgebraShape shape = AlgebraShape.of(Algebra.compile(q));
            int d = shape.depth();
            if (d > maxAlgebraDepth) {
                ParsedQueries.clear();
                return Verdict.refused(HttpProblem.malformed("query too complex: its expressions or paths nest "
                        + (d == Integer.MAX_VALUE ? "too" : d) + " levels deep (limit " + maxAlgebraDepth + ")"));
            }
            return new Verdict(null, shape);
        } catch (StackOverflowError e) {
            ParsedQueries.clear();
            return Verdict.refused(HttpProblem.malformed("query too deeply nested to parse"));
        } catch (RuntimeException e) {
            // a syntax error: Fuseki reports it with its own message
            ParsedQueries.clear();
            return Verdict.UNPARSED;
        }
    }

    /** The deepest nesting of (), {} and [] outside string literals. */
    static int nesting(String q) {
        int depth = 0, max = 0;
        char quote = 0;
        for (int i = 0; i < q.length(); i++) {
            char c = q.charAt(i);
            if (quote != 0) {
                if (c == '\\') i++;
                else if (c == quote) quote = 0;
                continue;
            }
            switch (c) {
                case '"', '\'' -> quote = c;
                case '(', '{', '[' -> max = Math.max(max, ++depth);
                case ')', '}', ']' -> depth = Math.max(0, depth - 1);
                default -> { }
            }
        }
        return max;
    }
}
