package kg.borderlands.serve.artifacts;

import org.apache.jena.atlas.lib.tuple.Tuple;
import org.apache.jena.atlas.lib.tuple.TupleFactory;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.tdb2.store.DatasetGraphTDB;
import org.apache.jena.tdb2.store.NodeId;
import org.apache.jena.tdb2.store.nodetable.NodeTable;
import org.apache.jena.tdb2.store.tupletable.TupleIndex;
import org.apache.jena.tdb2.sys.TDBInternal;

import java.util.Iterator;
import java.util.Objects;
import java.util.Optional;

/**
 * The quad indexes and node table of a TDB2 database, for the artifacts that scan a whole graph and need few of
 * the nodes they meet decoded ({@link UsageScan}): quads are read as
 * node ids, in the order of the index chosen, and a node is decoded only when asked. Inside a read transaction.
 */
final class QuadIndexes {
    private final NodeTable nodes;
    private final TupleIndex gosp;
    private final TupleIndex gpos;

    private QuadIndexes(NodeTable nodes, TupleIndex gosp, TupleIndex gpos) {
        this.nodes = nodes;
        this.gosp = gosp;
        this.gpos = gpos;
    }

    /** The indexes of a TDB2 database, or empty if it is not one (or lacks the GOSP and GPOS indexes). */
    static Optional<QuadIndexes> of(DatasetGraph dsg) {
        Objects.requireNonNull(dsg, "dataset");
        if (!TDBInternal.isTDB2(dsg)) return Optional.empty();
        DatasetGraphTDB tdb = TDBInternal.getDatasetGraphTDB(dsg);
        TupleIndex gosp = null, gpos = null;
        for (TupleIndex i : tdb.getQuadTable().getNodeTupleTable().getTupleTable().getIndexes()) {
            if (i.getName().equals("GOSP")) gosp = i;
            if (i.getName().equals("GPOS")) gpos = i;
        }
        if (gosp == null || gpos == null) return Optional.empty();
        return Optional.of(new QuadIndexes(tdb.getQuadTable().getNodeTupleTable().getNodeTable(), gosp, gpos));
    }

    /** The id of a node, or null if the database has no such node. */
    NodeId id(Node n) {
        NodeId id = nodes.getNodeIdForNode(n);
        return id == null || NodeId.isDoesNotExist(id) ? null : id;
    }

    /** The id of a graph's IRI, or null. */
    NodeId graph(String iri) {
        return id(NodeFactory.createURI(iri));
    }

    Node node(NodeId id) {
        return nodes.getNodeForNodeId(id);
    }

    /** The quads of a graph (G S P O), objects together: in the GOSP index's order. */
    Iterator<Tuple<NodeId>> byObject(NodeId graph) {
        return gosp.find(TupleFactory.create4(graph, NodeId.NodeIdAny, NodeId.NodeIdAny, NodeId.NodeIdAny));
    }

    /** The quads of a graph with a predicate (any if null) and object (any if null): in the GPOS index's order. */
    Iterator<Tuple<NodeId>> byPredicate(NodeId graph, NodeId predicate, NodeId object) {
        return gpos.find(TupleFactory.create4(graph, NodeId.NodeIdAny, predicate == null ? NodeId.NodeIdAny : predicate,
                object == null ? NodeId.NodeIdAny : object));
    }

    /** Whether a graph holds a triple. */
    boolean contains(NodeId graph, NodeId s, NodeId p, NodeId o) {
        return gosp.find(TupleFactory.create4(graph, s, p, o)).hasNext();
    }
}
