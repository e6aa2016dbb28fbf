package kg.borderlands.bench;

import kg.borderlands.Vocab;
import kg.borderlands.serve.artifacts.ServingArtifacts;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.Quad;
import org.apache.jena.system.Txn;
import org.apache.jena.tdb2.DatabaseMgr;
import org.apache.jena.tdb2.sys.TDBInternal;
import org.apache.jena.vocabulary.RDF;
import org.apache.jena.vocabulary.SKOS;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.TreeSet;
import java.util.stream.Stream;

/**
 * The serving-artifacts stage of {@code load} alone, on a build made beforehand (benchmarks of issue #11), so that
 * two versions of the code can be run alternately on the same database:
 * <pre>
 * full &lt;tdb&gt; &lt;out&gt; [reps]            the artifacts of a TDB2 database (a copy of a build's tdb/), from scratch
 * incremental &lt;build&gt; &lt;work&gt; [reps]   the build's tdb/ copied into work/, the label of one tie (the middle one by
 *                                      IRI) edited in every graph it is in, and the artifacts of the copy written
 *                                      with that change from the build's (ServingArtifacts.write(build, change))
 * </pre>
 * Prints per rep the wall time, the process's CPU time and the peak heap (pools' peaks after the stage, summed).
 * Run with {@code -Xmx300m -Dbkg.profile=true -cp target/test-classes:target/classes:<dependencies>}.
 */
public final class ServingArtifactsBench {
    private ServingArtifactsBench() {}

    public static void main(String[] args) throws Exception {
        String mode = args[0];
        Path in = Path.of(args[1]);
        Path out = Path.of(args[2]);
        int reps = args.length > 3 ? Integer.parseInt(args[3]) : 1;
        for (int i = 0; i < reps; i++) {
            delete(out);
            if (mode.equals("full")) {
                DatasetGraph dsg = DatabaseMgr.connectDatasetGraph(in.toString());
                try {
                    measure(i, () -> ServingArtifacts.write(dsg, out));
                } finally {
                    TDBInternal.expel(dsg);
                }
            } else if (mode.equals("incremental")) {
                Path build = out.resolve("build");
                copy(in.resolve("tdb"), build.resolve("tdb"));
                ServingArtifacts.Change change = editOneLabel(build.resolve("tdb"), in, i + 1);
                measure(i, () -> ServingArtifacts.write(build, change));
            } else {
                throw new IllegalArgumentException("full or incremental, not " + mode);
            }
        }
    }

    private interface Work {
        void run() throws Exception;
    }

    private static void measure(int rep, Work w) throws Exception {
        for (MemoryPoolMXBean p : ManagementFactory.getMemoryPoolMXBeans()) p.resetPeakUsage();
        var os = (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        long c0 = os.getProcessCpuTime();
        long t0 = System.nanoTime();
        w.run();
        long ms = (System.nanoTime() - t0) / 1_000_000;
        long cpu = (os.getProcessCpuTime() - c0) / 1_000_000;
        long peak = 0;
        for (MemoryPoolMXBean p : ManagementFactory.getMemoryPoolMXBeans()) {
            if (p.getType() == MemoryType.HEAP) peak += p.getPeakUsage().getUsed();
        }
        System.out.printf("rep %d: %d ms wall, %d ms CPU, peak heap %d MB, load %s%n", rep + 1, ms, cpu, peak >> 20,
                Files.readString(Path.of("/proc/loadavg")).split(" ")[0]);
    }

    /** Edits the label of the middle tie (by IRI) in every graph of the database; the change, from {@code previous}. */
    private static ServingArtifacts.Change editOneLabel(Path tdb, Path previous, int rep) {
        DatasetGraph dsg = DatabaseMgr.connectDatasetGraph(tdb.toString());
        List<Quad> removed = new ArrayList<>();
        List<Quad> added = new ArrayList<>();
        try {
            Txn.executeWrite(dsg, () -> {
                TreeSet<String> ties = new TreeSet<>();
                dsg.getDefaultGraph().find(Node.ANY, RDF.type.asNode(), NodeFactory.createURI(Vocab.BLK + "Tie"))
                        .forEachRemaining(t -> ties.add(t.getSubject().getURI()));
                Node tie = NodeFactory.createURI(new ArrayList<>(ties).get(ties.size() / 2));
                Node label = SKOS.prefLabel.asNode();
                List<Quad> old = new ArrayList<>();
                dsg.find(Node.ANY, tie, label, Node.ANY).forEachRemaining(old::add);
                dsg.getDefaultGraph().find(tie, label, Node.ANY).forEachRemaining(t -> old.add(Quad.create(Quad.defaultGraphIRI, t)));
                for (Quad q : old) {
                    Node edited = NodeFactory.createLiteralLang("Edited " + rep + ": " + q.getObject().getLiteralLexicalForm(),
                            q.getObject().getLiteralLanguage());
                    Quad now = Quad.create(q.getGraph(), q.getSubject(), q.getPredicate(), edited);
                    if (q.isDefaultGraph()) {
                        dsg.getDefaultGraph().delete(q.asTriple());
                        dsg.getDefaultGraph().add(now.asTriple());
                    } else {
                        dsg.delete(q);
                        dsg.add(now);
                    }
                    removed.add(q);
                    added.add(now);
                }
                System.out.printf("edited the label of %s: %d quads removed, %d added%n", tie.getURI(), removed.size(), added.size());
            });
        } finally {
            TDBInternal.expel(dsg);
        }
        return new ServingArtifacts.Change(previous, removed, added);
    }

    private static void copy(Path from, Path to) throws Exception {
        Files.createDirectories(to);
        try (Stream<Path> s = Files.walk(from)) {
            for (Path p : s.toList()) {
                Path t = to.resolve(from.relativize(p).toString());
                if (Files.isDirectory(p)) Files.createDirectories(t);
                else Files.copy(p, t);
            }
        }
    }

    private static void delete(Path dir) throws Exception {
        if (!Files.exists(dir)) return;
        try (Stream<Path> s = Files.walk(dir)) {
            for (Path p : s.sorted(Comparator.reverseOrder()).toList()) Files.delete(p);
        }
    }
}
