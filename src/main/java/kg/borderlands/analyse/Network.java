package kg.borderlands.analyse;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * A network of actors (nodes) and relations (edges, parallel edges allowed). Immutable: nodes sorted by id,
 * edges sorted by id. Every edge's ends are nodes of the network.
 */
public final class Network {
    private final List<ActorNode> nodes;
    private final List<NetworkEdge> edges;
    private final Map<String, ActorNode> byId;
    private final Map<String, List<NetworkEdge>> incident;
    private final Set<String> knownKinds;
    private final Set<String> actorClasses;
    private final List<String> skipped;

    /**
     * @param nodes        the actors
     * @param edges        the relations; an edge whose end is not among the nodes is an error
     * @param knownKinds   every relation kind a filter may name (tie classes of the ontology + derived kinds)
     * @param actorClasses every actor class a filter may name
     * @param skipped      ids of records that were not projected (e.g. ties to a place)
     */
    public Network(Collection<ActorNode> nodes, Collection<NetworkEdge> edges, Collection<String> knownKinds,
                   Collection<String> actorClasses, Collection<String> skipped) {
        List<ActorNode> ns = new ArrayList<>(nodes);
        ns.sort(Comparator.comparing(ActorNode::id));
        this.nodes = List.copyOf(ns);
        Map<String, ActorNode> m = new LinkedHashMap<>();
        for (ActorNode n : this.nodes) {
            if (m.put(n.id(), n) != null) throw new IllegalArgumentException("duplicate actor " + n.id());
        }
        this.byId = Collections.unmodifiableMap(m);
        List<NetworkEdge> es = new ArrayList<>(edges);
        es.sort(Comparator.comparing(NetworkEdge::id));
        this.edges = List.copyOf(es);
        Map<String, List<NetworkEdge>> inc = new LinkedHashMap<>();
        for (ActorNode n : this.nodes) inc.put(n.id(), new ArrayList<>());
        Set<String> ids = new HashSet<>();
        for (NetworkEdge e : this.edges) {
            if (!ids.add(e.id())) throw new IllegalArgumentException("duplicate edge " + e.id());
            if (!m.containsKey(e.source()) || !m.containsKey(e.target())) {
                throw new IllegalArgumentException("edge " + e.id() + " has an end that is not an actor of the network");
            }
            inc.get(e.source()).add(e);
            if (!e.target().equals(e.source())) inc.get(e.target()).add(e);
        }
        inc.replaceAll((k, v) -> List.copyOf(v));
        this.incident = Collections.unmodifiableMap(inc);
        this.knownKinds = Collections.unmodifiableSet(new TreeSet<>(knownKinds));
        this.actorClasses = Collections.unmodifiableSet(new TreeSet<>(actorClasses));
        this.skipped = List.copyOf(new TreeSet<>(skipped));
    }

    public List<ActorNode> nodes() {
        return nodes;
    }

    public List<NetworkEdge> edges() {
        return edges;
    }

    public Optional<ActorNode> node(String id) {
        return Optional.ofNullable(byId.get(id));
    }

    public boolean contains(String id) {
        return byId.containsKey(id);
    }

    /** Edges touching the actor (either end), sorted by id; empty for an unknown id. */
    public List<NetworkEdge> edgesOf(String id) {
        return incident.getOrDefault(id, List.of());
    }

    /** Edges between the two actors, in either direction, sorted by id. */
    public List<NetworkEdge> edgesBetween(String a, String b) {
        return edgesOf(a).stream().filter(e -> e.other(a).equals(b)).toList();
    }

    /** Kinds of the edges present. */
    public Set<String> kinds() {
        return edges.stream().map(NetworkEdge::kind).collect(Collectors.toCollection(TreeSet::new));
    }

    /** Every kind a filter may name, present or not. */
    public Set<String> knownKinds() {
        return knownKinds;
    }

    /** Every actor class a filter may name. */
    public Set<String> actorClasses() {
        return actorClasses;
    }

    /** Ids of records that could not become edges (a tie whose object is not an actor…). */
    public List<String> skipped() {
        return skipped;
    }

    /**
     * Finds an actor by id, or by a label or alias that names exactly one actor (case-insensitive).
     *
     * @throws UnknownActorException if nothing (or more than one actor) matches
     */
    public ActorNode resolve(String idOrName) {
        if (idOrName == null || idOrName.isBlank()) throw new UnknownActorException(String.valueOf(idOrName), List.of());
        ActorNode exact = byId.get(idOrName);
        if (exact != null) return exact;
        String q = idOrName.strip().toLowerCase(Locale.ROOT);
        List<ActorNode> named = nodes.stream().filter(n -> n.id().equals(q) || n.label().toLowerCase(Locale.ROOT).equals(q)
                || n.aliases().stream().anyMatch(a -> a.toLowerCase(Locale.ROOT).equals(q))).toList();
        if (named.size() == 1) return named.get(0);
        List<String> suggestions = named.size() > 1 ? named.stream().map(ActorNode::id).toList()
                : nodes.stream().filter(n -> n.id().contains(q) || n.label().toLowerCase(Locale.ROOT).contains(q)
                        || n.aliases().stream().anyMatch(a -> a.toLowerCase(Locale.ROOT).contains(q)))
                .map(ActorNode::id).toList();
        throw new UnknownActorException(idOrName, suggestions.subList(0, Math.min(5, suggestions.size())));
    }

    /**
     * The part of the network the filter keeps: actors of the classes asked for (all of them, also those left
     * without edges), and edges of the kinds, time window and contested status asked for whose both ends are
     * kept.
     *
     * @throws IllegalArgumentException (BKG-E051) if the filter names a kind or class the network does not know
     */
    public Network filter(NetworkFilter f) {
        for (String k : f.kinds()) {
            if (!knownKinds.contains(k)) {
                throw new IllegalArgumentException("BKG-E051 unknown relation kind '" + k + "' (known: "
                        + String.join(", ", knownKinds) + ")");
            }
        }
        for (String c : f.classes()) {
            if (!actorClasses.contains(c)) {
                throw new IllegalArgumentException("BKG-E051 unknown actor class '" + c + "' (known: "
                        + String.join(", ", actorClasses) + ")");
            }
        }
        if (f.isAll()) return this;
        List<ActorNode> ns = nodes.stream().filter(f::accepts).toList();
        Set<String> keep = ns.stream().map(ActorNode::id).collect(Collectors.toSet());
        List<NetworkEdge> es = edges.stream()
                .filter(e -> keep.contains(e.source()) && keep.contains(e.target()) && f.accepts(e)).toList();
        return new Network(ns, es, knownKinds, actorClasses, skipped);
    }

    /** The sub-network induced by the given actors: those actors and every edge between two of them. */
    public Network subnetwork(Collection<String> actorIds) {
        Set<String> keep = new HashSet<>(actorIds);
        List<ActorNode> ns = nodes.stream().filter(n -> keep.contains(n.id())).toList();
        List<NetworkEdge> es = edges.stream().filter(e -> keep.contains(e.source()) && keep.contains(e.target())).toList();
        return new Network(ns, es, knownKinds, actorClasses, skipped);
    }

    @Override
    public String toString() {
        return "Network[" + nodes.size() + " actors, " + edges.size() + " edges]";
    }
}
