package kg.borderlands.link;

import kg.borderlands.Vocab;
import kg.borderlands.load.StoreManager;
import kg.borderlands.support.TestProject;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.graph.Triple;
import org.apache.jena.rdf.model.Model;
import org.apache.jena.rdf.model.ModelFactory;
import org.apache.jena.rdf.model.RDFNode;
import org.apache.jena.rdf.model.Resource;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.system.Txn;
import org.apache.jena.vocabulary.OWL;
import org.apache.jena.vocabulary.RDF;
import org.apache.jena.vocabulary.SKOS;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.*;

/**
 * The linkset graph (docs/linking.md): the mapping triples of the curated links are in {@code graph/links}, not in
 * {@code graph/data}; the default graph still has them; the link records that say how each was checked stay in the
 * data graph; VoID describes the linksets with their target, predicate and triple counts; {@code owl:sameAs} links
 * only persons to items of the same kind.
 */
class LinksetTest {
    private static DatasetGraph dsg;
    private static final Node LINKS = NodeFactory.createURI(Linkset.GRAPH);
    private static final Node DATA = NodeFactory.createURI(Vocab.GRAPH_DATA);

    @BeforeAll
    static void open() throws Exception {
        dsg = TestProject.realStore().open();
    }

    @AfterAll
    static void close() {
        StoreManager.close(dsg);
    }

    /** Link records in the curated YAML, counted on the text (one "- id: lnk-" per record). */
    private static long curatedLinks() throws IOException {
        try (Stream<Path> s = Files.walk(TestProject.root().resolve("data/links"))) {
            return s.filter(p -> p.toString().endsWith(".yaml")).mapToLong(p -> {
                try {
                    return Files.readAllLines(p).stream().filter(l -> l.trim().startsWith("- id: lnk-")).count();
                } catch (IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            }).sum();
        }
    }

    @Test
    void mappingTriplesAreInTheLinksGraphOnly() throws Exception {
        long records = curatedLinks();
        assertTrue(records > 100, "curated links: " + records);
        Txn.executeRead(dsg, () -> {
            Graph links = dsg.getGraph(LINKS);
            Graph data = dsg.getGraph(DATA);
            assertEquals(records, links.size(), "one mapping triple per link record, all in graph/links");
            List<String> problems = new ArrayList<>();
            links.find().forEachRemaining(t -> {
                if (!Linkset.isMapping(t)) problems.add("not a mapping triple in graph/links: " + t);
                if (data.contains(t)) problems.add("also in graph/data: " + t);
                if (!dsg.getDefaultGraph().contains(t)) problems.add("missing from the default graph: " + t);
                // the evidence record for this mapping is in the data graph
                boolean evidence = data.find(Node.ANY, NodeFactory.createURI(Vocab.BLK + "linkTarget"), t.getObject()).hasNext();
                if (!evidence) problems.add("no blk:Link record in graph/data for " + t);
            });
            for (var p : List.of(SKOS.exactMatch, SKOS.closeMatch, OWL.sameAs)) {
                data.find(Node.ANY, p.asNode(), Node.ANY).forEachRemaining(t -> {
                    if (t.getSubject().getURI().startsWith(Vocab.ID)) problems.add("mapping triple left in graph/data: " + t);
                });
            }
            assertEquals(List.of(), problems);
        });
    }

    @Test
    void sameAsOnlyBetweenPersonsAndHumans() {
        Txn.executeRead(dsg, () -> {
            Model all = ModelFactory.createModelForGraph(dsg.getDefaultGraph());
            List<Resource> subjects = ModelFactory.createModelForGraph(dsg.getGraph(LINKS))
                    .listSubjectsWithProperty(OWL.sameAs).toList();
            assertFalse(subjects.isEmpty(), "the persons linked with owl:sameAs");
            for (Resource s : subjects) {
                assertTrue(all.contains(s, RDF.type, all.createResource(Vocab.BLK + "Person")), s + " is not a person");
            }
        });
    }

    @Test
    void voidDescribesEachLinksetWithItsTargetPredicateAndCount() {
        Txn.executeRead(dsg, () -> {
            Model links = ModelFactory.createModelForGraph(dsg.getGraph(LINKS));
            Model v = ModelFactory.createModelForGraph(dsg.getGraph(NodeFactory.createURI(VoidDescription.GRAPH)));
            Resource linkset = v.createResource(Vocab.VOID + "Linkset");
            long sum = 0;
            for (Resource ls : v.listSubjectsWithProperty(RDF.type, linkset).toList()) {
                RDFNode predicate = ls.getPropertyResourceValue(v.createProperty(Vocab.VOID, "linkPredicate"));
                Resource target = ls.getPropertyResourceValue(v.createProperty(Vocab.VOID, "objectsTarget"));
                assertNotNull(predicate, ls + " has no void:linkPredicate");
                assertNotNull(target, ls + " has no void:objectsTarget");
                assertTrue(ls.hasProperty(v.createProperty(Vocab.VOID, "target"), target), ls + " void:target");
                String ns = target.getProperty(v.createProperty(Vocab.VOID, "uriSpace")).getString();
                long counted = links.listStatements(null, links.createProperty(predicate.asResource().getURI()), (RDFNode) null)
                        .filterKeep(st -> st.getObject().asResource().getURI().startsWith(ns)).toList().size();
                long stated = ls.getProperty(v.createProperty(Vocab.VOID, "triples")).getLong();
                assertEquals(counted, stated, ls + ": void:triples against the links graph");
                sum += stated;
            }
            assertEquals(links.size(), sum, "the linksets cover the links graph");
        });
    }

    @Test
    void isMappingTellsMappingsFromOtherTriples() {
        Node ours = NodeFactory.createURI(Vocab.ID + "imran-khan");
        Node wd = NodeFactory.createURI("http://www.wikidata.org/entity/Q1");
        assertTrue(Linkset.isMapping(Triple.create(ours, OWL.sameAs.asNode(), wd)));
        assertTrue(Linkset.isMapping(Triple.create(ours, SKOS.closeMatch.asNode(), NodeFactory.createURI("https://sws.geonames.org/1/"))));
        // a unit mapped to QUDT is the ontology's, not a link of a record; a label is not a mapping
        assertFalse(Linkset.isMapping(Triple.create(NodeFactory.createURI(Vocab.VOCAB + "Percent"), SKOS.exactMatch.asNode(),
                NodeFactory.createURI("http://qudt.org/vocab/unit/PERCENT"))));
        assertFalse(Linkset.isMapping(Triple.create(ours, SKOS.prefLabel.asNode(), NodeFactory.createLiteralString("x"))));
        assertFalse(Linkset.isMapping(Triple.create(ours, SKOS.exactMatch.asNode(), NodeFactory.createURI("http://example.org/x"))));
    }
}
