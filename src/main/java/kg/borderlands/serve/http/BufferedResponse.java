package kg.borderlands.serve.http;

import jakarta.servlet.ServletOutputStream;
import jakarta.servlet.WriteListener;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;

/**
 * Holds a response body in memory, up to a cap, so that the status is decided only when the query has
 * finished: a result that times out, is cancelled or grows past the cap is replaced by a clean error instead
 * of a 200 with a cut body. {@code sendError} is recorded, not sent. Writing past the cap throws
 * {@link Overflow} (an {@code IOException}, which the query engine treats as a broken connection).
 */
final class BufferedResponse extends HttpServletResponseWrapper {
    /** The body outgrew the cap. */
    static final class Overflow extends IOException {
        Overflow() {
            super("result over the size cap");
        }
    }

    private final long cap;
    private final ByteArrayOutputStream body = new ByteArrayOutputStream(8192);
    private boolean overflowed;
    private int status = 200;
    private String errorMessage;
    private ServletOutputStream out;
    private PrintWriter writer;

    BufferedResponse(HttpServletResponse resp, long cap) {
        super(resp);
        this.cap = cap;
    }

    boolean overflowed() {
        return overflowed;
    }

    @Override
    public int getStatus() {
        return status;
    }

    /** The message of a recorded {@code sendError}, or null. */
    String errorMessage() {
        return errorMessage;
    }

    byte[] body() {
        if (writer != null) writer.flush();
        return body.toByteArray();
    }

    /** The length of the body held. */
    int size() {
        if (writer != null) writer.flush();
        return body.size();
    }

    /** Writes the body held to {@code out} (without copying it first). */
    void writeBodyTo(java.io.OutputStream out) throws IOException {
        if (writer != null) writer.flush();
        body.writeTo(out);
    }

    @Override
    public void setStatus(int sc) {
        status = sc;
    }

    @Override
    public void sendError(int sc, String msg) {
        status = sc;
        errorMessage = msg;
    }

    @Override
    public void sendError(int sc) {
        sendError(sc, null);
    }

    @Override
    public void setContentLength(int len) {
        // decided when the body is released
    }

    @Override
    public void setContentLengthLong(long len) {
        // decided when the body is released
    }

    @Override
    public void flushBuffer() {
        // nothing leaves before the query is done
    }

    @Override
    public boolean isCommitted() {
        return false;
    }

    @Override
    public void resetBuffer() {
        body.reset();
    }

    @Override
    public void reset() {
        body.reset();
        status = 200;
        errorMessage = null;
        super.reset();
    }

    @Override
    public ServletOutputStream getOutputStream() {
        if (out == null) {
            out = new ServletOutputStream() {
                @Override
                public void write(int b) throws IOException {
                    room(1);
                    body.write(b);
                }

                @Override
                public void write(byte[] b, int off, int len) throws IOException {
                    room(len);
                    body.write(b, off, len);
                }

                @Override
                public boolean isReady() {
                    return true;
                }

                @Override
                public void setWriteListener(WriteListener listener) {
                    throw new UnsupportedOperationException("blocking only");
                }
            };
        }
        return out;
    }

    @Override
    public PrintWriter getWriter() {
        if (writer == null) {
            String enc = getCharacterEncoding();
            Charset cs = enc == null ? StandardCharsets.UTF_8 : Charset.forName(enc);
            writer = new PrintWriter(new OutputStreamWriter(getOutputStream(), cs));
        }
        return writer;
    }

    private void room(int n) throws Overflow {
        if (overflowed || body.size() + (long) n > cap) {
            overflowed = true;
            throw new Overflow();
        }
    }
}
