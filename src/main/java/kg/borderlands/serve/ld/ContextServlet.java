package kg.borderlands.serve.ld;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import kg.borderlands.export.JsonLdContext;
import kg.borderlands.serve.api.ReadOnlyServlet;

import java.io.IOException;

/**
 * Publishes the project's JSON-LD {@code @context} where its IRI ({@link JsonLdContext#IRI},
 * {@code https://w3id.org/borderlands-kg/context.jsonld}) points: {@link #PATH} on this server. The JSON-LD of
 * {@code /id/…}, {@code /ontology} and the exports is compacted with it.
 */
public final class ContextServlet extends ReadOnlyServlet {
    public static final String PATH = "/context.jsonld";
    private final byte[] document = JsonLdContext.document();

    @Override
    protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        resp.setStatus(200);
        resp.setContentType(JsonLdContext.MEDIA_TYPE + ";charset=utf-8");
        resp.setHeader("Cache-Control", "public, max-age=3600");
        resp.setHeader("Link", "<" + JsonLdContext.IRI + ">; rel=\"canonical\"");
        resp.setContentLength(document.length);
        resp.getOutputStream().write(document);
    }
}
