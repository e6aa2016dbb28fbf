package kg.borderlands.export;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import kg.borderlands.Vocab;
import kg.borderlands.link.VoidDescription;
import kg.borderlands.load.StoreManager;
import kg.borderlands.support.Python;
import kg.borderlands.support.TestProject;
import org.apache.jena.query.DatasetFactory;
import org.apache.jena.query.QueryExecution;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.system.Txn;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;

import static org.junit.jupiter.api.Assertions.*;

/**
 * A client nobody here wrote — Python rdflib, from Debian's python3-rdflib — parses every RDF export and finds
 * the store's count: every triple of the knowledge graph for the triple formats, every quad and every named
 * graph (the VoID graph included) for TriG. For JSON-LD it must also read the context's terms back as IRIs and
 * language tags (the TTP's skos:prefLabel, in English).
 */
class RdflibReadsExportsTest {
    private static DatasetGraph dsg;
    private static final ObjectMapper JSON = new ObjectMapper();

    @BeforeAll
    static void open() throws Exception {
        dsg = TestProject.realStore().open();
    }

    @AfterAll
    static void close() {
        StoreManager.close(dsg);
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(Exporter.Format.class)
    void rdflibParsesTheExportToTheStoresCount(Exporter.Format format, @TempDir Path dir) throws Exception {
        Python.require("rdflib");
        Path file = dir.resolve("kg." + format.name().toLowerCase());
        long written;
        try (OutputStream os = Files.newOutputStream(file)) {
            written = Exporter.export(dsg, format, os);
        }
        Python.Result r = Python.script("read_rdf.py", format.name().toLowerCase(), file.toString());
        assertEquals(0, r.exit(), r.describe());
        JsonNode got = JSON.readTree(r.out());
        if (format.quads()) {
            // every named graph and the default ("truthy") graph, which rdflib 6.1 names after the file it read
            assertEquals(count("SELECT (COUNT(*) AS ?n) { { GRAPH ?g { ?s ?p ?o } } UNION { ?s ?p ?o } }"),
                    got.get("quads").asLong(), "quads");
            TreeSet<String> graphs = new TreeSet<>();
            got.get("graphs").forEach(g -> graphs.add(g.asText()));
            List<String> named = List.of(Vocab.GRAPH_ONTOLOGY, Vocab.GRAPH_DATA, kg.borderlands.link.Linkset.GRAPH,
                    Vocab.GRAPH_INFERRED, Vocab.GRAPH_CLAIMED, VoidDescription.GRAPH);
            assertTrue(graphs.containsAll(named), "named graphs: " + graphs);
            graphs.removeAll(named);
            // and one graph per source (issue #11): here Report N°354's
            assertTrue(graphs.remove(Vocab.BASE + "graph/source/icg-asia-354"), "the source graph: " + graphs);
            assertEquals(1, graphs.size(), "one default graph besides the named graphs: " + graphs);
        } else {
            // the established knowledge graph: ontology, data, inferred (not the claimed graph, not VoID)
            long expected = count("SELECT (COUNT(*) AS ?n) { SELECT DISTINCT ?s ?p ?o { GRAPH ?g { ?s ?p ?o } VALUES ?g { "
                    + VoidDescription.DESCRIBED_GRAPHS.stream().map(g -> "<" + g + ">")
                            .collect(java.util.stream.Collectors.joining(" ")) + " } } }");
            assertEquals(expected, got.get("triples").asLong(), "triples read by rdflib " + got.get("rdflib"));
            assertEquals(expected, written, "the exporter's own count");
            assertEquals("[[\"Tehreek-e-Taliban Pakistan\",\"en\"]]", got.get("ttp_label").toString(),
                    "the TTP's preferred label, with its language");
        }
    }

    private static long count(String q) {
        return Txn.calculateRead(dsg, () -> {
            try (QueryExecution qe = QueryExecution.dataset(DatasetFactory.wrap(dsg)).query(q).build()) {
                return qe.execSelect().next().getLiteral("n").getLong();
            }
        });
    }
}
