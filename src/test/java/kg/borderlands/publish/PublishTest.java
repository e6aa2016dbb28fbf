package kg.borderlands.publish;

import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import kg.borderlands.load.StoreManager;
import kg.borderlands.support.Cli;
import kg.borderlands.support.TestProject;
import org.apache.jena.fuseki.main.FusekiServer;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.DatasetGraphFactory;
import org.apache.jena.system.Txn;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code publish} against a real second Fuseki (in this JVM, port 0, updates enabled, in-memory dataset). A
 * servlet filter in front of it records the requests, can demand credentials and can fail the PUT of one graph.
 */
class PublishTest {
    private static FusekiServer target;
    private static DatasetGraph targetData;
    private static String endpoint;
    private static Path store;
    private static final Gate GATE = new Gate();

    static {
        // as the command line sets it (cli.Logging), in case this class starts the first logger of the JVM
        if (System.getProperty("org.slf4j.simpleLogger.defaultLogLevel") == null) {
            System.setProperty("org.slf4j.simpleLogger.defaultLogLevel", "warn");
        }
    }

    /** Records requests; optionally demands an Authorization header, or answers 503 to the PUT of one graph. */
    static final class Gate implements Filter {
        final List<String> requests = Collections.synchronizedList(new ArrayList<>());
        volatile String requiredAuthorization;
        volatile String failPutOf;

        @Override
        public void doFilter(ServletRequest req, ServletResponse res, FilterChain chain) throws IOException, ServletException {
            HttpServletRequest r = (HttpServletRequest) req;
            String graph = r.getParameter("graph");
            requests.add(r.getMethod() + " " + (graph == null ? "default" : graph));
            if (requiredAuthorization != null && !requiredAuthorization.equals(r.getHeader("Authorization"))) {
                drain(r);
                ((HttpServletResponse) res).sendError(401);
                return;
            }
            if ("PUT".equals(r.getMethod()) && graph != null && graph.equals(failPutOf)) {
                drain(r);
                ((HttpServletResponse) res).sendError(503);
                return;
            }
            chain.doFilter(req, res);
        }

        /**
         * Reads the request body before refusing it, as a server that looks at the request does: answering
         * while the client is still sending can close the connection under it (a broken pipe instead of the
         * status this test is about).
         */
        private static void drain(HttpServletRequest r) throws IOException {
            r.getInputStream().transferTo(java.io.OutputStream.nullOutputStream());
        }

        long count(String method) {
            synchronized (requests) {
                return requests.stream().filter(s -> s.startsWith(method + " ")).count();
            }
        }
    }

    @BeforeAll
    static void startTarget() throws IOException {
        store = TestProject.realStore().root();
        targetData = DatasetGraphFactory.createTxnMem();
        target = FusekiServer.create().port(0).verbose(false).add("/ds", targetData, true).addFilter("/*", GATE).build().start();
        endpoint = "http://localhost:" + target.getHttpPort() + "/ds/data";
    }

    @AfterAll
    static void stopTarget() {
        if (target != null) target.stop();
    }

    @BeforeEach
    void emptyTarget() {
        Txn.executeWrite(targetData, targetData::clear);
        GATE.requests.clear();
        GATE.requiredAuthorization = null;
        GATE.failPutOf = null;
    }

    private static Cli.Run publish(String... more) {
        List<String> args = new ArrayList<>(List.of("publish", "--store", store.toString(), "--to", endpoint,
                "--backoff", "10", "--retries", "2"));
        args.addAll(List.of(more));
        return Cli.run(args.toArray(String[]::new));
    }

    /** Every graph of the published build is on the target with the same triples (isomorphic). */
    private static void assertTargetHoldsTheBuild() throws IOException {
        try (StoreManager.PublishedBuild b = new StoreManager(store).readPublished()) {
            List<Node> names = PublishOperation.graphsOf(b.dataset());
            assertTrue(names.size() >= 3, "the build has the ontology, data and inferred graphs: " + names);
            Txn.executeRead(targetData, () -> {
                List<Node> there = new ArrayList<>();
                targetData.listGraphNodes().forEachRemaining(there::add);
                if (names.contains(null)) there.add(null);  // the build's own default graph goes to ?default
                assertEquals(names.size(), there.size(), "graphs on the target: " + there);
                for (Node n : names) {
                    Graph local = n == null ? b.dataset().getDefaultGraph() : b.dataset().getGraph(n);
                    Graph remote = n == null ? targetData.getDefaultGraph() : targetData.getGraph(n);
                    assertTrue(local.size() > 0, n + " is empty in the build");
                    assertEquals(local.size(), remote.size(), "triples of " + n);
                    assertTrue(local.isIsomorphicWith(remote), n + " differs on the target");
                }
            });
        }
    }

    private static List<Node> buildGraphs() throws IOException {
        try (StoreManager.PublishedBuild b = new StoreManager(store).readPublished()) {
            return PublishOperation.graphsOf(b.dataset());
        }
    }

    @Test
    void graphsArriveCompleteAndARepublishChangesNothing() throws IOException {
        int graphs = buildGraphs().size();
        Cli.Run first = publish();
        assertEquals(0, first.code(), first.err());
        assertTrue(first.out().contains(graphs + " sent, 0 unchanged"), first.out());
        assertTargetHoldsTheBuild();
        assertEquals(graphs, GATE.count("PUT"));

        GATE.requests.clear();
        Cli.Run again = publish();
        assertEquals(0, again.code(), again.err());
        assertTrue(again.out().contains("0 sent, " + graphs + " unchanged"), again.out());
        assertEquals(0, GATE.count("PUT"), "a re-publish sends nothing: " + GATE.requests);
        assertTargetHoldsTheBuild();
    }

    @Test
    void aChangedGraphOnTheTargetIsReplacedNotMerged() throws IOException {
        assertEquals(0, publish().code());
        Node first = buildGraphs().get(0);
        Txn.executeWrite(targetData, () -> targetData.getGraph(first).add(
                org.apache.jena.graph.NodeFactory.createURI("urn:x:stray"),
                org.apache.jena.graph.NodeFactory.createURI("urn:x:p"),
                org.apache.jena.graph.NodeFactory.createLiteralString("left by someone else")));
        GATE.requests.clear();
        Cli.Run r = publish();
        assertEquals(0, r.code(), r.err());
        assertEquals(List.of("PUT " + first.getURI()), GATE.requests.stream().filter(s -> s.startsWith("PUT")).toList());
        assertTargetHoldsTheBuild();
    }

    @Test
    void aFailureMidwayIsOneClearLineAndTheNextRunResumes() throws IOException {
        List<Node> graphs = buildGraphs();
        String third = graphs.get(2).getURI();
        GATE.failPutOf = third;
        Cli.Run failed = publish();
        assertEquals(3, failed.code());
        assertEquals(1, failed.err().lines().filter(l -> l.startsWith("error:")).count(), failed.err());
        String line = failed.err().lines().filter(l -> l.startsWith("error:")).findFirst().orElseThrow();
        assertEquals("error: BKG-E301 sending graph " + third + " (3 of " + graphs.size() + ") to " + endpoint
                + " failed: the target answered 503 Service Unavailable after 2 attempts; 2 graph(s) already published, "
                + "run publish again to resume", line);
        assertEquals(2, GATE.requests.stream().filter(s -> s.equals("PUT " + third)).count(), "retried once");

        GATE.failPutOf = null;
        GATE.requests.clear();
        Cli.Run resumed = publish();
        assertEquals(0, resumed.code(), resumed.err());
        assertTrue(resumed.out().contains((graphs.size() - 2) + " sent, 2 unchanged"), resumed.out());
        assertFalse(GATE.requests.contains("PUT " + graphs.get(0).getURI()), "the graphs that arrived are not sent again");
        assertTargetHoldsTheBuild();
    }

    @Test
    void bearerAndBasicCredentialsAreSentAndNeverPrinted() throws IOException {
        GATE.requiredAuthorization = "Bearer tok-7Hq2v";
        Cli.Run ok = publish("--token", "tok-7Hq2v");
        assertEquals(0, ok.code(), ok.err());
        assertFalse((ok.out() + ok.err()).contains("tok-7Hq2v"));
        assertTargetHoldsTheBuild();

        GATE.requests.clear();
        Cli.Run wrong = publish("--token", "tok-wrong-9");
        assertEquals(3, wrong.code());
        assertTrue(wrong.errLine().startsWith("error: BKG-E302 comparing graph "), wrong.err());
        assertTrue(wrong.errLine().contains("the target answered 401"), wrong.err());
        assertTrue(wrong.errLine().contains("credentials missing or wrong: bearer token"), wrong.err());
        assertFalse((wrong.out() + wrong.err()).contains("tok-wrong-9"));
        assertEquals(1, GATE.requests.size(), "a refusal is not retried: " + GATE.requests);

        Txn.executeWrite(targetData, targetData::clear);
        GATE.requiredAuthorization = "Basic " + Base64.getEncoder().encodeToString("editor:pw-Zq81x".getBytes(StandardCharsets.UTF_8));
        Cli.Run basic = publish("--user", "editor", "--password", "pw-Zq81x");
        assertEquals(0, basic.code(), basic.err());
        assertFalse((basic.out() + basic.err()).contains("pw-Zq81x"));
        assertTargetHoldsTheBuild();
    }

    @Test
    void anUnreachableTargetIsRetriedThenOneLine() throws IOException {
        int port;
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }
        String nowhere = "http://localhost:" + port + "/ds/data";
        Cli.Run r = Cli.run("publish", "--store", store.toString(), "--to", nowhere, "--retries", "3", "--backoff", "1");
        assertEquals(3, r.code());
        assertTrue(r.errLine().startsWith("error: BKG-E301 comparing graph "), r.err());
        assertTrue(r.errLine().contains(" to " + nowhere + " failed: no answer ("), r.err());
        assertTrue(r.errLine().endsWith("after 3 attempts; 0 graph(s) already published, run publish again to resume"), r.err());
    }

    @Test
    void badTargetsAndCredentialsAreUsageErrors() {
        Cli.Run notHttp = Cli.run("publish", "--store", store.toString(), "--to", "ftp://example.org/ds");
        assertEquals(2, notHttp.code());
        assertTrue(notHttp.errLine().startsWith("error: BKG-E303 the target 'ftp://example.org/ds' is not an http(s) URL"), notHttp.err());

        Cli.Run inUrl = Cli.run("publish", "--store", store.toString(), "--to", "http://admin:pw-Zq81x@localhost:1/ds");
        assertEquals(2, inUrl.code());
        assertTrue(inUrl.errLine().startsWith("error: BKG-E303 the target URL carries credentials"), inUrl.err());
        assertFalse(inUrl.err().contains("pw-Zq81x"));

        Cli.Run both = Cli.run("publish", "--store", store.toString(), "--to", endpoint, "--user", "u",
                "--password", "pw-Zq81x", "--token", "tok-7Hq2v");
        assertEquals(2, both.code());
        assertTrue(both.errLine().startsWith("error: BKG-E304 give either a user and password or a bearer token"), both.err());
        assertFalse(both.err().contains("pw-Zq81x") || both.err().contains("tok-7Hq2v"));

        Cli.Run noPassword = Cli.run("publish", "--store", store.toString(), "--to", endpoint, "--user", "u");
        assertEquals(2, noPassword.code());
        assertTrue(noPassword.errLine().startsWith("error: BKG-E304 basic authentication needs both"), noPassword.err());
        assertTrue(GATE.requests.isEmpty(), "nothing was sent: " + GATE.requests);
    }

    @Test
    void helpAndAMissingTarget() {
        Cli.Run help = Cli.run("publish", "--help");
        assertEquals(0, help.code());
        assertTrue(help.out().contains("--to=URL") && help.out().contains(Credentials.ENV_TOKEN), help.out());

        Cli.Run missing = Cli.run("publish", "--store", store.toString());
        assertEquals(2, missing.code());
        assertTrue(missing.errLine().contains("Missing required option: '--to=URL'"), missing.err());
    }

    @Test
    void nothingPublishedIsTheStoreError(@org.junit.jupiter.api.io.TempDir Path empty) {
        Cli.Run r = Cli.run("publish", "--store", empty.toString(), "--to", endpoint);
        assertEquals(3, r.code());
        assertTrue(r.errLine().startsWith("error: BKG-E201 no build has been published"), r.err());
    }
}
