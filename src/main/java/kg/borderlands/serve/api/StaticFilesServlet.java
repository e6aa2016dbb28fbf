package kg.borderlands.serve.api;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import kg.borderlands.serve.cache.CodeVersion;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.io.InputStream;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Serves files from the class path under a fixed root: the explorer ({@code kg/borderlands/web/}) and the
 * WebJars the explorer uses ({@code META-INF/resources/webjars/}). Nothing comes from a CDN, so the explorer
 * works offline. Only plain relative paths with a known file extension are served; anything else is 404.
 */
final class StaticFilesServlet extends ReadOnlyServlet {
    private static final Pattern OWN_ASSET = Pattern.compile("\\b(src|href)=\"(/explorer/[A-Za-z0-9._/-]+\\.(?:js|mjs|css|svg|png|ico|json))\"");
    private static final Pattern SAFE = Pattern.compile("[A-Za-z0-9._-]+(/[A-Za-z0-9._-]+)*");
    private static final Map<String, String> TYPES = Map.of(
            "html", "text/html;charset=utf-8", "js", "text/javascript;charset=utf-8",
            "mjs", "text/javascript;charset=utf-8", "css", "text/css;charset=utf-8", "svg", "image/svg+xml",
            "png", "image/png", "json", "application/json;charset=utf-8", "ico", "image/x-icon");

    private final String root;
    private final String indexFile;
    private final String cacheControl;

    /**
     * @param root        class-path folder, ending with '/'
     * @param indexFile   for the root servlet (mapped at ""): the file it serves at "/"
     *                    ; null for a servlet mapped at "/prefix/*" that serves its path info
     * @param cacheControl Cache-Control header value
     */
    StaticFilesServlet(String root, String indexFile, String cacheControl) {
        this.root = Objects.requireNonNull(root, "root");
        this.indexFile = indexFile;
        this.cacheControl = cacheControl;
    }

    @Override
    protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        // the root servlet is mapped at "" (the context root only)
        String path = indexFile != null ? req.getRequestURI() : req.getPathInfo();
        if (indexFile != null) path = path.equals("/") ? "/" + indexFile : null;
        String rel = path == null ? null : path.substring(1);
        String ext = rel == null ? "" : rel.substring(rel.lastIndexOf('.') + 1);
        if (rel == null || !SAFE.matcher(rel).matches() || rel.contains("..") || !TYPES.containsKey(ext)) {
            notFound(resp);
            return;
        }
        try (InputStream in = StaticFilesServlet.class.getClassLoader().getResourceAsStream(root + rel)) {
            if (in == null) {
                notFound(resp);
                return;
            }
            byte[] bytes = in.readAllBytes();
            if (indexFile != null) bytes = versionAssetLinks(bytes);
            resp.setStatus(200);
            resp.setContentType(TYPES.get(ext));
            resp.setContentLength(bytes.length);
            if (cacheControl != null) resp.setHeader("Cache-Control", cacheControl);
            resp.setHeader("X-Content-Type-Options", "nosniff");
            resp.getOutputStream().write(bytes);
        }
    }

    /**
     * In the explorer's page, links to our own files get {@code ?v=} the code version, so the browser may keep
     * them for a year: a new release changes the links (see {@code serve/cache}).
     */
    static byte[] versionAssetLinks(byte[] html) {
        String page = new String(html, StandardCharsets.UTF_8);
        String v = "?" + CodeVersion.ASSET_PARAM + "=" + CodeVersion.value();
        return OWN_ASSET.matcher(page).replaceAll(m -> Matcher.quoteReplacement(m.group(1) + "=\"" + m.group(2) + v + "\""))
                .getBytes(StandardCharsets.UTF_8);
    }

    private static void notFound(HttpServletResponse resp) throws IOException {
        ApiServlet.sendError(resp, new ApiException(404, ApiException.NO_ENDPOINT, "not found"));
    }
}
