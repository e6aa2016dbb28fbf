package kg.borderlands.validate;

import org.apache.jena.atlas.lib.tuple.Tuple;
import org.apache.jena.atlas.lib.tuple.TupleFactory;
import org.apache.jena.graph.Node;
import org.apache.jena.query.Query;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.Var;
import org.apache.jena.sparql.engine.binding.BindingFactory;
import org.apache.jena.sparql.syntax.ElementData;
import org.apache.jena.sparql.syntax.ElementGroup;
import org.apache.jena.tdb2.store.DatasetGraphTDB;
import org.apache.jena.tdb2.store.NodeId;
import org.apache.jena.tdb2.store.nodetable.NodeTable;
import org.apache.jena.tdb2.store.nodetupletable.NodeTupleTable;
import org.apache.jena.tdb2.sys.TDBInternal;
import org.apache.jena.vocabulary.RDF;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * A cheaper evaluation of {@code queries/qc/qc-05-untyped-reference.rq} over the union graph of a TDB2 database,
 * with the very rows the query gives: the query itself still gives them, restricted to the few nodes that can
 * be a row's {@code ?target}.
 *
 * <p>As written, the check decodes the object of every quad of the database to test {@code STRSTARTS}. Yet a row's
 * {@code ?target} is (1) the object of some quad of the union graph, (2) an IRI, hence never an inline TDB2 value
 * (numbers, dates, booleans are the only inline nodes), under {@code …/id/}, and (3) the subject of no
 * {@code rdf:type} quad of the union graph (the claimed graph is one of its graphs, so the check's second
 * {@code NOT EXISTS} only repeats the first there). The candidates are the nodes with (1)–(3): distinct objects
 * are found on node ids (one scan of the quad indexes, no decoding), typed nodes likewise (one prefix scan for
 * {@code rdf:type}); only untyped objects stored in the node table are decoded. Every row's target is a
 * candidate, so running the query with {@code ?target} restricted to the candidates (a {@code VALUES} block
 * joined with its pattern) gives every row and no other; no candidate (a database that passes) means no rows
 * and no query.
 *
 * <p>The shortcut is bound to the exact text of the check it was proved for ({@link #appliesTo}, a SHA-256 of
 * the file): an edited check is evaluated as written until this argument is made again for it.
 * QualityChecksOnTdbTest makes the check fire on crafted databases and compares with the query run as written.
 */
public final class UntypedReferenceCandidates {
    /** SHA-256 of the text of queries/qc/qc-05-untyped-reference.rq (line ends as LF) the argument holds for. */
    static final String CHECK_SHA256 = "ae156c9fed4ad3192d5e0833420ea2ac610d79d01e78921a0aefd3b8e48f9864";
    private static final String ID = "https://w3id.org/borderlands-kg/id/";
    private static final Var TARGET = Var.alloc("target");

    private UntypedReferenceCandidates() {}

    /** Whether {@code queryText} is the check this class narrows. */
    public static boolean appliesTo(String queryText) {
        return CHECK_SHA256.equals(sha256(queryText.replace("\r\n", "\n")));
    }

    static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * The nodes that can be the check's {@code ?target} over the union graph of {@code dataset} (in the caller's
     * read transaction), in IRI order; empty if {@code dataset} is not a TDB2 database.
     */
    public static Optional<List<Node>> candidates(DatasetGraph dataset) {
        Objects.requireNonNull(dataset, "dataset");
        if (!TDBInternal.isTDB2(dataset)) return Optional.empty();
        DatasetGraphTDB tdb = TDBInternal.getDatasetGraphTDB(dataset);
        NodeTupleTable quads = tdb.getQuadTable().getNodeTupleTable();
        NodeTable nodes = quads.getNodeTable();
        NodeId any = NodeId.NodeIdAny;
        // quads are G S P O: the subjects of rdf:type in any graph
        Set<NodeId> typed = new HashSet<>();
        NodeId type = nodes.getNodeIdForNode(RDF.type.asNode());
        if (!NodeId.isDoesNotExist(type)) {
            Iterator<Tuple<NodeId>> it = quads.find(TupleFactory.tuple(any, any, type, any));
            while (it.hasNext()) {
                NodeId s = it.next().get(1);
                // node-table ids only: NodeId.equals compares value bits, not the type (an inline value could
                // "equal" a node-table id); the objects looked up below are node-table ids
                if (!s.isInline()) typed.add(s);
            }
        }
        Set<NodeId> seen = new HashSet<>();
        List<Node> out = new ArrayList<>();
        Iterator<Tuple<NodeId>> it = quads.findAll();
        while (it.hasNext()) {
            NodeId o = it.next().get(3);
            if (o.isInline() || typed.contains(o) || !seen.add(o)) continue;
            Node n = nodes.getNodeForNodeId(o);
            if (n.isURI() && n.getURI().startsWith(ID)) out.add(n);
        }
        out.sort((a, b) -> a.getURI().compareTo(b.getURI()));
        return Optional.of(out);
    }

    /** {@code query} (the check) with {@code ?target} restricted to {@code targets}: a VALUES block joined first. */
    public static Query restrict(Query query, List<Node> targets) {
        Query q = query.cloneQuery();
        ElementData values = new ElementData();
        values.add(TARGET);
        for (Node t : targets) values.add(BindingFactory.binding(TARGET, t));
        ElementGroup group = new ElementGroup();
        group.addElement(values);
        if (q.getQueryPattern() instanceof ElementGroup g) g.getElements().forEach(group::addElement);
        else group.addElement(q.getQueryPattern());
        q.setQueryPattern(group);
        return q;
    }
}
