package kg.borderlands.load;

import kg.borderlands.validate.Finding;
import kg.borderlands.validate.Footprint;
import kg.borderlands.validate.ShaclValidation;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.graph.Triple;
import org.apache.jena.sparql.core.Quad;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;

/**
 * SHACL on the shared unit's nodes, over the database (docs/store.md, "How a build is made", step 4, and
 * "Incremental builds"). Each node is validated on its own ({@link ShaclValidation#validateRecorded}), which gives
 * its findings and its <em>footprint</em>: every {@code find} pattern its validation read. Both are kept in the unit
 * cache, per database content ({@code <shared unit key>.shapes-<digest of every unit's key>.gz}: the units' keys
 * determine the database, ontology, shapes and code included).
 *
 * <p>An incremental build validates again only the shared nodes a changed quad can affect: those whose footprint
 * in the previous database has a pattern the triple of some removed or added quad matches. For any other node,
 * every pattern its validation read in the previous database has the same answer in the new one, so the same
 * validation run reads the same answers and gives the same findings: they, and the footprint, are carried over.
 * If a changed triple matches a pattern read for every node (the sub-classes of the shapes' target classes), every
 * node is validated again; if there is no record for the previous database (or it cannot be read), every node is
 * validated. The record lists the focus nodes it was made for: those of the shared unit, whose key is part of the
 * record's name and digest (an incremental build has the shared unit's key of the previous build).
 */
final class SharedShapes {
    private static final int MAGIC = 0x424b5353; // "BKSS"
    private static final int VERSION = 1;

    /** What the stage found: the findings (node by node, in focus order), how many nodes it validated. */
    record Result(List<Finding> findings, int validated, int nodes, boolean scoped) {
        String describe() {
            return validated + " of " + nodes + " nodes validated" + (scoped ? ", scoped" : "");
        }
    }

    private SharedShapes() {
    }

    /**
     * @param data          the graph the shapes see (the stored default graph with the claimed graph), read inside
     *                      a read transaction
     * @param focus         the shared unit's nodes, in order; asked for only when the previous build's record
     *                      cannot be used (the record lists them: it is kept under the shared unit's key)
     * @param dir           where the records are kept (the unit cache's directory)
     * @param sharedKey     the shared unit's key (the records' prefix: kept while the cache keeps that key)
     * @param now           every unit's key in this build
     * @param previousUnits every unit's key in the published build, or null (none); its record is kept
     * @param changes       the quads the delta removed from and added to the published build's database, or null
     *                      (a full build)
     */
    static Result run(ShaclValidation shacl, Graph data, FocusNodes focusNodes, Path dir, String sharedKey,
                      Map<String, String> now, Map<String, String> previousUnits, UnitDelta.Changes changes)
            throws IOException {
        Objects.requireNonNull(focusNodes, "focusNodes");
        Record before = previousUnits == null || changes == null ? null
                : read(file(dir, sharedKey, digest(previousUnits)), digest(previousUnits));
        Result result;
        Record after;
        List<Node> focus;
        if (before == null) {
            focus = focusNodes.get();
            ShaclValidation.Recorded r = shacl.validateRecorded(data, focus);
            after = new Record(r.global(), r.nodes());
            result = new Result(flatten(r.nodes()), focus.size(), focus.size(), false);
        } else {
            focus = new ArrayList<>(before.nodes().keySet());
            List<Triple> changed = new ArrayList<>();
            for (Quad q : changes.removed()) changed.add(q.asTriple());
            for (Quad q : changes.added()) changed.add(q.asTriple());
            List<Node> affected = new ArrayList<>();
            boolean all = before.global().matchesAny(changed);
            for (Node n : focus) if (all || before.nodes().get(n).reads().matchesAny(changed)) affected.add(n);
            ShaclValidation.Recorded r = affected.isEmpty() ? null : shacl.validateRecorded(data, affected);
            Map<Node, ShaclValidation.NodeResult> merged = new LinkedHashMap<>();
            for (Node n : focus) merged.put(n, r != null && r.nodes().containsKey(n) ? r.nodes().get(n) : before.nodes().get(n));
            Set<Triple> global = new HashSet<>(before.global().patterns());
            if (r != null) global.addAll(r.global().patterns());
            after = new Record(new Footprint(global), merged);
            result = new Result(flatten(merged), affected.size(), focus.size(), true);
        }
        String digest = digest(now);
        keepOnly(dir, sharedKey, previousUnits == null ? null : digest(previousUnits), digest);
        write(file(dir, sharedKey, digest), digest, after);
        return result;
    }

    /** The shared unit's nodes, in order (read from its cache entry). */
    @FunctionalInterface
    interface FocusNodes {
        List<Node> get() throws IOException;
    }

    private static List<Finding> flatten(Map<Node, ShaclValidation.NodeResult> nodes) {
        List<Finding> out = new ArrayList<>();
        nodes.values().forEach(r -> out.addAll(r.findings()));
        return out;
    }

    /** SHA-256 over every unit's id and key, in id order: names the database content. */
    static String digest(Map<String, String> units) {
        try {
            MessageDigest md = MessageDigest.getInstance("SHA-256");
            for (Map.Entry<String, String> e : new TreeMap<>(units).entrySet()) {
                md.update((e.getKey() + "=" + e.getValue() + "\n").getBytes(StandardCharsets.UTF_8));
            }
            return HexFormat.of().formatHex(md.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    static Path file(Path dir, String sharedKey, String digest) {
        return dir.resolve(sharedKey + ".shapes-" + digest + ".gz");
    }

    /** Removes this shared key's records but those of {@code keep} (leftovers of killed loads too). */
    private static void keepOnly(Path dir, String sharedKey, String... keep) throws IOException {
        if (!Files.isDirectory(dir)) return;
        Set<String> names = new HashSet<>();
        for (String k : keep) if (k != null) names.add(file(dir, sharedKey, k).getFileName().toString());
        try (var s = Files.list(dir)) {
            for (Path f : s.toList()) {
                String name = f.getFileName().toString();
                if (name.startsWith(sharedKey + ".shapes-") && !names.contains(name)) Files.deleteIfExists(f);
            }
        }
    }

    /** One database content's shared-node validation: the global footprint, and per node findings and footprint. */
    record Record(Footprint global, Map<Node, ShaclValidation.NodeResult> nodes) {
    }

    // ---- storage: gzip of MAGIC VERSION digest, a node dictionary, the global patterns, then per node its
    // patterns and findings. A node is "<iri>" or "_:label"; "*" is Node.ANY (any other node is stored as "*",
    // which matches more: never fewer nodes validated).

    static void write(Path target, String digest, Record r) throws IOException {
        Files.createDirectories(target.getParent());
        Map<Node, Integer> ids = new HashMap<>();
        List<String> dict = new ArrayList<>();
        java.util.function.ToIntFunction<Node> id = n -> ids.computeIfAbsent(encodable(n), k -> {
            dict.add(encode(k));
            return dict.size() - 1;
        });
        // patterns and focus nodes as ids first (fills the dictionary), then written out
        List<int[]> global = patterns(r.global(), id);
        List<int[]> focus = new ArrayList<>();
        List<List<int[]>> reads = new ArrayList<>();
        for (Map.Entry<Node, ShaclValidation.NodeResult> e : r.nodes().entrySet()) {
            if (encodable(e.getKey()) != e.getKey()) return; // a focus node that cannot be stored: no record
            focus.add(new int[] {id.applyAsInt(e.getKey())});
            reads.add(patterns(e.getValue().reads(), id));
        }
        Path tmp = target.resolveSibling(target.getFileName() + ".tmp");
        try (DataOutputStream out = new DataOutputStream(new BufferedOutputStream(
                new GZIPOutputStream(Files.newOutputStream(tmp), 1 << 16), 1 << 16))) {
            out.writeInt(MAGIC);
            out.writeInt(VERSION);
            string(out, digest);
            out.writeInt(dict.size());
            for (String s : dict) string(out, s);
            writePatterns(out, global);
            out.writeInt(focus.size());
            int i = 0;
            for (ShaclValidation.NodeResult nr : r.nodes().values()) {
                out.writeInt(focus.get(i)[0]);
                writePatterns(out, reads.get(i));
                out.writeInt(nr.findings().size());
                for (Finding f : nr.findings()) {
                    out.writeByte(f.severity().ordinal());
                    string(out, f.check());
                    string(out, f.focusNode());
                    string(out, f.path());
                    string(out, f.message());
                }
                i++;
            }
        }
        StoreFiles.forceAndMove(tmp, target);
    }

    /** The record in {@code f} if it is complete and for {@code digest}; else null. */
    static Record read(Path f, String digest) {
        if (!Files.isRegularFile(f)) return null;
        try (DataInputStream in = new DataInputStream(new BufferedInputStream(
                new GZIPInputStream(Files.newInputStream(f), 1 << 16), 1 << 16))) {
            if (in.readInt() != MAGIC || in.readInt() != VERSION || !digest.equals(string(in))) return null;
            int n = in.readInt();
            Node[] dict = new Node[n];
            for (int i = 0; i < n; i++) dict[i] = decode(string(in));
            Footprint global = readPatterns(in, dict);
            int nodes = in.readInt();
            Map<Node, ShaclValidation.NodeResult> out = new LinkedHashMap<>();
            Finding.Severity[] severities = Finding.Severity.values();
            for (int i = 0; i < nodes; i++) {
                Node node = dict[in.readInt()];
                if (node == Node.ANY || out.containsKey(node)) return null;
                Footprint reads = readPatterns(in, dict);
                int k = in.readInt();
                List<Finding> findings = new ArrayList<>(k);
                for (int j = 0; j < k; j++) {
                    findings.add(new Finding(severities[in.readByte()], string(in), string(in), string(in), string(in)));
                }
                out.put(node, new ShaclValidation.NodeResult(findings, reads));
            }
            if (in.read() != -1) return null;
            return new Record(global, out);
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    private static List<int[]> patterns(Footprint fp, java.util.function.ToIntFunction<Node> id) {
        List<int[]> out = new ArrayList<>();
        for (Triple t : fp.sorted()) {
            out.add(new int[] {id.applyAsInt(t.getSubject()), id.applyAsInt(t.getPredicate()), id.applyAsInt(t.getObject())});
        }
        return out;
    }

    private static void writePatterns(DataOutputStream out, List<int[]> ps) throws IOException {
        out.writeInt(ps.size());
        for (int[] p : ps) {
            out.writeInt(p[0]);
            out.writeInt(p[1]);
            out.writeInt(p[2]);
        }
    }

    private static Footprint readPatterns(DataInputStream in, Node[] dict) throws IOException {
        int k = in.readInt();
        Set<Triple> ps = new HashSet<>(k * 2);
        for (int i = 0; i < k; i++) ps.add(Triple.createMatch(dict[in.readInt()], dict[in.readInt()], dict[in.readInt()]));
        return new Footprint(ps);
    }

    /** {@code n} if it can be stored as itself, else Node.ANY. */
    private static Node encodable(Node n) {
        return n.isURI() || n.isBlank() ? n : Node.ANY;
    }

    private static String encode(Node n) {
        if (n.isURI()) return "<" + n.getURI() + ">";
        if (n.isBlank()) return "_:" + n.getBlankNodeLabel();
        return "*";
    }

    private static Node decode(String s) {
        if (s.startsWith("<")) return NodeFactory.createURI(s.substring(1, s.length() - 1));
        if (s.startsWith("_:")) return NodeFactory.createBlankNode(s.substring(2));
        if (s.equals("*")) return Node.ANY;
        throw new IllegalArgumentException("node " + s);
    }

    private static void string(DataOutputStream out, String s) throws IOException {
        if (s == null) {
            out.writeInt(-1);
            return;
        }
        byte[] b = s.getBytes(StandardCharsets.UTF_8);
        out.writeInt(b.length);
        out.write(b);
    }

    private static String string(DataInputStream in) throws IOException {
        int n = in.readInt();
        if (n < 0) return null;
        if (n > 1 << 24) throw new IOException("string of " + n + " bytes");
        byte[] b = in.readNBytes(n);
        if (b.length != n) throw new IOException("truncated");
        return new String(b, StandardCharsets.UTF_8);
    }
}
