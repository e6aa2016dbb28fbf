package kg.borderlands.validate;

import kg.borderlands.support.TestProject;
import org.apache.jena.rdf.model.Model;
import org.apache.jena.rdf.model.ModelFactory;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFParser;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.*;

/** The quality checks of queries/qc/ do catch what they are for (and stay silent on good records). */
class QualityChecksTest {
    private static final String PREFIXES = """
            @prefix blk: <https://w3id.org/borderlands-kg/ontology#> .
            @prefix bkr: <https://w3id.org/borderlands-kg/id/> .
            @prefix skos: <http://www.w3.org/2004/02/skos/core#> .
            @prefix xsd: <http://www.w3.org/2001/XMLSchema#> .
            """;

    private static List<Finding> run(String turtle) throws Exception {
        Model m = ModelFactory.createDefaultModel();
        RDFParser.fromString(PREFIXES + turtle, Lang.TURTLE).parse(m);
        return new QualityChecks(TestProject.root().resolve("queries/qc")).run(m);
    }

    private static Set<String> checks(List<Finding> findings) {
        return findings.stream().map(Finding::check).collect(Collectors.toSet());
    }

    @Test
    void goodRecordsPass() throws Exception {
        List<Finding> f = run("""
                bkr:sec-ii a blk:Section .
                bkr:a a blk:Actor ; skos:prefLabel "A" ; blk:record bkr:a-record .
                bkr:a-record a blk:CuratedRecord ; blk:citedSection bkr:sec-ii .
                bkr:b a blk:Actor ; skos:prefLabel "B" ; blk:record bkr:b-record .
                bkr:b-record a blk:CuratedRecord ; blk:citedSection bkr:sec-ii .
                bkr:t a blk:CuratedRecord, blk:Tie ; blk:subject bkr:a ; blk:object bkr:b ; blk:citedSection bkr:sec-ii ;
                      blk:validFrom "2021-01-01"^^xsd:date ; blk:validUntil "2022-01-01"^^xsd:date ;
                      blk:status blk:Contested ; blk:accordingTo bkr:a .
                """);
        assertEquals(List.of(), f);
    }

    @Test
    void eachCheckCatchesItsProblem() throws Exception {
        List<Finding> f = run("""
                bkr:sec-ii a blk:Section .
                bkr:a a blk:CuratedRecord, blk:Actor ; skos:prefLabel "Same" .
                bkr:b a blk:CuratedRecord, blk:Actor ; skos:prefLabel "Same" ; blk:citedSection bkr:sec-ii ;
                      blk:citedFootnote bkr:fn-999 .
                bkr:t a blk:CuratedRecord, blk:Tie ; blk:subject bkr:b ; blk:object bkr:b ; blk:citedSection bkr:sec-ii ;
                      blk:validFrom "2022-01-01"^^xsd:date ; blk:validUntil "2021-01-01"^^xsd:date .
                bkr:d a blk:CuratedRecord, blk:Denial ; blk:citedSection bkr:sec-ii ; blk:about bkr:nowhere .
                bkr:c a blk:Actor ; skos:prefLabel "C" ; blk:record bkr:c-record .
                bkr:c-record a blk:CuratedRecord ; blk:citedSection bkr:sec-ii .
                bkr:e a blk:Actor ; skos:prefLabel "E" .
                bkr:u a blk:CuratedRecord, blk:Tie ; blk:subject bkr:c ; blk:object bkr:b ; blk:citedSection bkr:sec-ii ;
                      blk:status blk:Contested .
                """);
        assertEquals(Set.of("qc:qc-01-record-without-provenance", "qc:qc-02-cited-footnote-unknown",
                "qc:qc-03-tie-to-itself", "qc:qc-04-ends-before-it-starts", "qc:qc-05-untyped-reference",
                "qc:qc-06-same-label-twice",
                "qc:qc-07-denial-answers-nothing", "qc:qc-10-contested-without-source"), checks(f));
        assertTrue(f.stream().anyMatch(x -> "e".equals(x.recordId()) && x.check().equals("qc:qc-01-record-without-provenance")),
                "an actor without a record citing a section");
        assertTrue(f.stream().allMatch(x -> x.severity() == Finding.Severity.VIOLATION));
        assertTrue(f.stream().anyMatch(x -> "a".equals(x.recordId())), "record id derived from the focus node");
    }
}
