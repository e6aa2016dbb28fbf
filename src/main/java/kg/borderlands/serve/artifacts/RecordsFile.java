package kg.borderlands.serve.artifacts;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.SerializationFeature;
import kg.borderlands.Vocab;
import kg.borderlands.serve.ld.Snapshot;
import kg.borderlands.serve.ld.SubjectCache;
import kg.borderlands.serve.search.LabelIndex;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.rdf.model.Resource;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.system.Txn;
import org.apache.jena.vocabulary.SKOS;

import java.io.Closeable;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * {@code records.json} (the catalogue of records, in id order) and the label index made from it, written in one
 * pass: the ids of the records are collected (the subjects of a {@code skos:prefLabel} in the data, links and
 * claimed graphs), sorted, and their entries made a batch at a time ({@link Snapshot#catalogue}, with the
 * {@link SubjectCache} on for the batch only), each written to the file and to the index as it comes. What is
 * held: the ids, and one batch.
 */
final class RecordsFile {
    /** Records per batch. */
    private static final int BATCH = 1_000;
    private static final ObjectWriter WRITER = new ObjectMapper().writer()
            .without(SerializationFeature.FLUSH_AFTER_WRITE_VALUE);
    private static final List<String> AS_DATA = List.of(Vocab.GRAPH_DATA, kg.borderlands.link.Linkset.GRAPH, Vocab.GRAPH_CLAIMED);

    private RecordsFile() {}

    /** Writes the catalogue of the database into {@code file} and its label index into {@code search}. */
    static void write(DatasetGraph dsg, Path file, Path search) throws IOException {
        try {
            Txn.executeRead(dsg, () -> {
                try (Writer w = new Writer(file); LabelIndex.Writer index = LabelIndex.writer(search)) {
                    Snapshot live = Snapshot.live(dsg, Map::of);
                    TreeSet<String> ids = new TreeSet<>();
                    Node label = SKOS.prefLabel.asNode();
                    for (String g : AS_DATA) {
                        dsg.getGraph(NodeFactory.createURI(g)).find(Node.ANY, label, Node.ANY).forEachRemaining(t -> {
                            Node s = t.getSubject();
                            if (s.isURI() && s.getURI().startsWith(Vocab.ID)) ids.add(s.getURI().substring(Vocab.ID.length()));
                        });
                    }
                    Iterator<String> it = ids.iterator();
                    List<Resource> batch = new ArrayList<>(BATCH);
                    while (it.hasNext()) {
                        batch.clear();
                        while (it.hasNext() && batch.size() < BATCH) batch.add(live.data().createResource(Vocab.ID + it.next()));
                        boolean on = SubjectCache.begin();
                        try {
                            for (Snapshot.Entry e : Snapshot.catalogue(live.data(), live.inferred(), live.ontology(), batch).values()) {
                                w.add(e);
                                index.add(e);
                            }
                        } finally {
                            if (on) SubjectCache.end();
                        }
                    }
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
    }

    /** Writes entries, in the order given, as the JSON array {@code records.json} is. */
    static final class Writer implements Closeable {
        private final JsonGenerator g;

        Writer(Path file) throws IOException {
            this.g = new ObjectMapper().getFactory().createGenerator(Files.newOutputStream(file), JsonEncoding.UTF8);
            g.writeStartArray();
        }

        void add(Snapshot.Entry e) throws IOException {
            WRITER.writeValue(g, e);
        }

        @Override
        public void close() throws IOException {
            g.writeEndArray();
            g.close();
        }
    }
}
