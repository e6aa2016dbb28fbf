package kg.borderlands.link;

import kg.borderlands.cli.Main;
import kg.borderlands.load.StoreManager;
import kg.borderlands.support.TestProject;
import org.apache.jena.sparql.core.DatasetGraph;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.ServerSocket;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.*;

/** Reconciliation over HTTP against a second, real Fuseki holding a Wikidata-shaped fixture. */
class ReconcileTest {
    private static WikidataFixture wd;
    private static List<Reconciler.Entity> unlinked;

    @BeforeAll
    static void start() throws IOException {
        wd = new WikidataFixture();
        DatasetGraph dsg = TestProject.realStore().open();
        try {
            unlinked = Reconciler.unlinked(dsg, Set.of());
        } finally {
            StoreManager.close(dsg);
        }
    }

    @AfterAll
    static void stop() {
        if (wd != null) wd.close();
    }

    private static Reconciler.Entity entity(String id) {
        return unlinked.stream().filter(e -> e.id().equals(id)).findFirst()
                .orElseThrow(() -> new AssertionError(id + " is not among the unlinked records"));
    }

    private static SparqlClient client(String url, int retries, List<Duration> waits) {
        return new SparqlClient(URI.create(url), Duration.ofSeconds(2), retries, Duration.ofMillis(100), waits::add);
    }

    @Test
    void unlinkedRecordsAreThoseWithoutAWikidataLink() {
        Set<String> ids = new java.util.HashSet<>();
        unlinked.forEach(e -> ids.add(e.id()));
        assertTrue(ids.contains("ttp") && ids.contains("asim-munir") && ids.contains("pl-tirah-valley"), ids.toString());
        assertFalse(ids.contains("pakistan"), "pakistan has a Wikidata link");
        assertFalse(ids.contains("pl-khyber-pakhtunkhwa"), "KP has a Wikidata link");
        assertTrue(ids.contains("pl-orakzai"), "a GeoNames-only link still leaves the record to reconcile with Wikidata");
        assertFalse(ids.stream().anyMatch(i -> i.startsWith("lnk-") || i.startsWith("ev-")), "only actors and places");
    }

    @Test
    void labelMatchOutranksAliasMatchAndAPersonIsNeverProposedForAGroup() throws Exception {
        List<Duration> waits = new ArrayList<>();
        List<Reconciler.Candidate> c = new Reconciler(client(wd.sparql(), 0, waits)).candidates(entity("ttp"), 5);
        assertEquals(List.of("Q999000010", "Q999000012"), c.stream().map(Reconciler.Candidate::qid).toList(),
                "label match first, alias match second, the human with alias 'TTP' excluded: " + c);
        Reconciler.Candidate best = c.get(0);
        assertEquals("Tehreek-e-Taliban Pakistan", best.label());
        assertEquals(0.9, best.score(), 1e-9, "Wikidata label 0.6 + our label 0.2 + class via P279 0.1");
        assertTrue(best.evidence().stream().anyMatch(ev -> ev.field().equals("label") && ev.ourLabel()
                && ev.p31().equals("Q999000001") && !ev.directClass()), best.evidence().toString());
        Reconciler.Candidate second = c.get(1);
        assertEquals(0.7, second.score(), 1e-9, "Wikidata alias 0.4 + our alias 0.1 + direct class 0.2");
        assertEquals("political organization", second.evidence().get(0).p31Label());
        assertEquals(List.of(), waits, "no retries against a healthy endpoint");
    }

    @Test
    void aPartyIsNotProposedForAPerson() throws Exception {
        List<Reconciler.Candidate> c = new Reconciler(client(wd.sparql(), 0, new ArrayList<>()))
                .candidates(entity("asim-munir"), 5);
        assertEquals(List.of("Q999000014"), c.stream().map(Reconciler.Candidate::qid).toList());
        assertEquals(1.0, c.get(0).score(), 1e-9);
        assertEquals("Q5", c.get(0).evidence().get(0).p31());
    }

    @Test
    void placesMatchAdministrativeEntitiesThroughSubclasses() throws Exception {
        List<Reconciler.Candidate> c = new Reconciler(client(wd.sparql(), 0, new ArrayList<>()))
                .candidates(entity("pl-tirah-valley"), 5);
        assertEquals(List.of("Q999000015"), c.stream().map(Reconciler.Candidate::qid).toList());
    }

    @Test
    void everyRequestNamesTheProjectInItsUserAgent() throws Exception {
        int before = wd.userAgents.size();
        new Reconciler(client(wd.sparql(), 0, new ArrayList<>())).candidates(entity("ttp"), 5);
        List<String> uas = wd.userAgents.subList(before, wd.userAgents.size());
        assertFalse(uas.isEmpty());
        assertTrue(uas.stream().allMatch(u -> u.startsWith("borderlands-kg/")), uas.toString());
    }

    @Test
    void retriesWithBackoffOn503ThenSucceeds() throws Exception {
        List<Duration> waits = new ArrayList<>();
        List<Reconciler.Candidate> c = new Reconciler(client(wd.url("/flaky"), 3, waits)).candidates(entity("ttp"), 5);
        assertEquals("Q999000010", c.get(0).qid());
        assertEquals(3, wd.flakyCalls.get(), "two 503s, then an answer");
        assertEquals(List.of(Duration.ZERO, Duration.ZERO), waits, "Retry-After: 0 from the server wins over our backoff");
    }

    @Test
    void givesUpAfterTheRetriesOn429WithAClearMessage() {
        List<Duration> waits = new ArrayList<>();
        SparqlClient limited = new SparqlClient(URI.create(wd.url("/limited")), Duration.ofSeconds(2), 2,
                Duration.ofMillis(100), waits::add);
        int before = wd.limitedCalls.get();
        EndpointException e = assertThrows(EndpointException.class, () -> limited.select("SELECT * { ?s ?p ?o } LIMIT 1"));
        assertEquals(3, wd.limitedCalls.get() - before, "one try and two retries");
        assertTrue(e.getMessage().contains("HTTP 429") && e.getMessage().contains("after 3 attempt(s)"), e.getMessage());
        assertEquals(1, e.getMessage().lines().count());
    }

    @Test
    void backoffDoublesWhenTheServerGivesNoRetryAfter() throws Exception {
        List<Duration> waits = new ArrayList<>();
        List<Reconciler.Candidate> c = new Reconciler(client(wd.url("/flaky-plain"), 3, waits)).candidates(entity("ttp"), 5);
        assertEquals("Q999000010", c.get(0).qid());
        assertEquals(List.of(Duration.ofMillis(100), Duration.ofMillis(200)), waits, "backoff, then twice the backoff");
    }

    @Test
    void aSlowEndpointTimesOut() {
        SparqlClient slow = new SparqlClient(URI.create(wd.url("/slow")), Duration.ofMillis(500), 0, Duration.ZERO);
        EndpointException e = assertThrows(EndpointException.class, () -> slow.select("SELECT * { ?s ?p ?o } LIMIT 1"));
        assertTrue(e.getMessage().contains("did not answer within"), e.getMessage());
    }

    @Test
    void cliPrintsRankedCandidatesWithEvidenceAndWritesNothing() throws Exception {
        Run r = cli("--endpoint", wd.sparql(), "--id", "ttp", "--id", "asim-munir", "--timeout", "5");
        assertEquals(0, r.code, r.err);
        String[] lines = r.out.split("\n");
        assertTrue(lines[0].startsWith("asim-munir  \"Asim Munir\"  [Person -> wd:Q5 human]"), r.out);
        assertTrue(r.out.contains("1. wikidata:Q999000014  score 1.00  \"Asim Munir\"  matched label \"Asim Munir\" on Wikidata label; P31 wd:Q5 (human)"), r.out);
        assertTrue(r.out.contains("1. wikidata:Q999000010  score 0.90"), r.out);
        assertTrue(r.out.contains("2. wikidata:Q999000012  score 0.70"), r.out);
        assertFalse(r.out.contains("Q999000011"), "the human aliased TTP is not a candidate for the group");
        assertFalse(r.out.contains("Q999000013"), "the party named like the person is not a candidate for him");
    }

    @Test
    void cliTsvFormat() throws Exception {
        Run r = cli("--endpoint", wd.sparql(), "--id", "asim-munir", "--format", "tsv");
        assertEquals(0, r.code, r.err);
        List<String> lines = r.out.lines().toList();
        assertEquals("record\trecord_label\tcandidate\tcandidate_label\tscore\tevidence", lines.get(0));
        assertTrue(lines.get(1).startsWith("asim-munir\tAsim Munir\twikidata:Q999000014\tAsim Munir\t1.00\t"), lines.toString());
        assertEquals(2, lines.size());
    }

    @Test
    void unreachableEndpointIsAOneLineErrorAndANonZeroExit() throws Exception {
        int port;
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }
        Run r = cli("--endpoint", "http://localhost:" + port + "/sparql", "--id", "ttp", "--timeout", "3");
        assertEquals(3, r.code, r.out + r.err);
        assertEquals(1, r.err.strip().lines().count(), r.err);
        assertTrue(r.err.startsWith("error: cannot reach the SPARQL endpoint http://localhost:" + port + "/sparql"), r.err);
        assertTrue(r.err.contains("connection refused"), r.err);
        assertFalse(r.err.contains("Exception"), r.err);
    }

    @Test
    void unknownRecordIsAUsageError() throws Exception {
        Run r = cli("--endpoint", wd.sparql(), "--id", "pakistan");
        assertEquals(2, r.code, r.err);
        assertTrue(r.err.contains("not an actor or place without a Wikidata link: pakistan"), r.err);
    }

    static Run cli(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        java.nio.file.Path root = TestProject.root();
        TestProject.realStore();
        List<String> all = new ArrayList<>(List.of("link", "reconcile", "--store", root.resolve("target/test-store").toString(),
                "--ontology", root.resolve("ontology").toString(), "--data", root.resolve("data").toString(),
                "--qc", root.resolve("queries/qc").toString()));
        all.addAll(List.of(args));
        int code = Main.run(new PrintWriter(out, true), new PrintWriter(err, true), all.toArray(String[]::new));
        return new Run(code, out.toString(), err.toString());
    }

    record Run(int code, String out, String err) {}
}
