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
 * Writes a {@link Network} as GraphML, GEXF 1.3 (dynamic), CSV node and edge lists, or Cytoscape.js JSON.
 * Formats are described in docs/network.md. Output is deterministic (nodes and edges in id order).
 */
public final class NetworkExporter {
    public static final String GRAPHML_NS = "http://graphml.graphdrawing.org/xmlns";
    public static final String GEXF_NS = "http://gexf.net/1.3";
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

    // ---- GraphML ----

    public static void writeGraphml(Network net, OutputStream out) throws IOException {
        xml(out, w -> {
            w.writeStartElement("graphml");
            w.writeDefaultNamespace(GRAPHML_NS);
            w.writeNamespace("xsi", XSI);
            w.writeAttribute(XSI, "schemaLocation", GRAPHML_NS + " http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd");
            String[][] nodeKeys = {{"label", "label"}, {"class", "class"}, {"aliases", "aliases"}};
            String[][] edgeKeys = {{"kind", "kind"}, {"from", "from"}, {"until", "until"}, {"contested", "contested"},
                    {"accordingTo", "accordingTo"}, {"footnotes", "footnotes"}, {"sections", "sections"},
                    {"record", "record"}, {"elabel", "label"}};
            for (String[] k : nodeKeys) key(w, k[0], "node", k[1], "string");
            for (String[] k : edgeKeys) key(w, k[0], "edge", k[1], k[0].equals("contested") ? "boolean" : "string");
            nl(w, 1);
            w.writeStartElement("graph");
            w.writeAttribute("id", "actors");
            w.writeAttribute("edgedefault", "directed");
            for (ActorNode n : net.nodes()) {
                nl(w, 2);
                w.writeStartElement("node");
                w.writeAttribute("id", n.id());
                data(w, "label", n.label(), 3);
                data(w, "class", n.type(), 3);
                data(w, "aliases", String.join("; ", n.aliases()), 3);
                nl(w, 2);
                w.writeEndElement();
            }
            for (NetworkEdge e : net.edges()) {
                nl(w, 2);
                w.writeStartElement("edge");
                w.writeAttribute("id", e.id());
                w.writeAttribute("source", e.source());
                w.writeAttribute("target", e.target());
                if (!e.directed()) w.writeAttribute("directed", "false");
                data(w, "kind", e.kind(), 3);
                data(w, "from", str(e.from()), 3);
                data(w, "until", str(e.until()), 3);
                data(w, "contested", Boolean.toString(e.contested()), 3);
                data(w, "accordingTo", String.join("; ", e.accordingTo()), 3);
                data(w, "footnotes", joinInts(e.footnotes()), 3);
                data(w, "sections", String.join("; ", e.sections()), 3);
                data(w, "record", e.record(), 3);
                data(w, "elabel", e.label(), 3);
                nl(w, 2);
                w.writeEndElement();
            }
            nl(w, 1);
            w.writeEndElement();
            nl(w, 0);
            w.writeEndElement();
        });
    }

    private static void key(XMLStreamWriter w, String id, String forWhat, String name, String type) throws XMLStreamException {
        nl(w, 1);
        w.writeEmptyElement("key");
        w.writeAttribute("id", id);
        w.writeAttribute("for", forWhat);
        w.writeAttribute("attr.name", name);
        w.writeAttribute("attr.type", type);
    }

    private static void data(XMLStreamWriter w, String key, String value, int depth) throws XMLStreamException {
        if (value == null || value.isEmpty()) return;
        nl(w, depth);
        w.writeStartElement("data");
        w.writeAttribute("key", key);
        w.writeCharacters(value);
        w.writeEndElement();
    }

    // ---- GEXF 1.3 ----

    /**
     * GEXF 1.3, dynamic, dates as {@code yyyy-mm-dd}: edges carry {@code start}/{@code end} (omitted when open)
     * so that Gephi's timeline shows when each relation holds. Node attributes: class, aliases; edge attributes:
     * contested, accordingTo, footnotes, sections, record, recordType; the relation kind is the edge's
     * native {@code kind}.
     */
    public static void writeGexf(Network net, OutputStream out) throws IOException {
        xml(out, w -> {
            w.writeStartElement("gexf");
            w.writeDefaultNamespace(GEXF_NS);
            w.writeNamespace("xsi", XSI);
            w.writeAttribute(XSI, "schemaLocation", GEXF_NS + " http://gexf.net/1.3/gexf.xsd");
            w.writeAttribute("version", "1.3");
            nl(w, 1);
            w.writeStartElement("meta");
            nl(w, 2);
            w.writeStartElement("creator");
            w.writeCharacters("borderlands-kg");
            w.writeEndElement();
            nl(w, 2);
            w.writeStartElement("description");
            w.writeCharacters("Actor network of Crisis Group Asia Report N°354: " + net.nodes().size() + " actors, "
                    + net.edges().size() + " relations");
            w.writeEndElement();
            nl(w, 1);
            w.writeEndElement();
            nl(w, 1);
            w.writeStartElement("graph");
            w.writeAttribute("mode", "dynamic");
            w.writeAttribute("defaultedgetype", "directed");
            w.writeAttribute("timeformat", "date");
            w.writeAttribute("idtype", "string");
            attributes(w, "node", new String[][] {{"class", "string"}, {"aliases", "liststring"}});
            attributes(w, "edge", new String[][] {{"contested", "boolean"}, {"accordingTo", "liststring"},
                    {"footnotes", "listinteger"}, {"sections", "liststring"}, {"record", "string"}, {"recordType", "string"}});
            nl(w, 2);
            w.writeStartElement("nodes");
            w.writeAttribute("count", Integer.toString(net.nodes().size()));
            for (ActorNode n : net.nodes()) {
                nl(w, 3);
                w.writeStartElement("node");
                w.writeAttribute("id", n.id());
                w.writeAttribute("label", n.label());
                attvalues(w, 4, new String[][] {{"class", n.type()}, {"aliases", list(n.aliases())}});
                nl(w, 3);
                w.writeEndElement();
            }
            nl(w, 2);
            w.writeEndElement();
            nl(w, 2);
            w.writeStartElement("edges");
            w.writeAttribute("count", Integer.toString(net.edges().size()));
            for (NetworkEdge e : net.edges()) {
                nl(w, 3);
                w.writeStartElement("edge");
                w.writeAttribute("id", e.id());
                w.writeAttribute("source", e.source());
                w.writeAttribute("target", e.target());
                w.writeAttribute("type", e.directed() ? "directed" : "undirected");
                w.writeAttribute("kind", e.kind());
                if (e.label() != null) w.writeAttribute("label", e.label());
                if (e.from() != null) w.writeAttribute("start", e.from().toString());
                if (e.until() != null) w.writeAttribute("end", e.until().toString());
                attvalues(w, 4, new String[][] {{"contested", Boolean.toString(e.contested())},
                        {"accordingTo", list(e.accordingTo())},
                        {"footnotes", list(e.footnotes().stream().map(String::valueOf).toList())},
                        {"sections", list(e.sections())}, {"record", e.record()}, {"recordType", e.recordType()}});
                nl(w, 3);
                w.writeEndElement();
            }
            nl(w, 2);
            w.writeEndElement();
            nl(w, 1);
            w.writeEndElement();
            nl(w, 0);
            w.writeEndElement();
        });
    }

    private static void attributes(XMLStreamWriter w, String cls, String[][] attrs) throws XMLStreamException {
        nl(w, 2);
        w.writeStartElement("attributes");
        w.writeAttribute("class", cls);
        w.writeAttribute("mode", "static");
        for (String[] a : attrs) {
            nl(w, 3);
            w.writeEmptyElement("attribute");
            w.writeAttribute("id", a[0]);
            w.writeAttribute("title", a[0]);
            w.writeAttribute("type", a[1]);
        }
        nl(w, 2);
        w.writeEndElement();
    }

    private static void attvalues(XMLStreamWriter w, int depth, String[][] values) throws XMLStreamException {
        List<String[]> present = new ArrayList<>();
        for (String[] v : values) if (v[1] != null && !v[1].isEmpty()) present.add(v);
        if (present.isEmpty()) return;
        nl(w, depth);
        w.writeStartElement("attvalues");
        for (String[] v : present) {
            nl(w, depth + 1);
            w.writeEmptyElement("attvalue");
            w.writeAttribute("for", v[0]);
            w.writeAttribute("value", v[1]);
        }
        nl(w, depth);
        w.writeEndElement();
    }

    /** GEXF list value: {@code [a, b]}; empty list → null (omitted). */
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

    public static void writeCytoscape(Network net, OutputStream out) throws IOException {
        Writer w = new OutputStreamWriter(out, StandardCharsets.UTF_8);
        JSON.writerWithDefaultPrettyPrinter().without(com.fasterxml.jackson.core.JsonGenerator.Feature.AUTO_CLOSE_TARGET)
                .writeValue(w, cytoscape(net));
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
