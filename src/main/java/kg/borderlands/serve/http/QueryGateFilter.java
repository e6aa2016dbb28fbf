package kg.borderlands.serve.http;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import kg.borderlands.serve.ServeLimits;
import kg.borderlands.serve.guard.ParsedQueries;
import kg.borderlands.serve.guard.QueryGate;
import kg.borderlands.serve.guard.QueryTicket;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * Guards the SPARQL dataset ({@code /kg/*}): checks the query text ({@link QueryText}), admits the request
 * through the {@link QueryGate} (503 + {@code Retry-After} when saturated), buffers the answer up to the result
 * cap ({@link BufferedResponse}) and only then decides the status:
 * <ul>
 *   <li>refused by the server (SERVICE not allowed, no heavy slot): that problem (403, 503);</li>
 *   <li>result over the cap: 422 {@code BKG-E111}; cancelled by the timeout: 503 {@code BKG-E113};</li>
 *   <li>any other 5xx: 500 "internal error", details in the log; a 4xx keeps Fuseki's message, cleaned of
 *       class names and paths;</li>
 *   <li>otherwise the buffered body, with its exact {@code Content-Length}.</li>
 * </ul>
 * Buffering costs at most {@code maxResultBytes} per running query (× {@code maxQueries} in all) and is what
 * guarantees that a 200 always carries a complete result.
 */
public final class QueryGateFilter extends HttpFilter {
    private static final Logger LOG = LoggerFactory.getLogger(QueryGateFilter.class);
    private static final Pattern CLASS_NAME = Pattern.compile("\\b(?:[A-Za-z_$][\\w$]*\\.){2,}[A-Z][\\w$]*\\b");
    private static final Pattern FILE_PATH = Pattern.compile("(?<![\\w:/])/(?:home|work|tmp|root|usr|var|opt|etc|srv)/\\S*");
    private static final int MAX_MESSAGE = 2000;

    private final ServeLimits limits;
    private final QueryGate gate;

    public QueryGateFilter(ServeLimits limits, QueryGate gate) {
        this.limits = Objects.requireNonNull(limits, "limits");
        this.gate = Objects.requireNonNull(gate, "gate");
    }

    @Override
    protected void doFilter(HttpServletRequest req, HttpServletResponse resp, FilterChain chain)
            throws IOException, ServletException {
        HttpServletRequest request = req;
        String query;
        String type = req.getContentType() == null ? "" : req.getContentType().toLowerCase(Locale.ROOT);
        if ("POST".equals(req.getMethod()) && type.startsWith("application/sparql-query")) {
            byte[] bytes = req.getInputStream().readNBytes((int) Math.min(Integer.MAX_VALUE - 8, limits.maxRequestBytes() + 1));
            if (bytes.length > limits.maxRequestBytes()) {
                new HttpProblem(413, HttpProblem.TOO_LARGE, "request body over the limit of " + limits.maxRequestBytes() + " bytes").send(resp);
                return;
            }
            try {
                query = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                        .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString();
            } catch (CharacterCodingException e) {
                HttpProblem.malformed("the query is not valid UTF-8").send(resp);
                return;
            }
            request = new ReplayRequest(req, bytes);
        } else {
            query = req.getParameter("query");
            // HEAD is GET without the body (Jetty drops the body of a HEAD answer): the same status and headers
            if ("HEAD".equals(req.getMethod())) request = new HttpServletRequestWrapper(req) {
                @Override
                public String getMethod() {
                    return "GET";
                }
            };
        }
        try {
            admit(req, request, resp, chain, query);
        } finally {
            ParsedQueries.clear();   // the query the check parsed, if Fuseki did not take it
        }
    }

    private void admit(HttpServletRequest req, HttpServletRequest request, HttpServletResponse resp, FilterChain chain,
                       String query) throws IOException {
        QueryText.Verdict verdict = QueryText.check(query, limits.maxQueryChars(), limits.maxNesting());
        if (verdict.problem() != null) {
            verdict.problem().send(resp);
            return;
        }
        QueryTicket ticket = gate.enter(query);
        if (ticket == null) {
            busy(resp, new HttpProblem(503, HttpProblem.BUSY, "too many queries at once: retry in " + gate.retryAfterSeconds() + " s"));
            return;
        }
        ticket.shape(verdict.shape());
        BufferedResponse buffered = new BufferedResponse(resp, limits.maxResultBytes());
        Throwable failure = null;
        try {
            chain.doFilter(request, buffered);
        } catch (StackOverflowError e) {
            ticket.refuse(HttpProblem.malformed("query too deeply nested to evaluate"));
        } catch (RuntimeException | IOException | ServletException e) {
            failure = e;
        } finally {
            gate.exit(ticket);
        }
        finish(req, resp, ticket, buffered, failure);
    }

    private void finish(HttpServletRequest req, HttpServletResponse resp, QueryTicket ticket, BufferedResponse buffered,
                        Throwable failure) throws IOException {
        HttpProblem p = ticket.problem();
        if (p != null) {
            if (p.status() == 503) busy(resp, p);
            else p.send(resp);
            return;
        }
        if (buffered.overflowed()) {
            new HttpProblem(422, HttpProblem.RESULT_TOO_LARGE, "the result is larger than the cap of "
                    + limits.maxResultBytes() / 1024 + " KiB: add LIMIT or narrow the query").send(resp);
            return;
        }
        int status = buffered.getStatus();
        if (ticket.cancelled() || status == 503) {
            new HttpProblem(503, HttpProblem.TIMEOUT, "query cancelled: it ran past the timeout of "
                    + limits.timeoutMillis() / 1000.0 + " s").send(resp);
            return;
        }
        if (status == 502 || status == 504) {
            new HttpProblem(status, HttpProblem.REMOTE, "an allowed SERVICE endpoint failed or did not answer").send(resp);
            return;
        }
        if (failure != null || status >= 500) {
            LOG.warn("{} {} failed with {}: {}", req.getMethod(), req.getRequestURI(), status,
                    failure != null ? failure.toString() : message(buffered), failure);
            ErrorMappingFilter.problemFor(failure).send(resp);
            return;
        }
        if (status >= 400) {
            new HttpProblem(status, status == 415 ? HttpProblem.UNSUPPORTED : status == 405 ? HttpProblem.METHOD
                    : status == 404 ? "BKG-E103" : HttpProblem.MALFORMED, clean(message(buffered))).send(resp);
            return;
        }
        resp.setStatus(status);
        resp.setContentLength(buffered.size());
        buffered.writeBodyTo(resp.getOutputStream());
    }

    private void busy(HttpServletResponse resp, HttpProblem p) throws IOException {
        resp.setHeader("Retry-After", Integer.toString(gate.retryAfterSeconds()));
        p.send(resp);
    }

    private static String message(BufferedResponse r) {
        String m = new String(r.body(), StandardCharsets.UTF_8).strip();
        if (m.isEmpty() && r.errorMessage() != null) m = r.errorMessage();
        return m.isEmpty() ? "bad request" : m;
    }

    /** The message without Java class names or file paths, on at most 2,000 characters. */
    static String clean(String m) {
        String s = FILE_PATH.matcher(CLASS_NAME.matcher(m).replaceAll("error")).replaceAll("(path)");
        return s.length() > MAX_MESSAGE ? s.substring(0, MAX_MESSAGE) + " …" : s;
    }

    /** The request with a body that was read already. */
    private static final class ReplayRequest extends HttpServletRequestWrapper {
        private final byte[] body;

        ReplayRequest(HttpServletRequest req, byte[] body) {
            super(req);
            this.body = body;
        }

        @Override
        public ServletInputStream getInputStream() {
            InputStream in = new ByteArrayInputStream(body);
            return new ServletInputStream() {
                @Override
                public int read() throws IOException {
                    return in.read();
                }

                @Override
                public int read(byte[] b, int off, int len) throws IOException {
                    return in.read(b, off, len);
                }

                @Override
                public boolean isFinished() {
                    return false;
                }

                @Override
                public boolean isReady() {
                    return true;
                }

                @Override
                public void setReadListener(ReadListener listener) {
                    throw new UnsupportedOperationException("blocking only");
                }
            };
        }

        @Override
        public BufferedReader getReader() {
            return new BufferedReader(new InputStreamReader(getInputStream(), StandardCharsets.UTF_8));
        }

        @Override
        public int getContentLength() {
            return body.length;
        }

        @Override
        public long getContentLengthLong() {
            return body.length;
        }
    }
}
