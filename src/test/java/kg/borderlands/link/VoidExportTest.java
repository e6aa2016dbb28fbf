package kg.borderlands.link;

import kg.borderlands.cli.Main;
import kg.borderlands.support.TestProject;
import org.apache.jena.query.Dataset;
import org.apache.jena.rdf.model.Model;
import org.apache.jena.riot.RDFDataMgr;
import org.apache.jena.vocabulary.RDF;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.*;

/**
 * Exports carry the VoID description.
 */
class VoidExportTest {
    static final String V = VoidDescription.VOID;

    @Test
    void exportsCarryTheDescription(@TempDir Path tmp) throws Exception {
        Path root = TestProject.root();
        TestProject.realStore(); // read commands never build: the store must be loaded first
        String[] common = {"--store", root.resolve("target/test-store").toString(), "--ontology", root.resolve("ontology").toString(),
                "--data", root.resolve("data").toString(), "--qc", root.resolve("queries/qc").toString()};
        Path trig = tmp.resolve("kg.trig");
        assertEquals(0, export(common, "trig", trig));
        Dataset ds = RDFDataMgr.loadDataset(trig.toString());
        Model voidGraph = ds.getNamedModel(VoidDescription.GRAPH);
        assertFalse(voidGraph.isEmpty(), "the TriG export has the VoID named graph");
        assertTrue(voidGraph.contains(voidGraph.getResource(VoidDescription.DATASET), RDF.type, voidGraph.createResource(V + "Dataset")));
        assertTrue(ds.containsNamedModel("https://w3id.org/borderlands-kg/graph/data"), "and the store's graphs");

        Path ttl = tmp.resolve("kg.ttl");
        assertEquals(0, export(common, "ttl", ttl));
        Path beside = tmp.resolve("kg.void.ttl");
        assertTrue(Files.exists(beside), "a .void.ttl beside a triple-format export");
        Model described = RDFDataMgr.loadModel(beside.toString());
        assertEquals(RDFDataMgr.loadModel(ttl.toString()).size(),
                described.getResource(VoidDescription.DATASET).getProperty(described.createProperty(V + "triples")).getLong(),
                "void:triples is the size of the exported union graph");
    }

    private static int export(String[] common, String format, Path out) {
        String[] args = new String[common.length + 5];
        args[0] = "export";
        args[1] = "--format";
        args[2] = format;
        args[3] = "--out";
        args[4] = out.toString();
        System.arraycopy(common, 0, args, 5, common.length);
        return Main.run(new PrintWriter(new StringWriter(), true), new PrintWriter(new StringWriter(), true), args);
    }
}
