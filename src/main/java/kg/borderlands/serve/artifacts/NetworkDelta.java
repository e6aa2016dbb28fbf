package kg.borderlands.serve.artifacts;

import kg.borderlands.Vocab;
import kg.borderlands.analyse.ActorNode;
import kg.borderlands.analyse.NetworkEdge;
import kg.borderlands.analyse.NetworkProjector;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.Quad;
import org.apache.jena.system.Txn;
import org.apache.jena.vocabulary.RDF;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * {@code network.json} of an incremental build: the previous build's file with the nodes of the actors and the
 * edges of the records a change can touch projected again ({@link NetworkProjector.Projection}), the same bytes as
 * a projection of the whole database.
 *
 * <p><b>What a changed quad can affect.</b> The projection reads the default graph and the claimed graph (other
 * graphs' quads are ignored). A node is made from its actor's own triples and the ontology's classes; the edges
 * of a record from the record's own triples, its participations' triples, the numbers of the footnotes and
 * sections it cites, the claimants of the claims it responds to, and whether the actors it names are actors. So a
 * changed quad (s, p, o) affects: the node of s and the edges of s; the edges of the events having s as a
 * participation ({@code blk:qualifiedParticipation}); if p is {@code blk:number}, the records citing s; if p is
 * {@code blk:claimant}, the claims responding to s; and if s became or stopped being an actor (a changed
 * {@code rdf:type} of an actor class), every record naming s (as subject, object, claimant, accused, agent of a
 * participation, or claimant of a claim answered). Each "having" and "citing" is looked up in the database
 * after the change and in the removed quads (so before or after). A change to the ontology's terms (a subject in
 * the {@code blk:} namespace) or to a blank node, or one touching more than {@link #CAP} records, is not patched:
 * the whole network is projected again.
 */
final class NetworkDelta {
    /** Above this many records or actors to project again, the whole network is projected. */
    static final int CAP = 5_000;
    private static final Node CLAIMED = NodeFactory.createURI(Vocab.GRAPH_CLAIMED);
    private static final Node TYPE = RDF.type.asNode();

    private final DatasetGraph dsg;
    private final List<Quad> removed;
    private final List<Quad> added;
    private final Set<Quad> removedSet;
    private final Set<Quad> addedSet;

    NetworkDelta(DatasetGraph dsg, Collection<Quad> removed, Collection<Quad> added) {
        this.dsg = dsg;
        this.removed = removed.stream().filter(NetworkDelta::read).toList();
        this.added = added.stream().filter(NetworkDelta::read).toList();
        this.removedSet = new HashSet<>(this.removed);
        this.addedSet = new HashSet<>(this.added);
    }

    /** Quads of the graphs the projection reads. */
    private static boolean read(Quad q) {
        return q.isDefaultGraph() || CLAIMED.equals(q.getGraph());
    }

    /**
     * Writes {@code file} from {@code previous} patched by the change; false (nothing written) if the change is
     * not one it patches.
     */
    boolean patch(Path previous, Path file) throws IOException {
        if (!Files.isRegularFile(previous)) return false;
        for (Quad q : concat()) {
            Node s = q.getSubject();
            if (!s.isURI() || s.getURI().startsWith(Vocab.BLK)) return false;
        }
        Path part = file.resolveSibling(file.getFileName() + ".part");
        try {
            boolean done = Txn.calculateRead(dsg, () -> {
                try {
                    return patchIn(previous, part);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
            if (!done) {
                Files.deleteIfExists(part);
                return false;
            }
        } catch (UncheckedIOException e) {
            Files.deleteIfExists(part);
            throw e.getCause();
        } catch (RuntimeException e) {
            Files.deleteIfExists(part);
            throw e;
        }
        Files.move(part, file, StandardCopyOption.REPLACE_EXISTING);
        return true;
    }

    private List<Quad> concat() {
        List<Quad> all = new ArrayList<>(removed);
        all.addAll(added);
        return all;
    }

    private boolean patchIn(Path previous, Path part) throws IOException {
        NetworkProjector.Projection p = new NetworkProjector(dsg).open();
        Set<Node> subjects = new LinkedHashSet<>();
        for (Quad q : concat()) subjects.add(q.getSubject());

        // actors that became or stopped being actors
        Set<Node> statusChanged = new LinkedHashSet<>();
        for (Quad q : concat()) {
            if (TYPE.equals(q.getPredicate()) && p.actorClassNodes().contains(q.getObject())) {
                Node s = q.getSubject();
                if (wasActor(s, p) != p.isActor(s)) statusChanged.add(s);
            }
        }

        Set<Node> records = new LinkedHashSet<>(subjects);
        for (Quad q : concat()) {
            Node s = q.getSubject();
            Node pred = q.getPredicate();
            records.addAll(referrers(p, NetworkProjector.QUALIFIED_PARTICIPATION, s));
            if (NetworkProjector.NUMBER.equals(pred)) {
                records.addAll(referrers(p, NetworkProjector.CITED_FOOTNOTE, s));
                records.addAll(referrers(p, NetworkProjector.CITED_SECTION, s));
            }
            if (NetworkProjector.CLAIMANT.equals(pred)) records.addAll(referrers(p, NetworkProjector.RESPONDS_TO, s));
            if (records.size() > CAP) return false;
        }
        for (Node a : statusChanged) {
            records.addAll(referrers(p, NetworkProjector.SUBJECT, a));
            records.addAll(referrers(p, NetworkProjector.OBJECT, a));
            records.addAll(referrers(p, NetworkProjector.ACCUSED, a));
            for (Node c : referrers(p, NetworkProjector.CLAIMANT, a)) {
                records.add(c);
                records.addAll(referrers(p, NetworkProjector.RESPONDS_TO, c));
            }
            for (Node part2 : referrers(p, NetworkProjector.AGENT, a)) {
                records.addAll(referrers(p, NetworkProjector.QUALIFIED_PARTICIPATION, part2));
            }
            if (records.size() > CAP) return false;
        }

        // projected again
        Set<String> recordIds = new HashSet<>();
        TreeMap<String, NetworkEdge> edges = new TreeMap<>();
        Set<String> skippedNow = new TreeSet<>();
        for (Node r : records) {
            String id = NetworkProjector.id(r);
            if (id == null) continue;
            recordIds.add(id);
            NetworkProjector.RecordEdges re = p.edges(r);
            if (re.skipped()) skippedNow.add(id);
            for (NetworkEdge e : re.edges()) edges.put(e.id(), e);
        }
        Set<String> nodeIds = new HashSet<>();
        TreeMap<String, ActorNode> nodes = new TreeMap<>();
        Set<Node> actorsToDo = new LinkedHashSet<>(subjects);
        actorsToDo.addAll(statusChanged);
        for (Node a : actorsToDo) {
            String id = NetworkProjector.id(a);
            if (id == null) continue;
            nodeIds.add(id);
            ActorNode n = p.node(a);
            if (n != null) nodes.put(id, n);
        }

        try (InputStream in = Files.newInputStream(previous); NetworkFile.Reader old = new NetworkFile.Reader(in);
             OutputStream out = Files.newOutputStream(part); NetworkFile.Writer w = new NetworkFile.Writer(out)) {
            Iterator<ActorNode> fresh = nodes.values().iterator();
            ActorNode next = fresh.hasNext() ? fresh.next() : null;
            for (NetworkFile.Node n = old.node(); n != null; n = old.node()) {
                if (nodeIds.contains(n.id())) continue;
                while (next != null && next.id().compareTo(n.id()) < 0) {
                    w.node(NetworkFile.Node.of(next));
                    next = fresh.hasNext() ? fresh.next() : null;
                }
                w.node(n);
            }
            for (; next != null; next = fresh.hasNext() ? fresh.next() : null) w.node(NetworkFile.Node.of(next));

            Iterator<NetworkEdge> freshEdges = edges.values().iterator();
            NetworkEdge e = freshEdges.hasNext() ? freshEdges.next() : null;
            for (NetworkFile.Edge x = old.edge(); x != null; x = old.edge()) {
                if (recordIds.contains(x.record())) continue;
                while (e != null && e.id().compareTo(x.id()) < 0) {
                    w.edge(NetworkFile.Edge.of(e));
                    e = freshEdges.hasNext() ? freshEdges.next() : null;
                }
                w.edge(x);
            }
            for (; e != null; e = freshEdges.hasNext() ? freshEdges.next() : null) w.edge(NetworkFile.Edge.of(e));

            old.end();
            Set<String> skipped = new TreeSet<>(old.skipped);
            skipped.removeAll(recordIds);
            skipped.addAll(skippedNow);
            w.end(p.knownKinds(), p.actorClasses(), skipped);
        }
        return true;
    }

    /** Subjects of (?, predicate, o) in the view now, or in a removed quad. */
    private Set<Node> referrers(NetworkProjector.Projection p, Node predicate, Node o) {
        Set<Node> out = new LinkedHashSet<>();
        p.view().find(Node.ANY, predicate, o).forEachRemaining(t -> out.add(t.getSubject()));
        for (Quad q : removed) if (predicate.equals(q.getPredicate()) && o.equals(q.getObject())) out.add(q.getSubject());
        return out;
    }

    /** Whether s was of an actor class in the default or claimed graph before the change. */
    private boolean wasActor(Node s, NetworkProjector.Projection p) {
        if (NetworkProjector.id(s) == null) return false;
        Set<Node> candidates = new HashSet<>();
        p.view().find(s, TYPE, Node.ANY).forEachRemaining(t -> candidates.add(t.getObject()));
        for (Quad q : removed) if (s.equals(q.getSubject()) && TYPE.equals(q.getPredicate())) candidates.add(q.getObject());
        for (Node t : candidates) {
            if (!p.actorClassNodes().contains(t)) continue;
            for (Node g : List.of(Quad.defaultGraphIRI, CLAIMED)) {
                Quad q = Quad.create(g, s, TYPE, t);
                if (removedSet.contains(q)) return true;
                if (!addedSet.contains(q) && contains(q)) return true;
            }
        }
        return false;
    }

    private boolean contains(Quad q) {
        if (q.isDefaultGraph()) return dsg.getDefaultGraph().contains(q.getSubject(), q.getPredicate(), q.getObject());
        return dsg.contains(q);
    }
}
