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
            @prefix blkv: <https://w3id.org/borderlands-kg/vocab/> .
            @prefix bkr: <https://w3id.org/borderlands-kg/id/> .
            @prefix skos: <http://www.w3.org/2004/02/skos/core#> .
            @prefix xsd: <http://www.w3.org/2001/XMLSchema#> .
            bkr:sec-ii a blk:Section .
            bkr:pti a blk:Actor ; skos:prefLabel "Pakistan Tehreek-e-Insaf" ; blk:record bkr:pti-record .
            bkr:pti-record a blk:CuratedRecord ; blk:citedSection bkr:sec-ii .
            bkr:tg a blk:Actor ; skos:prefLabel "Taliban de facto government" ; blk:record bkr:tg-record .
            bkr:tg-record a blk:CuratedRecord ; blk:citedSection bkr:sec-ii .
            bkr:ttp a blk:Actor ; skos:prefLabel "Tehreek-e-Taliban Pakistan" ; blk:record bkr:ttp-record .
            bkr:ttp-record a blk:CuratedRecord ; blk:citedSection bkr:sec-ii .
            bkr:army a blk:Actor ; skos:prefLabel "Pakistani military" ; blk:record bkr:army-record .
            bkr:army-record a blk:CuratedRecord ; blk:citedSection bkr:sec-ii .
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
                      blk:status blkv:Contested ; blk:accordingTo bkr:a .
                """);
        assertEquals(List.of(), f);
    }

    @Test
    void eachCheckCatchesItsProblem() throws Exception {
        List<Finding> f = run("""
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
                      blk:status blkv:Contested .
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

    private static List<Finding> of(String check, List<Finding> all) {
        return all.stream().filter(x -> x.check().equals("qc:" + check)).toList();
    }

    @Test
    void advocacyAndOppositionLabelsSayWhatIsAdvocatedOrOpposed() throws Exception {
        List<Finding> f = run("""
                # good: the label is built from what is advocated; the object actor is not named as the thing advocated
                bkr:good1 a blk:CuratedRecord, blk:Tie, blk:Advocacy ; blk:citedSection bkr:sec-ii ;
                    blk:subject bkr:pti ; blk:object bkr:tg ; skos:prefLabel "PTI calls for engaging the Afghan Taliban" ;
                    blk:objectDescription "engagement with the Afghan Taliban"@en .
                # good: the report says the actor itself is opposed, and the object description says so
                bkr:good2 a blk:CuratedRecord, blk:Tie, blk:Opposition ; blk:citedSection bkr:sec-ii ;
                    blk:subject bkr:pti ; blk:object bkr:ttp ; skos:prefLabel "PTI opposes Tehreek-e-Taliban Pakistan" ;
                    blk:objectDescription "Tehreek-e-Taliban Pakistan itself"@en .
                # bad: the generated pattern, naming an actor where the report names an action
                bkr:bad1 a blk:CuratedRecord, blk:Tie, blk:Advocacy ; blk:citedSection bkr:sec-ii ;
                    blk:subject bkr:pti ; blk:object bkr:tg ;
                    skos:prefLabel "Pakistan Tehreek-e-Insaf advocates Taliban de facto government" ;
                    blk:objectDescription "talks with Kabul"@en .
                # bad: the criticism of operations labelled as opposition to the military as such
                bkr:bad2 a blk:CuratedRecord, blk:Tie, blk:Opposition ; blk:citedSection bkr:sec-ii ;
                    blk:subject bkr:pti ; blk:object bkr:army ; skos:prefLabel "PTI opposes Pakistani military" .
                """);
        List<Finding> q = of("qc-08-tie-label-names-actor", f);
        assertEquals(Set.of("bad1", "bad2"), q.stream().map(Finding::recordId).collect(Collectors.toSet()), q.toString());
        assertEquals(2, q.size(), q.toString());
    }

    @Test
    void announcedStrikeTargetsStayClaims() throws Exception {
        List<Finding> f = run("""
                # good: the strike names no target; Pakistan's claim about it does
                bkr:strike1 a blk:CuratedRecord, blk:Event ; blk:citedSection bkr:sec-ii ;
                    blk:qualifiedParticipation [ blk:agent bkr:army ; blk:role blkv:Perpetrator ] .
                bkr:claim1 a blk:CuratedRecord, blk:Claim ; blk:citedSection bkr:sec-ii ; blk:claimant bkr:army ;
                    blk:act blkv:StrikeTarget ; blk:about bkr:strike1 , bkr:ttp .
                # good: an attack with an established target and no contesting claim
                bkr:attack a blk:CuratedRecord, blk:Event ; blk:citedSection bkr:sec-ii ;
                    blk:qualifiedParticipation [ blk:agent bkr:army ; blk:role blkv:Target ] .
                # bad: the announced target is also the event's fact
                bkr:strike2 a blk:CuratedRecord, blk:Event ; blk:citedSection bkr:sec-ii ;
                    blk:qualifiedParticipation [ blk:agent bkr:ttp ; blk:role blkv:Target ] .
                bkr:claim2 a blk:CuratedRecord, blk:Claim ; blk:citedSection bkr:sec-ii ; blk:claimant bkr:army ;
                    blk:act blkv:StrikeTarget ; blk:about bkr:strike2 , bkr:ttp .
                # bad: a target claim about no event, naming no target
                bkr:claim3 a blk:CuratedRecord, blk:Claim ; blk:citedSection bkr:sec-ii ; blk:claimant bkr:army ;
                    blk:act blkv:StrikeTarget .
                """);
        List<Finding> q = of("qc-09-announced-target-as-fact", f);
        assertEquals(Set.of("strike2", "claim3"), q.stream().map(Finding::recordId).collect(Collectors.toSet()), q.toString());
        assertEquals(3, q.size(), "claim3 fails twice (no event, no target): " + q);
    }
}
