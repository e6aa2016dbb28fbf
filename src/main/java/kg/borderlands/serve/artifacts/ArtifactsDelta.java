package kg.borderlands.serve.artifacts;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import kg.borderlands.Vocab;
import kg.borderlands.serve.ld.Snapshot;
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
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/**
 * The serving artifacts of an incremental build that are patched rather than recomputed from the whole graph
 * (docs/store.md "Serving artifacts"), each equal to what a full build computes:
 * <ul>
 *   <li>{@code records.json}: the previous catalogue with the entries of the records a changed quad is about
 *       recomputed (an entry reads only its record's own triples — label, aliases, types — and its type's label in
 *       the ontology; if a changed record is itself used as a type, everything is recomputed);</li>
 *   <li>{@code search/}: rebuilt from the catalogue if the catalogue changed, else the previous index's files
 *       (hard links);</li>
 *   <li>{@code usage.json}: the previous counts, minus what the changed triples counted before, plus what they
 *       count now (the counts are sums over distinct triples: the same code counts both).</li>
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

    private boolean read(Quad q) {
        return AS_DATA.contains(q.getGraph()) || INFERRED.equals(q.getGraph());
    }

    /** The catalogue patched for the changed records (in the snapshot's read transaction), or empty: recompute it. */
    Optional<List<Snapshot.Entry>> records(Snapshot snapshot) throws IOException {
        Path file = previous.resolve(ServingArtifacts.RECORDS);
        if (!Files.isRegularFile(file)) return Optional.empty();
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
        List<Snapshot.Entry> before = JSON.readValue(file.toFile(), new TypeReference<List<Snapshot.Entry>>() {});
        Map<String, Snapshot.Entry> byId = new TreeMap<>();
        for (Snapshot.Entry e : before) byId.put(e.id(), e);
        List<Resource> resources = new ArrayList<>();
        for (Node s : subjects) {
            resources.add(snapshot.data().wrapAsResource(s));
            String id = Snapshot.idOf(snapshot.data().wrapAsResource(s));
            if (id != null) byId.remove(id);
        }
        byId.putAll(Snapshot.catalogue(snapshot.data(), snapshot.inferred(), snapshot.ontology(), resources));
        return Optional.of(new ArrayList<>(byId.values()));
    }

    /** True if the previous build's catalogue is {@code records}: then its search index is this build's too. */
    boolean sameRecords(List<Snapshot.Entry> records) throws IOException {
        Path file = previous.resolve(ServingArtifacts.RECORDS);
        if (!Files.isRegularFile(file) || !Files.isDirectory(previous.resolve(ServingArtifacts.SEARCH))) return false;
        return records.equals(JSON.readValue(file.toFile(), new TypeReference<List<Snapshot.Entry>>() {}));
    }

    /** Links the previous build's search index files into {@code dir}. */
    void linkSearchIndex(Path dir) throws IOException {
        Files.createDirectories(dir);
        try (var files = Files.list(previous.resolve(ServingArtifacts.SEARCH))) {
            for (Path f : files.toList()) {
                Path target = dir.resolve(f.getFileName().toString());
                try {
                    Files.createLink(target, f);
                } catch (UnsupportedOperationException | IOException e) {
                    Files.copy(f, target);   // a file system without hard links: a copy (then checksummed again)
                }
            }
        }
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
