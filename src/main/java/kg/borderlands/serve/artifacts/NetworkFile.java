package kg.borderlands.serve.artifacts;

import com.fasterxml.jackson.databind.ObjectMapper;
import kg.borderlands.analyse.ActorNode;
import kg.borderlands.analyse.Network;
import kg.borderlands.analyse.NetworkEdge;

import java.io.IOException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;

/** The projected actor network as a JSON file of the build (serving artifacts): written by load, read by serve. */
final class NetworkFile {
    private static final ObjectMapper JSON = new ObjectMapper();

    private NetworkFile() {}

    record Node(String id, String label, String type, List<String> aliases, Set<String> classes) {}

    record Edge(String id, String source, String target, String kind, boolean directed, String from, String until,
                boolean contested, List<String> accordingTo, List<Integer> footnotes,
                List<kg.borderlands.analyse.FootnoteRef> footnoteRefs, List<String> sections, String record, String recordType, String label) {}

    record Content(List<Node> nodes, List<Edge> edges, Set<String> knownKinds, Set<String> actorClasses, List<String> skipped) {}

    static void write(Network n, Path file) throws IOException {
        List<Node> nodes = n.nodes().stream().map(a -> new Node(a.id(), a.label(), a.type(), a.aliases(), a.classes())).toList();
        List<Edge> edges = n.edges().stream().map(e -> new Edge(e.id(), e.source(), e.target(), e.kind(), e.directed(),
                e.from() == null ? null : e.from().toString(), e.until() == null ? null : e.until().toString(), e.contested(),
                e.accordingTo(), e.footnotes(), e.footnoteRefs(), e.sections(), e.record(), e.recordType(), e.label())).toList();
        JSON.writeValue(file.toFile(), new Content(nodes, edges, n.knownKinds(), n.actorClasses(), n.skipped()));
    }

    static Network read(Path file) throws IOException {
        Content c = JSON.readValue(file.toFile(), Content.class);
        List<ActorNode> nodes = c.nodes().stream().map(a -> new ActorNode(a.id(), a.label(), a.type(), a.aliases(), a.classes())).toList();
        List<NetworkEdge> edges = c.edges().stream().map(e -> new NetworkEdge(e.id(), e.source(), e.target(), e.kind(), e.directed(),
                e.from() == null ? null : LocalDate.parse(e.from()), e.until() == null ? null : LocalDate.parse(e.until()),
                e.contested(), e.accordingTo(), e.footnotes(), e.footnoteRefs(), e.sections(), e.record(), e.recordType(), e.label())).toList();
        return new Network(nodes, edges, c.knownKinds(), c.actorClasses(), c.skipped());
    }
}
