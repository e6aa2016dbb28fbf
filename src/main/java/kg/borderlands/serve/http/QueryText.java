package kg.borderlands.serve.http;

import kg.borderlands.serve.guard.AlgebraShape;
import org.apache.jena.query.Query;
import org.apache.jena.query.QueryFactory;
import org.apache.jena.sparql.algebra.Algebra;
import org.apache.jena.query.Syntax;

/**
 * Cheap checks of a SPARQL query's text before Fuseki parses it, so parsing time and stack depth stay bounded:
 * its length, the depth of its bracket nesting, and a trial parse and compilation that turn a stack overflow
 * or an algebra tree deeper than the limit (a long chain of {@code 1+1+…} or of path steps) into a 400.
 */
final class QueryText {
    private QueryText() {}

    /** The problem with this query text, or null if Fuseki may parse it. */
    static HttpProblem check(String query, int maxChars, int maxNesting) {
        return check(query, maxChars, maxNesting, 2 * maxNesting);
    }

    /** As {@link #check(String, int, int)}, with a limit on the depth of the compiled algebra tree. */
    static HttpProblem check(String query, int maxChars, int maxNesting, int maxAlgebraDepth) {
        if (query == null) return null;
        if (query.length() > maxChars)
            return new HttpProblem(413, HttpProblem.TOO_LARGE, "query of " + query.length()
                    + " characters is over the limit of " + maxChars);
        int depth = nesting(query);
        if (depth > maxNesting)
            return HttpProblem.malformed("query nested " + depth + " levels deep: the limit is " + maxNesting);
        try {
            Query q = QueryFactory.create(query, Syntax.syntaxARQ);
            int d = AlgebraShape.of(Algebra.compile(q)).depth();
            if (d > maxAlgebraDepth)
                return HttpProblem.malformed("query too complex: its expressions or paths nest " + (d == Integer.MAX_VALUE ? "too" : d)
                        + " levels deep (limit " + maxAlgebraDepth + ")");
        } catch (StackOverflowError e) {
            return HttpProblem.malformed("query too deeply nested to parse");
        } catch (RuntimeException e) {
            // a syntax error: Fuseki reports it with its own message
        }
        return null;
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
