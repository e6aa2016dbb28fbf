package kg.borderlands.serve.cache;

import com.aayushatharva.brotli4j.Brotli4jLoader;
import com.aayushatharva.brotli4j.decoder.Decoder;
import com.aayushatharva.brotli4j.decoder.DecoderJNI;
import com.aayushatharva.brotli4j.decoder.DirectDecompress;
import kg.borderlands.Vocab;
import kg.borderlands.load.StoreManager;
import kg.borderlands.serve.api.WebApp;
import kg.borderlands.support.TestProject;
import org.apache.jena.sparql.core.DatasetGraph;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.zip.GZIPInputStream;

import static org.junit.jupiter.api.Assertions.*;

/** ETags, 304s, Cache-Control, compression and the answer cache, over real HTTP against the real store. */
class HttpCachingTest {
    private static final String SELECT = "SELECT ?a ?l WHERE { ?a a <" + Vocab.BLK + "Actor> ; <http://www.w3.org/2004/02/skos/core#prefLabel> ?l } ORDER BY ?a LIMIT 20";

    private static DatasetGraph dsg;
    private static WebApp web;
    private static CachingServer server;

    @BeforeAll
    static void start() throws IOException {
        dsg = TestProject.realStore().open();
        try {
            web = WebApp.build(dsg, Path.of(System.getProperty("project.root", ".")).resolve("queries"));
            server = new CachingServer(dsg, web, "20260227T101500.000Z-aaaa1111", CacheSettings.defaults());
        } catch (RuntimeException e) {
            StoreManager.close(dsg);
            throw e;
        }
    }

    @AfterAll
    static void stop() {
        try {
            if (server != null) server.close();
        } finally {
            StoreManager.close(dsg);
        }
    }

    static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    /** One GET on every read surface, with the Accept it is asked with. */
    static Map<String, String> surfaces() {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("/kg/sparql?query=" + enc(SELECT), "application/sparql-results+json");
        m.put("/kg/query?query=" + enc(SELECT), "text/csv");
        m.put("/kg/get?graph=" + enc(Vocab.GRAPH_ONTOLOGY), "text/turtle");
        m.put("/api/entity/ttp", "application/json");
        m.put("/api/search?q=taliban", "application/json");
        m.put("/id/ttp", "text/html");
        m.put("/id/ttp.ttl", "text/turtle");
        m.put("/.well-known/void", "text/turtle");
        m.put("/", "text/html");
        m.put("/explorer/app.js", "*/*");
        m.put("/webjars/cytoscape/3.33.1/dist/cytoscape.min.js", "*/*");
        return m;
    }

    static boolean perBuild(String path) {
        return !(path.equals("/") || path.startsWith("/explorer/") || path.startsWith("/webjars/"));
    }

    @Test
    void everySurfaceAnswers304ToItsOwnETagWithoutEvaluating() throws Exception {
        for (Map.Entry<String, String> s : surfaces().entrySet()) {
            HttpResponse<byte[]> first = server.get(s.getKey(), "Accept", s.getValue());
            assertEquals(200, first.statusCode(), s.getKey());
            String etag = first.headers().firstValue("ETag").orElse(null);
            assertNotNull(etag, "ETag on " + s.getKey());
            assertTrue(etag.startsWith("\"") && etag.endsWith("\"") && !etag.startsWith("W/"), "strong ETag: " + etag);
            String cc = first.headers().firstValue("Cache-Control").orElse("");
            assertTrue(cc.contains("max-age") || cc.equals("no-cache"), s.getKey() + ": " + cc);

            ResultCache.Stats before = server.cache().stats();
            HttpResponse<byte[]> again = server.get(s.getKey(), "Accept", s.getValue(), "If-None-Match", etag);
            ResultCache.Stats after = server.cache().stats();
            assertEquals(304, again.statusCode(), s.getKey());
            assertEquals(0, again.body().length, s.getKey());
            assertEquals(etag, again.headers().firstValue("ETag").orElse(null), s.getKey());
            assertEquals(cc, again.headers().firstValue("Cache-Control").orElse(null), s.getKey());
            // answered before the cache is even looked at: no hit, no miss, one more 304
            assertEquals(before.notModified() + 1, after.notModified(), s.getKey());
            assertEquals(before.hits(), after.hits(), s.getKey());
            assertEquals(before.misses(), after.misses(), s.getKey());

            // a list naming it, or its weak form, matches too; another tag does not
            assertEquals(304, server.get(s.getKey(), "Accept", s.getValue(), "If-None-Match", "\"x\", W/" + etag).statusCode());
            assertEquals(200, server.get(s.getKey(), "Accept", s.getValue(), "If-None-Match", "\"x\"").statusCode());
        }
    }

    @Test
    void cacheControlAndVarySayWhatTheAnswerDependsOn() throws Exception {
        HttpResponse<byte[]> q = server.get("/kg/sparql?query=" + enc(SELECT), "Accept", "application/sparql-results+json");
        assertEquals("public, max-age=60", q.headers().firstValue("Cache-Control").orElseThrow());
        String vary = String.join(",", q.headers().allValues("Vary"));
        assertTrue(vary.contains("Accept") && vary.contains("Accept-Encoding"), vary);
        HttpResponse<byte[]> jar = server.get("/webjars/cytoscape/3.33.1/dist/cytoscape.min.js");
        assertTrue(jar.headers().firstValue("Cache-Control").orElseThrow().contains("immutable"));
        assertEquals("no-cache", server.get("/explorer/app.js").headers().firstValue("Cache-Control").orElseThrow());
        // the page links our own files with the code version, and those URLs may be kept for a year
        String page = new String(server.get("/").body(), StandardCharsets.UTF_8);
        String versioned = "/explorer/app.js?v=" + CodeVersion.value();
        assertTrue(page.contains("src=\"" + versioned + "\""), "versioned link in the page");
        assertEquals("no-cache", server.get("/").headers().firstValue("Cache-Control").orElseThrow());
        HttpResponse<byte[]> app = server.get(versioned);
        assertEquals(200, app.statusCode());
        assertTrue(app.headers().firstValue("Cache-Control").orElseThrow().contains("immutable"));
        assertArrayEquals(server.get("/explorer/app.js").body(), app.body());
        // errors carry no validators and are not kept
        HttpResponse<byte[]> missing = server.get("/api/entity/no-such-record");
        assertEquals(404, missing.statusCode());
        assertTrue(missing.headers().firstValue("ETag").isEmpty());
        // each Accept is its own answer, with its own ETag
        HttpResponse<byte[]> xml = server.get("/kg/sparql?query=" + enc(SELECT), "Accept", "application/sparql-results+xml");
        assertNotEquals(q.headers().firstValue("ETag"), xml.headers().firstValue("ETag"));
        assertNotEquals(new String(q.body(), StandardCharsets.UTF_8), new String(xml.body(), StandardCharsets.UTF_8));
    }

    @Test
    void aPostedQueryFormIsTheSameRequestAsTheGetAndARepeatIsAHit() throws Exception {
        String query = SELECT.replace("LIMIT 20", "LIMIT 21");
        HttpResponse<byte[]> get = server.get("/kg/sparql?query=" + enc(query), "Accept", "application/sparql-results+json");
        ResultCache.Stats before = server.cache().stats();
        HttpResponse<byte[]> post = CachingServer.HTTP.send(server.request("/kg/sparql")
                .header("Content-Type", "application/x-www-form-urlencoded").header("Accept", "application/sparql-results+json")
                .POST(HttpRequest.BodyPublishers.ofString("query=" + enc("  " + query + "\n"))).build(), HttpResponse.BodyHandlers.ofByteArray());
        assertEquals(200, post.statusCode());
        assertEquals(get.headers().firstValue("ETag"), post.headers().firstValue("ETag"));
        assertArrayEquals(get.body(), post.body());
        assertEquals(before.hits() + 1, server.cache().stats().hits());
    }

    @Test
    void queriesWhoseAnswerIsNotFixedByTheBuildAreNotCached() throws Exception {
        HttpResponse<byte[]> r = server.get("/kg/sparql?query=" + enc("SELECT (NOW() AS ?t) WHERE {}"), "Accept", "application/sparql-results+json");
        assertEquals(200, r.statusCode());
        assertTrue(r.headers().firstValue("ETag").isEmpty());
        assertFalse(r.headers().firstValue("Cache-Control").orElse("").contains("max-age"));
    }

    @Test
    void etagsChangeAfterAReloadAndNeverCollideAcrossBuilds() throws Exception {
        try (CachingServer s = new CachingServer(dsg, web, "20260227T101500.000Z-bbbb2222", CacheSettings.defaults())) {
            Map<String, String> before = etags(s);
            HttpResponse<byte[]> warm = s.get("/api/entity/ttp", "Accept", "application/json");
            long hitsBefore = s.cache().stats().hits();
            s.reloadAs("20260301T090000.000Z-cccc3333");
            Map<String, String> after = etags(s);
            Set<String> old = new HashSet<>(before.values());
            for (String path : surfaces().keySet()) {
                if (perBuild(path)) {
                    assertNotEquals(before.get(path), after.get(path), path);
                    assertFalse(old.contains(after.get(path)), "an ETag of the new build was one of the old: " + path);
                    // the old ETag no longer validates: a full answer comes back
                    HttpResponse<byte[]> r = s.get(path, "Accept", surfaces().get(path), "If-None-Match", before.get(path));
                    assertEquals(200, r.statusCode(), path);
                } else {
                    assertEquals(before.get(path), after.get(path), "assets do not depend on the build: " + path);
                }
            }
            // the new build's first request for the entity was evaluated again, not served from the old build's entry
            HttpResponse<byte[]> fresh = s.get("/api/entity/ttp", "Accept", "application/json");
            assertArrayEquals(warm.body(), fresh.body());
            assertTrue(s.cache().stats().hits() <= hitsBefore + 1 + surfaces().size(), "bounded number of new-build hits");
        }
        // and distinct build ids that look alike escape to distinct ETag prefixes
        assertNotEquals(RequestKey.escape("a-b"), RequestKey.escape("a_b"));
        assertNotEquals(RequestKey.escape("a-b"), RequestKey.escape("a_002db"));
        assertFalse(RequestKey.escape("x--gzip\"").contains("--") || RequestKey.escape("x--gzip\"").contains("\""));
    }

    private static Map<String, String> etags(CachingServer s) throws IOException, InterruptedException {
        Map<String, String> m = new LinkedHashMap<>();
        for (Map.Entry<String, String> e : surfaces().entrySet()) {
            HttpResponse<byte[]> r = s.get(e.getKey(), "Accept", e.getValue());
            assertEquals(200, r.statusCode(), e.getKey());
            m.put(e.getKey(), r.headers().firstValue("ETag").orElseThrow());
        }
        return m;
    }

    @Test
    void compressedBodiesDecodeToTheSameBytes() throws Exception {
        List<String[]> requests = new ArrayList<>();
        requests.add(new String[] {"/id/ttp", "text/turtle"});
        requests.add(new String[] {"/api/entity/ttp", "application/json"});
        requests.add(new String[] {"/kg/sparql?query=" + enc(SELECT), "application/sparql-results+json"});
        requests.add(new String[] {"/explorer/app.js", "*/*"});
        for (String[] rq : requests) {
            HttpResponse<byte[]> plain = server.get(rq[0], "Accept", rq[1]);
            assertTrue(plain.headers().firstValue("Content-Encoding").isEmpty(), rq[0]);
            HttpResponse<byte[]> gz = server.get(rq[0], "Accept", rq[1], "Accept-Encoding", "gzip");
            assertEquals("gzip", gz.headers().firstValue("Content-Encoding").orElse(null), rq[0]);
            assertTrue(gz.body().length < plain.body().length, rq[0]);
            try (GZIPInputStream in = new GZIPInputStream(new ByteArrayInputStream(gz.body()))) {
                assertArrayEquals(plain.body(), in.readAllBytes(), rq[0]);
            }
            assertNotEquals(plain.headers().firstValue("ETag"), gz.headers().firstValue("ETag"), "one ETag per coding: " + rq[0]);
            assertEquals(304, server.get(rq[0], "Accept", rq[1], "Accept-Encoding", "gzip",
                    "If-None-Match", gz.headers().firstValue("ETag").orElseThrow()).statusCode());
            if (Brotli4jLoader.isAvailable()) {
                HttpResponse<byte[]> br = server.get(rq[0], "Accept", rq[1], "Accept-Encoding", "br, gzip");
                assertEquals("br", br.headers().firstValue("Content-Encoding").orElse(null), rq[0]);
                DirectDecompress d = Decoder.decompress(br.body());
                assertEquals(DecoderJNI.Status.DONE, d.getResultStatus());
                assertArrayEquals(plain.body(), d.getDecompressedData(), rq[0]);
            }
        }
        // tiny bodies are sent as they are
        HttpResponse<byte[]> ask = server.get("/kg/sparql?query=" + enc("ASK {}"), "Accept", "application/sparql-results+json", "Accept-Encoding", "gzip");
        assertTrue(ask.headers().firstValue("Content-Encoding").isEmpty());
    }

    @Test
    void theCacheStaysWithinItsMemoryBoundUnderAFloodOfDistinctQueries() throws Exception {
        long bound = 256 * 1024;
        try (CachingServer s = new CachingServer(dsg, web, "flood", CacheSettings.defaults().withMaxBytes(bound).withMaxEntryBytes(64 * 1024))) {
            long maxSeen = 0;
            for (int i = 1; i <= 300; i++) {
                String q = "SELECT ?s ?l WHERE { ?s <http://www.w3.org/2004/02/skos/core#prefLabel> ?l } ORDER BY ?s LIMIT " + (20 + i % 40) + " OFFSET " + i;
                HttpResponse<byte[]> r = s.get("/kg/sparql?query=" + enc(q), "Accept", "application/sparql-results+json");
                assertEquals(200, r.statusCode());
                maxSeen = Math.max(maxSeen, s.cache().bytes());
            }
            ResultCache.Stats st = s.cache().stats();
            assertTrue(maxSeen <= bound, "held " + maxSeen + " bytes, bound " + bound);
            assertTrue(st.evictions() > 0, "the flood must have needed evictions: " + st);
            assertTrue(st.entries() > 0 && st.bytes() > bound / 2, "the cache is used up to its bound: " + st);
            assertEquals(300, st.stored() + st.tooLarge(), st.toString());
        }
    }

    @Test
    void anAnswerLargerThanTheEntryLimitIsStreamedAndNotCached() throws Exception {
        try (CachingServer s = new CachingServer(dsg, web, "small-entries", CacheSettings.defaults().withMaxEntryBytes(4096))) {
            HttpResponse<byte[]> reference = server.get("/id/ttp.ttl");
            assertTrue(reference.body().length > 4096);
            for (int i = 0; i < 2; i++) {
                ResultCache.Stats before = s.cache().stats();
                HttpResponse<byte[]> r = s.get("/id/ttp.ttl");
                ResultCache.Stats after = s.cache().stats();
                assertEquals(200, r.statusCode());
                assertTrue(r.headers().firstValue("ETag").isPresent(), "still validated");
                assertArrayEquals(reference.body(), r.body());
                assertEquals(before.misses() + 1, after.misses(), "never a hit");
                assertEquals(before.tooLarge() + 1, after.tooLarge());
                assertEquals(before.stored(), after.stored());
            }
            // a small answer on the same server is kept
            s.get("/api/search?q=taliban&limit=1");
            s.get("/api/search?q=taliban&limit=1");
            assertEquals(1, s.cache().stats().hits());
        }
    }

    @Test
    void whileAReloadIsHalfDoneNothingIsValidatedOrStored() throws Exception {
        java.util.concurrent.atomic.AtomicBoolean settled = new java.util.concurrent.atomic.AtomicBoolean(false);
        try (CachingServer s = new CachingServer(dsg, web, "half", CacheSettings.defaults(), settled::get)) {
            HttpResponse<byte[]> r = s.get("/api/entity/ttp");
            assertEquals(200, r.statusCode());
            assertTrue(r.headers().firstValue("ETag").isEmpty());
            assertEquals(0, s.cache().stats().stored());
            settled.set(true);
            assertTrue(s.get("/api/entity/ttp").headers().firstValue("ETag").isPresent());
            assertEquals(1, s.cache().stats().stored());
        }
    }

    @Test
    void withTheCacheOffAnswersStillCarryValidators() throws Exception {
        try (CachingServer s = new CachingServer(dsg, web, "off", CacheSettings.defaults().withMaxBytes(0))) {
            HttpResponse<byte[]> a = s.get("/api/entity/ttp");
            HttpResponse<byte[]> b = s.get("/api/entity/ttp");
            assertArrayEquals(a.body(), b.body());
            assertEquals(a.headers().firstValue("ETag"), b.headers().firstValue("ETag"));
            assertEquals(304, s.get("/api/entity/ttp", "If-None-Match", a.headers().firstValue("ETag").orElseThrow()).statusCode());
            ResultCache.Stats st = s.cache().stats();
            assertEquals(0, st.hits() + st.stored() + st.entries());
        }
    }
}
