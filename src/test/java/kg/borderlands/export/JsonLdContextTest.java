package kg.borderlands.export;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import kg.borderlands.Vocab;
import kg.borderlands.load.StoreManager;
import kg.borderlands.support.TestProject;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.rdf.model.Model;
import org.apache.jena.rdf.model.ModelFactory;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFParser;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.system.Txn;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

import static org.junit.jupiter.api.Assertions.*;

/** The published JSON-LD context: plain-JSON keys for our data, and nothing lost on the way. */
class JsonLdContextTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    /** Every property of the asserted data has a term: no key of the compacted data is a compact or full IRI. */
    @Test
    void theDataReadsAsPlainJsonAndParsesBackToTheSameGraph() throws Exception {
        DatasetGraph dsg = TestProject.realStore().open();
        try {
            Graph data = Txn.calculateRead(dsg, () -> {
                Model m = ModelFactory.createDefaultModel();
                org.apache.jena.graph.GraphUtil.addInto(m.getGraph(), dsg.getGraph(NodeFactory.createURI(Vocab.GRAPH_DATA)));
                return m.getGraph();
            });
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            JsonLdContext.write(data, out);
            JsonNode doc = JSON.readTree(out.toByteArray());
            assertTrue(doc.get("@context").isObject(), "the context is embedded");
            List<String> iriKeys = new ArrayList<>();
            for (JsonNode node : doc.get("@graph")) {
                for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) {
                    String k = it.next();
                    if (k.contains(":") && !iriKeys.contains(k)) iriKeys.add(k);
                }
            }
            assertEquals(List.of(), iriKeys, "keys without a term in context.jsonld");
            JsonNode ttp = null;
            for (JsonNode node : doc.get("@graph")) if ("bkr:ttp".equals(node.path("id").asText())) ttp = node;
            assertNotNull(ttp);
            assertEquals("Tehreek-e-Taliban Pakistan", ttp.get("label").asText());
            assertTrue(ttp.get("aliases").toString().contains("\"Pakistani Taliban\""), ttp.get("aliases").toString());
            assertEquals("bkr:pakistan", ttp.get("country").asText());

            Model back = ModelFactory.createDefaultModel();
            RDFParser.fromString(out.toString(java.nio.charset.StandardCharsets.UTF_8), Lang.JSONLD).parse(back);
            // the asserted data has no blank node, so "the same graph" is: the same size, every triple found
            assertFalse(data.find().toList().stream().anyMatch(t -> t.getSubject().isBlank() || t.getObject().isBlank()));
            assertEquals(data.size(), back.size(), "JSON-LD parses back to as many triples");
            assertTrue(data.find().toList().stream().allMatch(back.getGraph()::contains), "and to the same ones");
        } finally {
            StoreManager.close(dsg);
        }
    }

    @Test
    void thePublishedDocumentIsTheEmbeddedContext() throws Exception {
        JsonNode published = JSON.readTree(JsonLdContext.document());
        assertEquals(JSON.readTree(JsonLdContext.context().toString()), published.get("@context"));
        assertEquals("@id", published.get("@context").get("id").asText());
        assertEquals("https://w3id.org/borderlands-kg/context.jsonld", JsonLdContext.IRI);
    }
}
