package kg.borderlands.load;

import org.apache.jena.atlas.io.AWriterBase;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.Triple;
import org.apache.jena.riot.out.NodeFormatter;
import org.apache.jena.riot.out.NodeFormatterNT;
import org.apache.jena.riot.system.StreamRDFBase;
import org.apache.jena.atlas.lib.CharSpace;
import org.apache.jena.sparql.core.Quad;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.zip.Deflater;
import java.util.zip.GZIPOutputStream;

/**
 * N-Quads lines, byte for byte as Jena's streaming N-Quads writer writes them ({@code WriterStreamRDFPlain} with
 * {@link NodeFormatterNT} in UTF-8: {@code s p o [g] .}, the graph left out for the default graph), but each
 * distinct node is formatted by Jena's formatter only once per stream and the lines are encoded straight into a
 * byte buffer. A unit's quads repeat their nodes many times (every quad names its graph; the data and inferred
 * triples are written twice, in their graph and in the default graph), so most nodes are a look-up. Writes go
 * to {@code out} in 64 kB blocks; {@link #finish()} writes the rest (it does not close {@code out}). An
 * {@link IOException} of {@code out} is thrown as an {@link UncheckedIOException}.
 */
final class NQuadsOut extends StreamRDFBase {
    /** Formatted nodes remembered (then forgotten all at once): bounds the memory of a large unit. */
    private static final int MEMO_ENTRIES = 1 << 16;
    /** Longer nodes (paragraph texts) are formatted each time: they are rarely repeated more than twice. */
    private static final int MEMO_MAX_BYTES = 256;
    private static final byte[] SPACE = {' '};
    private static final byte[] END = {' ', '.', '\n'};

    private final OutputStream out;
    private final byte[] buf = new byte[1 << 16];
    private int pos;
    private final NodeFormatter format = new NodeFormatterNT(CharSpace.UTF8);
    private final StringOut text = new StringOut();
    private final Map<Node, byte[]> memo = new HashMap<>();

    NQuadsOut(OutputStream out) {
        this.out = Objects.requireNonNull(out, "out");
    }

    /** A gzip member written at {@link Deflater#BEST_SPEED} (docs/store.md, "The unit cache"): closes {@code out}. */
    static GZIPOutputStream gzip(OutputStream out) throws IOException {
        return new GZIPOutputStream(out, 1 << 16) {
            {
                def.setLevel(Deflater.BEST_SPEED);
            }
        };
    }

    @Override
    public void triple(Triple t) {
        node(t.getSubject());
        put(SPACE);
        node(t.getPredicate());
        put(SPACE);
        node(t.getObject());
        put(END);
    }

    @Override
    public void quad(Quad q) {
        Node g = q.getGraph();
        node(q.getSubject());
        put(SPACE);
        node(q.getPredicate());
        put(SPACE);
        node(q.getObject());
        if (g != null && g != Quad.tripleInQuad && !Quad.isDefaultGraph(g)) {
            put(SPACE);
            node(g);
        }
        put(END);
    }

    @Override
    public void finish() {
        try {
            out.write(buf, 0, pos);
            pos = 0;
            out.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void node(Node n) {
        byte[] b = memo.get(n);
        if (b == null) {
            text.sb.setLength(0);
            format.format(text, n);
            b = text.sb.toString().getBytes(StandardCharsets.UTF_8);
            if (b.length <= MEMO_MAX_BYTES) {
                if (memo.size() >= MEMO_ENTRIES) memo.clear();
                memo.put(n, b);
            }
        }
        put(b);
    }

    private void put(byte[] b) {
        if (b.length > buf.length - pos) {
            try {
                out.write(buf, 0, pos);
                pos = 0;
                if (b.length > buf.length) {
                    out.write(b);
                    return;
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        System.arraycopy(b, 0, buf, pos, b.length);
        pos += b.length;
    }

    /** Jena's formatter writes into this. */
    private static final class StringOut extends AWriterBase {
        final StringBuilder sb = new StringBuilder();

        @Override public void print(char ch) { sb.append(ch); }
        @Override public void print(char[] cbuf) { sb.append(cbuf); }
        @Override public void print(String s) { sb.append(s); }
        @Override public void printf(String fmt, Object... args) { sb.append(String.format(fmt, args)); }
        @Override public void println(String s) { sb.append(s).append('\n'); }
        @Override public void println() { sb.append('\n'); }
        @Override public void flush() {}
        @Override public void close() {}
    }
}
