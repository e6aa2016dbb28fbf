package kg.borderlands.analyse;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.*;

/**
 * Metrics of the fixture network (see the comment at the top of fixture-network.ttl), each checked against a
 * value worked out by hand. Names below: A = state-a, B = state-b, C = group-c, D = group-d, E = mediator-e,
 * F = person-f, G = outlet-g.
 *
 * <pre>
 * directed simple view: A→B A→C B→A B→C C→B C→D D→C D→F E→D E→F F→D F→E      (G has no arcs)
 * undirected view:      A–B A–C B–C (triangle)   C–D (bridge)   D–E D–F E–F (triangle)
 * </pre>
 */
class NetworkAnalyticsTest {
    private static final double EPS = 1e-9;
    private final Network net = FixtureNetwork.network();
    private final NetworkAnalytics a = new NetworkAnalytics(net);

    @Test
    void viewsCollapseParallelAndUndirectedEdges() {
        assertEquals(12, a.directedView().edgeSet().size(), "12 arcs listed above");
        assertEquals(7, a.undirectedView().edgeSet().size(), "two triangles and a bridge");
        assertTrue(a.directedView().containsEdge("group-d", "group-c"), "the undirected alliance gives both arcs");
    }

    @Test
    void degreesByHand() {
        Map<String, Degree> d = a.degrees();
        // in / out / total = in+out / distinct neighbours / network edges touching the actor
        assertEquals(new Degree(1, 2, 3, 2, 3), d.get("state-a"));   // in B; out B, C; edges: sanctuary, allegation, denial
        assertEquals(new Degree(2, 2, 4, 2, 4), d.get("state-b"));   // in A, C; out A, C; edges: 2 allegations, denial, attack
        assertEquals(new Degree(3, 2, 5, 3, 4), d.get("group-c"));   // in A, B, D; out B, D; sanctuary, allegation, attack, alliance
        assertEquals(new Degree(3, 2, 5, 3, 3), d.get("group-d"));   // in C, E, F; out C, F; alliance, mediation, negotiation
        assertEquals(new Degree(1, 2, 3, 2, 3), d.get("mediator-e")); // in F; out D, F; 2 mediations, support
        assertEquals(new Degree(2, 2, 4, 2, 3), d.get("person-f"));   // in D, E; out D, E; mediation, negotiation, support
        assertEquals(new Degree(0, 0, 0, 0, 0), d.get("outlet-g"));
    }

    @Test
    void betweennessByHand() {
        // Undirected view. Every shortest path between {A, B} and {D, E, F} runs A/B – C – D – …: C lies on the
        // (unique) shortest path of the pairs A–D, A–E, A–F, B–D, B–E, B–F → 6; also C–E and C–F pass D, and
        // A–D, B–D pass C only, so D gets A–E, A–F, B–E, B–F, C–E, C–F → 6. Inside a triangle every pair is
        // adjacent: A, B, E, F get 0. G is isolated: 0. Raw, unordered pairs.
        Map<String, Double> bc = a.betweenness();
        assertEquals(6.0, bc.get("group-c"), EPS);
        assertEquals(6.0, bc.get("group-d"), EPS);
        for (String x : List.of("state-a", "state-b", "mediator-e", "person-f", "outlet-g")) assertEquals(0.0, bc.get(x), EPS, x);
        // normalised by the (n-1)(n-2)/2 = 6·5/2 = 15 pairs of other actors: 6/15 = 0.4
        assertEquals(0.4, a.betweennessNormalised().get("group-c"), EPS);
        assertEquals(0.0, a.betweennessNormalised().get("state-a"), EPS);
    }

    @Test
    void pageRankByHandAndByIndependentPowerIteration() {
        Map<String, Double> pr = a.pageRank();
        // Hand: G has no in-arcs and no out-arcs (dangling), so it only receives teleport + the dangling share:
        //   g = (1-d)/n + d·g/n  →  g = 0.15 / (7 - 0.85) = 0.15 / 6.15 = 0.0243902
        // The graph has the symmetry A↔E, B↔F, C↔D (same in/out pattern), so with s = g:
        //   a = s + d·b/2,  b = s + d·(a + c)/2,  c = s + d·(a + b + d_)/2 with d_ = c
        // Solved below with Cramer's rule → a ≈ 0.09350, b ≈ 0.16260, c ≈ 0.23171.
        double d = 0.85, g = 0.15 / 6.15, h = d / 2;
        // a - h b = g ; -h a + b - h c = g ; -h a - h b + (1 - h) c = g
        double[][] m = {{1, -h, 0}, {-h, 1, -h}, {-h, -h, 1 - h}};
        double[] r = {g, g, g};
        double det = det3(m);
        double va = det3(replace(m, 0, r)) / det, vb = det3(replace(m, 1, r)) / det, vc = det3(replace(m, 2, r)) / det;
        assertEquals(0.0243902, g, 1e-7);
        assertEquals(0.09350, va, 1e-5);
        assertEquals(0.16260, vb, 1e-5);
        assertEquals(0.23171, vc, 1e-5);
        assertEquals(g, pr.get("outlet-g"), 1e-3);
        assertEquals(va, pr.get("state-a"), 1e-3);
        assertEquals(va, pr.get("mediator-e"), 1e-3);
        assertEquals(vb, pr.get("state-b"), 1e-3);
        assertEquals(vb, pr.get("person-f"), 1e-3);
        assertEquals(vc, pr.get("group-c"), 1e-3);
        assertEquals(vc, pr.get("group-d"), 1e-3);
        assertEquals(1.0, pr.values().stream().mapToDouble(Double::doubleValue).sum(), 1e-6);

        // an independent power iteration over the arc list written out above
        Map<String, List<String>> out = Map.of("A", List.of("B", "C"), "B", List.of("A", "C"), "C", List.of("B", "D"),
                "D", List.of("C", "F"), "E", List.of("D", "F"), "F", List.of("D", "E"), "G", List.of());
        Map<String, Double> p = power(out, d);
        Map<String, String> ids = Map.of("A", "state-a", "B", "state-b", "C", "group-c", "D", "group-d",
                "E", "mediator-e", "F", "person-f", "G", "outlet-g");
        ids.forEach((k, id) -> assertEquals(p.get(k), pr.get(id), 1e-3, id));
    }

    private static Map<String, Double> power(Map<String, List<String>> out, double d) {
        int n = out.size();
        Map<String, Double> pr = new java.util.HashMap<>();
        out.keySet().forEach(k -> pr.put(k, 1.0 / n));
        for (int it = 0; it < 200; it++) {
            double dangling = out.entrySet().stream().filter(e -> e.getValue().isEmpty()).mapToDouble(e -> pr.get(e.getKey())).sum();
            Map<String, Double> next = new java.util.HashMap<>();
            out.keySet().forEach(k -> next.put(k, (1 - d) / n + d * dangling / n));
            out.forEach((k, vs) -> vs.forEach(v -> next.merge(v, d * pr.get(k) / vs.size(), Double::sum)));
            pr.putAll(next);
        }
        return pr;
    }

    private static double det3(double[][] m) {
        return m[0][0] * (m[1][1] * m[2][2] - m[1][2] * m[2][1]) - m[0][1] * (m[1][0] * m[2][2] - m[1][2] * m[2][0])
                + m[0][2] * (m[1][0] * m[2][1] - m[1][1] * m[2][0]);
    }

    private static double[][] replace(double[][] m, int col, double[] v) {
        double[][] c = new double[3][];
        for (int i = 0; i < 3; i++) {
            c[i] = m[i].clone();
            c[i][col] = v[i];
        }
        return c;
    }

    @Test
    void girvanNewmanFindsTheTwoTrianglesByHand() {
        // Edge betweenness: the bridge C–D carries the 3·3 = 9 pairs between the triangles, more than any other
        // edge, so it goes first and splits {A, B, C} from {D, E, F}. Modularity of {ABC}{DEF}{G}, m = 7:
        //   each triangle has 3 inner edges and degree sum 2+2+3 = 7:  2·(3/7 − (7/14)²) = 6/7 − 1/2 = 5/14
        // G adds 0 − 0². Before the cut, {A…F}{G} has Q = 7/7 − 1 = 0; later cuts only lower Q.
        Communities c = a.communities();
        assertEquals(List.of(List.of("group-c", "state-a", "state-b"), List.of("group-d", "mediator-e", "person-f"),
                List.of("outlet-g")), c.groups());
        assertEquals(5.0 / 14, c.modularity(), EPS);
        assertEquals(c.communityOf().get("state-a"), c.communityOf().get("group-c"));
        assertNotEquals(c.communityOf().get("state-a"), c.communityOf().get("group-d"));
        assertEquals("girvan-newman (best modularity)", c.algorithm());
    }

    @Test
    void girvanNewmanWithK() {
        // k = 2 is met before any cut: the main component and the isolated G
        assertEquals(List.of(List.of("group-c", "group-d", "mediator-e", "person-f", "state-a", "state-b"), List.of("outlet-g")),
                a.communities(CommunityAlgorithm.GIRVAN_NEWMAN, 2).groups());
        assertEquals(0.0, a.communities(CommunityAlgorithm.GIRVAN_NEWMAN, 2).modularity(), EPS);
        assertEquals(3, a.communities(CommunityAlgorithm.GIRVAN_NEWMAN, 3).groups().size());
        assertThrows(IllegalArgumentException.class, () -> a.communities(CommunityAlgorithm.GIRVAN_NEWMAN, 8));
    }

    @Test
    void labelPropagationIsAPartitionAndDeterministic() {
        Communities c1 = new NetworkAnalytics(net).communities(CommunityAlgorithm.LABEL_PROPAGATION, 0);
        Communities c2 = new NetworkAnalytics(net).communities(CommunityAlgorithm.LABEL_PROPAGATION, 0);
        assertEquals(c1, c2);
        assertEquals(7, c1.groups().stream().mapToInt(List::size).sum());
        assertEquals(7, c1.communityOf().size());
        assertTrue(c1.groups().contains(List.of("outlet-g")), "an isolated actor is a community of its own");
        assertEquals(c1.communityOf().get("state-a"), c1.communityOf().get("state-b"), "a triangle stays together");
    }

    @Test
    void egoNetworkByHops() {
        EgoNetwork one = a.ego("group-c", 1);
        assertEquals(Map.of("group-c", 0, "state-a", 1, "state-b", 1, "group-d", 1), one.distance());
        // every edge among C, A, B, D: sanctuary, both allegations, denial, attack, alliance
        assertEquals(Set.of("t-sanctuary", "cl-b-accuses-a", "cl-b-accuses-c", "cl-a-denies", "ev-attack", "t-alliance"),
                Set.copyOf(one.network().edges().stream().map(NetworkEdge::record).toList()));
        EgoNetwork two = a.ego("group-c", 2);
        assertEquals(6, two.distance().size());
        assertEquals(2, two.distance().get("person-f"));
        assertFalse(two.distance().containsKey("outlet-g"));
        assertEquals(Map.of("outlet-g", 0), a.ego("outlet-g", 3).distance());
        assertEquals(Map.of("group-c", 0), a.ego("GC", 0).distance(), "alias accepted");
        assertThrows(UnknownActorException.class, () -> a.ego("nobody", 1));
    }

    @Test
    void shortestPathIsExplainedHopByHop() {
        // A – C – D – F is the only 3-hop path (A's neighbours are B and C; only C reaches D; D–F is direct)
        NetworkPath p = a.shortestPath("state-a", "person-f").orElseThrow();
        assertEquals(List.of("state-a", "group-c", "group-d", "person-f"), p.actors());
        assertEquals(3, p.length());
        Hop h1 = p.hops().get(0);
        assertEquals(1, h1.relations().size());
        assertEquals(HopRelation.Direction.FORWARD, h1.relations().get(0).direction());
        NetworkEdge sanctuary = h1.relations().get(0).edge();
        assertEquals("Sanctuary", sanctuary.kind());
        assertEquals(List.of(7, 12), sanctuary.footnotes());
        assertEquals(java.time.LocalDate.of(2010, 1, 1), sanctuary.from());
        assertEquals(HopRelation.Direction.BOTH, p.hops().get(1).relations().get(0).direction());
        assertEquals("Alliance", p.hops().get(1).relations().get(0).edge().kind());
        assertEquals("Negotiation", p.hops().get(2).relations().get(0).edge().kind());

        // walking the other way flips the direction of directed edges
        NetworkPath back = a.shortestPath("group-c", "state-a").orElseThrow();
        assertEquals(HopRelation.Direction.BACKWARD, back.hops().get(0).relations().get(0).direction());

        // several relations on one hop: B–A has the allegation (B→A) and the denial (A→B)
        Hop ba = a.explain("state-b", "state-a");
        assertEquals(List.of("Denial:BACKWARD", "Allegation:FORWARD"),
                ba.relations().stream().map(r -> r.edge().kind() + ":" + r.direction()).toList());

        assertTrue(a.shortestPath("state-a", "outlet-g").isEmpty(), "G is isolated");
        assertEquals(0, a.shortestPath("state-a", "state-a").orElseThrow().length());
    }

    @Test
    void accusationMatrixByHand() {
        // allegations: B→A (cl-b-accuses-a), B→C (cl-b-accuses-c); the denial is not an accusation
        AccusationMatrix m = a.accusations();
        assertEquals(List.of("state-b"), m.accusers());
        assertEquals(List.of("group-c", "state-a"), m.accused());
        assertEquals(1, m.count("state-b", "state-a"));
        assertEquals(1, m.count("state-b", "group-c"));
        assertEquals(0, m.count("state-a", "state-b"));
        assertEquals(2, m.total());
        assertEquals(List.of("cl-b-accuses-a"), m.cells().stream().filter(c -> c.accused().equals("state-a")).findFirst().orElseThrow().records());
    }

    @Test
    void topRanksByMetricWithTiesById() {
        assertEquals(List.of("group-c", "group-d", "mediator-e"),
                a.top(Metric.BETWEENNESS, 3).stream().map(ActorMetrics::id).toList());
        assertEquals(List.of("group-c", "group-d", "person-f", "state-b"),
                a.top(Metric.PAGERANK, 4).stream().map(ActorMetrics::id).toList());
        assertEquals(List.of("group-c", "group-d"), a.top(Metric.DEGREE, 2).stream().map(ActorMetrics::id).toList());
        ActorMetrics c = a.metrics().stream().filter(x -> x.id().equals("group-c")).findFirst().orElseThrow();
        assertEquals(6.0, c.betweenness(), EPS);
        assertEquals(5, c.degree().total());
    }

    @Test
    void metricsFollowTheFilter() {
        // without the alliance (kinds filter) the bridge is gone: nobody is between anybody across triangles
        Set<String> kinds = new java.util.TreeSet<>(net.kinds());
        kinds.remove("Alliance");
        NetworkAnalytics f = new NetworkAnalytics(net.filter(NetworkFilter.all().withKinds(kinds)));
        assertEquals(0.0, f.betweenness().get("group-c"), EPS);
        assertTrue(f.shortestPath("state-a", "person-f").isEmpty());
    }
}
