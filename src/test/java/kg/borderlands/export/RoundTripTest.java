package kg.borderlands.export;

import kg.borderlands.load.StoreManager;
import kg.borderlands.support.TestProject;
import org.apache.jena.query.DatasetFactory;
import org.apache.jena.query.QueryExecution;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.system.Txn;
import org.eclipse.rdf4j.model.Model;
import org.eclipse.rdf4j.model.impl.LinkedHashModel;
import org.eclipse.rdf4j.rio.RDFFormat;
import org.eclipse.rdf4j.rio.RDFParser;
import org.eclipse.rdf4j.rio.Rio;
import org.eclipse.rdf4j.rio.helpers.StatementCollector;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;

import static org.junit.jupiter.api.Assertions.*;

/** Every export format is read back by an independent parser (RDF4J Rio) with the store's triple count. */
class RoundTripTest {
    private static DatasetGraph dsg;

    @BeforeAll
    static void open() throws IOException {
        dsg = TestProject.realStore().open();
    }

    @AfterAll
    static void close() {
        StoreManager.close(dsg);
    }

    @ParameterizedTest
    @EnumSource(Exporter.Format.class)
    void exportParsesWithRioToTheSameCount(Exporter.Format format) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        long written = Exporter.export(dsg, format, out);

        RDFParser parser = Rio.createParser(rioFormat(format));
        Model parsed = new LinkedHashModel();
        parser.setRDFHandler(new StatementCollector(parsed));
        parser.parse(new ByteArrayInputStream(out.toByteArray()), "urn:base:");

        long expected = storeCount(format.quads());
        assertTrue(expected > 0, "store is not empty");
        assertEquals(expected, written, "exporter's own count");
        assertEquals(expected, parsed.size(), format + " parsed by Rio");
    }

    /**
     * Quads: every named graph and the default ("truthy") graph. Triples: the established knowledge graph
     * (ontology, data, inferred), without the claimed graph and the VoID description.
     */
    private static long storeCount(boolean quads) {
        String q = quads
                ? "SELECT (COUNT(*) AS ?n) { { GRAPH ?g { ?s ?p ?o } } UNION { ?s ?p ?o } }"
                : "SELECT (COUNT(*) AS ?n) { SELECT DISTINCT ?s ?p ?o { GRAPH ?g { ?s ?p ?o } VALUES ?g { "
                        + kg.borderlands.link.VoidDescription.DESCRIBED_GRAPHS.stream().map(g -> "<" + g + ">")
                                .collect(java.util.stream.Collectors.joining(" ")) + " } } }";
        return Txn.calculateRead(dsg, () -> {
            try (QueryExecution qe = QueryExecution.dataset(DatasetFactory.wrap(dsg)).query(q).build()) {
                return qe.execSelect().next().getLiteral("n").getLong();
            }
        });
    }

    private static RDFFormat rioFormat(Exporter.Format f) {
        return switch (f) {
            case TTL -> RDFFormat.TURTLE;
            case NT -> RDFFormat.NTRIPLES;
            case JSONLD -> RDFFormat.JSONLD;
            case TRIG -> RDFFormat.TRIG;
            case RDFXML -> RDFFormat.RDFXML;
        };
    }
}
