package kg.borderlands.link;

import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.graph.Triple;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFParser;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.system.Txn;
import org.apache.jena.tdb2.DatabaseMgr;
import org.apache.jena.vocabulary.RDF;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.*;

/**
 * The VoID sizes read from a TDB2 database's triple indexes ({@link VoidIndexCounts}) are the numbers the SPARQL
 * definitions ({@link VoidDescription#countAll}) give on the same database, on data made to tell them apart:
 * subjects in and out of {@code id/}, blank and literal subjects, blank and literal classes, a class with no
 * entity, subjects of several classes, numbers written several ways (TDB2 keeps them inline), language strings,
 * a linkset, and named graphs (which the default graph does not count).
 */
class VoidIndexCountsTest {
    private static final String DATA = """
            @prefix bkr: <https://w3id.org/borderlands-kg/id/> .
            @prefix blk: <https://w3id.org/borderlands-kg/ontology#> .
            @prefix skos: <http://www.w3.org/2004/02/skos/core#> .
            @prefix owl: <http://www.w3.org/2002/07/owl#> .
            @prefix xsd: <http://www.w3.org/2001/XMLSchema#> .
            @prefix ex: <http://example.org/> .
            bkr:a a blk:Actor, blk:CuratedRecord ; skos:prefLabel "A"@en, "A" ; blk:n 1, "01"^^xsd:integer, "1"^^xsd:int, 1.0, 1.00, 1e0 ;
                  skos:exactMatch <http://www.wikidata.org/entity/Q123>, <http://www.wikidata.org/entity/nope> ; owl:sameAs bkr:b .
            bkr:b a blk:Actor ; blk:when "2021-01-01"^^xsd:date, "2021-01-01T00:00:00Z"^^xsd:dateTime ; blk:flag true, "1"^^xsd:boolean .
            bkr:c a blk:Place, [ a owl:Class ], "not a class" ; blk:near bkr:b, _:x .
            _:x a blk:Place ; blk:n 2 .
            ex:outside a blk:Actor, ex:OnlyOutside ; blk:n -0 .
            ex:OnlyOutside a owl:Class .
            blk:Actor a owl:Class .
            bkr:untyped blk:near ex:outside .
            """;

    @Test
    void indexCountsEqualTheQueries() {
        DatasetGraph dsg = DatabaseMgr.createDatasetGraph();
        Txn.executeWrite(dsg, () -> {
            RDFParser.fromString(DATA, Lang.TURTLE).parse(dsg.getDefaultGraph());
            // a literal subject (a generalized triple) and quads in a named graph
            dsg.getDefaultGraph().add(Triple.create(NodeFactory.createLiteralString("https://w3id.org/borderlands-kg/id/lit"),
                    RDF.type.asNode(), NodeFactory.createURI("https://w3id.org/borderlands-kg/ontology#Actor")));
            Node g = NodeFactory.createURI("https://w3id.org/borderlands-kg/graph/claimed");
            dsg.add(g, NodeFactory.createURI("https://w3id.org/borderlands-kg/id/elsewhere"), RDF.type.asNode(),
                    NodeFactory.createURI("https://w3id.org/borderlands-kg/ontology#Claim"));
        });
        Txn.executeRead(dsg, () -> {
            VoidIndexCounts.Sizes sizes = VoidIndexCounts.ofDefaultGraph(dsg).orElseThrow();
            VoidDescription.Stats byQueries = VoidDescription.countAll(dsg);
            assertEquals(byQueries, new VoidDescription.Stats(sizes.triples(), sizes.entities(), sizes.classes(),
                    sizes.properties(), sizes.distinctSubjects(), sizes.distinctObjects(), sizes.classPartitions(),
                    byQueries.linksets()));
            // the data does exercise what it is for
            assertTrue(byQueries.classPartitions().size() >= 3, "several class partitions");
            assertFalse(byQueries.linksets().isEmpty(), "a linkset");
            assertTrue(byQueries.classes() > byQueries.classPartitions().size(), "classes without a partition");
        });
        // the whole description, as a build stores it
        assertEquals(Txn.calculateRead(dsg, () -> VoidDescription.countAll(dsg).withSourceGraphs(VoidDescription.sourceGraphs(dsg))),
                VoidDescription.statsOfDefaultGraph(dsg));
    }

    /** Two inline ids that are one term: the decimals 1.0 and 1.00 (TDB2 keeps the scale, reads both as 1.0). */
    @Test
    void twoInlineIdsOfOneTermAreOneObject() {
        DatasetGraph dsg = DatabaseMgr.createDatasetGraph();
        Txn.executeWrite(dsg, () -> RDFParser.fromString("""
                <https://w3id.org/borderlands-kg/id/a> <http://example.org/n> 1.0, 1.00 .
                """, Lang.TURTLE).parse(dsg.getDefaultGraph()));
        Txn.executeRead(dsg, () -> {
            assertEquals(1, VoidDescription.countAll(dsg).distinctObjects(), "SPARQL counts one term");
            assertEquals(2, VoidDescription.countAll(dsg).triples(), "two triples are stored");
            assertEquals(1, VoidIndexCounts.ofDefaultGraph(dsg).orElseThrow().distinctObjects());
        });
    }

    /**
     * Inline values of different types with the same value bits, next to each other in the OSP index (the integer
     * 2 and the decimal 2, no other object after the integers): {@code NodeId.equals} calls them equal, the counts
     * must not.
     */
    @Test
    void inlineValuesOfTwoTypesAreTwoObjects() {
        DatasetGraph dsg = DatabaseMgr.createDatasetGraph();
        Txn.executeWrite(dsg, () -> RDFParser.fromString("""
                @prefix xsd: <http://www.w3.org/2001/XMLSchema#> .
                <https://w3id.org/borderlands-kg/id/a> <http://example.org/n> 2, "2"^^xsd:decimal , true, "2"^^xsd:double .
                """, Lang.TURTLE).parse(dsg.getDefaultGraph()));
        Txn.executeRead(dsg, () -> {
            assertEquals(4, VoidDescription.countAll(dsg).distinctObjects(), "the data are four distinct objects");
            assertEquals(4, VoidIndexCounts.ofDefaultGraph(dsg).orElseThrow().distinctObjects());
        });
    }

    @Test
    void anEmptyDatabaseCountsNothing() {
        DatasetGraph dsg = DatabaseMgr.createDatasetGraph();
        Txn.executeRead(dsg, () -> assertEquals(VoidDescription.countAll(dsg),
                VoidDescription.statsOfDefaultGraph(dsg).withSourceGraphs(java.util.List.of())));
    }

    @Test
    void notTdb2IsLeftToTheQueries() {
        assertTrue(VoidIndexCounts.ofDefaultGraph(org.apache.jena.sparql.core.DatasetGraphFactory.createTxnMem()).isEmpty());
    }
}
