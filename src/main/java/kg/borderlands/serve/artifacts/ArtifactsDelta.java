package kg.borderlands.serve.artifacts;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.ObjectMapper;
import kg.borderlands.Vocab;
import kg.borderlands.serve.ld.Snapshot;
import kg.borderlands.serve.ld.SubjectCache;
import kg.borderlands.serve.ontology.OntologyCatalogue.UsageCounts;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.graph.Triple;
import org.apache.jena.rdf.model.Model;
import org.apache.jena.rdf.model.ModelFactory;
import org.apache.jena.rdf.model.Resource;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.Quad;
import org.apache.jena.vocabulary.RDF;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/**
 * The parts of the serving artifacts of an incremental build that are patched from the previous build's (docs/store.md
 * "Serving artifacts"), each equal to what a full build computes (the network, {@link NetworkDelta}, and the story
 * views, {@code StoryQuery#patch}, have their own):
 * <ul>
 *   <li>{@code records.json}: the previous catalogue, read and written as a stream, with the entries of the
 *       records a changed quad is about recomputed (an entry reads only its record's own triples — label,
 *       aliases, types — and its type's label in the ontology; if a changed record is itself used as a type,
 *       everything is recomputed);</li>
 *   <li>{@code search/}: the previous index's files (hard links) if no entry changed, else the previous index
 *       with the changed records' documents replaced ({@code LabelIndex#update});</li>
 *   <li>{@code usage.json}: the previous counts, minus what the changed triples counted before, plus what they
 *       count now (the counts are sums over distinct triples: the same code counts both);</li>
 *   <li>{@code spatial.index}: the previous file (a hard link) if no changed quad has a GeoSPARQL or WGS84
 *       predicate and no named graph appeared or disappeared; else rebuilt.</li>
 * </ul>
 */
final class ArtifactsDelta {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Node DATA = NodeFactory.createURI(Vocab.GRAPH_DATA);
    private static final Node LINKS = NodeFactory.createURI(kg.borderlands.link.Linkset.GRAPH);
    private static final Node CLAIMED = NodeFactory.createURI(Vocab.GRAPH_CLAIMED);
    private static final Node INFERRED = NodeFactory.createURI(Vocab.GRAPH_INFERRED);
    /** The graphs the web layer reads as data (data ∪ links ∪ claimed, {@link Snapshot}). */
    private static final List<Node> AS_DATA = List.of(DATA, LINKS, CLAIMED);
    /** Predicates Jena's spatial index reads: GeoSPARQL's and WGS84's. */
    private static final List<String> SPATIAL = List.of("http://www.opengis.net/ont/geosparql#",
            "http://www.w3.org/2003/01/geo/wgs84_pos#");

    private final DatasetGraph dsg;
    private final ServingArtifacts.Change change;
    private final Path previous;
    private final Set<Quad> removed;
    private final Set<Quad> added;

    ArtifactsDelta(DatasetGraph dsg, ServingArtifacts.Change change) {
        this.dsg = Objects.requireNonNull(dsg, "dsg");
        this.change = Objects.requireNonNull(change, "change");
        this.previous = change.previousBuild().resolve(ServingArtifacts.DIR);
        this.removed = new HashSet<>(change.removed());
        this.added = new HashSet<>(change.added());
    }

    /** The previous build's artifacts. */
    Path previous() {
        return previous;
    }

    private boolean read(Quad q) {
        return AS_DATA.contains(q.getGraph()) || INFERRED.equals(q.getGraph());
    }

    /** How the catalogue changed: the IRIs of the records whose entry changed, and their entries now. */
    record RecordsChange(Set<String> changedIris, List<Snapshot.Entry> entries) {
        boolean isEmpty() {
            return changedIris.isEmpty();
        }
    }

    /**
     * Writes {@code file}, the previous catalogue with the entries of the changed records recomputed (in a read
     * transaction of the database), and says which changed; empty (nothing written) if the catalogue must be
     * recomputed whole.
     */
    Optional<RecordsChange> records(Path file) throws IOException {
        Path before = previous.resolve(ServingArtifacts.RECORDS);
        if (!Files.isRegularFile(before)) return Optional.empty();
        Set<Node> subjects = new LinkedHashSet<>();
        for (List<Quad> qs : List.of(change.removed(), change.added())) {
            for (Quad q : qs) if (read(q) && q.getSubject().isURI()) subjects.add(q.getSubject());
        }
        Node type = RDF.type.asNode();
        for (Node s : subjects) {
            // a record used as a type: its label is some entries' type label
            if (dsg.find(Node.ANY, Node.ANY, type, s).hasNext()) return Optional.empty();
        }
        for (List<Quad> qs : List.of(change.removed(), change.added())) {
            for (Quad q : qs) if (type.equals(q.getPredicate()) && subjects.contains(q.getObject())) return Optional.empty();
        }
        Snapshot live = Snapshot.live(dsg, Map::of);
        Map<String, Snapshot.Entry> now = new TreeMap<>();
        Set<String> ids = new HashSet<>();
        boolean on = SubjectCache.begin();
        try {
            List<Resource> resources = new ArrayList<>();
            for (Node s : subjects) {
                Resource r = live.data().wrapAsResource(s);
                resources.add(r);
                String id = Snapshot.idOf(r);
                if (id != null) ids.add(id);
            }
            now.putAll(Snapshot.catalogue(live.data(), live.inferred(), live.ontology(), resources));
        } finally {
            if (on) SubjectCache.end();
        }
        Map<String, Snapshot.Entry> before_ = new HashMap<>();
        try (InputStream in = Files.newInputStream(before); JsonParser p = JSON.getFactory().createParser(in);
             RecordsFile.Writer w = new RecordsFile.Writer(file)) {
            if (p.nextToken() != JsonToken.START_ARRAY) throw new IOException(before + ": not a catalogue");
            Iterator<Snapshot.Entry> fresh = now.values().iterator();
            Snapshot.Entry next = fresh.hasNext() ? fresh.next() : null;
            for (JsonToken t = p.nextToken(); t == JsonToken.START_OBJECT; t = p.nextToken()) {
                Snapshot.Entry old = JSON.readValue(p, Snapshot.Entry.class);
                if (ids.contains(old.id())) {
                    before_.put(old.id(), old);
                    continue;
                }
                while (next != null && next.id().compareTo(old.id()) < 0) {
                    w.add(next);
                    next = fresh.hasNext() ? fresh.next() : null;
                }
                w.add(old);
            }
            for (; next != null; next = fresh.hasNext() ? fresh.next() : null) w.add(next);
        }
        Set<String> changedIris = new LinkedHashSet<>();
        List<Snapshot.Entry> changedEntries = new ArrayList<>();
        for (String id : ids) {
            Snapshot.Entry old = before_.get(id);
            Snapshot.Entry e = now.get(id);
            if (Objects.equals(old, e)) continue;
            if (old != null) changedIris.add(old.iri());
            if (e != null) {
                changedIris.add(e.iri());
                changedEntries.add(e);
            }
        }
        return Optional.of(new RecordsChange(changedIris, changedEntries));
    }

    /** The usage counts patched by the change (in a read transaction), or empty: recompute them. */
    Optional<UsageCounts> usage() throws IOException {
        Path file = previous.resolve(ServingArtifacts.USAGE);
        if (!Files.isRegularFile(file)) return Optional.empty();
        UsageCounts counts = JSON.readValue(file.toFile(), UsageCounts.class);
        Model dataBefore = ModelFactory.createDefaultModel();
        Model dataAfter = ModelFactory.createDefaultModel();
        Model inferredBefore = ModelFactory.createDefaultModel();
        Model inferredAfter = ModelFactory.createDefaultModel();
        Set<Triple> triples = new LinkedHashSet<>();
        for (List<Quad> qs : List.of(change.removed(), change.added())) {
            for (Quad q : qs) if (read(q)) triples.add(q.asTriple());
        }
        for (Triple t : triples) {
            boolean dataWas = false;
            boolean dataIs = false;
            for (Node g : AS_DATA) {
                dataWas |= was(g, t);
                dataIs |= dsg.contains(g, t.getSubject(), t.getPredicate(), t.getObject());
            }
            if (dataWas) dataBefore.getGraph().add(t);
            if (dataIs) dataAfter.getGraph().add(t);
            if (was(INFERRED, t)) inferredBefore.getGraph().add(t);
            if (dsg.contains(INFERRED, t.getSubject(), t.getPredicate(), t.getObject())) inferredAfter.getGraph().add(t);
        }
        Model none = ModelFactory.createDefaultModel();
        UsageCounts minus = UsageCounts.of(Snapshot.of(dataBefore, inferredBefore, none));
        UsageCounts plus = UsageCounts.of(Snapshot.of(dataAfter, inferredAfter, none));
        return Optional.of(new UsageCounts(sum(counts.asserted(), minus.asserted(), plus.asserted()),
                sum(counts.withInferred(), minus.withInferred(), plus.withInferred()),
                sum(counts.predicate(), minus.predicate(), plus.predicate()),
                sum(counts.inferredPredicate(), minus.inferredPredicate(), plus.inferredPredicate()),
                sum(counts.asObject(), minus.asObject(), plus.asObject())));
    }

    /**
     * True if the spatial index cannot have changed: no changed quad has a predicate Jena's spatial index reads,
     * and every named graph of a changed quad was there before and is still there (the index has one part per
     * graph). In a read transaction.
     */
    boolean sameSpatialIndex() {
        Set<Node> graphs = new HashSet<>();
        for (List<Quad> qs : List.of(change.removed(), change.added())) {
            for (Quad q : qs) {
                Node p = q.getPredicate();
                if (p.isURI() && SPATIAL.stream().anyMatch(ns -> p.getURI().startsWith(ns))) return false;
                if (!q.isDefaultGraph()) graphs.add(q.getGraph());
            }
        }
        for (Node g : graphs) {
            if (!dsg.containsGraph(g)) return false;   // emptied
            boolean before = false;
            for (Iterator<Quad> it = dsg.find(g, Node.ANY, Node.ANY, Node.ANY); it.hasNext(); ) {
                if (!added.contains(it.next())) {
                    before = true;
                    break;
                }
            }
            if (!before) return false;   // every quad new: a new graph
        }
        return true;
    }

    /** Whether graph {@code g} held {@code t} before the change. */
    private boolean was(Node g, Triple t) {
        Quad q = Quad.create(g, t);
        if (removed.contains(q)) return true;
        return !added.contains(q) && dsg.contains(q);
    }

    private static Map<String, Long> sum(Map<String, Long> base, Map<String, Long> minus, Map<String, Long> plus) {
        Map<String, Long> out = new HashMap<>(base);
        minus.forEach((k, n) -> out.merge(k, -n, Long::sum));
        plus.forEach((k, n) -> out.merge(k, n, Long::sum));
        out.values().removeIf(n -> n == 0);
        return out;
    }
}
