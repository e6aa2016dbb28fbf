package kg.borderlands.serve.api;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import java.io.IOException;
import java.util.Objects;

/**
 * {@code GET /api/story/{events|places|claims|figures|labels}}: the data of the timeline, map and claim views
 * as SPARQL JSON results (see {@link StoryQueries}).
 */
final class StoryServlet extends ReadOnlyServlet {
    private final StoryQueries story;

    StoryServlet(StoryQueries story) {
        this.story = Objects.requireNonNull(story, "story");
    }

    @Override
    protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        String path = req.getPathInfo() == null ? "" : req.getPathInfo().replaceFirst("^/", "");
        byte[] body = story.get(path).orElse(null);
        if (body == null) {
            ApiServlet.sendError(resp, new ApiException(404, ApiException.NO_ENDPOINT,
                    "no endpoint /api/story/" + path + " (one of " + String.join(", ", StoryQueries.NAMES) + ")"));
            return;
        }
        resp.setStatus(200);
        resp.setContentType("application/sparql-results+json;charset=utf-8");
        resp.setContentLength(body.length);
        resp.setHeader("Cache-Control", "no-cache");
        resp.setHeader("X-Content-Type-Options", "nosniff");
        resp.getOutputStream().write(body);
    }
}
