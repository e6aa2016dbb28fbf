package kg.borderlands.query;

import kg.borderlands.Vocab;
import org.apache.jena.query.Query;
import org.apache.jena.query.QueryExecution;
import org.apache.jena.query.QueryFactory;
import org.apache.jena.query.ResultSet;
import org.apache.jena.query.ResultSetFormatter;
import org.apache.jena.rdf.model.Model;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFDataMgr;
import org.apache.jena.riot.resultset.ResultSetLang;
import org.apache.jena.riot.ResultSetMgr;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.system.Txn;

import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Objects;

/**
 * Runs one SPARQL query against a dataset and writes the result in the chosen format: the formats of the SPARQL
 * endpoint, offline. SELECT: {@code table} (text), {@code csv}, {@code tsv}, {@code json}, {@code xml} (the W3C
 * SPARQL results formats). ASK: {@code json} and {@code xml} results; otherwise {@code true} or {@code false} alone
 * (the CSV and TSV results formats define no boolean). CONSTRUCT and DESCRIBE: {@code json} is JSON-LD, {@code xml} RDF/XML, anything else
 * Turtle (as the endpoint does when a results format is asked of a graph).
 */
public final class QueryRunner {
    public enum Format {
        TABLE, CSV, TSV, JSON, XML;

        public static Format parse(String s) {
            try {
                return valueOf(s.toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("unknown format '" + s + "': use table, csv, tsv, json or xml");
            }
        }

        /** The W3C results format, or null for {@link #TABLE}. */
        private org.apache.jena.riot.Lang resultsLang() {
            return switch (this) {
                case TABLE -> null;
                case CSV -> ResultSetLang.RS_CSV;
                case TSV -> ResultSetLang.RS_TSV;
                case JSON -> ResultSetLang.RS_JSON;
                case XML -> ResultSetLang.RS_XML;
            };
        }

        /** The RDF syntax of a CONSTRUCT or DESCRIBE result. */
        private Lang graphLang() {
            return switch (this) {
                case JSON -> Lang.JSONLD;
                case XML -> Lang.RDFXML;
                default -> Lang.TURTLE;
            };
        }
    }

    private QueryRunner() {}

    /** Parses the query with the project prefixes predeclared, so short queries need no PREFIX lines. */
    public static Query parse(String sparql) {
        Query q = new Query();
        q.setPrefixMapping(Vocab.prefixes());
        return QueryFactory.parse(q, Objects.requireNonNull(sparql, "sparql"), null, null);
    }

    /** Reads a query file; a missing file is a usage error. */
    public static String readFile(java.nio.file.Path file) throws java.io.IOException {
        try {
            return java.nio.file.Files.readString(file, StandardCharsets.UTF_8);
        } catch (java.nio.file.NoSuchFileException e) {
            throw new IllegalArgumentException("query file not found: " + file);
        }
    }

    /** Parses like {@link #parse}, turning a syntax error into a one-line usage error. */
    public static Query parseChecked(String sparql, String where) {
        try {
            return parse(sparql);
        } catch (org.apache.jena.query.QueryParseException e) {
            throw new IllegalArgumentException("bad SPARQL" + (where == null ? "" : " in " + where) + ": "
                    + e.getMessage().lines().findFirst().orElse(""));
        }
    }

    public static void run(DatasetGraph dsg, String sparql, Format format, OutputStream out) {
        Query q = parse(sparql);
        Txn.executeRead(dsg, () -> {
            try (QueryExecution qe = QueryExecution.dataset(org.apache.jena.query.DatasetFactory.wrap(dsg)).query(q).build()) {
                if (q.isSelectType()) {
                    ResultSet rs = qe.execSelect();
                    if (format == Format.TABLE) ResultSetFormatter.out(out, rs, q.getPrefixMapping());
                    else ResultSetMgr.write(out, rs, format.resultsLang());
                } else if (q.isAskType()) {
                    boolean b = qe.execAsk();
                    // the W3C CSV/TSV results formats define no boolean: true or false alone, as before
                    if (format == Format.JSON || format == Format.XML) ResultSetMgr.write(out, b, format.resultsLang());
                    else new PrintStream(out, true, StandardCharsets.UTF_8).println(b);
                } else {
                    Model m = q.isConstructType() ? qe.execConstruct() : qe.execDescribe();
                    m.setNsPrefixes(Vocab.prefixes());
                    RDFDataMgr.write(out, m, format.graphLang());
                }
            }
        });
    }
}
