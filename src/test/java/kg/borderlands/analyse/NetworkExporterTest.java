package kg.borderlands.analyse;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

import javax.xml.parsers.DocumentBuilderFactory;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.StringReader;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.*;

class NetworkExporterTest {
    private final Network net = FixtureNetwork.network();

    private static Document parse(byte[] xml) throws Exception {
        DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
        f.setNamespaceAware(true);
        return f.newDocumentBuilder().parse(new ByteArrayInputStream(xml));
    }

    private static List<Element> children(Element parent, String ns, String name) {
        List<Element> out = new ArrayList<>();
        for (org.w3c.dom.Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element e && ns.equals(e.getNamespaceURI()) && name.equals(e.getLocalName())) out.add(e);
        }
        return out;
    }

    private static List<String> childNames(Element parent) {
        List<String> out = new ArrayList<>();
        for (org.w3c.dom.Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element e) out.add(e.getLocalName());
        }
        return out;
    }

    /**
     * Checks the GEXF 1.2 structure (the 1.2draft schema, the version networkx and Gephi both read) element by
     * element: one directed graph, symmetric relations marked by the boolean attribute {@code directed}.
     */
    @Test
    void gexfFollowsThe12StructureWithTimesOnEdges() throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        NetworkExporter.writeGexf(net, out);
        String ns = "http://www.gexf.net/1.2draft";
        Element gexf = parse(out.toByteArray()).getDocumentElement();
        assertEquals(ns, gexf.getNamespaceURI());
        assertEquals("gexf", gexf.getLocalName());
        assertEquals("1.2", gexf.getAttribute("version"));
        assertEquals(List.of("meta", "graph"), childNames(gexf), "meta then graph");
        Element meta = children(gexf, ns, "meta").get(0);
        assertFalse(children(meta, ns, "creator").isEmpty());
        Element graph = children(gexf, ns, "graph").get(0);
        assertEquals("dynamic", graph.getAttribute("mode"));
        assertEquals("date", graph.getAttribute("timeformat"));
        assertEquals("directed", graph.getAttribute("defaultedgetype"));
        assertEquals(List.of("attributes", "attributes", "nodes", "edges"), childNames(graph), "attributes*, nodes, edges");
        Set<String> allowedTypes = Set.of("integer", "long", "double", "float", "boolean", "string", "liststring",
                "anyURI");
        Map<String, String> declared = new HashMap<>();
        for (Element attrs : children(graph, ns, "attributes")) {
            assertTrue(Set.of("node", "edge").contains(attrs.getAttribute("class")));
            for (Element at : children(attrs, ns, "attribute")) {
                assertTrue(allowedTypes.contains(at.getAttribute("type")), at.getAttribute("type"));
                assertFalse(at.getAttribute("title").isEmpty());
                declared.put(attrs.getAttribute("class") + ":" + at.getAttribute("id"), at.getAttribute("type"));
            }
        }
        Element nodes = children(graph, ns, "nodes").get(0);
        List<Element> nodeList = children(nodes, ns, "node");
        assertEquals(7, nodeList.size());
        assertEquals("7", nodes.getAttribute("count"));
        Set<String> nodeIds = new java.util.HashSet<>();
        for (Element n : nodeList) {
            nodeIds.add(n.getAttribute("id"));
            assertFalse(n.getAttribute("label").isEmpty());
            for (Element av : children(n, ns, "attvalues")) {
                for (Element v : children(av, ns, "attvalue")) assertTrue(declared.containsKey("node:" + v.getAttribute("for")));
            }
        }
        Element edges = children(graph, ns, "edges").get(0);
        List<Element> edgeList = children(edges, ns, "edge");
        assertEquals(net.edges().size(), edgeList.size());
        Map<String, Element> byId = new HashMap<>();
        for (Element e : edgeList) {
            byId.put(e.getAttribute("id"), e);
            assertTrue(nodeIds.contains(e.getAttribute("source")) && nodeIds.contains(e.getAttribute("target")));
            assertEquals("directed", e.getAttribute("type"), "one directed graph: no undirected edge in it");
            assertFalse(attvalues(e, ns).getOrDefault("kind", "").isEmpty());
            assertFalse(e.hasAttribute("startopen") || e.hasAttribute("endopen"), "open ends are left out");
            for (String t : List.of("start", "end")) {
                if (e.hasAttribute(t)) assertTrue(e.getAttribute(t).matches("\\d{4}-\\d{2}-\\d{2}"), e.getAttribute(t));
            }
            for (Element av : children(e, ns, "attvalues")) {
                for (Element v : children(av, ns, "attvalue")) assertTrue(declared.containsKey("edge:" + v.getAttribute("for")));
            }
        }
        Element sanctuary = byId.get("t-sanctuary:Sanctuary:state-a:group-c");
        assertEquals("2010-01-01", sanctuary.getAttribute("start"));
        assertEquals("2015-12-31", sanctuary.getAttribute("end"));
        assertEquals("Sanctuary", attvalues(sanctuary, ns).get("kind"));
        assertEquals("true", attvalues(sanctuary, ns).get("directed"));
        Element alliance = byId.get("t-alliance:Alliance:group-c:group-d");
        assertEquals("2020-01-01", alliance.getAttribute("start"));
        assertFalse(alliance.hasAttribute("end"), "open end: no end attribute");
        assertEquals("false", attvalues(alliance, ns).get("directed"), "a symmetric tie");
        Element support = byId.get("t-support:Support:person-f:mediator-e");
        assertFalse(support.hasAttribute("start") || support.hasAttribute("end"));
        String supportValues = attvalues(support, ns).toString();
        assertTrue(supportValues.contains("contested=true") && supportValues.contains("accordingTo=[state-b]"), supportValues);
        assertEquals("[7, 12]", attvalues(sanctuary, ns).get("footnotes"));
    }

    private static Map<String, String> attvalues(Element e, String ns) {
        Map<String, String> out = new HashMap<>();
        for (Element av : children(e, ns, "attvalues")) {
            for (Element v : children(av, ns, "attvalue")) out.put(v.getAttribute("for"), v.getAttribute("value"));
        }
        return out;
    }

    @Test
    void graphmlHasKeysNodesAndEdges() throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        NetworkExporter.writeGraphml(net, out);
        String ns = NetworkExporter.GRAPHML_NS;
        Element root = parse(out.toByteArray()).getDocumentElement();
        assertEquals("graphml", root.getLocalName());
        assertEquals(ns, root.getNamespaceURI());
        Set<String> keys = new java.util.HashSet<>();
        Map<String, String> keyName = new HashMap<>();
        Map<String, String> keyType = new HashMap<>();
        for (Element k : children(root, ns, "key")) {
            keys.add(k.getAttribute("id"));
            keyName.put(k.getAttribute("id"), k.getAttribute("attr.name"));
            keyType.put(k.getAttribute("attr.name"), k.getAttribute("attr.type"));
        }
        assertTrue(keyName.values().containsAll(Set.of("label", "class", "kind", "from", "until", "footnotes", "record",
                "directed", "contested")), keyName.toString());
        assertEquals("boolean", keyType.get("directed"));
        assertEquals("boolean", keyType.get("contested"));
        Element graph = children(root, ns, "graph").get(0);
        assertEquals("directed", graph.getAttribute("edgedefault"));
        assertEquals(7, children(graph, ns, "node").size());
        List<Element> edges = children(graph, ns, "edge");
        assertEquals(net.edges().size(), edges.size());
        Element alliance = edges.stream().filter(e -> e.getAttribute("id").startsWith("t-alliance")).findFirst().orElseThrow();
        assertFalse(alliance.hasAttribute("directed"), "no undirected edge in a directed graph");
        Map<String, String> data = new HashMap<>();
        for (Element d : children(alliance, ns, "data")) data.put(keyName.get(d.getAttribute("key")), d.getTextContent());
        assertEquals("false", data.get("directed"), "a symmetric tie");
        assertEquals("Alliance", data.get("kind"));
        assertEquals("2020-01-01", data.get("from"));
        assertFalse(data.containsKey("until"));
        for (Element d : children(alliance, ns, "data")) assertTrue(keys.contains(d.getAttribute("key")));
    }

    @Test
    void csvListsParseBack(@TempDir Path dir) throws Exception {
        NetworkExporter.writeCsv(net, dir);
        List<String> nodes = Files.readAllLines(dir.resolve("nodes.csv"));
        assertEquals("id,label,class,aliases", nodes.get(0));
        assertEquals(8, nodes.size());
        assertTrue(nodes.contains("state-a,State A,State,Alphaland;SA"), nodes.toString());
        List<List<String>> edges = parseCsv(Files.readString(dir.resolve("edges.csv")));
        assertEquals(NetworkExporter.EDGE_COLUMNS, edges.get(0));
        assertEquals(net.edges().size() + 1, edges.size());
        List<String> sanctuary = edges.stream().filter(r -> r.get(0).startsWith("t-sanctuary")).findFirst().orElseThrow();
        assertEquals(List.of("t-sanctuary:Sanctuary:state-a:group-c", "state-a", "group-c", "Sanctuary", "true",
                "2010-01-01", "2015-12-31", "false", "", "7;12", "II.A", "t-sanctuary", "A shelters C"), sanctuary);
    }

    @Test
    void csvQuotesCommasAndQuotes() throws Exception {
        NetworkEdge e = new NetworkEdge(null, "state-a", "state-b", "Support", true, null, null, false, List.of(),
                List.of(), List.of(), "r-1", "Support", "says \"no\", twice");
        Network n = new Network(net.nodes(), List.of(e), net.knownKinds(), net.actorClasses(), List.of());
        StringWriter w = new StringWriter();
        NetworkExporter.writeEdgesCsv(n, w);
        List<List<String>> rows = parseCsv(w.toString());
        assertEquals("says \"no\", twice", rows.get(1).get(12));
        assertTrue(w.toString().contains("\"says \"\"no\"\", twice\""));
    }

    /** A small RFC 4180 reader, enough for the test. */
    static List<List<String>> parseCsv(String text) throws Exception {
        List<List<String>> rows = new ArrayList<>();
        List<String> row = new ArrayList<>();
        StringBuilder cell = new StringBuilder();
        StringReader r = new StringReader(text);
        boolean quoted = false;
        int c;
        while ((c = r.read()) >= 0) {
            if (quoted) {
                if (c == '"') {
                    r.mark(1);
                    int n = r.read();
                    if (n == '"') cell.append('"');
                    else {
                        quoted = false;
                        if (n >= 0) r.reset();
                    }
                } else cell.append((char) c);
            } else if (c == '"') quoted = true;
            else if (c == ',') {
                row.add(cell.toString());
                cell.setLength(0);
            } else if (c == '\r') {
                // part of CRLF
            } else if (c == '\n') {
                row.add(cell.toString());
                cell.setLength(0);
                rows.add(row);
                row = new ArrayList<>();
            } else cell.append((char) c);
        }
        return rows;
    }

    @Test
    void cytoscapeJsonHasElementsNodesAndEdges() throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        NetworkExporter.writeCytoscape(net, out);
        JsonNode root = new ObjectMapper().readTree(out.toString(StandardCharsets.UTF_8));
        JsonNode nodes = root.path("elements").path("nodes");
        JsonNode edges = root.path("elements").path("edges");
        assertEquals(7, nodes.size());
        assertEquals(net.edges().size(), edges.size());
        JsonNode a = null;
        for (JsonNode n : nodes) if (n.path("data").path("id").asText().equals("state-a")) a = n.path("data");
        assertNotNull(a);
        assertEquals("State A", a.path("label").asText());
        assertEquals("State", a.path("class").asText());
        JsonNode s = null;
        for (JsonNode e : edges) if (e.path("data").path("record").asText().equals("t-sanctuary")) s = e.path("data");
        assertNotNull(s);
        assertEquals("state-a", s.path("source").asText());
        assertEquals("group-c", s.path("target").asText());
        assertEquals("Sanctuary", s.path("kind").asText());
        assertEquals("2010-01-01", s.path("from").asText());
        assertEquals("2015-12-31", s.path("until").asText());
        assertEquals(2, s.path("footnotes").size());
        assertEquals(12, s.path("footnotes").get(1).asInt());
        for (JsonNode e : edges) {
            if (e.path("data").path("record").asText().equals("t-alliance")) assertTrue(e.path("data").path("until").isNull());
        }
    }

    @Test
    void recordsSerialiseWithJackson() throws Exception {
        NetworkEdge e = net.edges().stream().filter(x -> x.record().equals("t-sanctuary")).findFirst().orElseThrow();
        JsonNode j = new ObjectMapper().valueToTree(e);
        assertEquals("2010-01-01", j.path("from").asText(), "dates as ISO strings without the JSR-310 module");
        assertTrue(j.path("until").isTextual());
        JsonNode p = new ObjectMapper().valueToTree(new NetworkAnalytics(net).shortestPath("state-a", "person-f").orElseThrow());
        assertEquals(3, p.path("hops").size());
        assertEquals("FORWARD", p.path("hops").get(0).path("relations").get(0).path("direction").asText());
    }

    @Test
    void writeToPathCreatesFilesAndRejectsCsvToStream(@TempDir Path dir) throws Exception {
        Path gexf = dir.resolve("sub/net.gexf");
        NetworkExporter.write(net, NetworkExporter.Format.GEXF, gexf);
        assertTrue(Files.size(gexf) > 0);
        assertThrows(IllegalArgumentException.class,
                () -> NetworkExporter.write(net, NetworkExporter.Format.CSV, new ByteArrayOutputStream()));
        assertEquals(NetworkExporter.Format.CYTOSCAPE, NetworkExporter.Format.parse("cytoscape"));
        assertThrows(IllegalArgumentException.class, () -> NetworkExporter.Format.parse("xlsx"));
    }
}
