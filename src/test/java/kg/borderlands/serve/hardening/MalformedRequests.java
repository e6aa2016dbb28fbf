package kg.borderlands.serve.hardening;

import java.io.ByteArrayOutputStream;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Random;
import java.util.function.Function;

/**
 * A seeded generator of malformed HTTP requests, one family per kind of input an attacker or a broken client
 * sends: invalid UTF-8 and percent-encoding, deep nesting, bad Accept / Content-Type / charset /
 * Content-Encoding / chunking, bad API parameters, odd methods and paths, mutated SPARQL. Every request
 * closes its connection, so each answer is read to its end.
 */
final class MalformedRequests {
    private static final String[] PATHS = {"/kg/sparql", "/kg/query", "/kg", "/kg/get", "/api/search", "/api/entity/ttp",
            "/api/neighbourhood/ttp", "/api/path", "/api/metrics", "/api/network", "/id/ttp", "/id/ttp.ttl",
            "/.well-known/void", "/", "/explorer/app.js", "/$/ping", "/$/stats", "/$/metrics"};
    private static final String[] BAD_ESCAPES = {"%C3%28", "%FF", "%", "%G1", "%ED%A0%80", "%C0%AF", "%E2%82", "%F8%88%80%80%80",
            "%00", "%C3", "%FE%FF", "%%", "%2", "%E0%80%80"};
    private static final String[] BAD_ACCEPT = {";", ",", ";;;", "*/*;q=", "text/html;q=abc", "a/b/c", "*", "/", "text/",
            "*/*;q=-1", "*/*;q=NaN", "text/turtle;q=1e999", "\u0000", "application/sparql-results+json;charset=bogus",
            "text/html, ;q=0.5", "=;=;=", "text/*;level", "x".repeat(4000), "*/*;q=0", "application/*;q=0.0001, ;"};
    private static final String[] BAD_TYPES = {"application/sparql-query; charset=bogus", "application/x-www-form-urlencoded; charset=\"",
            ";", "", "text/plain", "multipart/form-data; boundary=", "application/sparql-query; charset=utf-32",
            "application/x-www-form-urlencoded; charset=x-unknown-9", "application/sparql-update", "*/*",
            "application/sparql-query;charset=", "application/json", "application/x-www-form-urlencoded;;charset=utf-8;"};
    private static final String[] QUERIES = {"ASK { ?s ?p ?o }", "SELECT ?s WHERE { ?s a ?t } LIMIT 3",
            "SELECT (COUNT(*) AS ?n) { ?s ?p ?o }", "CONSTRUCT { ?s ?p ?o } WHERE { ?s ?p ?o } LIMIT 5",
            "DESCRIBE <https://w3id.org/borderlands-kg/id/ttp>", "SELECT * { ?s <http://www.w3.org/2000/01/rdf-schema#label> ?l FILTER(regex(?l, \"Tal\")) } LIMIT 5"};

    private final Random random;
    private final List<Function<Random, byte[]>> families = List.of(
            this::badEscapeInQueryString, this::rawBytesInRequestLine, this::deepNesting, this::badAccept,
            this::badContentType, this::badContentEncoding, this::badChunking, this::badApiParameters,
            this::oddMethod, this::oddPath, this::mutatedSparql, this::badHttp, this::badFormBody, this::badQueryBody,
            this::badProtocolParameters);

    MalformedRequests(long seed) {
        this.random = new Random(seed);
    }

    int families() {
        return families.size();
    }

    /** The next request and the index of its family. */
    synchronized Object[] next() {
        int f = random.nextInt(families.size());
        return new Object[]{f, families.get(f).apply(random)};
    }

    private static String pick(Random r, String[] a) {
        return a[r.nextInt(a.length)];
    }

    private static byte[] get(String target, String... headers) {
        StringBuilder sb = new StringBuilder("GET ").append(target).append(" HTTP/1.1\r\nHost: localhost\r\n");
        for (String h : headers) sb.append(h).append("\r\n");
        return sb.append("Connection: close\r\n\r\n").toString().getBytes(StandardCharsets.ISO_8859_1);
    }

    private static byte[] post(String path, String type, byte[] body, String... headers) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        StringBuilder sb = new StringBuilder("POST ").append(path).append(" HTTP/1.1\r\nHost: localhost\r\n");
        if (type != null) sb.append("Content-Type: ").append(type).append("\r\n");
        boolean chunked = false;
        for (String h : headers) {
            sb.append(h).append("\r\n");
            chunked |= h.toLowerCase().startsWith("transfer-encoding");
        }
        if (!chunked) sb.append("Content-Length: ").append(body.length).append("\r\n");
        sb.append("Connection: close\r\n\r\n");
        out.writeBytes(sb.toString().getBytes(StandardCharsets.ISO_8859_1));
        out.writeBytes(body);
        return out.toByteArray();
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    private byte[] badEscapeInQueryString(Random r) {
        String path = pick(r, PATHS);
        String param = path.startsWith("/kg") ? "query" : path.startsWith("/api/search") ? "q" : r.nextBoolean() ? "hops" : "x";
        String value = enc(pick(r, QUERIES)).substring(0, 3) + pick(r, BAD_ESCAPES) + "abc";
        return get(path + "?" + param + "=" + value);
    }

    private byte[] rawBytesInRequestLine(Random r) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(("GET " + pick(r, PATHS) + "?q=").getBytes(StandardCharsets.ISO_8859_1));
        for (int i = 0, n = 1 + r.nextInt(8); i < n; i++) out.write(0x80 + r.nextInt(0x80));
        out.writeBytes(" HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1));
        return out.toByteArray();
    }

    /** Nesting from acceptable to absurd; the acceptable ones are cheap (LIMIT), so only the nesting is on trial. */
    private byte[] deepNesting(Random r) {
        int n = 100 + r.nextInt(r.nextBoolean() ? 500 : 20_000);
        String q = switch (r.nextInt(6)) {
            case 0 -> "SELECT * { FILTER(" + "(".repeat(n) + "1" + ")".repeat(n) + ") }";
            case 1 -> "SELECT * " + "{".repeat(n) + " ?s ?p ?o " + "}".repeat(n) + " LIMIT 10";
            case 2 -> "SELECT * { BIND(" + "1+".repeat(n) + "1 AS ?x) }";
            case 3 -> "SELECT * { ?s " + "<urn:p>/".repeat(n) + "<urn:p> ?o }";
            case 4 -> "ASK { " + "FILTER NOT EXISTS { ".repeat(n / 10 + 1) + "?s ?p ?o" + " }".repeat(n / 10 + 1) + " }";
            default -> "SELECT * { ?s ?p " + "(".repeat(n) + "?o" + ")".repeat(n) + " } LIMIT 10";
        };
        return r.nextBoolean() ? post("/kg/sparql", "application/sparql-query", q.getBytes(StandardCharsets.UTF_8))
                : post("/kg/sparql", "application/x-www-form-urlencoded", ("query=" + enc(q)).getBytes(StandardCharsets.US_ASCII));
    }

    private byte[] badAccept(Random r) {
        String[] targets = {"/id/ttp", "/id/no-such", "/id/ttp/part/1", "/kg/sparql?query=" + enc(pick(r, QUERIES)),
                "/api/entity/ttp", "/.well-known/void", "/kg/get?default", "/api/network?format=csv"};
        return get(pick(r, targets), "Accept: " + pick(r, BAD_ACCEPT));
    }

    private byte[] badContentType(Random r) {
        byte[] body = r.nextBoolean() ? ("query=" + enc(pick(r, QUERIES))).getBytes(StandardCharsets.US_ASCII)
                : pick(r, QUERIES).getBytes(StandardCharsets.UTF_8);
        return post(r.nextInt(4) == 0 ? "/api/search" : "/kg/sparql", pick(r, BAD_TYPES), body);
    }

    private byte[] badContentEncoding(Random r) {
        byte[] junk = new byte[1 + r.nextInt(200)];
        r.nextBytes(junk);
        String enc = pick(r, new String[]{"gzip", "deflate", "br", "gzip, gzip", "x-unknown", "compress", "identity, gzip"});
        return post(r.nextBoolean() ? "/kg/sparql" : "/kg/query", "application/sparql-query", junk, "Content-Encoding: " + enc);
    }

    private byte[] badChunking(Random r) {
        String body = switch (r.nextInt(5)) {
            case 0 -> "zz\r\nquery=x\r\n0\r\n\r\n";
            case 1 -> "5\r\nASK {\r\n";                      // truncated
            case 2 -> "-5\r\nhello\r\n0\r\n\r\n";
            case 3 -> "FFFFFFFFFFFF\r\nASK\r\n";
            default -> "3\r\nASK { ?s ?p ?o }\r\n0\r\n\r\n"; // size does not match
        };
        return post("/kg/sparql", "application/sparql-query", body.getBytes(StandardCharsets.US_ASCII), "Transfer-Encoding: chunked");
    }

    private byte[] badApiParameters(Random r) {
        String[] targets = {"/api/search?q=" + "x".repeat(r.nextInt(5000)), "/api/search?q=ttp&limit=1" + "0".repeat(30),
                "/api/search?q=ttp&kind=%00", "/api/search?q=ttp&limit=-0", "/api/neighbourhood/ttp?hops=-1",
                "/api/neighbourhood/ttp?asOf=9999-99-99", "/api/neighbourhood/ttp?kinds=,,,,", "/api/path?from=&to=",
                "/api/network?format=%3Cscript%3E", "/api/metrics?top=99999999999", "/api/metrics?metric=",
                "/api/neighbourhood/ttp?hops=1e3", "/api/path?from=ttp&to=ttp&asOf=2025-02-30",
                "/api/network?format=csv&table=" + "a".repeat(300), "/api/entity/" + "a-".repeat(2000) + "a",
                "/api/queries/..%2f..%2fpom.xml", "/api/search?q=ttp&q=x&limit=5&limit=6", "/api/search?q=*:*~^",
                "/api/search?q=%22unterminated", "/api/search?q=AND+OR+NOT", "/api/search?q=field:%5Bz+TO+a%5D"};
        return get(pick(r, targets));
    }

    private byte[] oddMethod(Random r) {
        String m = pick(r, new String[]{"TRACE", "PROPFIND", "FOO", "CONNECT", "PATCH", "MKCOL", "DELETE", "PUT", "OPTIONS", "G E T"});
        return (m + " " + pick(r, PATHS) + " HTTP/1.1\r\nHost: localhost\r\nContent-Length: 0\r\nConnection: close\r\n\r\n")
                .getBytes(StandardCharsets.ISO_8859_1);
    }

    private byte[] oddPath(Random r) {
        String[] paths = {"/explorer/%2e%2e/%2e%2e/etc/passwd", "/id/..%2f..%2fpom.xml", "/webjars/../../pom.xml", "//", "/%00",
                "/id/%ff", "/explorer/..;/..;/", "/id/ttp%00.ttl", "/api/entity/%2e%2e", "/kg/%2e%2e/api", "/id/" + "a".repeat(6000),
                "/explorer/app.js%3f", "/$/stats/%ff", "/$/../kg/sparql", "/.well-known/void/../../etc", "/kg/get?graph=%ff",
                "/kg/get?graph=not%20an%20iri", "/id/ttp.ttl.ttl", "/id/TTP", "/explorer/", "/webjars/"};
        return get(pick(r, paths));
    }

    private byte[] mutatedSparql(Random r) {
        StringBuilder q = new StringBuilder(pick(r, QUERIES));
        for (int i = 0, n = 1 + r.nextInt(4); i < n && q.length() > 1; i++) {
            int at = r.nextInt(q.length());
            switch (r.nextInt(3)) {
                case 0 -> q.deleteCharAt(at);
                case 1 -> q.insert(at, "{}()<>\"'?$.;,#\\^|/*+".charAt(r.nextInt(20)));
                default -> q.setCharAt(at, (char) (r.nextInt(0x2FF) + 1));
            }
        }
        return get("/kg/sparql?query=" + enc(q.toString()));
    }

    private byte[] badHttp(Random r) {
        String[] reqs = {"GET / HTTP/9.9\r\nHost: x\r\nConnection: close\r\n\r\n", "GET /\r\n\r\n",
                "GET / HTTP/1.1\r\nNoColonHere\r\nConnection: close\r\n\r\n", "GET / HTTP/1.1\r\nConnection: close\r\n\r\n",
                "GET / HTTP/1.1\r\nHost: localhost\r\nX-Big: " + "y".repeat(20_000) + "\r\nConnection: close\r\n\r\n",
                "GET /kg/sparql?query=" + "A".repeat(20_000) + " HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n",
                "\r\n\r\n", "GARBAGE\r\n\r\n", "GET / HTTP/1.1\r\nHost: localhost\r\nContent-Length: -1\r\nConnection: close\r\n\r\n",
                "POST /kg/sparql HTTP/1.1\r\nHost: localhost\r\nContent-Length: 5\r\nContent-Length: 6\r\nConnection: close\r\n\r\nASK {",
                "GET / HTTP/1.1\r\nHost: localhost\r\nTransfer-Encoding: chunked\r\nContent-Length: 3\r\nConnection: close\r\n\r\n0\r\n\r\n"};
        return pick(r, reqs).getBytes(StandardCharsets.ISO_8859_1);
    }

    private byte[] badFormBody(Random r) {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        body.writeBytes("query=".getBytes(StandardCharsets.US_ASCII));
        if (r.nextBoolean()) body.writeBytes(pick(r, BAD_ESCAPES).getBytes(StandardCharsets.US_ASCII));
        else for (int i = 0; i < 4; i++) body.write(0x80 + r.nextInt(0x80));
        body.writeBytes("&timeout=%ZZ".getBytes(StandardCharsets.US_ASCII));
        return post(r.nextBoolean() ? "/kg/sparql" : "/kg", "application/x-www-form-urlencoded", body.toByteArray());
    }

    private byte[] badQueryBody(Random r) {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        body.writeBytes("SELECT * { ?s ?p \"".getBytes(StandardCharsets.US_ASCII));
        for (int i = 0; i < 1 + r.nextInt(6); i++) body.write(0x80 + r.nextInt(0x80));
        body.writeBytes("\" }".getBytes(StandardCharsets.US_ASCII));
        return post("/kg/sparql", "application/sparql-query" + (r.nextBoolean() ? "; charset=utf-8" : ""), body.toByteArray());
    }

    private byte[] badProtocolParameters(Random r) {
        String q = "query=" + enc(pick(r, QUERIES));
        String[] extras = {"&query=" + enc("ASK {}"), "&default-graph-uri=%FF", "&default-graph-uri=not%20a%20uri",
                "&named-graph-uri=http://%", "&timeout=abc", "&timeout=-5", "&format=%00", "&output=" + "x".repeat(500),
                "&default-graph-uri=" + enc("http://127.0.0.1:1/x"), "&callback=%3Cscript%3E"};
        return get("/kg/sparql?" + q + pick(r, extras));
    }
}
