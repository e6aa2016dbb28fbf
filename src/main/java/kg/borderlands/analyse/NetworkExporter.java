package kg.borderlands.analyse;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;

import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * Writes a {@link Network} as GraphML, GEXF 1.2 (dynamic), CSV node and edge lists, or Cytoscape.js JSON.
 * Formats are described in docs/network.md. Output is deterministic (nodes and edges in id order).
 */
public final class NetworkExporter {
    public static final String GRAPHML_NS = "http://graphml.graphdrawing.org/xmlns";
    public static final String GEXF_NS = "http://www.gexf.net/1.2draft";
    private static final String XSI = "http://www.w3.org/2001/XMLSchema-instance";
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    /** Export formats. */
    public enum Format {
        GRAPHML("graphml"), GEXF("gexf"), CSV("csv"), CYTOSCAPE("json");

        private final String extension;

        Format(String extension) {
            this.extension = extension;
        }

        /** File extension (CSV writes a directory). */
        public String extension() {
            return extension;
        }

        public static Format parse(String s) {
            for (Format f : values()) if (f.name().equalsIgnoreCase(s)) return f;
            throw new IllegalArgumentException("unknown format '" + s + "' (graphml, gexf, csv or cytoscape)");
        }
    }

    private NetworkExporter() {}

    /** Writes the network to a file, or for CSV to {@code nodes.csv} and {@code edges.csv} in a directory. */
    public static void write(Network net, Format format, Path out) throws IOException {
        Objects.requireNonNull(out, "out");
        if (format == Format.CSV) {
            writeCsv(net, out);
            return;
        }
        if (out.toAbsolutePath().getParent() != null) Files.createDirectories(out.toAbsolutePath().getParent());
        try (OutputStream os = Files.newOutputStream(out)) {
            write(net, format, os);
        }
    }

    /** Writes GraphML, GEXF or Cytoscape JSON to a stream (not CSV: that is two files). */
    public static void write(Network net, Format format, OutputStream out) throws IOException {
        switch (format) {
            case GRAPHML -> writeGraphml(net, out);
            case GEXF -> writeGexf(net, out);
            case CYTOSCAPE -> writeCytoscape(net, out);
            case CSV -> throw new IllegalArgumentException("CSV is two files (nodes.csv, edges.csv): write it to a directory");
        }
    }

    // ---- GraphML (jgrapht-io) ----

    /**
     * GraphML written by jgrapht-io's {@code GraphMLExporter}: one directed multigraph ({@code edgedefault="directed"},
     * parallel edges told apart by their ids). A symmetric relation (an alliance, a meeting) is one edge, from the
     * actor recorded first to the other, with {@code directed=false}: every edge of the CSV export is one edge
     * here, and GraphML readers that refuse a graph mixing directed and undirected edges (networkx) read it.
     * Attributes are typed: booleans for {@code directed} and {@code contested}, strings otherwise (lists joined
     * with {@code "; "}, dates as {@code yyyy-mm-dd}).
     */
    public static void writeGraphml(Network net, OutputStream out) throws IOException {
        org.jgrapht.Graph<String, NetworkEdge> g = asGraph(net);
        Map<String, ActorNode> nodes = net.nodes().stream().collect(Collectors.toMap(ActorNode::id, n -> n));
        org.jgrapht.nio.graphml.GraphMLExporter<String, NetworkEdge> x = new org.jgrapht.nio.graphml.GraphMLExporter<>(v -> v);
        x.setEdgeIdProvider(NetworkEdge::id);
        var node = org.jgrapht.nio.graphml.GraphMLExporter.AttributeCategory.NODE;
        var edge = org.jgrapht.nio.graphml.GraphMLExporter.AttributeCategory.EDGE;
        var all = org.jgrapht.nio.graphml.GraphMLExporter.AttributeCategory.ALL;
        x.registerAttribute("label", all, org.jgrapht.nio.AttributeType.STRING);
        for (String k : List.of("class", "aliases")) x.registerAttribute(k, node, org.jgrapht.nio.AttributeType.STRING);
        for (String k : List.of("kind", "from", "until", "accordingTo", "footnotes", "sections", "record", "recordType")) {
            x.registerAttribute(k, edge, org.jgrapht.nio.AttributeType.STRING);
        }
        for (String k : List.of("directed", "contested")) x.registerAttribute(k, edge, org.jgrapht.nio.AttributeType.BOOLEAN);
        x.setVertexAttributeProvider(id -> {
            ActorNode n = nodes.get(id);
            Map<String, org.jgrapht.nio.Attribute> m = new LinkedHashMap<>();
            put(m, "label", n.label());
            put(m, "class", n.type());
            put(m, "aliases", String.join("; ", n.aliases()));
            return m;
        });
        x.setEdgeAttributeProvider(e -> {
            Map<String, org.jgrapht.nio.Attribute> m = new LinkedHashMap<>();
            put(m, "kind", e.kind());
            m.put("directed", org.jgrapht.nio.DefaultAttribute.createAttribute(e.directed()));
            put(m, "from", str(e.from()));
            put(m, "until", str(e.until()));
            m.put("contested", org.jgrapht.nio.DefaultAttribute.createAttribute(e.contested()));
            put(m, "accordingTo", String.join("; ", e.accordingTo()));
            put(m, "footnotes", joinInts(e.footnotes()));
            put(m, "sections", String.join("; ", e.sections()));
            put(m, "record", e.record());
            put(m, "recordType", e.recordType());
            put(m, "label", e.label());
            return m;
        });
        Writer w = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8));
        try {
            x.exportGraph(g, w);
        } catch (org.jgrapht.nio.ExportException e) {
            throw new IOException("could not write GraphML: " + e.getMessage(), e);
        }
        w.flush();
    }

    /** The network as a JGraphT directed pseudograph (parallel edges and loops allowed), in id order. */
    static org.jgrapht.Graph<String, NetworkEdge> asGraph(Network net) {
        org.jgrapht.Graph<String, NetworkEdge> g = org.jgrapht.graph.builder.GraphTypeBuilder
                .<String, NetworkEdge>directed().allowingMultipleEdges(true).allowingSelfLoops(true)
                .weighted(false).buildGraph();
        for (ActorNode n : net.nodes()) g.addVertex(n.id());
        for (NetworkEdge e : net.edges()) g.addEdge(e.source(), e.target(), e);
        return g;
    }

    private static void put(Map<String, org.jgrapht.nio.Attribute> m, String key, String value) {
        if (value != null && !value.isEmpty()) m.put(key, org.jgrapht.nio.DefaultAttribute.createAttribute(value));
    }

    // ---- GEXF 1.2 ----

    /**
     * GEXF 1.2 ({@code http://www.gexf.net/1.2draft}, the version networkx and Gephi both read), dynamic, dates as
     * {@code yyyy-mm-dd}: edges carry {@code start}/{@code end} (omitted when open) so that Gephi's timeline
     * shows when each relation holds. Written here rather than with jgrapht-io, whose GEXF exporter writes static
     * graphs only (no {@code mode="dynamic"}, no {@code start}/{@code end}). As in GraphML, one directed
     * multigraph: a symmetric relation is one edge with the boolean attribute {@code directed=false}. Node
     * attributes: class, aliases (liststring); edge attributes: kind, directed, contested, accordingTo (liststring),
     * footnotes (liststring of numbers; GEXF 1.2 has no integer lists), sections (liststring), record, recordType.
     */
    public static void writeGexf(Network net, OutputStream out) throws IOException {
        xml(out, w -> {
            w.writeStartElement("gexf");
            w.writeDefaultNamespace(GEXF_NS);
            w.writeNamespace("xsi", XSI);
            w.writeAttribute(XSI, "schemaLocation", GEXF_NS + " http://www.gexf.net/1.2draft/gexf.xsd");
            w.writeAttribute("version", "1.2");
            open(w, 1, "meta");
            text(w, 2, "creator", "borderlands-kg");
            text(w, 2, "description", "Actor network of Crisis Group Asia Report N°354: " + net.nodes().size()
                    + " actors, " + net.edges().size() + " relations");
            close(w, 1);
            open(w, 1, "graph", "mode", "dynamic", "defaultedgetype", "directed", "timeformat", "date", "idtype", "string");
            attributes(w, "node", new String[][] {{"class", "string"}, {"aliases", "liststring"}});
            attributes(w, "edge", new String[][] {{"kind", "string"}, {"directed", "boolean"}, {"contested", "boolean"},
                    {"accordingTo", "liststring"}, {"footnotes", "liststring"}, {"sections", "liststring"},
                    {"record", "string"}, {"recordType", "string"}});
            open(w, 2, "nodes", "count", Integer.toString(net.nodes().size()));
            for (ActorNode n : net.nodes()) {
                open(w, 3, "node", "id", n.id(), "label", n.label());
                attvalues(w, 4, new String[][] {{"class", n.type()}, {"aliases", list(n.aliases())}});
                close(w, 3);
            }
            close(w, 2);
            open(w, 2, "edges", "count", Integer.toString(net.edges().size()));
            for (NetworkEdge e : net.edges()) {
                open(w, 3, "edge", "id", e.id(), "source", e.source(), "target", e.target(), "type", "directed",
                        "label", e.label(), "start", str(e.from()), "end", str(e.until()));
                attvalues(w, 4, new String[][] {{"kind", e.kind()}, {"directed", Boolean.toString(e.directed())},
                        {"contested", Boolean.toString(e.contested())},
                        {"accordingTo", list(e.accordingTo())},
                        {"footnotes", list(e.footnotes().stream().map(String::valueOf).toList())},
                        {"sections", list(e.sections())}, {"record", e.record()}, {"recordType", e.recordType()}});
                close(w, 3);
            }
            close(w, 2);
            close(w, 1);
            close(w, 0);
        });
    }

    private static void attributes(XMLStreamWriter w, String cls, String[][] attrs) throws XMLStreamException {
        open(w, 2, "attributes", "class", cls, "mode", "static");
        for (String[] a : attrs) empty(w, 3, "attribute", "id", a[0], "title", a[0], "type", a[1]);
        close(w, 2);
    }

    private static void attvalues(XMLStreamWriter w, int depth, String[][] values) throws XMLStreamException {
        List<String[]> present = new ArrayList<>();
        for (String[] v : values) if (v[1] != null && !v[1].isEmpty()) present.add(v);
        if (present.isEmpty()) return;
        open(w, depth, "attvalues");
        for (String[] v : present) empty(w, depth + 1, "attvalue", "for", v[0], "value", v[1]);
        close(w, depth);
    }

    /** GEXF list value as Gephi writes it: {@code [a, b]}; empty list → null (omitted). */
    private static String list(List<String> xs) {
        return xs.isEmpty() ? null : "[" + String.join(", ", xs) + "]";
    }

    // ---- CSV ----

    public static final List<String> NODE_COLUMNS = List.of("id", "label", "class", "aliases");
    public static final List<String> EDGE_COLUMNS = List.of("id", "source", "target", "kind", "directed", "from", "until",
            "contested", "accordingTo", "footnotes", "sections", "record", "label");

    /** Writes {@code dir/nodes.csv} and {@code dir/edges.csv}. */
    public static void writeCsv(Network net, Path dir) throws IOException {
        Files.createDirectories(dir);
        try (Writer w = Files.newBufferedWriter(dir.resolve("nodes.csv"), StandardCharsets.UTF_8)) {
            writeNodesCsv(net, w);
        }
        try (Writer w = Files.newBufferedWriter(dir.resolve("edges.csv"), StandardCharsets.UTF_8)) {
            writeEdgesCsv(net, w);
        }
    }

    public static void writeNodesCsv(Network net, Writer w) throws IOException {
        row(w, NODE_COLUMNS);
        for (ActorNode n : net.nodes()) row(w, Arrays.asList(n.id(), n.label(), n.type(), String.join(";", n.aliases())));
        w.flush();
    }

    public static void writeEdgesCsv(Network net, Writer w) throws IOException {
        row(w, EDGE_COLUMNS);
        for (NetworkEdge e : net.edges()) {
            row(w, Arrays.asList(e.id(), e.source(), e.target(), e.kind(), Boolean.toString(e.directed()), str(e.from()),
                    str(e.until()), Boolean.toString(e.contested()), String.join(";", e.accordingTo()),
                    joinInts(e.footnotes()).replace("; ", ";"), String.join(";", e.sections()), e.record(),
                    Objects.toString(e.label(), "")));
        }
        w.flush();
    }

    private static void row(Writer w, List<String> cells) throws IOException {
        w.write(cells.stream().map(NetworkExporter::csvCell).collect(Collectors.joining(",")));
        w.write("\r\n");
    }

    /** RFC 4180: quote a cell holding a comma, quote, CR or LF; double the quotes. */
    static String csvCell(String s) {
        if (s == null) return "";
        if (s.indexOf(',') < 0 && s.indexOf('"') < 0 && s.indexOf('\n') < 0 && s.indexOf('\r') < 0) return s;
        return '"' + s.replace("\"", "\"\"") + '"';
    }

    // ---- Cytoscape.js ----

    /** {@code {elements: {nodes: [{data: …}], edges: [{data: …}]}}}, as maps and lists for Jackson. */
    public static Map<String, Object> cytoscape(Network net) {
        List<Map<String, Object>> nodes = new ArrayList<>();
        for (ActorNode n : net.nodes()) {
            Map<String, Object> d = new LinkedHashMap<>();
            d.put("id", n.id());
            d.put("label", n.label());
            d.put("class", n.type());
            d.put("aliases", n.aliases());
            nodes.add(Map.of("data", d));
        }
        List<Map<String, Object>> edges = new ArrayList<>();
        for (NetworkEdge e : net.edges()) {
            Map<String, Object> d = new LinkedHashMap<>();
            d.put("id", e.id());
            d.put("source", e.source());
            d.put("target", e.target());
            d.put("kind", e.kind());
            d.put("directed", e.directed());
            d.put("from", str(e.from()));
            d.put("until", str(e.until()));
            d.put("contested", e.contested());
            d.put("accordingTo", e.accordingTo());
            d.put("footnotes", e.footnotes());
            d.put("footnoteRefs", e.footnoteRefs());
            d.put("sections", e.sections());
            d.put("record", e.record());
            d.put("label", e.label());
            edges.add(Map.of("data", d));
        }
        Map<String, Object> elements = new LinkedHashMap<>();
        elements.put("nodes", nodes);
        elements.put("edges", edges);
        return Map.of("elements", elements);
    }

    /**
     * The file export: the {@link #cytoscape} elements in a document that Cytoscape.js ({@code cy.json()}),
     * Cytoscape desktop (.cyjs) and networkx ({@code cytoscape_graph}) all read: top-level {@code data},
     * {@code directed: true} and {@code multigraph: true} (one directed multigraph, as in GraphML and GEXF), and in
     * each element's data the keys networkx looks for besides {@code id}: {@code value} and {@code name} (the
     * node's id and label) on nodes, {@code key} (the edge's id, so parallel edges stay apart) on edges.
     */
    public static Map<String, Object> cytoscapeDocument(Network net) {
        @SuppressWarnings("unchecked")
        Map<String, Object> elements = (Map<String, Object>) cytoscape(net).get("elements");
        List<Map<String, Object>> nodes = new ArrayList<>();
        for (Object o : (List<?>) elements.get("nodes")) {
            Map<String, Object> d = new LinkedHashMap<>(data(o));
            d.put("value", d.get("id"));
            d.put("name", d.get("label"));
            nodes.add(Map.of("data", d));
        }
        List<Map<String, Object>> edges = new ArrayList<>();
        for (Object o : (List<?>) elements.get("edges")) {
            Map<String, Object> d = new LinkedHashMap<>(data(o));
            d.put("key", d.get("id"));
            edges.add(Map.of("data", d));
        }
        Map<String, Object> els = new LinkedHashMap<>();
        els.put("nodes", nodes);
        els.put("edges", edges);
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("data", Map.of("name", "borderlands-kg actor network"));
        doc.put("directed", true);
        doc.put("multigraph", true);
        doc.put("elements", els);
        return doc;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> data(Object element) {
        return (Map<String, Object>) ((Map<String, Object>) element).get("data");
    }

    public static void writeCytoscape(Network net, OutputStream out) throws IOException {
        Writer w = new OutputStreamWriter(out, StandardCharsets.UTF_8);
        JSON.writerWithDefaultPrettyPrinter().without(com.fasterxml.jackson.core.JsonGenerator.Feature.AUTO_CLOSE_TARGET)
                .writeValue(w, cytoscapeDocument(net));
        w.write('\n');
        w.flush();
    }

    // ---- helpers ----

    private interface XmlBody {
        void write(XMLStreamWriter w) throws XMLStreamException;
    }

    private static void xml(OutputStream out, XmlBody body) throws IOException {
        Writer writer = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8));
        try {
            XMLStreamWriter w = XMLOutputFactory.newFactory().createXMLStreamWriter(writer);
            w.writeStartDocument("UTF-8", "1.0");
            nl(w, 0);
            body.write(w);
            w.writeCharacters("\n");
            w.writeEndDocument();
            w.flush();
            writer.flush();
        } catch (XMLStreamException e) {
            throw new IOException("could not write XML: " + e.getMessage(), e);
        }
    }

    /** A start tag on a new line; attributes as name, value pairs, null values left out. */
    private static void open(XMLStreamWriter w, int depth, String name, String... attrs) throws XMLStreamException {
        nl(w, depth);
        w.writeStartElement(name);
        attrs(w, attrs);
    }

    private static void empty(XMLStreamWriter w, int depth, String name, String... attrs) throws XMLStreamException {
        nl(w, depth);
        w.writeEmptyElement(name);
        attrs(w, attrs);
    }

    private static void attrs(XMLStreamWriter w, String... attrs) throws XMLStreamException {
        for (int i = 0; i + 1 < attrs.length; i += 2) if (attrs[i + 1] != null) w.writeAttribute(attrs[i], attrs[i + 1]);
    }

    private static void text(XMLStreamWriter w, int depth, String name, String text) throws XMLStreamException {
        open(w, depth, name);
        w.writeCharacters(text);
        w.writeEndElement();
    }

    /** The end tag of an element opened at {@code depth}, on a line of its own. */
    private static void close(XMLStreamWriter w, int depth) throws XMLStreamException {
        nl(w, depth);
        w.writeEndElement();
    }

    private static void nl(XMLStreamWriter w, int depth) throws XMLStreamException {
        w.writeCharacters("\n" + "  ".repeat(depth));
    }

    private static String str(LocalDate d) {
        return d == null ? null : d.toString();
    }

    private static String joinInts(List<Integer> xs) {
        return xs.stream().map(String::valueOf).collect(Collectors.joining("; "));
    }
}
