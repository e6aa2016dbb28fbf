package kg.borderlands.validate;

import kg.borderlands.Vocab;
import kg.borderlands.load.BuiltGraphs;
import kg.borderlands.load.GraphBuilder;
import kg.borderlands.load.ProjectInputs;
import kg.borderlands.support.TestProject;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.Triple;
import org.apache.jena.riot.RDFDataMgr;
import org.apache.jena.shacl.ShaclValidator;
import org.apache.jena.shacl.Shapes;
import org.apache.jena.sparql.graph.GraphFactory;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.*;

/**
 * {@link ShaclValidation#validate(Graph, java.util.Collection)} (one validation context, class targets resolved
 * once, sub-classes indexed, SPARQL constraints screened once for all nodes, sh:class / sh:not / sh:or decided from
 * each node's types) gives exactly the findings, in the same order, of Jena validating each focus node on its own
 * ({@code ShaclValidator.validate(shapes, data, node)} node after node: how a unit was validated before), on the
 * project's data as built, on a damaged copy of it that breaks many shapes (a seeded 3% of the records' triples
 * removed, rdf:type and links to other records included, and literals where nodes are expected), and on the data
 * with records that make each of the 18 sh:sparql constraints fire. {@link ShaclValidation#validateRecorded} gives
 * the same findings, and a node whose footprint no change matches keeps its findings.
 */
class ShaclValidationTest {
    private static Shapes shapes;
    private static Graph built;

    @BeforeAll
    static void build() throws Exception {
        ProjectInputs inputs = ProjectInputs.under(TestProject.root());
        shapes = Shapes.parse(RDFDataMgr.loadGraph(inputs.shapesFile().toString()));
        BuiltGraphs graphs = new GraphBuilder(inputs).build();
        built = GraphFactory.createDefaultGraph();
        graphs.all().getGraph().find().forEachRemaining(built::add);
    }

    @Test
    void sameFindingsAsJenaNodeByNodeOnTheData() {
        List<Finding> expected = assertSame(built);
        assertFalse(expected.isEmpty(), "the data has warnings to compare");
    }

    @Test
    void sameFindingsAsJenaNodeByNodeOnDamagedData() {
        Graph damaged = GraphFactory.createDefaultGraph();
        Random random = new Random(354);
        List<Triple> records = new ArrayList<>();
        built.find().forEachRemaining(t -> {
            if (t.getSubject().isURI() && t.getSubject().getURI().startsWith(Vocab.ID)) records.add(t);
            else damaged.add(t);
        });
        for (Triple t : records) {
            double r = random.nextDouble();
            if (r < 0.03) continue;                                   // removed
            if (r < 0.04 && t.getObject().isURI()) {                  // a literal where a node is expected
                damaged.add(Triple.create(t.getSubject(), t.getPredicate(),
                        org.apache.jena.graph.NodeFactory.createLiteralString(t.getObject().getURI())));
                continue;
            }
            damaged.add(t);
        }
        List<Finding> expected = assertSame(damaged);
        long violations = expected.stream().filter(f -> f.severity() == Finding.Severity.VIOLATION).count();
        assertTrue(violations >= 50, "the damage breaks shapes: " + violations + " violations");
    }

    /** Records that make each sh:sparql constraint of the shapes fire (one block per constraint, in file order). */
    static final String SPARQL_DAMAGE = """
            @prefix blk:  <https://w3id.org/borderlands-kg/ontology#> .
            @prefix blkv: <https://w3id.org/borderlands-kg/vocab/> .
            @prefix id:   <https://w3id.org/borderlands-kg/id/> .
            @prefix geo:  <http://www.opengis.net/ont/geosparql#> .
            @prefix time: <http://www.w3.org/2006/time#> .
            @prefix sem:  <http://semanticweb.cs.vu.nl/2009/11/sem/> .
            @prefix dct:  <http://purl.org/dc/terms/> .
            @prefix skos: <http://www.w3.org/2004/02/skos/core#> .
            @prefix xsd:  <http://www.w3.org/2001/XMLSchema#> .
            # identifier does not match the IRI
            id:t-actor a blk:Person ; dct:identifier "t-other" .
            # a place within itself, through another
            id:t-place1 a blk:Place ; geo:sfWithin id:t-place2 .
            id:t-place2 a blk:Place ; geo:sfWithin id:t-place1 .
            # WKT point out of range
            id:t-geom a geo:Geometry ; geo:asWKT "POINT(200 10)"^^geo:wktLiteral .
            # the agent of a participation missing from blk:hasParticipant
            id:t-ev1 a blk:Event ; blk:qualifiedParticipation id:t-part .
            id:t-part a blk:Participation ; blk:agent id:t-actor .
            # part of itself
            id:t-ev2 a blk:Event ; sem:subEventOf id:t-ev3 .
            id:t-ev3 a blk:Event ; sem:subEventOf id:t-ev2 .
            # triggered by itself
            id:t-ev4 a blk:Event ; blk:triggeredBy id:t-ev4 .
            # triggered by an event that started after it ended
            id:t-ev5 a blk:Event ; blk:latest "2000-01-01"^^xsd:date ; blk:triggeredBy id:t-ev6 .
            id:t-ev6 a blk:Event ; blk:earliest "2010-01-01"^^xsd:date .
            # a sub-event outside the dates of its event ($PATH)
            id:t-ev7 a blk:Event ; sem:subEventOf id:t-ev8 ; blk:earliest "2000-01-01"^^xsd:date .
            id:t-ev8 a blk:Event ; blk:earliest "2005-01-01"^^xsd:date .
            # a day precision without its value
            id:t-i1 a time:Instant ; time:inDateTime id:t-i1d .
            id:t-i1d time:unitType time:unitDay .
            # bounds outside the day
            id:t-i2 a time:Instant ; blk:earliest "2001-01-01"^^xsd:date ; blk:latest "2001-01-01"^^xsd:date ;
                time:inDateTime id:t-i2d ; time:inXSDDate "2002-02-02"^^xsd:date .
            id:t-i2d time:unitType time:unitDay .
            # an interval that ends before it begins
            id:t-int a time:Interval ; time:hasBeginning id:t-i3 ; time:hasEnd id:t-i4 .
            id:t-i3 a time:Instant ; blk:earliest "2010-01-01"^^xsd:date .
            id:t-i4 a time:Instant ; blk:latest "2000-01-01"^^xsd:date .
            # a quote longer than 20 words
            id:t-cl1 a blk:Claim ; blk:quote "one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen sixteen seventeen eighteen nineteen twenty twenty-one" .
            # a claim responding to itself
            id:t-cl2 a blk:Claim ; blk:respondsTo id:t-cl2 .
            # a denial of a claim of its own claimant ($PATH)
            id:t-den a blk:Denial ; blk:respondsTo id:t-cl3 ; blk:claimant id:t-actor .
            id:t-cl3 a blk:Claim ; blk:claimant id:t-actor .
            # valueMax without the Range qualifier, and Range without valueMax
            id:t-fig1 a blk:Figure ; blk:value 5 ; blk:valueMax 10 .
            id:t-fig3 a blk:Figure ; blk:value 5 ; blk:qualifier blkv:Range .
            # a negative value
            id:t-fig2 a blk:Figure ; blk:value -5 .
            # a section number that does not continue its parent's
            id:t-sec1 a blk:Section ; blk:number "II.A" ; blk:parentSection id:t-sec2 .
            id:t-sec2 a blk:Section ; blk:number "III" .
            # a link without its mapping triple
            id:t-link a blk:Link ; blk:linkSubject id:t-actor ; blk:linkPredicate skos:exactMatch ;
                blk:linkTarget <http://www.wikidata.org/entity/Q1> .
            """;

    /** The built graph with {@link #SPARQL_DAMAGE} added: every sh:sparql constraint fires on it. */
    private static Graph sparqlDamaged() {
        Graph damaged = GraphFactory.createDefaultGraph();
        built.find().forEachRemaining(damaged::add);
        org.apache.jena.riot.RDFParser.fromString(SPARQL_DAMAGE, org.apache.jena.riot.Lang.TURTLE).parse(damaged);
        return damaged;
    }

    @Test
    void eachSparqlConstraintFiresWithJenasFindings() {
        Graph damaged = sparqlDamaged();
        List<Finding> expected = assertSame(damaged);
        // every sh:sparql constraint is screened (evaluated once for all nodes), and fires here
        List<SparqlScreens.Held> sparql = SparqlScreens.all(shapes.getTargetShapes());
        assertEquals(18, sparql.size(), "sh:sparql constraints in shapes.ttl");
        for (SparqlScreens.Held h : sparql) {
            assertNotNull(SparqlScreens.check(h.constraint().getQuery()), "screened: " + h.constraint());
            // Jena reports the message of the shape that holds the constraint
            Set<String> messages = new java.util.HashSet<>();
            h.shape().getMessages().forEach(m -> messages.add(m.getLiteralLexicalForm()));
            assertEquals(1, messages.size(), "one message: " + h.shape());
            assertTrue(expected.stream().anyMatch(f -> messages.contains(f.message())
                            && f.focusNode().startsWith(Vocab.ID + "t-")),
                    "fires on the damage: " + messages);
        }
    }

    @Test
    void theScreenRefusesQueriesWhereAFreeThisDiffersFromAPreBoundOne() {
        String p = "PREFIX blk: <https://w3id.org/borderlands-kg/ontology#> ";
        assertNotNull(screen(p + "SELECT $this WHERE { $this blk:a ?x . FILTER NOT EXISTS { $this blk:b ?x } }"));
        assertNotNull(screen(p + "SELECT $this WHERE { { $this blk:a ?x } UNION { $this blk:b ?x } FILTER (STR($this) != \"x\") }"));
        assertNotNull(screen(p + "SELECT $this WHERE { $this blk:a+ $this }"));
        assertNull(screen(p + "SELECT $this WHERE { ?x blk:a ?y OPTIONAL { $this blk:b ?x } }"), "OPTIONAL");
        assertNull(screen(p + "SELECT $this WHERE { $this blk:a ?x MINUS { $this blk:b ?x } }"), "MINUS");
        assertNull(screen(p + "SELECT $this WHERE { BIND (STR($this) AS ?s) $this blk:a ?s }"), "BIND before $this is bound");
        assertNull(screen(p + "SELECT $this WHERE { ?x blk:a ?y FILTER (?y = $this) }"), "$this only in a filter");
        assertNull(screen(p + "SELECT $this WHERE { { $this blk:a ?x } UNION { ?y blk:b ?x } }"), "a union branch without $this");
        assertNull(screen(p + "SELECT $this WHERE { $this blk:a ?x FILTER (!BOUND($this)) }"), "BOUND($this)");
        assertNull(screen(p + "SELECT $this WHERE { $this blk:a ?x } LIMIT 1"), "LIMIT");
        assertNull(screen(p + "SELECT (COUNT(*) AS ?n) WHERE { $this blk:a ?x }"), "aggregate");
        assertNull(screen(p + "SELECT $this WHERE { { SELECT $this WHERE { $this blk:a ?x } } }"), "sub-query");
        assertNull(screen(p + "SELECT $this WHERE { $this blk:a ?x FILTER EXISTS { OPTIONAL { $this blk:b ?x } } }"), "OPTIONAL in EXISTS");
        assertNull(screen(p + "SELECT $this WHERE { $this blk:a $currentShape }"), "$currentShape");
        assertNull(screen(p + "SELECT $this WHERE { GRAPH ?g { $this blk:a ?x } }"), "GRAPH");
    }

    private static org.apache.jena.sparql.algebra.Op screen(String query) {
        return SparqlScreens.check(org.apache.jena.query.QueryFactory.create(query));
    }

    @Test
    void recordedValidationGivesTheSameFindingsAndAnUnmatchedNodeKeepsItsFindings() {
        Graph damaged = sparqlDamaged();
        Set<Node> focus = recordNodes(damaged);
        ShaclValidation ours = new ShaclValidation(shapes);
        ShaclValidation.Recorded before = ours.validateRecorded(damaged, focus);
        List<Finding> flat = new ArrayList<>();
        before.nodes().values().forEach(r -> flat.addAll(r.findings()));
        assertEquals(ours.validate(damaged, focus), flat);

        // changes of a seeded few triples at a time: a node no change matches keeps its findings
        Random random = new Random(11);
        List<Triple> all = new ArrayList<>();
        damaged.find().forEachRemaining(all::add);
        List<Node> nodes = new ArrayList<>(focus);
        int unmatched = 0, matched = 0;
        for (int round = 0; round < 12; round++) {
            Graph changed = GraphFactory.createDefaultGraph();
            damaged.find().forEachRemaining(changed::add);
            List<Triple> change = new ArrayList<>();
            for (int i = 0; i < 3; i++) {
                Triple t = all.get(random.nextInt(all.size()));
                changed.delete(t);
                change.add(t);
                Node s = nodes.get(random.nextInt(nodes.size()));
                Triple added = Triple.create(s, t.getPredicate(), t.getObject());
                if (!changed.contains(added)) {
                    changed.add(added);
                    change.add(added);
                }
            }
            ShaclValidation.Recorded after = ours.validateRecorded(changed, focus);
            assertFalse(before.global().matchesAny(change), "no change of the class hierarchy");
            for (Node n : focus) {
                if (before.nodes().get(n).reads().matchesAny(change)) {
                    matched++;
                    continue;
                }
                unmatched++;
                assertEquals(before.nodes().get(n).findings(), after.nodes().get(n).findings(), "findings of " + n);
                assertEquals(before.nodes().get(n).reads(), after.nodes().get(n).reads(), "footprint of " + n);
            }
        }
        assertTrue(matched > 0 && unmatched > matched, matched + " matched, " + unmatched + " unmatched");
    }

    private static Set<Node> recordNodes(Graph data) {
        Set<Node> focus = new LinkedHashSet<>();
        data.find().forEachRemaining(t -> {
            if (t.getSubject().isURI() && t.getSubject().getURI().startsWith(Vocab.ID)) focus.add(t.getSubject());
        });
        return focus;
    }

    /** Compares with the oracle on every record node of {@code data}; returns the oracle's findings. */
    private static List<Finding> assertSame(Graph data) {
        Set<Node> focus = recordNodes(data);
        List<Finding> expected = new ArrayList<>();
        ShaclValidation ours = new ShaclValidation(shapes);
        for (Node n : focus) expected.addAll(ours.findingsOf(ShaclValidator.get().validate(shapes, data, n)));
        List<Finding> actual = ours.validate(data, focus);
        assertEquals(expected.size(), actual.size(), "number of findings");
        assertEquals(expected, actual);
        return expected;
    }
}
