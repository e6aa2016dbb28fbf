package kg.borderlands.serve.api;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import org.apache.jena.datatypes.TypeMapper;
import org.apache.jena.datatypes.xsd.XSDDatatype;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.query.Query;
import org.apache.jena.query.QueryFactory;
import org.apache.jena.query.SortCondition;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.Quad;
import org.apache.jena.sparql.core.Var;
import org.apache.jena.sparql.engine.binding.Binding;
import org.apache.jena.sparql.engine.binding.BindingBuilder;
import org.apache.jena.sparql.engine.binding.BindingComparator;
import org.apache.jena.sparql.engine.binding.BindingFactory;
import org.apache.jena.sparql.exec.QueryExec;
import org.apache.jena.sparql.exec.RowSet;
import org.apache.jena.sparql.expr.Expr;
import org.apache.jena.sparql.expr.ExprAggregator;
import org.apache.jena.sparql.expr.NodeValue;
import org.apache.jena.sparql.expr.aggregate.AggGroupConcat;
import org.apache.jena.sparql.expr.aggregate.AggGroupConcatDistinct;
import org.apache.jena.sparql.expr.aggregate.Aggregator;
import org.apache.jena.sparql.function.FunctionEnvBase;
import org.apache.jena.sparql.syntax.Element;
import org.apache.jena.sparql.syntax.ElementBind;
import org.apache.jena.sparql.syntax.ElementData;
import org.apache.jena.sparql.syntax.ElementGroup;
import org.apache.jena.sparql.util.NodeCmp;
import org.apache.jena.system.Txn;

import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * One story query ({@code kg/borderlands/serve/story/<name>.rq}) and its results as a file: SPARQL JSON results in
 * one canonical form, whatever the order the store yields rows in — rows sorted by the query's {@code ORDER BY}
 * and then by every projected variable in turn (RDF term order), and the space-separated id lists made by
 * {@code GROUP_CONCAT(…; separator=" ")} sorted — so a build from scratch and an incremental build write the same
 * bytes. Rows are keyed by {@code ?id}: after a change only the rows of the roots {@link QueryRoots} finds are
 * computed again ({@link #patch}).
 */
public final class StoryQuery {
    /** The variable every row is keyed by. */
    static final Var KEY = Var.alloc("id");
    private static final JsonFactory JSON = new JsonFactory();
    private static final Map<String, StoryQuery> LOADED = new ConcurrentHashMap<>();

    private final String name;
    private final Query query;
    private final List<Var> vars;
    private final Set<Var> lists;
    private final Comparator<Binding> order;
    private final QueryRoots roots;
    private final Expr keyExpr;

    private StoryQuery(String name, String sparql) {
        this.name = name;
        this.query = QueryFactory.create(sparql);
        this.vars = List.copyOf(query.getProjectVars());
        this.lists = listVars(query);
        List<SortCondition> conditions = new ArrayList<>();
        if (query.hasOrderBy()) conditions.addAll(query.getOrderBy());
        BindingComparator byQuery = new BindingComparator(conditions);
        this.order = byQuery.thenComparing((a, b) -> {
            for (Var v : vars) {
                int c = compare(a.get(v), b.get(v));
                if (c != 0) return c;
            }
            return 0;
        });
        this.keyExpr = keyExpr(query.getQueryPattern());
        this.roots = query.hasLimit() || query.hasOffset() || keyExpr == null ? null : QueryRoots.of(query, KEY);
    }

    /** The story query of that name (parsed once). */
    public static StoryQuery named(String name) {
        return LOADED.computeIfAbsent(name, n -> new StoryQuery(n, StoryQueries.read(n)));
    }

    public String name() {
        return name;
    }

    /** The analysis of which rows a change affects, or null if this query is always recomputed whole. */
    public QueryRoots roots() {
        return roots;
    }

    private static int compare(Node a, Node b) {
        if (a == null) return b == null ? 0 : -1;
        if (b == null) return 1;
        return NodeCmp.compareRDFTerms(a, b);
    }

    /** Projected variables bound by a GROUP_CONCAT with a space as separator: lists of ids. */
    private static Set<Var> listVars(Query q) {
        Set<Var> out = new LinkedHashSet<>();
        if (!q.hasAggregators()) return out;
        for (Var v : q.getProjectVars()) {
            Expr e = q.getProject().getExpr(v);
            if (e == null || !e.isVariable()) continue;
            for (ExprAggregator agg : q.getAggregators()) {
                if (!agg.getVar().equals(e.asVar())) continue;
                Aggregator a = agg.getAggregator();
                String sep = a instanceof AggGroupConcatDistinct d ? d.getSeparator()
                        : a instanceof AggGroupConcat c ? c.getSeparator() : null;
                if (" ".equals(sep)) out.add(v);
            }
        }
        return out;
    }

    /** The expression of {@code BIND(… AS ?id)} in the main group, or null. */
    private static Expr keyExpr(Element pattern) {
        if (!(pattern instanceof ElementGroup g)) return null;
        for (Element e : g.getElements()) {
            if (e instanceof ElementBind b && b.getVar().equals(KEY)) return b.getExpr();
        }
        return null;
    }

    // ---- rows ----

    /** Every row, in canonical order (in a read transaction of its own, or the caller's). */
    public List<Binding> rows(DatasetGraph dsg) {
        return rows(dsg, null);
    }

    /** The rows of some roots only (all if {@code only} is null), in canonical order. */
    List<Binding> rows(DatasetGraph dsg, Collection<Node> only) {
        Query q = query;
        if (only != null) {
            q = query.cloneQuery();
            ElementData values = new ElementData();
            values.add(roots.root());
            for (Node n : only) values.add(BindingFactory.binding(roots.root(), n));
            ElementGroup g = new ElementGroup();
            g.addElement(values);
            for (Element e : ((ElementGroup) query.getQueryPattern()).getElements()) g.addElement(e);
            q.setQueryPattern(g);
        }
        Query run = q;
        return Txn.calculateRead(dsg, () -> {
            List<Binding> out = new ArrayList<>();
            try (QueryExec qe = QueryExec.dataset(dsg).query(run).build()) {
                RowSet rs = qe.select();
                while (rs.hasNext()) out.add(canonical(rs.next()));
            }
            out.sort(order);
            return out;
        });
    }

    /** A row with only the projected variables, its id lists sorted. */
    private Binding canonical(Binding b) {
        BindingBuilder out = BindingBuilder.create();
        for (Var v : vars) {
            Node n = b.get(v);
            if (n == null) continue;
            if (lists.contains(v) && n.isLiteral() && n.getLiteralLexicalForm().indexOf(' ') >= 0) {
                String[] ids = n.getLiteralLexicalForm().split(" ");
                Arrays.sort(ids);
                n = NodeFactory.createLiteralString(String.join(" ", ids));
            }
            out.add(v, n);
        }
        return out.build();
    }

    // ---- files ----

    /** Writes every row into {@code file}. */
    public void write(DatasetGraph dsg, Path file) throws IOException {
        List<Binding> rows = rows(dsg);
        try (OutputStream out = Files.newOutputStream(file); Writer w = new Writer(out, vars)) {
            for (Binding b : rows) w.row(b);
        }
    }

    /** Every row as SPARQL JSON results, in memory. */
    public byte[] bytes(DatasetGraph dsg) {
        java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
        try (Writer w = new Writer(bytes, vars)) {
            for (Binding b : rows(dsg)) w.row(b);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    /**
     * Writes into {@code file} the rows of {@code previous} (this query's file of the database before the change)
     * with the rows of the roots the change may affect computed again: the same file as {@link #write} gives.
     * Returns false, having written nothing, if it cannot tell which rows are affected (the query's shape, more
     * than {@code cap} roots, a previous file of another form): then call {@link #write}. In a read transaction
     * of {@code dsg} (the database after the change).
     */
    public boolean patch(DatasetGraph dsg, Path previous, Path file, Collection<Quad> removed, Collection<Quad> added,
                         int cap) throws IOException {
        if (roots == null || !Files.isRegularFile(previous)) return false;
        Set<Node> affected = Txn.calculateRead(dsg, () -> roots.roots(dsg, removed, added, cap));
        if (affected == null) return false;
        Set<Node> keys = new HashSet<>();
        for (Node r : affected) {
            Node k = keyOf(r);
            if (k != null) keys.add(k);
        }
        List<Binding> fresh = affected.isEmpty() ? List.of() : rows(dsg, affected);
        for (Binding b : fresh) if (!keys.contains(b.get(KEY))) return false;   // a row not keyed by its root's id
        Path part = file.resolveSibling(file.getFileName() + ".part");
        try (InputStream in = Files.newInputStream(previous); Reader old = new Reader(in)) {
            if (!old.vars().equals(vars)) return false;
            try (OutputStream out = Files.newOutputStream(part); Writer w = new Writer(out, vars)) {
                int i = 0;
                for (Binding b = old.next(); b != null; b = old.next()) {
                    if (keys.contains(b.get(KEY))) continue;
                    while (i < fresh.size() && order.compare(fresh.get(i), b) < 0) w.row(fresh.get(i++));
                    w.row(b);
                }
                while (i < fresh.size()) w.row(fresh.get(i++));
            }
        } catch (IOException | RuntimeException e) {
            Files.deleteIfExists(part);
            throw e;
        }
        Files.move(part, file, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        return true;
    }

    /** The {@code ?id} a root's rows have. */
    private Node keyOf(Node root) {
        try {
            NodeValue v = keyExpr.eval(BindingFactory.binding(roots.root(), root), new FunctionEnvBase());
            return v.asNode();
        } catch (RuntimeException e) {
            return null;   // no id: the root has no rows
        }
    }

    /** Writes SPARQL JSON results, one row a line. */
    static final class Writer implements Closeable {
        private final JsonGenerator g;
        private final List<Var> vars;

        Writer(OutputStream out, List<Var> vars) throws IOException {
            this.g = JSON.createGenerator(out, JsonEncoding.UTF8).setPrettyPrinter(new RowPerLine());
            this.vars = vars;
            g.writeStartObject();
            g.writeObjectFieldStart("head");
            g.writeArrayFieldStart("vars");
            for (Var v : vars) g.writeString(v.getVarName());
            g.writeEndArray();
            g.writeEndObject();
            g.writeObjectFieldStart("results");
            g.writeArrayFieldStart("bindings");
        }

        void row(Binding b) throws IOException {
            g.writeStartObject();
            for (Var v : vars) {
                Node n = b.get(v);
                if (n == null) continue;
                g.writeObjectFieldStart(v.getVarName());
                if (n.isURI()) {
                    g.writeStringField("type", "uri");
                    g.writeStringField("value", n.getURI());
                } else if (n.isBlank()) {
                    g.writeStringField("type", "bnode");
                    g.writeStringField("value", n.getBlankNodeLabel());
                } else if (n.isLiteral()) {
                    g.writeStringField("type", "literal");
                    g.writeStringField("value", n.getLiteralLexicalForm());
                    String lang = n.getLiteralLanguage();
                    if (lang != null && !lang.isEmpty()) g.writeStringField("xml:lang", lang);
                    else if (!XSDDatatype.XSDstring.getURI().equals(n.getLiteralDatatypeURI())) {
                        g.writeStringField("datatype", n.getLiteralDatatypeURI());
                    }
                } else {
                    throw new IllegalArgumentException("cannot write " + n + " in story results");
                }
                g.writeEndObject();
            }
            g.writeEndObject();
        }

        @Override
        public void close() throws IOException {
            g.writeEndArray();
            g.writeEndObject();
            g.writeEndObject();
            g.writeRaw("\n");
            g.close();
        }
    }

    /** Compact JSON, but each row of the bindings array on a line of its own. */
    private static final class RowPerLine extends com.fasterxml.jackson.core.util.MinimalPrettyPrinter {
        private static boolean rows(JsonGenerator g) {
            var c = g.getOutputContext();
            return c.inArray() && c.getParent() != null && "bindings".equals(c.getParent().getCurrentName());
        }

        @Override
        public void beforeArrayValues(JsonGenerator g) throws IOException {
            if (rows(g)) g.writeRaw('\n');
        }

        @Override
        public void writeArrayValueSeparator(JsonGenerator g) throws IOException {
            g.writeRaw(rows(g) ? ",\n" : ",");
        }

        @Override
        public void writeEndArray(JsonGenerator g, int nrOfValues) throws IOException {
            if (rows(g) && nrOfValues > 0) g.writeRaw('\n');
            g.writeRaw(']');
        }
    }

    /** Reads what {@link Writer} wrote, one row at a time. */
    static final class Reader implements Closeable {
        private final JsonParser p;
        private final List<Var> vars = new ArrayList<>();

        Reader(InputStream in) throws IOException {
            this.p = JSON.createParser(in);
            expect(JsonToken.START_OBJECT);
            field("head");
            expect(JsonToken.START_OBJECT);
            field("vars");
            expect(JsonToken.START_ARRAY);
            for (JsonToken t = p.nextToken(); t != JsonToken.END_ARRAY; t = p.nextToken()) vars.add(Var.alloc(p.getText()));
            expect(JsonToken.END_OBJECT);
            field("results");
            expect(JsonToken.START_OBJECT);
            field("bindings");
            expect(JsonToken.START_ARRAY);
        }

        List<Var> vars() {
            return vars;
        }

        /** The next row, or null at the end. */
        Binding next() throws IOException {
            JsonToken t = p.nextToken();
            if (t == JsonToken.END_ARRAY) return null;
            if (t != JsonToken.START_OBJECT) throw new IOException("story results: a row expected, not " + t);
            BindingBuilder b = BindingBuilder.create();
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                Var v = Var.alloc(p.getCurrentName());
                expect(JsonToken.START_OBJECT);
                String type = null, value = null, lang = null, datatype = null;
                while (p.nextToken() == JsonToken.FIELD_NAME) {
                    String f = p.getCurrentName();
                    p.nextToken();
                    switch (f) {
                        case "type" -> type = p.getText();
                        case "value" -> value = p.getText();
                        case "xml:lang" -> lang = p.getText();
                        case "datatype" -> datatype = p.getText();
                        default -> throw new IOException("story results: unexpected member " + f);
                    }
                }
                Node n = switch (Objects.requireNonNull(type, "type")) {
                    case "uri" -> NodeFactory.createURI(value);
                    case "bnode" -> NodeFactory.createBlankNode(value);
                    case "literal" -> lang != null ? NodeFactory.createLiteralLang(value, lang)
                            : datatype != null ? NodeFactory.createLiteralDT(value, TypeMapper.getInstance().getSafeTypeByName(datatype))
                            : NodeFactory.createLiteralString(value);
                    default -> throw new IOException("story results: unexpected type " + type);
                };
                b.add(v, n);
            }
            return b.build();
        }

        private void expect(JsonToken want) throws IOException {
            JsonToken t = p.nextToken();
            if (t != want) throw new IOException("story results: " + want + " expected, not " + t);
        }

        private void field(String name) throws IOException {
            expect(JsonToken.FIELD_NAME);
            if (!name.equals(p.getCurrentName())) throw new IOException("story results: " + name + " expected, not " + p.getCurrentName());
        }

        @Override
        public void close() throws IOException {
            p.close();
        }
    }

    @Override
    public String toString() {
        return "story query " + name;
    }
}
