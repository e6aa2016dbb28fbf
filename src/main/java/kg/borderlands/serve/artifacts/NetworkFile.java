package kg.borderlands.serve.artifacts;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import kg.borderlands.analyse.ActorNode;
import kg.borderlands.analyse.Network;
import kg.borderlands.analyse.NetworkEdge;
import kg.borderlands.analyse.NetworkProjector;

import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * The projected actor network as a JSON file of the build (serving artifacts): written by load, read by serve.
 * One form whatever the store's order: nodes by id, edges by id, every set sorted — so a build from scratch and an
 * incremental build that patched it ({@link NetworkDelta}) write the same bytes. Written and patched as a stream
 * (a node or an edge at a time).
 */
final class NetworkFile {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final com.fasterxml.jackson.databind.ObjectWriter WRITER =
            JSON.writer().without(com.fasterxml.jackson.databind.SerializationFeature.FLUSH_AFTER_WRITE_VALUE);

    private NetworkFile() {}

    record Node(String id, String label, String type, List<String> aliases, Set<String> classes) {
        Node {
            classes = classes == null ? null : new TreeSet<>(classes);   // written in order, however read
        }

        static Node of(ActorNode a) {
            return new Node(a.id(), a.label(), a.type(), a.aliases(), a.classes());
        }

        ActorNode actor() {
            return new ActorNode(id, label, type, aliases, classes);
        }
    }

    record Edge(String id, String source, String target, String kind, boolean directed, String from, String until,
                boolean contested, List<String> accordingTo, List<Integer> footnotes,
                List<kg.borderlands.analyse.FootnoteRef> footnoteRefs, List<String> sections, String record, String recordType, String label) {
        static Edge of(NetworkEdge e) {
            return new Edge(e.id(), e.source(), e.target(), e.kind(), e.directed(),
                    e.from() == null ? null : e.from().toString(), e.until() == null ? null : e.until().toString(), e.contested(),
                    e.accordingTo(), e.footnotes(), e.footnoteRefs(), e.sections(), e.record(), e.recordType(), e.label());
        }

        NetworkEdge edge() {
            return new NetworkEdge(id, source, target, kind, directed, from == null ? null : LocalDate.parse(from),
                    until == null ? null : LocalDate.parse(until), contested, accordingTo, footnotes, footnoteRefs, sections,
                    record, recordType, label);
        }
    }

    record Content(List<Node> nodes, List<Edge> edges, Set<String> knownKinds, Set<String> actorClasses, List<String> skipped) {}

    /** Writes a network held in memory. */
    static void write(Network n, Path file) throws IOException {
        try (Writer w = new Writer(Files.newOutputStream(file))) {
            for (ActorNode a : n.nodes()) w.node(Node.of(a));
            for (NetworkEdge e : n.edges()) w.edge(Edge.of(e));
            w.end(n.knownKinds(), n.actorClasses(), new TreeSet<>(n.skipped()));
        }
    }

    /** Projects the network of a dataset straight into a file. */
    static void write(NetworkProjector projector, Path file) throws IOException {
        try (Writer w = new Writer(Files.newOutputStream(file))) {
            projector.project(new NetworkProjector.Sink() {
                @Override
                public void node(ActorNode n) throws IOException {
                    w.node(Node.of(n));
                }

                @Override
                public void edge(NetworkEdge e) throws IOException {
                    w.edge(Edge.of(e));
                }

                @Override
                public void end(Set<String> knownKinds, Set<String> actorClasses, Set<String> skipped) throws IOException {
                    w.end(knownKinds, actorClasses, skipped);
                }
            });
        }
    }

    static Network read(Path file) throws IOException {
        List<ActorNode> nodes = new ArrayList<>();
        List<NetworkEdge> edges = new ArrayList<>();
        try (Reader r = new Reader(Files.newInputStream(file))) {
            for (Node n = r.node(); n != null; n = r.node()) nodes.add(n.actor());
            for (Edge e = r.edge(); e != null; e = r.edge()) edges.add(e.edge());
            r.end();
            return new Network(nodes, edges, r.knownKinds, r.actorClasses, r.skipped);
        }
    }

    /** Writes the file's parts in order: nodes (by id), edges (by id), then the sets. */
    static final class Writer implements Closeable {
        private final JsonGenerator g;
        private boolean inNodes = true;

        Writer(OutputStream out) throws IOException {
            this.g = JSON.getFactory().createGenerator(out, JsonEncoding.UTF8);
            g.writeStartObject();
            g.writeArrayFieldStart("nodes");
        }

        void node(Node n) throws IOException {
            if (!inNodes) throw new IllegalStateException("nodes come before edges");
            WRITER.writeValue(g, n);
        }

        void edge(Edge e) throws IOException {
            if (inNodes) edgesStart();
            WRITER.writeValue(g, e);
        }

        void end(Set<String> knownKinds, Set<String> actorClasses, Set<String> skipped) throws IOException {
            if (inNodes) edgesStart();
            g.writeEndArray();
            g.writeFieldName("knownKinds");
            WRITER.writeValue(g, new TreeSet<>(knownKinds));
            g.writeFieldName("actorClasses");
            WRITER.writeValue(g, new TreeSet<>(actorClasses));
            g.writeFieldName("skipped");
            WRITER.writeValue(g, new TreeSet<>(skipped));
            g.writeEndObject();
        }

        private void edgesStart() throws IOException {
            g.writeEndArray();
            g.writeArrayFieldStart("edges");
            inNodes = false;
        }

        @Override
        public void close() throws IOException {
            g.close();
        }
    }

    /** Reads what {@link Writer} wrote (or Jackson wrote of a {@link Content}), part after part. */
    static final class Reader implements Closeable {
        private final JsonParser p;
        Set<String> knownKinds;
        Set<String> actorClasses;
        List<String> skipped;

        Reader(InputStream in) throws IOException {
            this.p = JSON.getFactory().createParser(in);
            expect(JsonToken.START_OBJECT);
            field("nodes");
            expect(JsonToken.START_ARRAY);
        }

        /** The next node, or null after the last (then call {@link #edge}). */
        Node node() throws IOException {
            JsonToken t = p.nextToken();
            if (t == JsonToken.END_ARRAY) {
                field("edges");
                expect(JsonToken.START_ARRAY);
                return null;
            }
            return JSON.readValue(p, Node.class);
        }

        /** The next edge, or null after the last (then call {@link #end}). */
        Edge edge() throws IOException {
            JsonToken t = p.nextToken();
            if (t == JsonToken.END_ARRAY) return null;
            return JSON.readValue(p, Edge.class);
        }

        /** Reads the sets after the edges. */
        void end() throws IOException {
            field("knownKinds");
            p.nextToken();
            knownKinds = JSON.readValue(p, new TypeReference<TreeSet<String>>() {});
            field("actorClasses");
            p.nextToken();
            actorClasses = JSON.readValue(p, new TypeReference<TreeSet<String>>() {});
            field("skipped");
            p.nextToken();
            skipped = JSON.readValue(p, new TypeReference<List<String>>() {});
        }

        private void expect(JsonToken want) throws IOException {
            JsonToken t = p.nextToken();
            if (t != want) throw new IOException("network.json: " + want + " expected, not " + t);
        }

        private void field(String name) throws IOException {
            expect(JsonToken.FIELD_NAME);
            if (!name.equals(p.currentName())) throw new IOException("network.json: " + name + " expected, not " + p.currentName());
        }

        @Override
        public void close() throws IOException {
            p.close();
        }
    }
}
