package kg.borderlands.analyse;

import kg.borderlands.support.TestProject;
import org.apache.jena.riot.RDFDataMgr;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.DatasetGraphFactory;
import org.apache.jena.system.Txn;

/** The hand-checked fixture (src/test/resources/analyse/fixture-network.ttl) with the project's ontology. */
final class FixtureNetwork {
    private static Network network;

    private FixtureNetwork() {}

    static DatasetGraph dataset() {
        DatasetGraph dsg = DatasetGraphFactory.createTxnMem();
        Txn.executeWrite(dsg, () -> {
            RDFDataMgr.read(dsg.getDefaultGraph(), TestProject.root().resolve("ontology/borderlands.ttl").toString());
            RDFDataMgr.read(dsg.getDefaultGraph(), TestProject.root().resolve("src/test/resources/analyse/fixture-network.ttl").toString());
        });
        return dsg;
    }

    static synchronized Network network() {
        if (network == null) network = new NetworkProjector(dataset()).project();
        return network;
    }
}
