package kg.borderlands.ingest;

import kg.borderlands.Vocab;
import kg.borderlands.curate.CurationException;
import kg.borderlands.curate.OntologyIndex;
import kg.borderlands.curate.Problem;
import kg.borderlands.curate.RdfMapper;
import kg.borderlands.curate.RecordChecker;
import kg.borderlands.curate.RecordReader;
import kg.borderlands.curate.SourceProvenance;
import kg.borderlands.curate.SourceUnit;
import kg.borderlands.curate.SourceUnits;
import kg.borderlands.load.BuiltGraphs;
import kg.borderlands.load.GraphBuilder;
import kg.borderlands.load.ProjectInputs;
import kg.borderlands.support.TestProject;
import org.apache.jena.query.Dataset;
import org.apache.jena.query.DatasetFactory;
import org.apache.jena.query.QueryExecution;
import org.apache.jena.query.QuerySolution;
import org.apache.jena.rdf.model.Model;
import org.apache.jena.rdf.model.ModelFactory;
import org.apache.jena.riot.RDFDataMgr;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Issue #11, "Done when": a second report loads beside Report N°354 without collisions, and which source asserts
 * what is a query. The second report is the hand-made synthetic fixture {@code src/test/resources/sources/
 * test-report-9001.md} (not a Crisis Group publication), ingested here into its own source unit next to a copy of
 * the project's data, with the fixture's few records ({@code sources/test-report-9001/*.yaml}): a tie that N°354
 * also gives (same statement, both sources), and an invented count of 2024 airstrikes that differs from N°354's.
 */
class MultiSourceTest {
    private static final String ID = Vocab.ID;
    private static final String N354 = "icg-asia-354";
    private static final String T9001 = TestProject.SECOND_SOURCE;

    @TempDir
    static Path dir;
    static Path data;
    static BuiltGraphs graphs;
    static Dataset ds;
    static Path fixture;

    @BeforeAll
    static void build() throws Exception {
        Path root = TestProject.root();
        // the project's data with the fixture as a second source unit (the set-up the two-source store shares)
        data = TestProject.twoSourceData(dir.resolve("data"));
        fixture = TestProject.secondSourceFixture();
        graphs = new GraphBuilder(new ProjectInputs(root.resolve("ontology"), data, root.resolve("queries/qc"))).build();
        ds = DatasetFactory.create();
        ds.setDefaultModel(ModelFactory.createUnion(graphs.union(), ModelFactory.createDefaultModel()));
        ds.addNamedModel(Vocab.GRAPH_DATA, graphs.data());
        ds.addNamedModel(Vocab.GRAPH_CLAIMED, graphs.claimed());
        graphs.sources().forEach(ds::addNamedModel);
    }

    private static List<String> select(String where, String var) {
        String q = "PREFIX blk: <" + Vocab.BLK + ">\nPREFIX bkr: <" + ID + ">\nPREFIX dct: <http://purl.org/dc/terms/>\n"
                + "PREFIX prov: <http://www.w3.org/ns/prov#>\nPREFIX time: <http://www.w3.org/2006/time#>\n"
                + "SELECT DISTINCT ?" + var + " WHERE { " + where + " } ORDER BY ?" + var;
        List<String> out = new ArrayList<>();
        try (QueryExecution qe = QueryExecution.dataset(ds).query(q).build()) {
            qe.execSelect().forEachRemaining((QuerySolution s) -> out.add(s.get(var).isLiteral()
                    ? s.getLiteral(var).getLexicalForm() : s.getResource(var).getURI()));
        }
        return out;
    }

    @Test
    void theSecondReportLoadsBesideTheFirstAndValidates() {
        assertTrue(graphs.report().conforms(), () -> graphs.report().toString());
        assertEquals(List.of(RdfMapper.sourceGraph(N354), RdfMapper.sourceGraph(T9001)),
                graphs.sources().keySet().stream().sorted().toList());
    }

    @Test
    void apparatusNumbersDoNotCollide() {
        // both reports have a footnote 2, a section II.A and a paragraph I ¶1: each in its own source's space
        assertEquals(List.of(ID + N354 + "/fn-2", ID + T9001 + "/fn-2"),
                select("?fn a blk:Footnote ; blk:number 2", "fn"));
        assertEquals(List.of(ID + N354 + "/sec-i"), select("<" + ID + N354 + "/fn-2> blk:referencedIn ?s", "s"));
        assertEquals(List.of(ID + T9001 + "/sec-ii-a"), select("<" + ID + T9001 + "/fn-2> blk:referencedIn ?s", "s"));
        assertEquals(List.of(ID + N354 + "/par-i-1", ID + T9001 + "/par-i-1"),
                select("?p a blk:Paragraph ; blk:number 1 ; blk:inSection/blk:number \"I\"", "p"));
        // the unscoped IRIs published before issue #11 point at N°354's apparatus only
        assertEquals(List.of(ID + N354 + "/fn-2"), select("bkr:fn-2 dct:isReplacedBy ?n", "n"));
        // a section number resolves in the record's own source: the fixture's tie cites the fixture's II.A
        assertTrue(select("bkr:tie-ttp-allegiance-afghan-taliban blk:citedSection ?s", "s").contains(ID + T9001 + "/sec-ii-a"));
    }

    @Test
    void aStatementBothSourcesAssertIsOneStatementWithBothSources() {
        String tie = "bkr:tie-ttp-allegiance-afghan-taliban";
        assertEquals(List.of(ID + N354, ID + T9001), select(tie + " dct:source ?src", "src"));
        assertEquals(List.of(RdfMapper.sourceGraph(N354), RdfMapper.sourceGraph(T9001)),
                select("GRAPH ?g { " + tie + " blk:subject bkr:ttp } FILTER(STRSTARTS(STR(?g), \"" + Vocab.BASE + "graph/source/\"))", "g"));
        // each source's footnote is kept: N°354's fn 32 and the fixture's fn 2
        assertEquals(List.of(ID + N354 + "/fn-32", ID + T9001 + "/fn-2"), select(tie + " blk:citedFootnote ?fn", "fn"));
        // one tie, one subject, one object: the shared actors are reconciled, not duplicated
        assertEquals(List.of(ID + "ttp"), select(tie + " blk:subject ?s", "s"));
        assertEquals(List.of("Tehreek-e-Taliban Pakistan"), select("bkr:ttp <http://www.w3.org/2004/02/skos/core#prefLabel> ?l", "l"));
    }

    @Test
    void aStatementOneSourceAssertsHasThatSourceOnly() {
        String tie = "bkr:tie-ttp-afghan-taliban-ethnic-bond";
        assertEquals(List.of(ID + N354), select(tie + " dct:source ?src", "src"));
        assertEquals(List.of(RdfMapper.sourceGraph(N354)), select("GRAPH ?g { " + tie + " blk:subject bkr:ttp } FILTER(STRSTARTS(STR(?g), \"" + Vocab.BASE + "graph/source/\"))", "g"));
    }

    @Test
    void aFigureTheSourcesDisagreeOnKeepsBothValuesEachWithItsSource() {
        // read by hand: N°354 counts at least two Pakistani airstrikes on Afghan territory in 2024; the fixture says 3
        List<String> rows = select("?f blk:measure \"Pakistani airstrikes on Afghan territory\"@en ; blk:value ?v ; "
                + "dct:source ?src ; blk:period/time:inXSDgYear \"2024\"^^<http://www.w3.org/2001/XMLSchema#gYear> . "
                + "BIND(CONCAT(STR(?v), \" \", STRAFTER(STR(?src), \"/id/\")) AS ?row)", "row");
        assertEquals(List.of("2 " + N354, "3 " + T9001), rows);
    }

    @Test
    void eachSourceGraphSaysWhereItCameFrom() throws Exception {
        String sha = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(fixture)));
        String g = "<" + RdfMapper.sourceGraph(T9001) + ">";
        assertEquals(List.of(ID + T9001), select("GRAPH " + g + " { " + g + " dct:source ?w }", "w"));
        assertEquals(List.of(SourceProvenance.fileIri(sha)), select("GRAPH " + g + " { " + g + " prov:wasDerivedFrom ?f }", "f"));
        assertEquals(List.of("test-report-9001.md"), select("GRAPH " + g + " { ?f <http://purl.org/dc/terms/title> ?t ; a prov:Entity }", "t"));
        assertEquals(List.of(ID + T9001 + "/ingest"), select("GRAPH " + g + " { " + g + " prov:wasGeneratedBy ?a . ?a prov:used ?f }", "a"));
        // the default ("truthy") graph holds what the sources establish, not the source graphs' descriptions
        assertFalse(graphs.union().contains(graphs.union().getResource(RdfMapper.sourceGraph(T9001)), null));
    }

    @Test
    void footnoteLinksOfTheWebLayerAreScopedByTheirSource() {
        // the co-asserted tie cites N°354's fn 32 and the fixture's fn 2: the network and the entity views link
        // each footnote to its own IRI, read from the data (a bare "/id/fn-2" would be N°354's fn 2)
        List<kg.borderlands.analyse.FootnoteRef> expected = List.of(
                new kg.borderlands.analyse.FootnoteRef(T9001 + "/fn-2", 2), new kg.borderlands.analyse.FootnoteRef(N354 + "/fn-32", 32));
        kg.borderlands.analyse.NetworkEdge edge = new kg.borderlands.analyse.NetworkProjector(ds.asDatasetGraph()).project().edges()
                .stream().filter(e -> e.record().equals("tie-ttp-allegiance-afghan-taliban")).findFirst().orElseThrow();
        assertEquals(expected, edge.footnoteRefs());
        assertEquals(List.of(2, 32), edge.footnotes());
        kg.borderlands.serve.ld.EntityView ttp = new kg.borderlands.serve.ld.EntityDescriber(
                kg.borderlands.serve.ld.Snapshot.of(graphs.data(), graphs.inferred(), graphs.ontology())).describe("ttp").orElseThrow();
        kg.borderlands.serve.ld.EntityView.TieView tie = ttp.outgoingTies().stream()
                .filter(t -> t.id().equals("tie-ttp-allegiance-afghan-taliban")).findFirst().orElseThrow();
        assertEquals(expected, tie.footnoteRefs());
        String page = kg.borderlands.serve.ld.EntityPage.render(ttp);
        assertTrue(page.contains("<a href=\"/id/" + T9001 + "/fn-2\""), "the fixture's fn 2 links inside its source");
        assertTrue(page.contains("<a href=\"/id/" + N354 + "/fn-32\""), "N°354's fn 32 links inside its source");
        assertFalse(page.contains("href=\"/id/fn-"), "no unscoped footnote link");
    }

    @Test
    void aReportCitedByAnotherSourceIsThatSourcesOwnWork() {
        // the fixture's fn 1 cites "Crisis Group Asia Report N°354": ingest names that citation work-icg-report-354,
        // the id N°354's descriptor lists in citedAs; in the graph it is one entity, N°354's own work
        assertEquals(List.of(ID + N354), select("<" + ID + T9001 + "/fn-1> blk:cites ?w", "w"));
        assertEquals(List.of(ID + N354), select("bkr:work-icg-report-354 dct:isReplacedBy ?w", "w"));
        // the cited id is a redirect pointer only: not a second Work, no label of its own
        assertEquals(List.of(), select("bkr:work-icg-report-354 ?p ?o FILTER(?p != dct:isReplacedBy)", "p"));
        assertEquals(List.of(), select("?w a blk:Work ; dct:identifier \"work-icg-report-354\"", "w"));
        // and N°354's work is what both sources' citations and provenance point at
        assertTrue(select("?fn blk:cites bkr:" + N354, "fn").contains(ID + T9001 + "/fn-1"));
    }

    @Test
    void citedAsMayNameOnlyOneDocument(@TempDir Path tmp) throws Exception {
        Path d = tmp.resolve("data");
        TestProject.copyTree(data, d);
        Path descriptor = d.resolve("sources").resolve(T9001).resolve("source.yaml");
        // the fixture claiming to be cited as N°354 too, and as its own work
        Files.writeString(descriptor, Files.readString(descriptor) + "citedAs: [work-icg-report-354]\n");
        CurationException e = assertThrows(CurationException.class, () -> SourceUnits.of(d));
        assertTrue(e.getMessage().contains("citedAs 'work-icg-report-354' already names the work of source " + N354),
                e.getMessage());
        Files.writeString(descriptor, Files.readString(descriptor).replace("citedAs: [work-icg-report-354]", "citedAs: [" + T9001 + "]"));
        e = assertThrows(CurationException.class, () -> SourceUnits.of(d));
        assertTrue(e.getMessage().contains("other than the source's own work"), e.getMessage());
    }

    @Test
    void aSourceCannotReferToAnotherSourcesRecordsAndCoAssertionsMustAgree(@TempDir Path tmp) throws Exception {
        Path d = tmp.resolve("data");
        TestProject.copyTree(data, d);
        Path unit = d.resolve("sources").resolve(T9001);
        // an event only N°354 gives, referenced from the fixture; and the shared tie with a different start date
        Files.writeString(unit.resolve("bad.yaml"), """
                claims:
                  - id: cl-9001-test-only
                    type: Allegation
                    label: A synthetic test claim
                    claimant: [test-9001-authors]
                    about: [ev-2025-10-08-orakzai-attack]
                    source: {section: II.B}
                """);
        String ties = Files.readString(unit.resolve("ties.yaml")).replace("from: \"2021-08-17\"", "from: \"2021-08-18\"");
        Files.writeString(unit.resolve("ties.yaml"), ties);
        Model ontology = ModelFactory.createDefaultModel();
        try (Stream<Path> s = Files.list(TestProject.root().resolve("ontology"))) {
            s.filter(p -> p.toString().endsWith(".ttl")).forEach(p -> RDFDataMgr.read(ontology, p.toString()));
        }
        List<SourceUnit> units = SourceUnits.of(d);
        CurationException e = assertThrows(CurationException.class, () -> new RecordChecker(new OntologyIndex(ontology))
                .check(new RecordReader().readAll(d, units), units));
        List<String> messages = e.problems().stream().map(Problem::format).toList();
        assertTrue(messages.stream().anyMatch(m -> m.contains(Problem.DANGLING_REFERENCE)
                && m.contains("'ev-2025-10-08-orakzai-attack' is a record of source icg-asia-354")), messages.toString());
        assertTrue(messages.stream().anyMatch(m -> m.contains(Problem.DUPLICATE_ID)
                && m.contains("tie-ttp-allegiance-afghan-taliban") && m.contains("must agree")), messages.toString());
        assertEquals(2, messages.size(), messages.toString());
    }
}
