package kg.borderlands.link;

import kg.borderlands.Vocab;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.Triple;
import org.apache.jena.util.iterator.ExtendedIterator;
import org.apache.jena.vocabulary.RDF;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * The VoID counts of a graph after a small change, from the counts before it and the change itself, exactly as
 * {@link VoidDescription#statsOfDefaultGraph} would count the changed graph from scratch (docs/linking.md "VoID",
 * docs/store.md "Incremental builds"). Only the nodes of the changed triples are looked at:
 *
 * <ul>
 *   <li>{@code void:triples}: + added − removed (triples really added or removed);</li>
 *   <li>distinct subjects, objects, properties, classes, entities: a node of a changed triple is counted in a
 *       position after the change if the graph now has a triple with it there, and was counted before if a removed
 *       triple had it there or the graph holds such a triple that was not added (at most |added| + 1 triples are
 *       read per node and position: the distinct counts overlap across units, so they cannot be summed per unit);</li>
 *   <li>class partitions and linksets: they count triples ({@code ?s a ?c} with {@code ?s} one of our records and
 *       {@code ?c} an IRI; link triples), so ± one per changed triple;</li>
 *   <li>source graphs: the sizes given (recounted by the caller for the graphs that changed), each with its source
 *       (its work) as before — so the dataset's {@code dct:source}, every source graph's source, is the previous
 *       build's. That is exact: an incremental build never adds, removes or re-describes a source unit (the set of
 *       units must be the same, and every descriptor is part of the shared unit's fingerprint, so a changed
 *       descriptor makes a full build, which reads the sources from the source graphs; nor is a build by other code
 *       the base of one, so a previous VoID graph always has its subsets' sources).</li>
 * </ul>
 */
public final class VoidDelta {
    private static final Node TYPE = RDF.type.asNode();

    private VoidDelta() {}

    /**
     * The counts of {@code graph} (as it is now) given its counts {@code before} the change and the triples
     * really {@code removed} from and {@code added} to it (none of the removed is in it, all the added are).
     */
    public static VoidDescription.Stats update(VoidDescription.Stats before, Graph graph, Collection<Triple> removed,
                                               Collection<Triple> added, List<VoidDescription.GraphCount> sourceGraphs) {
        Objects.requireNonNull(before, "before");
        Objects.requireNonNull(graph, "graph");
        Set<Triple> addedSet = new HashSet<>(added);
        long triples = before.triples() + added.size() - removed.size();

        long subjects = before.distinctSubjects()
                + distinctChange(graph, removed, addedSet, Triple::getSubject, n -> graph.find(n, Node.ANY, Node.ANY));
        long objects = before.distinctObjects()
                + distinctChange(graph, removed, addedSet, Triple::getObject, n -> graph.find(Node.ANY, Node.ANY, n));
        long properties = before.properties()
                + distinctChange(graph, removed, addedSet, Triple::getPredicate, n -> graph.find(Node.ANY, n, Node.ANY));
        List<Triple> removedTypes = removed.stream().filter(t -> TYPE.equals(t.getPredicate())).toList();
        List<Triple> addedTypes = added.stream().filter(t -> TYPE.equals(t.getPredicate())).toList();
        long classes = before.classes()
                + distinctChange(graph, removedTypes, addedSet, addedTypes, Triple::getObject, n -> graph.find(Node.ANY, TYPE, n));
        long entities = before.entities()
                + distinctChange(graph, removedTypes.stream().filter(t -> isRecord(t.getSubject())).toList(), addedSet,
                addedTypes.stream().filter(t -> isRecord(t.getSubject())).toList(), Triple::getSubject,
                n -> graph.find(n, TYPE, Node.ANY));

        Map<String, Long> parts = new TreeMap<>();
        before.classPartitions().forEach(c -> parts.put(c.classIri(), c.entities()));
        for (Triple t : removedTypes) if (inPartition(t)) parts.merge(t.getObject().getURI(), -1L, Long::sum);
        for (Triple t : addedTypes) if (inPartition(t)) parts.merge(t.getObject().getURI(), 1L, Long::sum);
        List<VoidDescription.ClassCount> partitions = new ArrayList<>();
        parts.forEach((c, n) -> {
            if (n > 0) partitions.add(new VoidDescription.ClassCount(c, n));
        });

        List<VoidDescription.LinksetCount> linksets = new ArrayList<>();
        for (ExternalIds.Target target : ExternalIds.Target.values()) {
            Pattern iri = Pattern.compile(target.iriRegex());
            for (ExternalIds.Predicate predicate : ExternalIds.Predicate.values()) {
                long n = before.linksets().stream().filter(l -> l.target() == target && l.predicate() == predicate)
                        .mapToLong(VoidDescription.LinksetCount::triples).sum();
                Node p = predicate.property().asNode();
                for (Triple t : removed) if (isLink(t, p, iri)) n--;
                for (Triple t : added) if (isLink(t, p, iri)) n++;
                if (n > 0) linksets.add(new VoidDescription.LinksetCount(target, predicate, n));
            }
        }
        return new VoidDescription.Stats(triples, entities, classes, properties, subjects, objects, partitions,
                linksets, withSources(sourceGraphs, before.sourceGraphs()));
    }

    /** {@code now}, each graph given without a source taking the source it had {@code before}. */
    static List<VoidDescription.GraphCount> withSources(List<VoidDescription.GraphCount> now,
                                                        List<VoidDescription.GraphCount> before) {
        Map<String, String> sources = new TreeMap<>();
        for (VoidDescription.GraphCount g : before) if (g.source() != null) sources.put(g.graphIri(), g.source());
        return now.stream().map(g -> g.source() != null ? g
                : new VoidDescription.GraphCount(g.graphIri(), g.triples(), sources.get(g.graphIri()))).toList();
    }

    private static long distinctChange(Graph graph, Collection<Triple> removed, Set<Triple> addedSet,
                                       Function<Triple, Node> position, Function<Node, ExtendedIterator<Triple>> holding) {
        return distinctChange(graph, removed, addedSet, addedSet, position, holding);
    }

    /**
     * How the number of distinct nodes in one position changes: for each node of a changed triple in that
     * position, +1 if it is there now and was not before, −1 if it was and is no more.
     */
    private static long distinctChange(Graph graph, Collection<Triple> removed, Set<Triple> addedSet,
                                       Collection<Triple> added, Function<Triple, Node> position,
                                       Function<Node, ExtendedIterator<Triple>> holding) {
        Set<Node> wasThere = new HashSet<>();
        Set<Node> nodes = new LinkedHashSet<>();
        for (Triple t : removed) {
            wasThere.add(position.apply(t));
            nodes.add(position.apply(t));
        }
        for (Triple t : added) nodes.add(position.apply(t));
        long change = 0;
        for (Node n : nodes) {
            boolean now = false;
            boolean before = wasThere.contains(n);
            ExtendedIterator<Triple> it = holding.apply(n);
            try {
                while (it.hasNext() && !(now && before)) {
                    Triple t = it.next();
                    now = true;
                    if (!addedSet.contains(t)) before = true;   // in the graph and not added: there before too
                }
            } finally {
                it.close();
            }
            if (now && !before) change++;
            if (before && !now) change--;
        }
        return change;
    }

    private static boolean isRecord(Node s) {
        return s.isURI() && s.getURI().startsWith(Vocab.ID);
    }

    private static boolean inPartition(Triple t) {
        return isRecord(t.getSubject()) && t.getObject().isURI();
    }

    private static boolean isLink(Triple t, Node predicate, Pattern iri) {
        return predicate.equals(t.getPredicate()) && isRecord(t.getSubject()) && t.getObject().isURI()
                && iri.matcher(t.getObject().getURI()).find();
    }
}
