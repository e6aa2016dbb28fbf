package kg.borderlands.link;

import kg.borderlands.NodeIds;
import org.apache.jena.atlas.lib.tuple.Tuple;
import org.apache.jena.atlas.lib.tuple.TupleFactory;
import org.apache.jena.graph.Node;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.tdb2.store.DatasetGraphTDB;
import org.apache.jena.tdb2.store.NodeId;
import org.apache.jena.tdb2.store.nodetable.NodeTable;
import org.apache.jena.tdb2.store.tupletable.TupleIndex;
import org.apache.jena.tdb2.store.tupletable.TupleTable;
import org.apache.jena.tdb2.sys.TDBInternal;
import org.apache.jena.vocabulary.RDF;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The size counts of a VoID description of a TDB2 database's default graph read from its triple indexes on node
 * ids, instead of the SPARQL aggregates of {@link VoidDescription} (which decode and hash every node): the same
 * numbers: a TDB2 node-table id (its type and value bits: {@link #same}) stands for exactly one RDF term and a
 * term for one id; inline ids (numbers, dates, booleans) are decoded and counted by term ({@link Distinct}).
 *
 * <p>Each index holds the triples sorted by its order (SPO, POS, OSP), so the distinct values of its first
 * column are counted by comparing each row with the one before: subjects and triples from SPO, properties from
 * POS, objects from OSP; the rows of POS with predicate {@code rdf:type} give the classes (distinct objects) and,
 * class by class, the typed subjects, the only nodes decoded (for {@code STRSTARTS(STR(?s), …/id/)}, as the queries
 * do: an IRI's string or a literal's lexical form; a blank node is never counted). The class partitions are
 * ordered by IRI, as the query's {@code ORDER BY ?c} orders IRIs. VoidIndexCountsTest compares with the queries on
 * crafted and real data.
 */
final class VoidIndexCounts {
    /** The size counts, without linksets and source graphs. */
    record Sizes(long triples, long entities, long classes, long properties, long distinctSubjects,
                 long distinctObjects, List<VoidDescription.ClassCount> classPartitions) {}

    private VoidIndexCounts() {}

    /** The counts of {@code store}'s default graph, in the caller's read transaction; empty if it is not TDB2. */
    static Optional<Sizes> ofDefaultGraph(DatasetGraph store) {
        if (!TDBInternal.isTDB2(store)) return Optional.empty();
        DatasetGraphTDB tdb = TDBInternal.getDatasetGraphTDB(store);
        TupleTable table = tdb.getTripleTable().getNodeTupleTable().getTupleTable();
        TupleIndex spo = index(table, "SPO");
        TupleIndex pos = index(table, "POS");
        TupleIndex osp = index(table, "OSP");
        if (spo == null || pos == null || osp == null) return Optional.empty();
        NodeTable nodes = tdb.getTripleTable().getNodeTupleTable().getNodeTable();

        long triples = 0;
        Distinct subjects = new Distinct(nodes);
        for (Iterator<Tuple<NodeId>> it = spo.all(); it.hasNext(); ) {
            subjects.next(it.next().get(0));
            triples++;
        }
        long properties = distinctFirst(nodes, pos.all(), 1);
        long objects = distinctFirst(nodes, osp.all(), 2);

        Distinct classes = new Distinct(nodes);
        Set<NodeId> entities = new HashSet<>();
        Map<NodeId, Boolean> underId = new HashMap<>();
        List<VoidDescription.ClassCount> partitions = new ArrayList<>();
        NodeId type = nodes.getNodeIdForNode(RDF.type.asNode());
        if (!NodeId.isDoesNotExist(type)) {
            NodeId any = NodeId.NodeIdAny;
            NodeId clazz = null;
            NodeId subject = null;
            long members = 0;
            for (Iterator<Tuple<NodeId>> it = pos.find(TupleFactory.tuple(any, type, any)); it.hasNext(); ) {
                Tuple<NodeId> t = it.next();
                NodeId c = t.get(2);
                NodeId s = t.get(0);
                classes.next(c);
                if (!NodeIds.same(c, clazz)) {
                    if (clazz != null) partition(nodes, clazz, members, partitions);
                    clazz = c;
                    members = 0;
                    subject = null;
                }
                // a subject once per class (the rows of a class are sorted by subject)
                if (NodeIds.same(s, subject)) continue;
                subject = s;
                // an inline node is a number, date or boolean literal: its lexical form is not under id/ (and the
                // sets below hold only node-table ids, which NodeId.equals tells apart)
                if (!s.isInline() && underId.computeIfAbsent(s, id -> isUnderId(nodes.getNodeForNodeId(id)))) {
                    members++;
                    entities.add(s);
                }
            }
            if (clazz != null) partition(nodes, clazz, members, partitions);
        }
        partitions.sort(java.util.Comparator.comparing(VoidDescription.ClassCount::classIri));
        return Optional.of(new Sizes(triples, entities.size(), classes.count(), properties, subjects.count(), objects,
                partitions));
    }

    /** A class partition, as the query groups them: an IRI class with at least one entity under id/. */
    private static void partition(NodeTable nodes, NodeId clazz, long members, List<VoidDescription.ClassCount> out) {
        if (members == 0) return;
        Node c = nodes.getNodeForNodeId(clazz);
        if (c.isURI()) out.add(new VoidDescription.ClassCount(c.getURI(), members));
    }

    /** {@code STRSTARTS(STR(?s), "…/id/")}: an IRI's string or a literal's lexical form; false for a blank node. */
    static boolean isUnderId(Node s) {
        String str = s.isURI() ? s.getURI() : s.isLiteral() ? s.getLiteralLexicalForm() : null;
        return str != null && str.startsWith(kg.borderlands.Vocab.ID);
    }

    /** Distinct terms in column {@code column} (of the SPO tuple) over rows sorted by that column first. */
    private static long distinctFirst(NodeTable nodes, Iterator<Tuple<NodeId>> rows, int column) {
        Distinct d = new Distinct(nodes);
        while (rows.hasNext()) d.next(rows.next().get(column));
        return d.count();
    }

    /**
     * Counts the distinct terms of a sequence of node ids in which equal ids are next to each other (one column of
     * a sorted index). A node-table id is one term, and no other id is that term: each id counts once. An inline
     * id is a value (a number, date, boolean) and two inline ids can be one term (the decimals 1.0 and 1.00 are
     * two ids, both read back as {@code 1.0}, which SPARQL counts once): inline ids are decoded, without the node
     * table, and counted by term. (An inline term is never a node-table term: TDB2 stores inline whatever fits.)
     */
    private static final class Distinct {
        private final NodeTable nodes;
        private long stored;
        private final Set<Node> inline = new HashSet<>();
        private NodeId previous;

        Distinct(NodeTable nodes) {
            this.nodes = nodes;
        }

        void next(NodeId id) {
            if (NodeIds.same(id, previous)) return;
            previous = id;
            if (id.isInline()) inline.add(nodes.getNodeForNodeId(id));
            else stored++;
        }

        long count() {
            return stored + inline.size();
        }
    }

    private static TupleIndex index(TupleTable table, String name) {
        for (TupleIndex i : table.getIndexes()) if (name.equals(i.getName())) return i;
        return null;
    }
}
