package kg.borderlands.serve.guard;

import org.apache.jena.fuseki.Fuseki;
import org.apache.jena.query.Query;
import org.apache.jena.query.QueryFactory;
import org.apache.jena.query.Syntax;
import org.apache.jena.sparql.lang.SPARQLParserFactory;
import org.apache.jena.sparql.lang.SPARQLParserRegistry;
import org.apache.jena.sparql.lang.arq.ParserARQ;

/**
 * Parses a request's query once. The server checks a query before Fuseki sees it (its nesting, the depth of its
 * algebra: {@code QueryText}), which takes a full parse — and parsing is the largest single cost of a cheap query.
 * {@link #parse(String)} parses the text exactly as Fuseki will (ARQ syntax, Fuseki's base) and keeps the result
 * for this thread; when Fuseki then parses the very same text on the same thread, the parser installed here for
 * {@link Syntax#syntaxARQ} hands it that query instead of parsing again (once: the query is then Fuseki's alone).
 * Any other parse — another text, another base, no query kept — is ARQ's own. {@link #clear()} drops a query
 * Fuseki did not take (the request was refused first); call it when the request is done.
 */
public final class ParsedQueries {
    /** The base Fuseki parses queries with. */
    static final String BASE = Fuseki.BaseParserSPARQL;
    private static final ThreadLocal<Kept> KEPT = new ThreadLocal<>();
    private static final java.util.concurrent.atomic.LongAdder HANDED_OVER = new java.util.concurrent.atomic.LongAdder();

    private record Kept(String text, Query query) {}

    static {
        SPARQLParserFactory arq = new SPARQLParserFactory() {
            @Override
            public boolean accept(Syntax syntax) {
                return Syntax.syntaxARQ.equals(syntax);
            }

            @Override
            public org.apache.jena.sparql.lang.SPARQLParser create(Syntax syntax) {
                return new HandOver();
            }
        };
        SPARQLParserRegistry.get().add(Syntax.syntaxARQ, arq);
    }

    private ParsedQueries() {}

    /** Makes sure the parser that hands queries over is in place (idempotent; before the server starts). */
    public static void install() {
        // the static initialiser does it
    }

    /**
     * Parses {@code text} as Fuseki will and keeps the query for Fuseki's parse on this thread.
     *
     * @throws org.apache.jena.query.QueryException on a syntax error (nothing is kept then)
     */
    public static Query parse(String text) {
        KEPT.remove();
        Query q = QueryFactory.create(text, BASE, Syntax.syntaxARQ);
        KEPT.set(new Kept(text, q));
        return q;
    }

    /** Drops the query kept for this thread, if Fuseki did not take it. */
    public static void clear() {
        KEPT.remove();
    }

    /** True if a query is kept for this thread (for tests). */
    static boolean kept() {
        return KEPT.get() != null;
    }

    /** How many parses were answered with a kept query since start (for tests). */
    static long handedOver() {
        return HANDED_OVER.sum();
    }

    /** ARQ's parser, except that the query kept for this very text and base is handed over instead. */
    private static final class HandOver extends ParserARQ {
        @Override
        protected Query parse$(Query query, String text) {
            Kept k = KEPT.get();
            if (k != null && k.text.equals(text) && query.getBase() != null && BASE.equals(query.getBase().str())) {
                KEPT.remove();
                HANDED_OVER.increment();
                return k.query;
            }
            return super.parse$(query, text);
        }
    }
}
