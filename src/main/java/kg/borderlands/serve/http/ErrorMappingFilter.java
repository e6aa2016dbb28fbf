package kg.borderlands.serve.http;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.eclipse.jetty.http.HttpException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;

/**
 * The outermost filter: whatever escapes the servlets becomes a short plain answer. A bad message found by
 * Jetty while decoding parameters (invalid UTF-8, a form over the size limit) keeps its 4xx status; a stack
 * overflow (a query nested beyond what the parser can follow) is a 400; anything else is a 500 whose body
 * says only "internal error" — the exception and its stack go to the server log, never to the client.
 */
public final class ErrorMappingFilter extends HttpFilter {
    private static final Logger LOG = LoggerFactory.getLogger(ErrorMappingFilter.class);

    @Override
    protected void doFilter(HttpServletRequest req, HttpServletResponse resp, FilterChain chain)
            throws IOException, ServletException {
        try {
            chain.doFilter(req, resp);
        } catch (StackOverflowError e) {
            HttpProblem.malformed("request nested too deeply").send(resp);
        } catch (RuntimeException | ServletException | IOException e) {
            if (resp.isCommitted()) {   // typically the client went away mid-answer: nothing left to tell it
                LOG.debug("{} {} ended after the answer started: {}", req.getMethod(), req.getRequestURI(), e.toString());
                return;
            }
            HttpProblem p = problemFor(e);
            if (p.status() >= 500) LOG.warn("{} {} failed", req.getMethod(), req.getRequestURI(), e);
            p.send(resp);
        }
    }

    /** The client-facing problem for an exception (walks the causes for a Jetty bad-message status). */
    static HttpProblem problemFor(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            // a body over the limit, found while Jetty parsed a form, arrives wrapped in a 400
            if (t instanceof HttpException he && he.getCode() == 413)
                return new HttpProblem(413, HttpProblem.TOO_LARGE, "request body too large");
        }
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof HttpException he && he.getCode() >= 400 && he.getCode() < 500) {
                int code = he.getCode();
                if (code == 413) return new HttpProblem(413, HttpProblem.TOO_LARGE, "request body too large");
                if (code == 415) return new HttpProblem(415, HttpProblem.UNSUPPORTED, "unsupported content type or encoding");
                return new HttpProblem(code, HttpProblem.MALFORMED, "malformed request");
            }
            if (t instanceof StackOverflowError) return HttpProblem.malformed("request nested too deeply");
            if (t instanceof java.nio.charset.CharacterCodingException || t instanceof IllegalArgumentException
                    && String.valueOf(t.getMessage()).toLowerCase().contains("utf"))
                return HttpProblem.malformed("invalid UTF-8 in the request");
        }
        return new HttpProblem(500, HttpProblem.INTERNAL, "internal error (logged on the server)");
    }
}
