package kg.borderlands.serve.hardening;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * Sends raw bytes as an HTTP request over a fresh socket and reads the whole answer: the fuzz tests need to
 * send what no HTTP client library would (invalid UTF-8 in the request line, broken chunking, bogus headers).
 */
final class RawHttp {
    /** An answer; status -1 means the server closed without answering, -2 that it did not answer in time. */
    record Answer(int status, Map<String, String> headers, String body, long millis) {
        String header(String name) {
            return headers.get(name.toLowerCase(Locale.ROOT));
        }
    }

    private RawHttp() {}

    static Answer send(int port, byte[] request, int timeoutMillis) throws IOException {
        long t0 = System.nanoTime();
        try (Socket s = new Socket("127.0.0.1", port)) {
            s.setSoTimeout(timeoutMillis);
            OutputStream out = s.getOutputStream();
            try {
                out.write(request);
                out.flush();
                s.shutdownOutput();
            } catch (IOException e) {
                // the server may close early (e.g. after a 413): read what it said
            }
            ByteArrayOutputStream buf = new ByteArrayOutputStream();
            InputStream in = s.getInputStream();
            byte[] b = new byte[8192];
            try {
                for (int n; (n = in.read(b)) > 0; ) buf.write(b, 0, n);
            } catch (SocketTimeoutException e) {
                return new Answer(-2, Map.of(), buf.toString(StandardCharsets.UTF_8), ms(t0));
            } catch (IOException e) {
                if (buf.size() == 0) return new Answer(-1, Map.of(), "", ms(t0));
            }
            return parse(buf.toByteArray(), ms(t0));
        }
    }

    static Answer send(int port, String request, int timeoutMillis) throws IOException {
        return send(port, request.getBytes(StandardCharsets.ISO_8859_1), timeoutMillis);
    }

    private static long ms(long t0) {
        return (System.nanoTime() - t0) / 1_000_000;
    }

    private static Answer parse(byte[] raw, long millis) {
        String all = new String(raw, StandardCharsets.ISO_8859_1);
        int end = all.indexOf("\r\n\r\n");
        if (!all.startsWith("HTTP/") || end < 0) return new Answer(-1, Map.of(), all, millis);
        String[] lines = all.substring(0, end).split("\r\n");
        int status = Integer.parseInt(lines[0].split(" ")[1]);
        Map<String, String> headers = new LinkedHashMap<>();
        for (int i = 1; i < lines.length; i++) {
            int c = lines[i].indexOf(':');
            if (c > 0) headers.merge(lines[i].substring(0, c).trim().toLowerCase(Locale.ROOT), lines[i].substring(c + 1).trim(),
                    (a, b) -> a + ", " + b);
        }
        byte[] body = java.util.Arrays.copyOfRange(raw, end + 4, raw.length);
        if ("chunked".equalsIgnoreCase(headers.get("transfer-encoding"))) body = dechunk(body);
        return new Answer(status, headers, new String(body, StandardCharsets.UTF_8), millis);
    }

    private static byte[] dechunk(byte[] body) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int i = 0;
        try {
            while (i < body.length) {
                int eol = indexOf(body, i);
                if (eol < 0) break;
                int size = Integer.parseInt(new String(body, i, eol - i, StandardCharsets.ISO_8859_1).split(";")[0].trim(), 16);
                if (size == 0) break;
                out.write(body, eol + 2, size);
                i = eol + 2 + size + 2;
            }
        } catch (RuntimeException e) {
            return body;
        }
        return out.toByteArray();
    }

    private static int indexOf(byte[] b, int from) {
        for (int i = from; i + 1 < b.length; i++) if (b[i] == '\r' && b[i + 1] == '\n') return i;
        return -1;
    }
}
