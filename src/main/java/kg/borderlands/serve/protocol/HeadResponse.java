package kg.borderlands.serve.protocol;

import jakarta.servlet.ServletOutputStream;
import jakarta.servlet.WriteListener;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;

import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;

/**
 * HEAD done as the servlet specification does it for {@code HttpServlet}: the request is handled as a GET and the
 * body is counted, not sent; the response carries the headers and the {@code Content-Length} the GET would have.
 */
final class HeadResponse extends HttpServletResponseWrapper {
    private final ServletOutputStream counter = new ServletOutputStream() {
        @Override
        public void write(int b) {
            length++;
        }

        @Override
        public void write(byte[] b, int off, int len) {
            length += len;
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
    private long length;
    private PrintWriter writer;

    HeadResponse(HttpServletResponse response) {
        super(response);
    }

    /** The request seen as a GET. */
    static HttpServletRequest asGet(HttpServletRequest request) {
        return new HttpServletRequestWrapper(request) {
            @Override
            public String getMethod() {
                return "GET";
            }
        };
    }

    @Override
    public ServletOutputStream getOutputStream() {
        return counter;
    }

    @Override
    public PrintWriter getWriter() {
        if (writer == null) {
            String enc = getCharacterEncoding();
            Charset cs = enc == null ? StandardCharsets.ISO_8859_1 : Charset.forName(enc);
            writer = new PrintWriter(new OutputStreamWriter(counter, cs));
        }
        return writer;
    }

    @Override
    public void flushBuffer() {
        if (writer != null) writer.flush();
    }

    @Override
    public void setContentLength(int len) {
        // the length is the one counted
    }

    @Override
    public void setContentLengthLong(long len) {
        // the length is the one counted
    }

    /** Sets the counted length; call once the GET handling has returned. */
    void finish() {
        if (writer != null) writer.flush();
        if (!getResponse().isCommitted()) getResponse().setContentLengthLong(length);
    }
}
