package kg.borderlands.link;

import kg.borderlands.curate.CurationException;
import kg.borderlands.curate.Problem;
import kg.borderlands.load.BuiltGraphs;
import kg.borderlands.load.GraphBuilder;
import kg.borderlands.load.ProjectInputs;
import kg.borderlands.support.TestProject;
import org.apache.jena.rdf.model.Model;
import org.apache.jena.rdf.model.Resource;
import org.apache.jena.vocabulary.OWL;
import org.apache.jena.vocabulary.SKOS;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.*;

/**
 * The {@code links} section of data files: checked (subject exists, predicate allowed, identifier well-formed
 * for its prefix, no shared identity) and mapped to RDF. Uses the minimal fixture plus invented test links
 * (Q99999999x are not real Wikidata items).
 */
class LinkRecordsTest {
    @TempDir
    Path tmp;
    private Path data;

    static final String VALID = """
            links:
              - id: lnk-ttp-wikidata
                type: Link
                label: TTP exactMatch a test item
                subject: ttp
                predicate: exactMatch
                object: wikidata:Q999999991
                verifiedLabel: Test item
                verifiedType: test fixture
                verifiedOn: "2026-01-02"
                verifiedVia: invented for this test
                source: {section: II.C}
              - id: lnk-afghan-taliban-geonames
                type: Link
                label: Afghan Taliban closeMatch a test feature
                subject: afghan-taliban
                predicate: closeMatch
                object: geonames:999999992
                verifiedLabel: Test feature
                verifiedType: test fixture
                verifiedOn: "2026-01-02"
                verifiedVia: invented for this test
                source: {section: II.C, footnotes: [32]}
            """;

    @BeforeEach
    void copyFixture() throws Exception {
        data = tmp.resolve("data");
        TestProject.copyTree(TestProject.root().resolve("src/test/resources/fixtures/minimal/data"), data);
    }

    private BuiltGraphs build(String links) throws Exception {
        Files.writeString(data.resolve("links.yaml"), links);
        Path root = TestProject.root();
        return new GraphBuilder(new ProjectInputs(root.resolve("ontology"), data, root.resolve("queries/qc"))).build();
    }

    private List<Problem> problems(String links) {
        CurationException e = assertThrows(CurationException.class, () -> build(links));
        return e.problems();
    }

    private static String codes(List<Problem> ps) {
        return ps.stream().map(p -> p.code() + " " + p.recordId() + " " + p.message()).collect(Collectors.joining("\n"));
    }

    @Test
    void validLinksMapToTheMappingTripleAndALinkNodeThatValidates() throws Exception {
        BuiltGraphs g = build(VALID);
        assertTrue(g.report().conforms(), g.report().summary());
        assertEquals(0, g.report().warnings(), "no warnings either");
        Model m = g.data();
        Resource ttp = m.getResource("https://w3id.org/borderlands-kg/id/ttp");
        assertTrue(m.contains(ttp, SKOS.exactMatch, m.getResource("http://www.wikidata.org/entity/Q999999991")));
        assertTrue(m.contains(m.getResource("https://w3id.org/borderlands-kg/id/afghan-taliban"), SKOS.closeMatch,
                m.getResource("https://sws.geonames.org/999999992/")), "GeoNames IRIs end with a slash");
        Resource link = m.getResource("https://w3id.org/borderlands-kg/id/lnk-ttp-wikidata");
        String blk = "https://w3id.org/borderlands-kg/ontology#";
        assertEquals(ttp, link.getPropertyResourceValue(m.createProperty(blk + "linkSubject")));
        assertEquals(SKOS.exactMatch, link.getPropertyResourceValue(m.createProperty(blk + "linkPredicate")));
        assertEquals("2026-01-02", link.getProperty(m.createProperty(blk + "verifiedOn")).getLiteral().getLexicalForm());
        assertTrue(link.hasProperty(m.createProperty(blk + "citedSection")), "a link cites the report section");
    }

    @Test
    void malformedIdentifiersAreRejected() {
        for (String bad : List.of("wikidata:Q0123", "wikidata:P31", "wikidata:q42", "geonames:0", "geonames:12a",
                "dbpedia:Two words", "viaf:123", "Q42")) {
            List<Problem> ps = problems(VALID.replace("wikidata:Q999999991", bad));
            assertTrue(ps.stream().anyMatch(p -> p.code().equals(Problem.BAD_EXTERNAL_ID)
                    && "lnk-ttp-wikidata".equals(p.recordId())), bad + ": " + codes(ps));
        }
    }

    @Test
    void onlyTheThreeMappingPredicatesAreAllowed() {
        List<Problem> ps = problems(VALID.replace("predicate: exactMatch", "predicate: broadMatch"));
        assertTrue(ps.stream().anyMatch(p -> p.code().equals(Problem.BAD_VALUE) && p.message().contains("broadMatch")), codes(ps));
    }

    @Test
    void theSubjectMustExist() {
        List<Problem> ps = problems(VALID.replace("subject: ttp", "subject: tpp"));
        assertTrue(ps.stream().anyMatch(p -> p.code().equals(Problem.DANGLING_REFERENCE) && p.message().contains("tpp")), codes(ps));
    }

    @Test
    void twoRecordsCannotBothBeIdenticalToOneExternalItem() {
        String shared = VALID.replace("predicate: closeMatch", "predicate: sameAs")
                .replace("geonames:999999992", "wikidata:Q999999991");
        List<Problem> ps = problems(shared);
        assertTrue(ps.stream().anyMatch(p -> p.code().equals(Problem.SHARED_EXTERNAL_ID)
                && "lnk-afghan-taliban-geonames".equals(p.recordId()) && p.message().contains("ttp")), codes(ps));
    }

    @Test
    void aCloseMatchMaySharedAnItemWithAnExactMatch() throws Exception {
        String close = VALID.replace("geonames:999999992", "wikidata:Q999999991");
        assertTrue(build(close).report().conforms());
    }

    @Test
    void theSameLinkTwiceIsAnError() {
        String twice = VALID + VALID.substring(VALID.indexOf("  - id: lnk-ttp-wikidata"), VALID.indexOf("  - id: lnk-afghan"))
                .replace("id: lnk-ttp-wikidata", "id: lnk-ttp-wikidata-again");
        List<Problem> ps = problems(twice);
        assertTrue(ps.stream().anyMatch(p -> p.code().equals(Problem.SHARED_EXTERNAL_ID)
                && "lnk-ttp-wikidata-again".equals(p.recordId())), codes(ps));
    }

    @Test
    void verificationFieldsAreRequired() {
        List<Problem> ps = problems(VALID.replace("    verifiedVia: invented for this test\n    source: {section: II.C}\n",
                "    source: {section: II.C}\n"));
        assertTrue(ps.stream().anyMatch(p -> p.code().equals(Problem.MISSING_FIELD) && p.message().contains("verifiedVia")), codes(ps));
        List<Problem> date = problems(VALID.replace("verifiedOn: \"2026-01-02\"\n    verifiedVia: invented for this test\n    source: {section: II.C}\n",
                "verifiedOn: \"2026-01\"\n    verifiedVia: invented for this test\n    source: {section: II.C}\n"));
        assertTrue(date.stream().anyMatch(p -> p.code().equals(Problem.BAD_DATE)), codes(date));
    }

    @Test
    void sameAsMapsToOwlSameAs() throws Exception {
        Model m = build(VALID.replace("predicate: exactMatch", "predicate: sameAs")).data();
        assertTrue(m.contains(m.getResource("https://w3id.org/borderlands-kg/id/ttp"), OWL.sameAs,
                m.getResource("http://www.wikidata.org/entity/Q999999991")));
    }
}
