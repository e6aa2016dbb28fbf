package kg.borderlands.bench;

import kg.borderlands.Vocab;
import kg.borderlands.analyse.EgoNetwork;
import kg.borderlands.analyse.Network;
import kg.borderlands.analyse.NetworkAnalytics;
import kg.borderlands.analyse.NetworkEdge;
import kg.borderlands.analyse.NetworkPath;
import kg.borderlands.analyse.NetworkProjector;
import kg.borderlands.load.StoreManager;
import kg.borderlands.support.TestProject;
import org.apache.jena.graph.Node;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.engine.binding.Binding;
import org.apache.jena.sparql.exec.QueryExec;
import org.apache.jena.sparql.exec.RowSet;
import org.apache.jena.system.Txn;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Supplier;
import java.util.stream.Collectors;

/**
 * Shortest path and ego network: JGraphT on the projected actor network versus SPARQL property paths on the
 * TDB2 store. A benchmark, not a test (surefire does not pick it up): run it with
 *
 * <pre>
 * mvn -q -o test-compile dependency:build-classpath -Dmdep.outputFile=target/cp.txt
 * java -cp target/classes:target/test-classes:$(cat target/cp.txt) kg.borderlands.bench.NetworkBenchmark [runs] [warm-up]
 * </pre>
 *
 * Both sides answer the same question on the same relation: the uncontested qualified ties between actors of
 * every tie kind whose object is always an actor (all but Governance, Opposition, Advocacy), followed in either
 * direction. In SPARQL that relation is the alternation of the kinds' shortcut properties and their inverses
 * (the shortcuts are materialised for uncontested ties). The answers are compared before timing.
 */
public final class NetworkBenchmark {
    private static final Set<String> NON_ACTOR_OBJECT_KINDS = Set.of("Governance", "Opposition", "Advocacy");

    public static void main(String[] args) throws Exception {
        int runs = args.length > 0 ? Integer.parseInt(args[0]) : 50;
        int warmup = args.length > 1 ? Integer.parseInt(args[1]) : 20;
        String from = "qatar", to = "ttp", center = "ttp";
        int hops = 2;

        StoreManager store = TestProject.realStore();
        DatasetGraph dsg = store.open();
        try {
            // --- the projection, once (and its cost) ---
            List<Long> projection = new ArrayList<>();
            Network full = null;
            for (int i = 0; i < Math.max(3, runs / 5); i++) {
                long t0 = System.nanoTime();
                full = new NetworkProjector(dsg).project();
                projection.add(System.nanoTime() - t0);
            }
            Set<String> tieClasses = new TreeSet<>();
            select(dsg, "SELECT ?c WHERE { ?c blk:shortcut ?p }", b -> tieClasses.add(b.get("c").getURI().substring(Vocab.BLK.length())));
            Set<String> kinds = new TreeSet<>();
            List<NetworkEdge> ties = new ArrayList<>();
            for (NetworkEdge e : full.edges()) {
                boolean tie = tieClasses.contains(e.recordType()) && e.kind().equals(e.recordType());
                if (tie && !e.contested() && !NON_ACTOR_OBJECT_KINDS.contains(e.kind())) {
                    ties.add(e);
                    kinds.add(e.kind());
                }
            }
            Network net = new Network(full.nodes(), ties, full.knownKinds(), full.actorClasses(), List.of());
            long b0 = System.nanoTime();
            NetworkAnalytics a = new NetworkAnalytics(net);
            long build = System.nanoTime() - b0;

            // --- SPARQL relation: shortcut properties of those kinds, both directions ---
            List<String> props = new ArrayList<>();
            String kindValues = kinds.stream().map(k -> "blk:" + k).collect(Collectors.joining(" "));
            select(dsg, "SELECT ?p WHERE { VALUES ?c { " + kindValues + " } ?c blk:shortcut ?p } ORDER BY ?p",
                    b -> props.add("<" + b.get("p").getURI() + ">"));
            String r = "(" + props.stream().map(p -> p + "|^" + p).collect(Collectors.joining("|")) + ")";

            // --- answers must agree ---
            NetworkPath jp = a.shortestPath(from, to).orElseThrow(() -> new IllegalStateException("no JGraphT path"));
            List<String> sp = sparqlPath(dsg, r, from, to, 8);
            if (sp == null || sp.size() != jp.actors().size()) {
                throw new IllegalStateException("path lengths differ: JGraphT " + jp.actors() + ", SPARQL " + sp);
            }
            EgoNetwork je = a.ego(center, hops);
            Set<String> se = sparqlEgo(dsg, r, center);
            Set<String> jeSet = new TreeSet<>(je.distance().keySet());
            if (!jeSet.equals(se)) throw new IllegalStateException("ego sets differ: JGraphT " + jeSet + ", SPARQL " + se);

            // --- timing ---
            double jPath = median(time(warmup, runs, () -> a.shortestPath(from, to)));
            double sPath = median(time(warmup, runs, () -> sparqlPath(dsg, r, from, to, 8)));
            double jEgo = median(time(warmup, runs, () -> a.ego(center, hops)));
            double sEgo = median(time(warmup, runs, () -> sparqlEgo(dsg, r, center)));

            System.out.println("machine: " + Runtime.getRuntime().availableProcessors() + " cores; java "
                    + System.getProperty("java.version") + " (" + System.getProperty("java.vm.name") + ")");
            System.out.printf("network for the benchmark: %d actors, %d tie edges of %d kinds (%s)%n",
                    net.nodes().size(), net.edges().size(), kinds.size(), String.join(",", kinds));
            System.out.printf("projection of the full network from TDB2 (%d actors, %d edges): median %.1f ms over %d runs; JGraphT views built in %.2f ms%n",
                    full.nodes().size(), full.edges().size(), median(projection) / 1e6, projection.size(), build / 1e6);
            System.out.printf("path %s -> %s: %s (%d hops); SPARQL found %s%n", from, to, jp.actors(), jp.length(), sp);
            System.out.printf("ego %s, %d hops: %d actors (same set from SPARQL)%n", center, hops, jeSet.size());
            System.out.printf("%n| question | JGraphT median (ms) | SPARQL property paths median (ms) | SPARQL / JGraphT |%n");
            System.out.printf("|---|---:|---:|---:|%n");
            System.out.printf("| shortest path %s → %s | %.3f | %.3f | %.0f× |%n", from, to, jPath / 1e6, sPath / 1e6, sPath / jPath);
            System.out.printf("| ego network of %s, %d hops | %.3f | %.3f | %.0f× |%n", center, hops, jEgo / 1e6, sEgo / 1e6, sEgo / jEgo);
            System.out.printf("(%d timed runs after %d warm-up runs each)%n", runs, warmup);
        } finally {
            StoreManager.close(dsg);
        }
    }

    /** Iterative deepening: the first k for which {@code from R ?n1 . ?n1 R ?n2 … R to} has a solution. */
    static List<String> sparqlPath(DatasetGraph dsg, String r, String from, String to, int maxHops) {
        for (int k = 1; k <= maxHops; k++) {
            StringBuilder q = new StringBuilder("SELECT * WHERE { ");
            String prev = "<" + Vocab.ID + from + ">";
            for (int i = 1; i < k; i++) {
                q.append(prev).append(' ').append(r).append(" ?n").append(i).append(" . ");
                prev = "?n" + i;
            }
            q.append(prev).append(' ').append(r).append(" <").append(Vocab.ID).append(to).append("> } LIMIT 1");
            List<String> found = new ArrayList<>();
            int hops = k;
            select(dsg, q.toString(), b -> {
                found.add(from);
                for (int i = 1; i < hops; i++) found.add(local(b.get("n" + i)));
                found.add(to);
            });
            if (!found.isEmpty()) return found;
        }
        return null;
    }

    /** Actors within two hops: {@code center (R/R?) ?x}, plus the center itself. */
    static Set<String> sparqlEgo(DatasetGraph dsg, String r, String center) {
        Set<String> out = new TreeSet<>();
        out.add(center);
        select(dsg, "SELECT DISTINCT ?x WHERE { <" + Vocab.ID + center + "> " + r + "/" + r + "? ?x }",
                b -> out.add(local(b.get("x"))));
        return out;
    }

    private static String local(Node n) {
        return n.getURI().substring(Vocab.ID.length());
    }

    private static void select(DatasetGraph dsg, String query, java.util.function.Consumer<Binding> row) {
        String q = "PREFIX blk: <" + Vocab.BLK + ">\n" + query;
        Txn.executeRead(dsg, () -> {
            try (QueryExec qe = QueryExec.dataset(dsg).query(q).build()) {
                RowSet rs = qe.select();
                while (rs.hasNext()) row.accept(rs.next());
            }
        });
    }

    private static List<Long> time(int warmup, int runs, Supplier<?> task) {
        for (int i = 0; i < warmup; i++) task.get();
        List<Long> t = new ArrayList<>();
        for (int i = 0; i < runs; i++) {
            long t0 = System.nanoTime();
            Object result = task.get();
            t.add(System.nanoTime() - t0);
            if (result == null) throw new IllegalStateException("no answer");
        }
        return t;
    }

    private static double median(List<Long> xs) {
        long[] s = xs.stream().mapToLong(Long::longValue).toArray();
        Arrays.sort(s);
        return s.length % 2 == 1 ? s[s.length / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2.0;
    }
}
