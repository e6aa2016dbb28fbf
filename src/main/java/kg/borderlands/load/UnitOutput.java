package kg.borderlands.load;

import kg.borderlands.Vocab;
import kg.borderlands.validate.Finding;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.riot.system.StreamRDF;
import org.apache.jena.sparql.core.Quad;

import java.util.List;
import java.util.Objects;

/**
 * What one source unit adds to a build, validated: its asserted triples, its inferences and its claimed
 * graph (each without what the shared unit already holds), for a source unit its source graph
 * ({@code …/graph/source/{id}}: what it asserts, with its PROV record; {@code null} for the shared unit), the
 * non-blocking findings of its validation, and
 * the works of other units it cites.
 */
record UnitOutput(BuildUnits.Unit unit, Graph data, Graph inferred, Graph claimed, Graph source, List<Finding> findings,
                  List<String> cites) {
    static final Node DATA = NodeFactory.createURI(Vocab.GRAPH_DATA);
    static final Node INFERRED = NodeFactory.createURI(Vocab.GRAPH_INFERRED);
    static final Node CLAIMED = NodeFactory.createURI(Vocab.GRAPH_CLAIMED);
    static final Node LINKS = NodeFactory.createURI(kg.borderlands.link.Linkset.GRAPH);

    UnitOutput {
        Objects.requireNonNull(unit, "unit");
        Objects.requireNonNull(data, "data");
        Objects.requireNonNull(inferred, "inferred");
        Objects.requireNonNull(claimed, "claimed");
        findings = List.copyOf(findings);
        cites = List.copyOf(cites);
    }

    /**
     * The unit's quads as stored: data (its mapping triples to external datasets in the linkset graph instead,
     * docs/linking.md), inferred and claimed graphs, and the data and inferred triples again in the default
     * ("truthy") graph — never the claimed ones — and the source graph (docs/store.md).
     */
    void emit(StreamRDF out) {
        data.find().forEachRemaining(t -> out.quad(Quad.create(kg.borderlands.link.Linkset.isMapping(t) ? LINKS : DATA, t)));
        inferred.find().forEachRemaining(t -> out.quad(Quad.create(INFERRED, t)));
        claimed.find().forEachRemaining(t -> out.quad(Quad.create(CLAIMED, t)));
        data.find().forEachRemaining(t -> out.quad(Quad.create(Quad.defaultGraphIRI, t)));
        inferred.find().forEachRemaining(t -> out.quad(Quad.create(Quad.defaultGraphIRI, t)));
        if (source != null) {
            Node g = NodeFactory.createURI(kg.borderlands.curate.RdfMapper.sourceGraph(unit.source()));
            source.find().forEachRemaining(t -> out.quad(Quad.create(g, t)));
        }
    }
}
