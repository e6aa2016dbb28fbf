package kg.borderlands.serve.protocol;

import kg.borderlands.load.StoreManager;
import kg.borderlands.serve.KgServer;
import kg.borderlands.support.TestProject;
import org.apache.jena.sparql.core.DatasetGraph;

import java.io.IOException;

/** The project's real store served by {@link KgServer} alone on an ephemeral port. Close it in @AfterAll. */
final class ServedEndpoint implements AutoCloseable {
    /** Facts of one record, written by hand from {@code data/actors/militants.yaml} (record {@code ttp}). */
    static final String TTP = "https://w3id.org/borderlands-kg/id/ttp";
    static final String TTP_LABEL = "Tehreek-e-Taliban Pakistan";
    static final java.util.List<String> TTP_ALIASES = java.util.List.of("Pakistani Taliban", "TTP", "Tehreek-e-Taliban",
            "Tehrik-i-Taliban Pakistan");
    static final String MILITANT_GROUP = "https://w3id.org/borderlands-kg/ontology#MilitantGroup";

    static final String PREFIXES = """
            PREFIX skos: <http://www.w3.org/2004/02/skos/core#>
            PREFIX blk: <https://w3id.org/borderlands-kg/ontology#>
            PREFIX bkr: <https://w3id.org/borderlands-kg/id/>
            """;
    static final String SELECT_ALIASES = PREFIXES + "SELECT ?alias WHERE { bkr:ttp skos:altLabel ?alias } ORDER BY ?alias";
    static final String ASK_TRUE = PREFIXES + "ASK { bkr:ttp a blk:MilitantGroup }";
    static final String ASK_FALSE = PREFIXES + "ASK { bkr:ttp a blk:Country }";
    static final String CONSTRUCT_ALIASES = PREFIXES + "CONSTRUCT { bkr:ttp skos:altLabel ?a } WHERE { bkr:ttp skos:altLabel ?a }";
    static final String DESCRIBE_TTP = PREFIXES + "DESCRIBE bkr:ttp";

    final DatasetGraph dsg;
    final KgServer server;

    private ServedEndpoint() throws IOException {
        dsg = TestProject.realStore().open();
        try {
            server = KgServer.builder().dataset(dsg).port(0).timeoutMillis(10_000).build().start();
        } catch (RuntimeException e) {
            StoreManager.close(dsg);
            throw e;
        }
    }

    static ServedEndpoint start() throws IOException {
        return new ServedEndpoint();
    }

    /**
     * The reference for DESCRIBE of the TTP: the same DESCRIBE run in-process by Jena on the served dataset (its
     * default graph as queries see it), so clients are checked for carrying the whole description, blank nodes
     * included, in every format.
     */
    org.apache.jena.rdf.model.Model describeReference() {
        return org.apache.jena.system.Txn.calculateRead(dsg, () -> {
            try (var qe = org.apache.jena.query.QueryExecution.dataset(org.apache.jena.query.DatasetFactory.wrap(dsg))
                    .query(DESCRIBE_TTP).build()) {
                var m = org.apache.jena.rdf.model.ModelFactory.createDefaultModel();
                m.add(qe.execDescribe());
                return m;
            }
        });
    }

    /** {@code http://localhost:PORT/kg} + path. */
    String url(String path) {
        return server.datasetUrl() + path;
    }

    @Override
    public void close() {
        try {
            server.stop();
        } finally {
            StoreManager.close(dsg);
        }
    }
}
