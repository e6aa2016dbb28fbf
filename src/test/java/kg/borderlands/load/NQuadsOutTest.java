package kg.borderlands.load;

import org.apache.jena.datatypes.xsd.XSDDatatype;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.graph.Triple;
import org.apache.jena.riot.RDFFormat;
import org.apache.jena.riot.system.StreamRDF;
import org.apache.jena.riot.system.StreamRDFWriter;
import org.apache.jena.sparql.core.Quad;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.GZIPInputStream;

import static org.junit.jupiter.api.Assertions.*;

/**
 * The unit cache's N-Quads writer against Jena's streaming N-Quads writer, which it must match byte for byte (the
 * dump is the concatenation of the cached members): escapes, non-ASCII text, language tags, datatypes, blank
 * nodes, IRIs with characters N-Quads escapes, the default graph, long literals (not remembered) and nodes
 * repeated past the memo's bound.
 */
class NQuadsOutTest {
    private static final Node G = NodeFactory.createURI("https://example.org/graph/data");

    @Test
    void writesWhatJenasWriterWritesByteForByte() throws Exception {
        List<Quad> quads = quads();
        ByteArrayOutputStream jena = new ByteArrayOutputStream();
        StreamRDF w = StreamRDFWriter.getWriterStream(jena, RDFFormat.NQUADS);
        w.start();
        quads.forEach(w::quad);
        w.triple(quads.get(0).asTriple());
        w.finish();

        ByteArrayOutputStream ours = new ByteArrayOutputStream();
        NQuadsOut o = new NQuadsOut(ours);
        o.start();
        quads.forEach(o::quad);
        o.triple(quads.get(0).asTriple());
        o.finish();

        assertTrue(jena.size() > 1 << 17, "more than two buffers' worth: " + jena.size());
        assertEquals(jena.toString(StandardCharsets.UTF_8), ours.toString(StandardCharsets.UTF_8));
        assertArrayEquals(jena.toByteArray(), ours.toByteArray());
    }

    @Test
    void gzipMemberInflatesToTheSameLines() throws Exception {
        List<Quad> quads = quads();
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (var gz = NQuadsOut.gzip(bytes)) {
            NQuadsOut o = new NQuadsOut(gz);
            quads.forEach(o::quad);
            o.finish();
        }
        ByteArrayOutputStream plain = new ByteArrayOutputStream();
        NQuadsOut o = new NQuadsOut(plain);
        quads.forEach(o::quad);
        o.finish();
        byte[] inflated = new GZIPInputStream(new ByteArrayInputStream(bytes.toByteArray())).readAllBytes();
        assertArrayEquals(plain.toByteArray(), inflated);
        assertTrue(bytes.size() < inflated.length / 4, "compressed: " + bytes.size() + " of " + inflated.length);
    }

    private static List<Quad> quads() {
        List<Node> objects = List.of(
                NodeFactory.createLiteralString("plain"),
                NodeFactory.createLiteralString("quote \" backslash \\ newline \n return \r tab \t end"),
                NodeFactory.createLiteralString("Khyber Pakhtunkhwa — خیبر پښتونخوا, emoji \uD83D\uDE00"),
                NodeFactory.createLiteralLang("Pakistan", "en"),
                NodeFactory.createLiteralLang("Pakistán", "es-ES"),
                NodeFactory.createLiteralDT("2026-02-27", XSDDatatype.XSDdate),
                NodeFactory.createLiteralDT("42", XSDDatatype.XSDinteger),
                NodeFactory.createLiteralDT("0042", XSDDatatype.XSDinteger),
                NodeFactory.createLiteralDT("x", NodeFactory.getType("https://example.org/dt#custom")),
                NodeFactory.createLiteralString("long ".repeat(200)),
                NodeFactory.createBlankNode("b0"),
                NodeFactory.createBlankNode("label-with.dots_and-dashes"),
                NodeFactory.createURI("https://example.org/id/ä?q=1#frag"),
                NodeFactory.createURI("https://example.org/id/with space\"and<bad>{chars}|^`\\"),
                NodeFactory.createURI("urn:x:é"));
        Node p = NodeFactory.createURI("https://example.org/def/p");
        List<Quad> quads = new ArrayList<>();
        // more distinct nodes than the memo holds, each twice (remembered, forgotten, formatted again)
        for (int i = 0; i < 70_000; i++) {
            Node s = NodeFactory.createURI("https://example.org/id/s" + i);
            Node o = objects.get(i % objects.size());
            quads.add(Quad.create(G, s, p, o));
            quads.add(Quad.create(Quad.defaultGraphIRI, Triple.create(s, p, o)));
        }
        for (int i = 0; i < 70_000; i += 7) {
            quads.add(Quad.create(G, NodeFactory.createURI("https://example.org/id/s" + i), p, objects.get(i % objects.size())));
        }
        quads.add(Quad.create(Quad.defaultGraphNodeGenerated, NodeFactory.createBlankNode("b1"), p, G));
        return quads;
    }
}
