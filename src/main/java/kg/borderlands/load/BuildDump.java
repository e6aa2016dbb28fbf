package kg.borderlands.load;

import kg.borderlands.Vocab;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFFormat;
import org.apache.jena.riot.RDFParser;
import org.apache.jena.riot.system.StreamRDF;
import org.apache.jena.riot.system.StreamRDFWriter;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.DatasetGraphFactory;
import org.apache.jena.sparql.core.Quad;
import org.apache.jena.system.Txn;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;

/**
 * The immutable N-Quads dump of a build, {@code dump.nq.gz}: the named graphs and the default ("truthy") graph, written when the build is
 * made and covered by the manifest's checksums. Read commands load it into memory (about 22,000 quads), so
 * they never need the TDB2 database, its lock, or write access to the store.
 */
public final class BuildDump {
    public static final String FILE = "dump.nq.gz";

    private BuildDump() {}

    /** Writes the graphs of {@code graphs}, its data graph split as {@code split}, to {@code build/dump.nq.gz}. */
    static void write(Path build, BuiltGraphs graphs, kg.borderlands.link.Linkset.Split split) throws IOException {
        try (OutputStream os = new GZIPOutputStream(new BufferedOutputStream(Files.newOutputStream(build.resolve(FILE))))) {
            StreamRDF out = StreamRDFWriter.getWriterStream(os, RDFFormat.NQUADS);
            out.start();
            emit(out, Vocab.GRAPH_ONTOLOGY, graphs.ontology().getGraph());
            emit(out, Vocab.GRAPH_DATA, split.data());
            emit(out, kg.borderlands.link.Linkset.GRAPH, split.links());
            emit(out, Vocab.GRAPH_INFERRED, graphs.inferred().getGraph());
            emit(out, Vocab.GRAPH_CLAIMED, graphs.claimed().getGraph());
            emit(out, kg.borderlands.link.VoidDescription.GRAPH, graphs.voidDescription().getGraph());
            graphs.sources().forEach((name, g) -> emit(out, name, g.getGraph()));
            // the default ("truthy") graph, as stored in the TDB2 database: established content and VoID
            graphs.union().getGraph().find().forEachRemaining(t -> out.quad(Quad.create(Quad.defaultGraphIRI, t)));
            graphs.voidDescription().getGraph().find().forEachRemaining(t -> out.quad(Quad.create(Quad.defaultGraphIRI, t)));
            out.finish();
        }
    }

    private static void emit(StreamRDF out, String graphName, Graph g) {
        var name = NodeFactory.createURI(graphName);
        g.find().forEachRemaining(t -> out.quad(Quad.create(name, t)));
    }

    /**
     * An in-memory dataset holding the dump of {@code build}, with the same prefixes and the same default
     * graph (the established graph, not the union of the named graphs) as the TDB2 database of the build. The caller has verified the build.
     * (Jena's general in-memory dataset: loading it takes a third of the time of the transactional in-memory
     * dataset, and an in-memory TDB2 one takes seconds. It is never written after this.)
     */
    static DatasetGraph read(Path build) throws IOException {
        DatasetGraph dsg = DatasetGraphFactory.create();
        try (InputStream in = new GZIPInputStream(new BufferedInputStream(Files.newInputStream(build.resolve(FILE)), 1 << 16))) {
            Txn.executeWrite(dsg, () -> {
                RDFParser.source(in).lang(Lang.NQUADS).parse(dsg);
                dsg.prefixes().putAll(Vocab.prefixes());
            });
        }
        return dsg;
    }
}
