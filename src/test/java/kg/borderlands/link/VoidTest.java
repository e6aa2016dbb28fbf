package kg.borderlands.link;

import kg.borderlands.cli.Main;
import kg.borderlands.curate.LocatedRecord;
import kg.borderlands.curate.RecordReader;
import kg.borderlands.curate.Records;
import kg.borderlands.load.StoreManager;
import kg.borderlands.serve.KgServer;
import kg.borderlands.support.TestProject;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.query.Dataset;
import org.apache.jena.rdf.model.Model;
import org.apache.jena.rdf.model.ModelFactory;
import org.apache.jena.rdf.model.Property;
import org.apache.jena.rdf.model.Resource;
import org.apache.jena.rdf.model.Statement;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFDataMgr;
import org.apache.jena.riot.RDFParser;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.system.Txn;
import org.apache.jena.vocabulary.RDF;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.*;

/** The VoID description, served at /.well-known/void and exported, against counts taken independently. */
class VoidTest {
    static final String V = VoidDescription.VOID;
    private static DatasetGraph dsg;
    private static KgServer server;
    private static long unionSize;
    private static long typedEntities;
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @BeforeAll
    static void start() throws Exception {
        dsg = TestProject.realStore().open();
        server = KgServer.builder().dataset(dsg).port(0)
                .extension(VoidServlet.extension(dsg, KgServer.DATASET + "/sparql")).build().start();
        Txn.executeRead(dsg, () -> {
            // the description counts the established knowledge graph: the default graph but its own description
            // (contested content lives only in the claimed graph, docs/ontology.md)
            unionSize = dsg.getDefaultGraph().size() - dsg.getGraph(NodeFactory.createURI(VoidDescription.GRAPH)).size();
            Set<Node> s = new HashSet<>();
            dsg.getDefaultGraph().find(Node.ANY, RDF.type.asNode(), Node.ANY).forEachRemaining(t -> {
                if (t.getSubject().isURI() && t.getSubject().getURI().startsWith("https://w3id.org/borderlands-kg/id/")) {
                    s.add(t.getSubject());
                }
            });
            typedEntities = s.size();
        });
    }

    @AfterAll
    static void stop() {
        try {
            if (server != null) server.stop();
        } finally {
            StoreManager.close(dsg);
        }
    }

    static Model fetch(String accept, Lang lang) throws Exception {
        return fetch(server, accept, lang);
    }

    static Model fetch(KgServer server, String accept, Lang lang) throws Exception {
        HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(URI.create("http://localhost:" + server.port()
                + VoidDescription.WELL_KNOWN_PATH)).header("Accept", accept).GET().build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(200, r.statusCode(), r.body());
        assertTrue(r.headers().firstValue("Content-Type").orElse("").startsWith(lang.getHeaderString()),
                r.headers().firstValue("Content-Type").toString());
        Model m = ModelFactory.createDefaultModel();
        RDFParser.fromString(r.body(), lang).parse(m);
        return m;
    }

    static long intValue(Model m, Resource s, String prop) {
        Statement st = s.getProperty(m.createProperty(V + prop));
        assertNotNull(st, "no void:" + prop + " on " + s);
        return st.getLong();
    }

    @Test
    void servedTurtleCountsMatchTheStore() throws Exception {
        Model m = fetch("text/turtle", Lang.TURTLE);
        Resource ds = m.getResource(VoidDescription.DATASET);
        assertTrue(ds.hasProperty(RDF.type, m.createResource(V + "Dataset")));
        assertEquals(unionSize, intValue(m, ds, "triples"), "void:triples = size of the union graph");
        assertEquals(typedEntities, intValue(m, ds, "entities"), "void:entities = typed IRIs in our namespace");
        assertEquals("http://localhost:" + server.port() + "/kg/sparql",
                ds.getPropertyResourceValue(m.createProperty(V + "sparqlEndpoint")).getURI());
        assertEquals("http://localhost:" + server.port() + "/kg/get",
                ds.getPropertyResourceValue(m.createProperty(V + "dataDump")).getURI());
        assertEquals(kg.borderlands.Vocab.LICENSE_DATA,
                ds.getPropertyResourceValue(org.apache.jena.vocabulary.DCTerms.license).getURI());
        assertTrue(intValue(m, ds, "classes") > 100, "classes used (ontology classes included)");
        assertEquals(m.listObjectsOfProperty(ds, m.createProperty(V + "classPartition")).toList().size(),
                m.listSubjectsWithProperty(m.createProperty(V + "class")).toList().size());
    }

    /** The build stores its description as a named graph, so the SPARQL endpoint serves it with the data. */
    @Test
    void theStoreHoldsTheDescriptionAsANamedGraphServedOverSparql() {
        String q = "PREFIX void: <" + V + "> PREFIX dct: <http://purl.org/dc/terms/>\n"
                + "SELECT ?triples ?dump ?licence ?endpoint WHERE { GRAPH <" + VoidDescription.GRAPH + "> { <"
                + VoidDescription.DATASET + "> void:triples ?triples ; void:dataDump ?dump ; dct:license ?licence ;"
                + " void:sparqlEndpoint ?endpoint } }";
        try (org.apache.jena.sparql.exec.http.QueryExecutionHTTP qe = org.apache.jena.sparql.exec.http.QueryExecutionHTTP
                .service("http://localhost:" + server.port() + "/kg/sparql").query(q).build()) {
            List<org.apache.jena.query.QuerySolution> rows = new java.util.ArrayList<>();
            qe.execSelect().forEachRemaining(rows::add);
            assertEquals(1, rows.size(), rows.toString());
            org.apache.jena.query.QuerySolution r = rows.get(0);
            assertEquals(unionSize, r.getLiteral("triples").getLong(), "the stored counts are the served counts");
            assertEquals(kg.borderlands.Vocab.BASE + "kg/get", r.getResource("dump").getURI());
            assertEquals(kg.borderlands.Vocab.BASE + "kg/sparql", r.getResource("endpoint").getURI());
            assertEquals(kg.borderlands.Vocab.LICENSE_DATA, r.getResource("licence").getURI());
        }
    }

    @Test
    void classPartitionsCountTheCuratedRecords() throws Exception {
        Model m = fetch("text/turtle", Lang.TURTLE);
        Map<String, Long> byType = new HashMap<>();
        for (LocatedRecord r : new RecordReader().readAll(TestProject.root().resolve("data"))) {
            byType.merge(r.record().type(), 1L, Long::sum);
        }
        for (String type : List.of("Person", "PoliticalParty", "Link", "Footnote")) {
            assertEquals(byType.get(type), partition(m, "https://w3id.org/borderlands-kg/ontology#" + type), type);
        }
    }

    static Long partition(Model m, String classIri) {
        Property cls = m.createProperty(V + "class");
        for (Resource part : m.listSubjectsWithProperty(cls, m.createResource(classIri)).toList()) {
            return part.getProperty(m.createProperty(V + "entities")).getLong();
        }
        return null;
    }

    @Test
    void linksetsCountTheCuratedLinksPerDatasetAndPredicate() throws Exception {
        Model m = fetch("text/turtle", Lang.TURTLE);
        Map<String, Long> expected = new HashMap<>();
        for (LocatedRecord r : new RecordReader().readAll(TestProject.root().resolve("data"))) {
            if (r.record() instanceof Records.Link l) {
                String key = ExternalIds.targetOf(l.object()).datasetIri() + " "
                        + ExternalIds.Predicate.byToken(l.predicate()).property().getURI();
                expected.merge(key, 1L, Long::sum);
            }
        }
        Map<String, Long> actual = new HashMap<>();
        for (Resource ls : m.listSubjectsWithProperty(RDF.type, m.createResource(V + "Linkset")).toList()) {
            String target = ls.getPropertyResourceValue(m.createProperty(V + "objectsTarget")).getURI();
            String pred = ls.getPropertyResourceValue(m.createProperty(V + "linkPredicate")).getURI();
            actual.put(target + " " + pred, intValue(m, ls, "triples"));
            assertTrue(m.getResource(VoidDescription.DATASET).hasProperty(m.createProperty(V + "subset"), ls));
        }
        assertEquals(expected, actual);
        assertTrue(actual.keySet().stream().anyMatch(k -> k.startsWith("https://www.wikidata.org/")));
        assertTrue(actual.keySet().stream().anyMatch(k -> k.startsWith("https://www.geonames.org/")));
    }

    @Test
    void jsonLdByContentNegotiationIsTheSameGraph() throws Exception {
        Model ttl = fetch("text/turtle", Lang.TURTLE);
        Model jsonld = fetch("application/ld+json", Lang.JSONLD);
        assertTrue(ttl.isIsomorphicWith(jsonld), "Turtle and JSON-LD describe the same graph");
        Model nt = fetch("application/n-triples", Lang.NTRIPLES);
        assertTrue(ttl.isIsomorphicWith(nt));
    }

    /** Each source's named graph is a subset of the dataset, named as a service description names a graph, with its size. */
    @Test
    void eachSourceGraphIsASubsetWithItsSize() throws Exception {
        String graph = kg.borderlands.curate.RdfMapper.sourceGraph("icg-asia-354");
        long size;
        String count = "SELECT (COUNT(*) AS ?n) WHERE { GRAPH <" + graph + "> { ?s ?p ?o } }";
        try (org.apache.jena.query.QueryExecution qe = org.apache.jena.query.QueryExecution
                .dataset(org.apache.jena.query.DatasetFactory.wrap(dsg)).query(count).build()) {
            size = org.apache.jena.system.Txn.calculateRead(dsg, () -> qe.execSelect().next().getLiteral("n").getLong());
        }
        assertTrue(size > 1000, "the source graph holds what N°354 asserts: " + size);
        String sd = "http://www.w3.org/ns/sparql-service-description#";
        Model stored = ModelFactory.createDefaultModel();
        org.apache.jena.system.Txn.executeRead(dsg, () -> stored.add(ModelFactory.createModelForGraph(
                dsg.getGraph(org.apache.jena.graph.NodeFactory.createURI(VoidDescription.GRAPH)))));
        for (Model m : List.of(fetch("text/turtle", Lang.TURTLE), stored)) {
            Resource ds = m.getResource(VoidDescription.DATASET);
            List<Resource> named = m.listSubjectsWithProperty(m.createProperty(sd + "name"), m.createResource(graph)).toList();
            assertEquals(1, named.size(), "one subset names the source graph");
            Resource sub = named.get(0);
            assertTrue(m.contains(ds, m.createProperty(V + "subset"), sub));
            assertTrue(sub.hasProperty(RDF.type, m.createResource(sd + "NamedGraph")));
            assertTrue(sub.hasProperty(RDF.type, m.createResource(V + "Dataset")));
            assertEquals(size, intValue(m, sub, "triples"), "void:triples of the source graph");
        }
    }

    /** The counts a description holds read back from it describe the same: what an incremental build starts from. */
    @Test
    void theCountsReadBackFromADescriptionDescribeTheSame() {
        VoidDescription.Stats st = VoidDescription.stats(dsg);
        assertFalse(st.sourceGraphs().isEmpty(), "source graphs counted");
        assertFalse(st.linksets().isEmpty(), "linksets counted");
        Model described = VoidDescription.forServer(st, VoidDescription.STORE_ROOT);
        VoidDescription.Stats back = VoidDescription.readStats(described.getGraph()).orElseThrow();
        assertTrue(described.isIsomorphicWith(VoidDescription.forServer(back, VoidDescription.STORE_ROOT)));
        assertEquals(st.triples(), back.triples());
        assertEquals(st.sourceGraphs(), back.sourceGraphs(), "source graphs with their sizes and sources");
        assertTrue(back.sourceGraphs().stream().allMatch(g -> g.source() != null), back.sourceGraphs().toString());
        assertEquals(st.distinctObjects(), back.distinctObjects());
        assertEquals(new java.util.HashSet<>(st.classPartitions()), new java.util.HashSet<>(back.classPartitions()));
        assertTrue(VoidDescription.readStats(ModelFactory.createDefaultModel().getGraph()).isEmpty());
    }

    /** The store's VoID graph, copied out (in a read transaction). */
    static Model storedDescription(DatasetGraph store) {
        Model stored = ModelFactory.createDefaultModel();
        Txn.executeRead(store, () -> stored.add(ModelFactory.createModelForGraph(
                store.getGraph(NodeFactory.createURI(VoidDescription.GRAPH)))));
        return stored;
    }

    /** The dataset's dct:source, sorted. */
    static List<String> datasetSources(Model m) {
        return m.listObjectsOfProperty(m.getResource(VoidDescription.DATASET), org.apache.jena.vocabulary.DCTerms.source)
                .mapWith(n -> n.asResource().getURI()).toList().stream().sorted().toList();
    }

    /** Source graph IRI → the dct:source of the subset that names it (sd:name), for every source subset. */
    static Map<String, List<String>> subsetSources(Model m) {
        Map<String, List<String>> out = new java.util.TreeMap<>();
        Property name = m.createProperty(VoidDescription.SD + "name");
        for (Resource sub : m.listSubjectsWithProperty(name).toList()) {
            assertTrue(m.contains(m.getResource(VoidDescription.DATASET), m.createProperty(V + "subset"), sub));
            out.put(sub.getPropertyResourceValue(name).getURI(), m.listObjectsOfProperty(sub,
                    org.apache.jena.vocabulary.DCTerms.source).mapWith(n -> n.asResource().getURI()).toList());
        }
        return out;
    }

    /** The project's build has one source, N°354: the dataset names it, and only it. */
    @Test
    void aOneSourceBuildNamesItsSource() throws Exception {
        String n354 = kg.borderlands.Vocab.ID + "icg-asia-354";
        for (Model m : List.of(fetch("text/turtle", Lang.TURTLE), storedDescription(dsg))) {
            assertEquals(List.of(n354), datasetSources(m));
            assertEquals(Map.of(kg.borderlands.curate.RdfMapper.sourceGraph("icg-asia-354"), List.of(n354)), subsetSources(m));
        }
    }

    /**
     * A store built from two source units (N°354 and the hand-made second report): the dataset's dct:source names
     * the work of every source unit, as their descriptors give it; each source graph's subset names its own source
     * only — in the stored description, the served one and the one {@code export} and {@code link void} write.
     */
    @Test
    void aTwoSourceBuildNamesEverySourceAndEachSubsetItsOwn() throws Exception {
        StoreManager store = TestProject.twoSourceStore();
        Path data = TestProject.root().resolve("target/test-two-sources/data");
        // what the build's descriptors say, read independently of the graph
        Map<String, List<String>> expected = new java.util.TreeMap<>();
        for (kg.borderlands.curate.SourceUnit u : kg.borderlands.curate.SourceUnits.of(data)) {
            if (u.isSource()) expected.put(kg.borderlands.curate.RdfMapper.sourceGraph(u.id()),
                    List.of(kg.borderlands.Vocab.ID + u.descriptor().work()));
        }
        assertEquals(2, expected.size(), expected.toString());
        List<String> works = expected.values().stream().flatMap(List::stream).sorted().toList();
        assertEquals(List.of(kg.borderlands.Vocab.ID + "icg-asia-354", kg.borderlands.Vocab.ID + TestProject.SECOND_SOURCE), works);

        DatasetGraph two = store.open();
        KgServer twoServer = null;
        try {
            twoServer = KgServer.builder().dataset(two).port(0)
                    .extension(VoidServlet.extension(two, KgServer.DATASET + "/sparql")).build().start();
            Map<String, Model> descriptions = new java.util.LinkedHashMap<>();
            descriptions.put("stored", storedDescription(two));
            descriptions.put("served", fetch(twoServer, "text/turtle", Lang.TURTLE));
            descriptions.put("export", VoidDescription.describe(two, null));
            for (Map.Entry<String, Model> e : descriptions.entrySet()) {
                Model m = e.getValue();
                assertEquals(works, datasetSources(m), e.getKey() + ": the dataset names every source");
                assertEquals(expected, subsetSources(m), e.getKey() + ": each subset names its own source");
                // and each subset's size is its graph's
                for (String g : expected.keySet()) {
                    long size = Txn.calculateRead(two, () -> two.getGraph(NodeFactory.createURI(g)).size());
                    Resource sub = m.listSubjectsWithProperty(m.createProperty(VoidDescription.SD + "name"),
                            m.createResource(g)).next();
                    assertEquals(size, intValue(m, sub, "triples"), e.getKey() + ": " + g);
                }
            }
            assertTrue(descriptions.get("stored").isIsomorphicWith(
                    VoidDescription.forServer(VoidDescription.stats(two), VoidDescription.STORE_ROOT)),
                    "the stored description is the one counted from the store");
        } finally {
            try {
                if (twoServer != null) twoServer.stop();
            } finally {
                StoreManager.close(two);
            }
        }
    }

    /**
     * An incremental build recounts the sizes of the source graphs a delta touched without their sources; VoidDelta
     * keeps each graph's source from the previous counts, so the dataset still names every source.
     */
    @Test
    void theDeltaKeepsEachSourceGraphsSource() {
        String g1 = kg.borderlands.curate.RdfMapper.sourceGraph("a");
        String g2 = kg.borderlands.curate.RdfMapper.sourceGraph("b");
        VoidDescription.Stats before = new VoidDescription.Stats(0, 0, 0, 0, 0, 0, List.of(), List.of(), List.of(
                new VoidDescription.GraphCount(g1, 10, kg.borderlands.Vocab.ID + "work-a"),
                new VoidDescription.GraphCount(g2, 20, kg.borderlands.Vocab.ID + "work-b")));
        VoidDescription.Stats after = VoidDelta.update(before, org.apache.jena.sparql.graph.GraphFactory.createDefaultGraph(),
                List.of(), List.of(), List.of(new VoidDescription.GraphCount(g1, 10), new VoidDescription.GraphCount(g2, 21)));
        assertEquals(List.of(new VoidDescription.GraphCount(g1, 10, kg.borderlands.Vocab.ID + "work-a"),
                new VoidDescription.GraphCount(g2, 21, kg.borderlands.Vocab.ID + "work-b")), after.sourceGraphs());
        Model m = VoidDescription.forServer(after, VoidDescription.STORE_ROOT);
        assertEquals(List.of(kg.borderlands.Vocab.ID + "work-a", kg.borderlands.Vocab.ID + "work-b"), datasetSources(m));
        assertEquals(Map.of(g1, List.of(kg.borderlands.Vocab.ID + "work-a"), g2, List.of(kg.borderlands.Vocab.ID + "work-b")),
                subsetSources(m));
        // no source graph, no source
        assertEquals(List.of(), datasetSources(VoidDescription.forServer(new VoidDescription.Stats(0, 0, 0, 0, 0, 0,
                List.of(), List.of()), VoidDescription.STORE_ROOT)));
    }
}
