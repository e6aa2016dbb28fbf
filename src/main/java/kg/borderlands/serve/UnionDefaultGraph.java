package kg.borderlands.serve;

import org.apache.jena.graph.Graph;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.DatasetGraphWrapper;

/**
 * A read view of a dataset whose default graph is the union of its named graphs, so the Graph Store
 * Protocol's {@code ?default} returns what SPARQL queries see as the default graph.
 */
final class UnionDefaultGraph extends DatasetGraphWrapper {
    UnionDefaultGraph(DatasetGraph dsg) {
        super(dsg);
    }

    @Override
    public Graph getDefaultGraph() {
        return getUnionGraph();
    }
}
