package kg.borderlands.analyse;

import org.jgrapht.Graph;
import org.jgrapht.GraphPath;
import org.jgrapht.alg.connectivity.ConnectivityInspector;
import org.jgrapht.alg.clustering.LabelPropagationClustering;
import org.jgrapht.alg.scoring.BetweennessCentrality;
import org.jgrapht.alg.scoring.EdgeBetweennessCentrality;
import org.jgrapht.alg.scoring.PageRank;
import org.jgrapht.alg.shortestpath.BFSShortestPath;
import org.jgrapht.graph.DefaultDirectedGraph;
import org.jgrapht.graph.DefaultEdge;
import org.jgrapht.graph.SimpleGraph;
import org.jgrapht.traverse.BreadthFirstIterator;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Metrics of a {@link Network} computed with JGraphT on two simple views of it (definitions in
 * docs/network.md): a directed view (an arc u → v if some edge points from u to v; undirected edges give both
 * arcs) and an undirected view (u — v if any edge links them). Vertices and edges are inserted in id order,
 * so results are deterministic. Results are computed on first use and cached; the class is thread-safe.
 */
public final class NetworkAnalytics {
    /** Seed of label propagation. */
    public static final long SEED = 42L;
    public static final double DAMPING = 0.85;

    private final Network network;
    private final Graph<String, DefaultEdge> directed;
    private final Graph<String, DefaultEdge> undirected;
    private Map<String, Double> betweenness;
    private Map<String, Double> pageRank;
    private Communities communities;

    public NetworkAnalytics(Network network) {
        this.network = Objects.requireNonNull(network, "network");
        this.directed = new DefaultDirectedGraph<>(DefaultEdge.class);
        this.undirected = new SimpleGraph<>(DefaultEdge.class);
        for (ActorNode n : network.nodes()) {
            directed.addVertex(n.id());
            undirected.addVertex(n.id());
        }
        // arcs in (source, target) order, whatever the edge ids
        Set<List<String>> arcs = new TreeSet<>(Comparator.<List<String>, String>comparing(l -> l.get(0)).thenComparing(l -> l.get(1)));
        for (NetworkEdge e : network.edges()) {
            if (e.source().equals(e.target())) continue;
            arcs.add(List.of(e.source(), e.target()));
            if (!e.directed()) arcs.add(List.of(e.target(), e.source()));
        }
        for (List<String> a : arcs) {
            directed.addEdge(a.get(0), a.get(1));
            String u = a.get(0).compareTo(a.get(1)) < 0 ? a.get(0) : a.get(1);
            String v = u.equals(a.get(0)) ? a.get(1) : a.get(0);
            if (!undirected.containsEdge(u, v)) undirected.addEdge(u, v);
        }
    }

    public Network network() {
        return network;
    }

    /** The directed simple view (read-only use please). */
    public Graph<String, DefaultEdge> directedView() {
        return directed;
    }

    /** The undirected simple view (read-only use please). */
    public Graph<String, DefaultEdge> undirectedView() {
        return undirected;
    }

    public Map<String, Degree> degrees() {
        Map<String, Degree> out = new TreeMap<>();
        for (ActorNode n : network.nodes()) {
            String id = n.id();
            int in = directed.inDegreeOf(id), o = directed.outDegreeOf(id);
            out.put(id, new Degree(in, o, in + o, undirected.degreeOf(id), network.edgesOf(id).size()));
        }
        return Collections.unmodifiableMap(out);
    }

    /** Raw betweenness (Brandes, via JGraphT) on the undirected view: each unordered pair counted once. */
    public synchronized Map<String, Double> betweenness() {
        if (betweenness == null) {
            betweenness = Collections.unmodifiableMap(new TreeMap<>(new BetweennessCentrality<>(undirected, false).getScores()));
        }
        return betweenness;
    }

    /** Betweenness divided by the number of pairs of other actors, (n-1)(n-2)/2; 0 when n &lt; 3. */
    public Map<String, Double> betweennessNormalised() {
        int n = network.nodes().size();
        double pairs = (n - 1.0) * (n - 2.0) / 2.0;
        Map<String, Double> out = new TreeMap<>();
        betweenness().forEach((k, v) -> out.put(k, pairs > 0 ? v / pairs : 0.0));
        return Collections.unmodifiableMap(out);
    }

    /** PageRank on the directed view, damping 0.85; sums to 1 over all actors. */
    public synchronized Map<String, Double> pageRank() {
        if (pageRank == null) {
            if (directed.vertexSet().isEmpty()) {
                pageRank = Map.of();
            } else {
                pageRank = Collections.unmodifiableMap(new TreeMap<>(new PageRank<>(directed, DAMPING, 1000, 1e-10).getScores()));
            }
        }
        return pageRank;
    }

    /** Every metric for every actor, sorted by id. */
    public List<ActorMetrics> metrics() {
        Map<String, Degree> deg = degrees();
        Map<String, Double> bc = betweenness(), bcn = betweennessNormalised(), pr = pageRank();
        Map<String, Integer> com = communities().communityOf();
        List<ActorMetrics> out = new ArrayList<>();
        for (ActorNode n : network.nodes()) {
            String id = n.id();
            out.add(new ActorMetrics(n, deg.get(id), bc.get(id), bcn.get(id), pr.get(id), com.get(id)));
        }
        return out;
    }

    /** The n best actors by a metric; ties by id. */
    public List<ActorMetrics> top(Metric metric, int n) {
        return metrics().stream()
                .sorted(Comparator.comparingDouble((ActorMetrics m) -> -m.value(metric)).thenComparing(ActorMetrics::id))
                .limit(Math.max(0, n)).toList();
    }

    /** Girvan–Newman, cut where modularity is highest (see {@link #communities(CommunityAlgorithm, int)}). */
    public synchronized Communities communities() {
        if (communities == null) communities = communities(CommunityAlgorithm.GIRVAN_NEWMAN, 0);
        return communities;
    }

    /**
     * Communities on the undirected view.
     * <ul>
     * <li>{@code GIRVAN_NEWMAN}: repeatedly remove the edge of highest edge betweenness (JGraphT
     * {@code EdgeBetweennessCentrality}; ties: the edge whose (smaller id, larger id) comes first), recomputing
     * after each removal. With {@code k > 0}: stop at the first partition into at least k connected parts
     * (isolated actors count as parts). With {@code k <= 0}: return the partition of highest modularity met
     * on the way (the fewest parts among equals).</li>
     * <li>{@code LABEL_PROPAGATION}: JGraphT {@code LabelPropagationClustering} with seed {@link #SEED}; k
     * ignored.</li>
     * </ul>
     */
    public Communities communities(CommunityAlgorithm algorithm, int k) {
        if (network.nodes().isEmpty()) return new Communities(List.of(), Map.of(), 0.0, algorithm.label());
        List<Set<String>> clusters;
        String name;
        if (algorithm == CommunityAlgorithm.GIRVAN_NEWMAN) {
            if (k > network.nodes().size()) {
                throw new IllegalArgumentException("Girvan-Newman: k must be at most the number of actors ("
                        + network.nodes().size() + "), got " + k);
            }
            clusters = girvanNewman(k);
            name = k > 0 ? "girvan-newman (k " + k + ")" : "girvan-newman (best modularity)";
        } else {
            clusters = new LabelPropagationClustering<>(undirected, new Random(SEED)).getClustering().getClusters();
            name = "label-propagation (seed " + SEED + ")";
        }
        List<List<String>> groups = new ArrayList<>();
        for (Set<String> c : clusters) groups.add(new ArrayList<>(new TreeSet<>(c)));
        groups.sort(Comparator.<List<String>>comparingInt(g -> -g.size()).thenComparing(g -> g.get(0)));
        Map<String, Integer> of = new HashMap<>();
        for (int i = 0; i < groups.size(); i++) for (String a : groups.get(i)) of.put(a, i);
        return new Communities(groups, of, modularity(of), name);
    }

    private List<Set<String>> girvanNewman(int k) {
        Graph<String, DefaultEdge> g = new SimpleGraph<>(DefaultEdge.class);
        undirected.vertexSet().forEach(g::addVertex);
        for (DefaultEdge e : undirected.edgeSet()) g.addEdge(undirected.getEdgeSource(e), undirected.getEdgeTarget(e));
        List<Set<String>> parts = new ConnectivityInspector<>(g).connectedSets();
        List<Set<String>> best = parts;
        double bestQ = modularity(index(parts));
        while ((k <= 0 || parts.size() < k) && !g.edgeSet().isEmpty()) {
            Map<DefaultEdge, Double> eb = new EdgeBetweennessCentrality<>(g).getScores();
            DefaultEdge cut = null;
            double top = -1;
            for (DefaultEdge e : g.edgeSet()) {
                double v = eb.get(e);
                if (cut == null || v > top + 1e-9 || (Math.abs(v - top) <= 1e-9 && edgeKey(g, e).compareTo(edgeKey(g, cut)) < 0)) {
                    cut = e;
                    top = Math.max(top, v);
                }
            }
            g.removeEdge(cut);
            int before = parts.size();
            parts = new ConnectivityInspector<>(g).connectedSets();
            if (parts.size() > before) {
                double q = modularity(index(parts));
                if (q > bestQ + 1e-12) {
                    bestQ = q;
                    best = parts;
                }
            }
        }
        return k > 0 ? parts : best;
    }

    private static String edgeKey(Graph<String, DefaultEdge> g, DefaultEdge e) {
        String a = g.getEdgeSource(e), b = g.getEdgeTarget(e);
        return a.compareTo(b) < 0 ? a + "\u0000" + b : b + "\u0000" + a;
    }

    private static Map<String, Integer> index(List<Set<String>> parts) {
        Map<String, Integer> of = new HashMap<>();
        for (int i = 0; i < parts.size(); i++) for (String a : parts.get(i)) of.put(a, i);
        return of;
    }

    /** Newman modularity Q = Σ_c [ L_c / m − (d_c / 2m)² ] on the undirected view. */
    double modularity(Map<String, Integer> communityOf) {
        int m = undirected.edgeSet().size();
        if (m == 0) return 0.0;
        Map<Integer, Integer> inside = new HashMap<>();
        Map<Integer, Integer> degreeSum = new HashMap<>();
        for (DefaultEdge e : undirected.edgeSet()) {
            int cu = communityOf.get(undirected.getEdgeSource(e)), cv = communityOf.get(undirected.getEdgeTarget(e));
            if (cu == cv) inside.merge(cu, 1, Integer::sum);
        }
        for (String v : undirected.vertexSet()) degreeSum.merge(communityOf.get(v), undirected.degreeOf(v), Integer::sum);
        double q = 0;
        for (Map.Entry<Integer, Integer> d : degreeSum.entrySet()) {
            double share = d.getValue() / (2.0 * m);
            q += inside.getOrDefault(d.getKey(), 0) / (double) m - share * share;
        }
        return q;
    }

    /** Actors within {@code hops} of the actor (undirected view), with every edge among them. */
    public EgoNetwork ego(String actor, int hops) {
        if (hops < 0) throw new IllegalArgumentException("hops must be >= 0, got " + hops);
        String center = network.resolve(actor).id();
        Map<String, Integer> distance = new LinkedHashMap<>();
        BreadthFirstIterator<String, DefaultEdge> bfs = new BreadthFirstIterator<>(undirected, center);
        while (bfs.hasNext()) {
            String v = bfs.next();
            int d = bfs.getDepth(v);
            if (d > hops) break;
            distance.put(v, d);
        }
        return new EgoNetwork(center, hops, distance, network.subnetwork(distance.keySet()));
    }

    /**
     * A path with the fewest hops between two actors (undirected view, JGraphT BFS), each hop explained by every
     * edge between its two actors. Empty if they are not connected.
     */
    public Optional<NetworkPath> shortestPath(String fromActor, String toActor) {
        String a = network.resolve(fromActor).id(), b = network.resolve(toActor).id();
        if (a.equals(b)) return Optional.of(new NetworkPath(a, b, List.of()));
        GraphPath<String, DefaultEdge> p = BFSShortestPath.findPathBetween(undirected, a, b);
        if (p == null) return Optional.empty();
        List<String> vs = p.getVertexList();
        List<Hop> hops = new ArrayList<>();
        for (int i = 0; i + 1 < vs.size(); i++) hops.add(explain(vs.get(i), vs.get(i + 1)));
        return Optional.of(new NetworkPath(a, b, hops));
    }

    /** Every edge between two actors, with its direction relative to a walk from {@code from} to {@code to}. */
    public Hop explain(String from, String to) {
        List<HopRelation> rel = new ArrayList<>();
        for (NetworkEdge e : network.edgesBetween(from, to)) {
            HopRelation.Direction d = !e.directed() ? HopRelation.Direction.BOTH
                    : e.source().equals(from) ? HopRelation.Direction.FORWARD : HopRelation.Direction.BACKWARD;
            rel.add(new HopRelation(d, e));
        }
        return new Hop(from, to, rel);
    }

    /** Who accuses whom: {@code Allegation} edges counted per accuser and accused. */
    public AccusationMatrix accusations() {
        Map<String, Map<String, List<String>>> m = new TreeMap<>();
        for (NetworkEdge e : network.edges()) {
            if (!e.kind().equals(RelationKinds.ALLEGATION)) continue;
            m.computeIfAbsent(e.source(), k -> new TreeMap<>()).computeIfAbsent(e.target(), k -> new ArrayList<>()).add(e.record());
        }
        List<String> rows = new ArrayList<>(m.keySet());
        TreeSet<String> colSet = new TreeSet<>();
        m.values().forEach(r -> colSet.addAll(r.keySet()));
        List<String> cols = new ArrayList<>(colSet);
        int[][] counts = new int[rows.size()][cols.size()];
        List<AccusationMatrix.Cell> cells = new ArrayList<>();
        for (int i = 0; i < rows.size(); i++) {
            for (Map.Entry<String, List<String>> c : m.get(rows.get(i)).entrySet()) {
                List<String> recs = c.getValue().stream().sorted().toList();
                counts[i][cols.indexOf(c.getKey())] = recs.size();
                cells.add(new AccusationMatrix.Cell(rows.get(i), c.getKey(), recs.size(), recs));
            }
        }
        cells.sort(Comparator.comparingInt((AccusationMatrix.Cell c) -> -c.count())
                .thenComparing(AccusationMatrix.Cell::accuser).thenComparing(AccusationMatrix.Cell::accused));
        return new AccusationMatrix(rows, cols, counts, cells);
    }
}
