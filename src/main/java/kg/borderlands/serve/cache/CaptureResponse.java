package kg.borderlands.serve.cache;

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
 * Keeps the first {@code limit} bytes of an answer in memory so that a complete answer can be stored; the
 * moment the body outgrows the limit it switches to streaming: the validators are set, what was held is
 * written and the rest goes straight through. With a limit of 0 nothing is held at all. Headers and status go
 * straight to the wrapped response (it is not committed while bytes are held); {@code Content-Length} is held
 * back and set when the length is known. Just before anything is committed, {@code beforeCommit} runs: the
 * filter adds the ETag and {@code Cache-Control} there if the status is 200.
 */
final class CaptureResponse extends HttpServletResponseWrapper {
    private final int limit;
    private final Runnable beforeCommit;
    private ByteArrayOutputStream held = new ByteArrayOutputStream(1024);
    private boolean streaming;
    private long declaredLength = -1;
    private ServletOutputStream out;
    private PrintWriter writer;

    CaptureResponse(HttpServletResponse resp, int limit, Runnable beforeCommit) {
        super(resp);
        this.limit = limit;
        this.beforeCommit = beforeCommit;
    }

    /** True once the answer outgrew the limit and went out as a stream. */
    boolean streamed() {
        return streaming;
    }

    private void write(byte[] b, int off, int len) throws IOException {
        if (!streaming) {
            if (held.size() + (long) len <= limit) {
                held.write(b, off, len);
                return;
            }
            startStreaming();
        }
        super.getOutputStream().write(b, off, len);
    }

    private void startStreaming() throws IOException {
        streaming = true;
        beforeCommit.run();
        if (declaredLength >= 0) super.setContentLengthLong(declaredLength);
        ServletOutputStream real = super.getOutputStream();
        if (held.size() > 0) held.writeTo(real);
        held = null;
    }

    /**
     * Called once the chain has returned: the answer if it was held whole and nothing was committed
     * ({@code sendError} commits), else null (it went out already). Send it with {@link #release(byte[])}.
     */
    byte[] held() {
        if (writer != null) writer.flush();
        if (streaming || super.isCommitted()) return null;
        return held.toByteArray();
    }

    /** Sends a held answer: validators, length, body. */
    void release(byte[] body) throws IOException {
        beforeCommit.run();
        if (body.length > 0 || declaredLength < 0) super.setContentLength(body.length);
        else super.setContentLengthLong(declaredLength);   // HEAD: the container counted the body it dropped
        if (body.length > 0) super.getOutputStream().write(body);
    }

    @Override
    public ServletOutputStream getOutputStream() {
        if (writer != null) throw new IllegalStateException("getWriter() already called");
        if (out == null) out = new Stream();
        return out;
    }

    @Override
    public PrintWriter getWriter() {
        if (out != null && writer == null) throw new IllegalStateException("getOutputStream() already called");
        if (writer == null) {
            Stream s = new Stream();
            String enc = getCharacterEncoding();
            Charset cs = enc == null ? StandardCharsets.ISO_8859_1 : Charset.forName(enc);
            writer = new PrintWriter(new OutputStreamWriter(s, cs));
            out = s;
        }
        return writer;
    }

    @Override
    public void flushBuffer() throws IOException {
        if (writer != null) writer.flush();
        if (streaming) super.flushBuffer();
    }

    @Override
    public void reset() {
        super.reset();
        discard();
        out = null;
        writer = null;
    }

    @Override
    public void resetBuffer() {
        super.resetBuffer();
        discard();
    }

    private void discard() {
        if (!streaming) held.reset();
        declaredLength = -1;
    }

    @Override
    public void setContentLength(int len) {
        setContentLengthLong(len);
    }

    @Override
    public void setContentLengthLong(long len) {
        if (streaming) super.setContentLengthLong(len);
        else declaredLength = len;
    }

    @Override
    public void setHeader(String name, String value) {
        if ("Content-Length".equalsIgnoreCase(name) && !streaming) declaredLength = value == null ? -1 : Long.parseLong(value.trim());
        else super.setHeader(name, value);
    }

    @Override
    public void addHeader(String name, String value) {
        if ("Content-Length".equalsIgnoreCase(name) && !streaming) declaredLength = Long.parseLong(value.trim());
        else super.addHeader(name, value);
    }

    @Override
    public void setIntHeader(String name, int value) {
        if ("Content-Length".equalsIgnoreCase(name) && !streaming) declaredLength = value;
        else super.setIntHeader(name, value);
    }

    private final class Stream extends ServletOutputStream {
        @Override
        public void write(int b) throws IOException {
            CaptureResponse.this.write(new byte[] {(byte) b}, 0, 1);
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            CaptureResponse.this.write(b, off, len);
        }

        @Override
        public void flush() throws IOException {
            if (streaming) CaptureResponse.super.getOutputStream().flush();
        }

        @Override
        public void close() throws IOException {
            if (streaming) CaptureResponse.super.getOutputStream().close();
        }

        @Override
        public boolean isReady() {
            return true;
        }

        @Override
        public void setWriteListener(WriteListener listener) {
            throw new IllegalStateException("asynchronous writes are not supported on a cached surface");
        }
    }
}
