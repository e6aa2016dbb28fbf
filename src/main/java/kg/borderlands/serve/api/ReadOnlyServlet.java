package kg.borderlands.serve.api;

import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import java.io.IOException;

/** A servlet of the read-only web layer: POST, PUT and DELETE get 405 with a JSON error (BKG-E105). */
public abstract class ReadOnlyServlet extends HttpServlet {
    @Override
    protected final void doPost(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        refuse(resp);
    }

    @Override
    protected final void doPut(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        refuse(resp);
    }

    @Override
    protected final void doDelete(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        refuse(resp);
    }

    private static void refuse(HttpServletResponse resp) throws IOException {
        ApiServlet.sendError(resp, new ApiException(405, ApiException.METHOD_NOT_ALLOWED, "read-only: use GET or HEAD"));
    }
}
