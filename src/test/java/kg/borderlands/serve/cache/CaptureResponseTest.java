package kg.borderlands.serve.cache;

import jakarta.servlet.ServletOutputStream;
import jakarta.servlet.WriteListener;
import jakarta.servlet.http.HttpServletResponse;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.lang.reflect.Proxy;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.*;

/** The response wrapper holds at most its limit, then streams; it commits validators exactly once. */
class CaptureResponseTest {
    /** A response that records what reaches it. */
    static final class Recorder {
        final ByteArrayOutputStream sent = new ByteArrayOutputStream();
        final Map<String, String> headers = new LinkedHashMap<>();
        int status = 200;
        boolean committed;

        HttpServletResponse response() {
            ServletOutputStream out = new ServletOutputStream() {
                @Override public void write(int b) { committed = true; sent.write(b); }
                @Override public void write(byte[] b, int off, int len) { committed = true; sent.write(b, off, len); }
                @Override public boolean isReady() { return true; }
                @Override public void setWriteListener(WriteListener l) { }
            };
            return (HttpServletResponse) Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[] {HttpServletResponse.class},
                    (proxy, m, args) -> switch (m.getName()) {
                        case "getOutputStream" -> out;
                        case "getStatus" -> status;
                        case "setStatus" -> { status = (Integer) args[0]; yield null; }
                        case "isCommitted" -> committed;
                        case "setHeader" -> { headers.put((String) args[0], (String) args[1]); yield null; }
                        case "setContentLength" -> { headers.put("Content-Length", args[0].toString()); yield null; }
                        case "setContentLengthLong" -> { headers.put("Content-Length", args[0].toString()); yield null; }
                        case "getCharacterEncoding" -> "utf-8";
                        default -> null;
                    });
        }
    }

    @Test
    void aBodyOverTheLimitIsStreamedAndNeverHeldWhole() throws Exception {
        Recorder r = new Recorder();
        AtomicInteger commits = new AtomicInteger();
        CaptureResponse c = new CaptureResponse(r.response(), 4096, commits::incrementAndGet);
        byte[] chunk = new byte[1000];
        for (int i = 0; i < 4; i++) c.getOutputStream().write(chunk);
        assertEquals(0, r.sent.size(), "4000 bytes fit: nothing sent yet");
        assertFalse(c.streamed());
        c.getOutputStream().write(chunk);
        assertTrue(c.streamed());
        assertEquals(5000, r.sent.size(), "past the limit, what was held went out with the new bytes");
        for (int i = 0; i < 20; i++) c.getOutputStream().write(chunk);
        assertEquals(25_000, r.sent.size());
        assertNull(c.held(), "a streamed answer is not there to be cached");
        assertEquals(1, commits.get());
        assertFalse(r.headers.containsKey("Content-Length"), "length unknown when streaming started");
    }

    @Test
    void aBodyWithinTheLimitIsHeldThenReleasedWithItsLength() throws Exception {
        Recorder r = new Recorder();
        AtomicInteger commits = new AtomicInteger();
        CaptureResponse c = new CaptureResponse(r.response(), 4096, commits::incrementAndGet);
        c.setContentLength(999_999);   // a servlet's own length is replaced by the real one
        c.getWriter().write("héllo");
        byte[] body = c.held();
        assertArrayEquals("héllo".getBytes(java.nio.charset.StandardCharsets.UTF_8), body);
        assertEquals(0, r.sent.size());
        c.release(body);
        assertEquals("6", r.headers.get("Content-Length"));
        assertEquals("héllo", r.sent.toString(java.nio.charset.StandardCharsets.UTF_8));
        assertEquals(1, commits.get());
    }

    @Test
    void resetDiscardsWhatWasHeld() throws Exception {
        Recorder r = new Recorder();
        CaptureResponse c = new CaptureResponse(r.response(), 4096, () -> { });
        c.getOutputStream().write(new byte[100]);
        c.resetBuffer();
        c.getOutputStream().write(new byte[7]);
        assertEquals(7, c.held().length);
    }

    @Test
    void withLimitZeroEveryByteGoesStraightThrough() throws Exception {
        Recorder r = new Recorder();
        CaptureResponse c = new CaptureResponse(r.response(), 0, () -> { });
        c.getOutputStream().write(new byte[] {1});
        assertEquals(1, r.sent.size());
        assertTrue(c.streamed());
    }
}
