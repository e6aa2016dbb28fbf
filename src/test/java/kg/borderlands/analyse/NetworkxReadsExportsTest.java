package kg.borderlands.analyse;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import kg.borderlands.load.StoreManager;
import kg.borderlands.support.Python;
import kg.borderlands.support.TestProject;
import org.apache.jena.sparql.core.DatasetGraph;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

import static org.junit.jupiter.api.Assertions.*;

/**
 * A client nobody here wrote — networkx, from Debian's python3-networkx — reads the GraphML, GEXF and Cytoscape
 * JSON exports of the real actor network ({@code read_graphml}, {@code read_gexf}, {@code cytoscape_graph}), and
 * finds what the CSV export lists: the same nodes, the same edges (by id, with the same ends), typed attributes
 * (booleans as booleans), the relation kind, and the dates (GEXF: dynamic {@code start}/{@code end}). The CSV
 * itself, which networkx has no reader for, is read with Python's csv module into a networkx graph.
 */
class NetworkxReadsExportsTest {
    private static Network net;
    private static final ObjectMapper JSON = new ObjectMapper();

    @BeforeAll
    static void project() throws Exception {
        DatasetGraph dsg = TestProject.realStore().open();
        try {
            net = new NetworkProjector(dsg).project();
        } finally {
            StoreManager.close(dsg);
        }
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"graphml", "gexf", "cytoscape", "csv"})
    void networkxReadsWhatTheCsvLists(String format, @TempDir Path dir) throws Exception {
        Python.require("networkx");
        Path csv = dir.resolve("csv");
        NetworkExporter.writeCsv(net, csv);
        List<Map<String, String>> nodes = readCsv(csv.resolve("nodes.csv"));
        List<Map<String, String>> edges = readCsv(csv.resolve("edges.csv"));
        assertTrue(edges.stream().anyMatch(e -> e.get("directed").equals("false")), "the network has symmetric ties");

        Path file = format.equals("csv") ? csv : dir.resolve("net." + format);
        if (!format.equals("csv")) NetworkExporter.write(net, NetworkExporter.Format.parse(format), file);
        Python.Result r = Python.script("read_network.py", format, file.toString());
        assertEquals(0, r.exit(), r.describe());
        JsonNode got = JSON.readTree(r.out());

        assertEquals("MultiDiGraph", got.get("graph").asText(), "one directed multigraph");
        assertEquals(nodes.size(), got.get("nodes").asInt(), "nodes");
        assertEquals(edges.size(), got.get("edges").asInt(), "edges");
        List<String> nodeIds = new ArrayList<>();
        got.get("node_ids").forEach(n -> nodeIds.add(n.asText()));
        assertEquals(new TreeSet<>(nodes.stream().map(n -> n.get("id")).toList()), new TreeSet<>(nodeIds));
        if (!format.equals("csv")) { // CSV has no types
            for (String typed : List.of("directed", "contested")) {
                assertEquals("[\"bool\"]", got.get("edge_attrs").get(typed).toString(), typed + " is read as a boolean");
            }
        }
        if (format.equals("gexf")) assertEquals("dynamic", got.get("mode").asText());

        JsonNode byId = got.get("edges_by_id");
        assertEquals(edges.size(), byId.size(), "edge ids are unique and all there");
        String from = format.equals("gexf") ? "start" : "from";
        String until = format.equals("gexf") ? "end" : "until";
        for (Map<String, String> e : edges) {
            JsonNode x = byId.get(e.get("id"));
            assertNotNull(x, "edge " + e.get("id") + " of the CSV is missing");
            String id = e.get("id");
            assertEquals(e.get("source"), x.get("source").asText(), id);
            assertEquals(e.get("target"), x.get("target").asText(), id);
            assertEquals(e.get("kind"), x.get("kind").asText(), id);
            assertEquals(Boolean.parseBoolean(e.get("directed")), x.get("directed").asBoolean(), id);
            assertEquals(Boolean.parseBoolean(e.get("contested")), x.get("contested").asBoolean(), id);
            assertEquals(e.get("from"), text(x.get(from)), id + " " + from);
            assertEquals(e.get("until"), text(x.get(until)), id + " " + until);
        }
    }

    /** A value as the CSV writes it: absent or null (an open end) is the empty cell. */
    private static String text(JsonNode v) {
        return v == null || v.isNull() ? "" : v.asText();
    }

    /** The CSV file as one map per row, keyed by the header (parsed by {@link NetworkExporterTest#parseCsv}). */
    private static List<Map<String, String>> readCsv(Path file) throws Exception {
        List<List<String>> rows = NetworkExporterTest.parseCsv(Files.readString(file));
        List<String> header = rows.get(0);
        List<Map<String, String>> out = new ArrayList<>();
        for (List<String> row : rows.subList(1, rows.size())) {
            if (row.size() == 1 && row.get(0).isEmpty()) continue;
            Map<String, String> m = new HashMap<>();
            for (int i = 0; i < header.size(); i++) m.put(header.get(i), row.get(i));
            out.add(m);
        }
        return out;
    }
}
