package kg.borderlands.link;

import kg.borderlands.Vocab;
import org.apache.jena.datatypes.xsd.XSDDatatype;
import org.apache.jena.query.DatasetFactory;
import org.apache.jena.query.Query;
import org.apache.jena.query.QueryExecution;
import org.apache.jena.query.QueryFactory;
import org.apache.jena.query.QuerySolution;
import org.apache.jena.rdf.model.Literal;
import org.apache.jena.rdf.model.Model;
import org.apache.jena.rdf.model.ModelFactory;
import org.apache.jena.rdf.model.Property;
import org.apache.jena.rdf.model.Resource;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.system.Txn;
import org.apache.jena.vocabulary.DCTerms;
import org.apache.jena.vocabulary.RDF;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * A VoID description of the graph, computed from the store: size (triples, entities, classes, properties,
 * distinct subjects and objects), one class partition per class, the SPARQL endpoint, and one linkset per
 * external dataset and mapping predicate with its number of link triples, the data licence and where the dump
 * is. Stored with the build as the named graph {@link #GRAPH} (so the SPARQL endpoint and the Graph Store
 * Protocol serve it with the dataset), served at {@code /.well-known/void}, and included in exports.
 *
 * <p>The description is of the knowledge graph proper: the ontology, data, links ({@link Linkset#GRAPH}) and inferred graphs. The counts
 * leave out the description itself, so they are the same whether it is stored or not.
 *
 * <p>Its sources are those of the build: each source graph ({@code …/graph/source/{id}}, one per source unit) is a
 * subset whose {@code dct:source} is that source's work, as the graph's own PROV record gives it (written from the
 * unit's descriptor, {@code SourceProvenance}); the dataset's {@code dct:source} is every one of those works. A
 * build without source units names no source.
 */
public final class VoidDescription {
    public static final String VOID = Vocab.VOID;
    /** The SPARQL 1.1 Service Description vocabulary (sd:NamedGraph, sd:name). */
    public static final String SD = "http://www.w3.org/ns/sparql-service-description#";
    /** The dataset being described. */
    public static final String DATASET = Vocab.BASE + "dataset";
    /** Named graph that holds the description in TriG exports. */
    public static final String GRAPH = Vocab.BASE + "graph/void";
    /** Where the server publishes it (RFC 8615 well-known location used by VoID). */
    public static final String WELL_KNOWN_PATH = "/.well-known/void";
    /** The graphs the description counts: the knowledge graph without its own description. */
    public static final List<String> DESCRIBED_GRAPHS = List.of(Vocab.GRAPH_ONTOLOGY, Vocab.GRAPH_DATA, Linkset.GRAPH,
            Vocab.GRAPH_INFERRED);
    /**
     * Server paths of the SPARQL endpoint and of the dump (the Graph Store Protocol's read of the whole dataset,
     * every named graph, as N-Quads or TriG). The stored description places them under {@link Vocab#BASE}, the
     * IRI space that is mapped onto the server's root as for {@code /id/}; the served one under the server's own
     * address.
     */
    public static final String SPARQL_PATH = "/kg/sparql";
    public static final String DUMP_PATH = "/kg/get";

    private static final String P = """
            PREFIX blk: <https://w3id.org/borderlands-kg/ontology#>
            PREFIX rdf: <http://www.w3.org/1999/02/22-rdf-syntax-ns#>
            """;

    private VoidDescription() {}

    /**
     * Counts queried from the default graph (the union of ontology, data and inferred graphs), and the size of
     * each source's named graph ({@code …/graph/source/{id}}, each a subset of the dataset).
     */
    public record Stats(long triples, long entities, long classes, long properties, long distinctSubjects,
                        long distinctObjects, List<ClassCount> classPartitions, List<LinksetCount> linksets,
                        List<GraphCount> sourceGraphs) {
        public Stats {
            classPartitions = List.copyOf(classPartitions);
            linksets = List.copyOf(linksets);
            sourceGraphs = List.copyOf(sourceGraphs);
        }

        /** The same counts without source graphs (a graph built in one piece, a file export). */
        public Stats(long triples, long entities, long classes, long properties, long distinctSubjects,
                     long distinctObjects, List<ClassCount> classPartitions, List<LinksetCount> linksets) {
            this(triples, entities, classes, properties, distinctSubjects, distinctObjects, classPartitions, linksets,
                    List.of());
        }

        /** These counts with these source graphs. */
        public Stats withSourceGraphs(List<GraphCount> graphs) {
            return new Stats(triples, entities, classes, properties, distinctSubjects, distinctObjects,
                    classPartitions, linksets, graphs);
        }
    }

    public record ClassCount(String classIri, long entities) {}

    /**
     * The size of one named graph, a source's graph {@code …/graph/source/{id}}, and the IRI of the source's work
     * (the graph's {@code dct:source}; {@code null} if the graph does not say).
     */
    public record GraphCount(String graphIri, long triples, String source) {
        public GraphCount {
            Objects.requireNonNull(graphIri, "graphIri");
        }

        /** A size without its source (an incremental build's recount: {@link VoidDelta} keeps the source). */
        public GraphCount(String graphIri, long triples) {
            this(graphIri, triples, null);
        }

        /** IRI of the subset node that describes the graph in the VoID description. */
        public String iri() {
            return DATASET + "/source/" + graphIri.substring(graphIri.lastIndexOf('/') + 1);
        }
    }

    /** The IRIs of the sources' named graphs start so ({@code RdfMapper.sourceGraph}). */
    public static final String SOURCE_GRAPH_PREFIX = kg.borderlands.curate.RdfMapper.sourceGraph("");

    /** The sizes and sources of the source graphs of a store, by graph IRI (in the caller's read transaction). */
    public static List<GraphCount> sourceGraphs(DatasetGraph store) {
        List<GraphCount> out = new ArrayList<>();
        store.listGraphNodes().forEachRemaining(g -> {
            if (g.isURI() && g.getURI().startsWith(SOURCE_GRAPH_PREFIX)) {
                out.add(sourceGraph(store.getGraph(g), g.getURI(), store.getGraph(g).size()));
            }
        });
        out.sort(java.util.Comparator.comparing(GraphCount::graphIri));
        return out;
    }

    /** The sizes and sources of source graphs held as models, by graph IRI. */
    public static List<GraphCount> sourceGraphs(java.util.Map<String, Model> graphs) {
        return graphs.entrySet().stream().map(e -> sourceGraph(e.getValue().getGraph(), e.getKey(), e.getValue().size()))
                .sorted(java.util.Comparator.comparing(GraphCount::graphIri)).toList();
    }

    /**
     * Source graph {@code graphIri} of {@code triples} triples, with the work it names as its {@code dct:source}
     * in its PROV record ({@code <graph> dct:source <work>}, written from the unit's descriptor); one lookup.
     */
    public static GraphCount sourceGraph(org.apache.jena.graph.Graph graph, String graphIri, long triples) {
        org.apache.jena.graph.Node g = org.apache.jena.graph.NodeFactory.createURI(graphIri);
        String work = null;
        var it = graph.find(g, DCTerms.source.asNode(), org.apache.jena.graph.Node.ANY);
        try {
            while (it.hasNext()) {
                org.apache.jena.graph.Node o = it.next().getObject();
                // one work per source unit; the smallest IRI if a graph ever said more, so every build says the same
                if (o.isURI() && (work == null || o.getURI().compareTo(work) < 0)) work = o.getURI();
            }
        } finally {
            it.close();
        }
        return new GraphCount(graphIri, triples, work);
    }

    /** The works the source graphs name, each once, in IRI order: the dataset's {@code dct:source}. */
    public static List<String> sources(Stats st) {
        return st.sourceGraphs().stream().map(GraphCount::source).filter(Objects::nonNull).distinct().sorted().toList();
    }

    public record LinksetCount(ExternalIds.Target target, ExternalIds.Predicate predicate, long triples) {
        /** IRI of the linkset node. */
        public String iri() {
            return DATASET + "/linkset/" + target.prefix() + "-" + predicate.token();
        }
    }

    /** SPARQL that counts the entities of the graph: our records (IRIs under {@code id/}) that have a type. */
    public static final String ENTITIES_QUERY = P + """
            SELECT (COUNT(DISTINCT ?s) AS ?n) WHERE {
              ?s rdf:type ?type . FILTER(STRSTARTS(STR(?s), "https://w3id.org/borderlands-kg/id/"))
            }""";

    /** Counts over {@link #DESCRIBED_GRAPHS} of a store. */
    public static Stats stats(DatasetGraph store) {
        Objects.requireNonNull(store, "store");
        return Txn.calculateRead(store, () -> countAll(org.apache.jena.sparql.core.DatasetGraphFactory.wrap(
                new org.apache.jena.sparql.graph.GraphUnionRead(store, DESCRIBED_GRAPHS.stream()
                        .map(org.apache.jena.graph.NodeFactory::createURI).toList()))).withSourceGraphs(sourceGraphs(store)));
    }

    /**
     * Counts over the default graph of a store that holds exactly the knowledge graph there (ontology, data
     * and inferred graphs, no VoID description yet): on a TDB2 database the sizes are read from its triple
     * indexes ({@link VoidIndexCounts}, the numbers the queries give), the linksets queried; otherwise the
     * queries run on the store's own engine.
     */
    public static Stats statsOfDefaultGraph(DatasetGraph store) {
        Objects.requireNonNull(store, "store");
        return Txn.calculateRead(store, () -> VoidIndexCounts.ofDefaultGraph(store)
                .map(sizes -> new Stats(sizes.triples(), sizes.entities(), sizes.classes(), sizes.properties(),
                        sizes.distinctSubjects(), sizes.distinctObjects(), sizes.classPartitions(), linksets(store)))
                .orElseGet(() -> countAll(store)).withSourceGraphs(sourceGraphs(store)));
    }

    /** Counts over one graph that is the knowledge graph (e.g. a build's union, before it is stored). */
    public static Stats stats(org.apache.jena.graph.Graph kg) {
        return countAll(org.apache.jena.sparql.core.DatasetGraphFactory.wrap(Objects.requireNonNull(kg, "kg")));
    }

    /** Every count by SPARQL over the default graph of {@code dsg} (the definition {@link VoidIndexCounts} is tested against). */
    static Stats countAll(DatasetGraph dsg) {
        {
            long triples = count(dsg, "SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }");
            long entities = count(dsg, ENTITIES_QUERY);
            long classes = count(dsg, P + "SELECT (COUNT(DISTINCT ?c) AS ?n) WHERE { ?s rdf:type ?c }");
            long properties = count(dsg, "SELECT (COUNT(DISTINCT ?p) AS ?n) WHERE { ?s ?p ?o }");
            long subjects = count(dsg, "SELECT (COUNT(DISTINCT ?s) AS ?n) WHERE { ?s ?p ?o }");
            long objects = count(dsg, "SELECT (COUNT(DISTINCT ?o) AS ?n) WHERE { ?s ?p ?o }");
            List<ClassCount> parts = new ArrayList<>();
            select(dsg, P + """
                    SELECT ?c (COUNT(DISTINCT ?s) AS ?n) WHERE {
                      ?s rdf:type ?c . FILTER(STRSTARTS(STR(?s), "https://w3id.org/borderlands-kg/id/")) FILTER(isIRI(?c))
                    } GROUP BY ?c ORDER BY ?c""",
                    s -> parts.add(new ClassCount(s.getResource("c").getURI(), s.getLiteral("n").getLong())));
            return new Stats(triples, entities, classes, properties, subjects, objects, parts, linksets(dsg));
        }
    }

    /** The linksets of the default graph of {@code dsg}: one query per external dataset and mapping predicate. */
    private static List<LinksetCount> linksets(DatasetGraph dsg) {
        List<LinksetCount> links = new ArrayList<>();
        for (ExternalIds.Target t : ExternalIds.Target.values()) {
            for (ExternalIds.Predicate p : ExternalIds.Predicate.values()) {
                long n = count(dsg, linksetQuery(t, p));
                if (n > 0) links.add(new LinksetCount(t, p, n));
            }
        }
        return links;
    }

    /** SPARQL that counts the link triples of one linkset: our records, one predicate, one external dataset. */
    public static String linksetQuery(ExternalIds.Target t, ExternalIds.Predicate p) {
        return "SELECT (COUNT(*) AS ?n) WHERE { ?s <" + p.property().getURI() + "> ?o . "
                + "FILTER(STRSTARTS(STR(?s), \"" + Vocab.ID + "\")) "
                + "FILTER(isIRI(?o) && REGEX(STR(?o), \"" + t.iriRegex() + "\")) }";
    }

    /** The description as RDF; {@code sparqlEndpoint} may be null (no endpoint known, e.g. a file export). */
    public static Model describe(Stats st, String sparqlEndpoint) {
        return describe(st, sparqlEndpoint, null);
    }

    /**
     * The description as served by a server whose root is {@code serverRoot} (e.g. {@code http://localhost:3030}):
     * its SPARQL endpoint and its dump.
     */
    public static Model forServer(Stats st, String serverRoot) {
        Objects.requireNonNull(serverRoot, "serverRoot");
        return describe(st, serverRoot + SPARQL_PATH, serverRoot + DUMP_PATH);
    }

    /** The description stored with a build: endpoint and dump under {@link Vocab#BASE}. */
    public static Model forStore(org.apache.jena.graph.Graph kg) {
        return forStore(kg, java.util.Map.of());
    }

    /** The description stored with a build, with its source graphs (graph IRI → graph). */
    public static Model forStore(org.apache.jena.graph.Graph kg, java.util.Map<String, Model> sourceGraphs) {
        return forServer(stats(kg).withSourceGraphs(sourceGraphs(sourceGraphs)), STORE_ROOT);
    }

    /** Where the stored description places the endpoint and the dump: {@link Vocab#BASE} without its slash. */
    public static final String STORE_ROOT = Vocab.BASE.substring(0, Vocab.BASE.length() - 1);

    /** The description as RDF; {@code sparqlEndpoint} and {@code dataDump} may be null (not known). */
    public static Model describe(Stats st, String sparqlEndpoint, String dataDump) {
        Model m = ModelFactory.createDefaultModel();
        m.setNsPrefixes(Vocab.prefixes());
        m.setNsPrefix("void", VOID);
        Resource ds = m.createResource(DATASET);
        ds.addProperty(RDF.type, v(m, "Dataset"));
        ds.addProperty(DCTerms.title, "borderlands-kg", "en");
        ds.addProperty(DCTerms.description, "Knowledge graph of the actors and relationships in the reports it "
                + "names as its sources, with every curated statement traced to its source's sections and footnotes.", "en");
        // every source the build was built from (one source graph each), not a constant
        for (String source : sources(st)) ds.addProperty(DCTerms.source, m.createResource(source));
        ds.addProperty(DCTerms.license, m.createResource(Vocab.LICENSE_DATA));
        ds.addProperty(p(m, "uriSpace"), Vocab.ID);
        ds.addProperty(p(m, "vocabulary"), m.createResource(Vocab.BLK));
        if (sparqlEndpoint != null) ds.addProperty(p(m, "sparqlEndpoint"), m.createResource(sparqlEndpoint));
        if (dataDump != null) ds.addProperty(p(m, "dataDump"), m.createResource(dataDump));
        ds.addLiteral(p(m, "triples"), integer(m, st.triples()));
        ds.addLiteral(p(m, "entities"), integer(m, st.entities()));
        ds.addLiteral(p(m, "classes"), integer(m, st.classes()));
        ds.addLiteral(p(m, "properties"), integer(m, st.properties()));
        ds.addLiteral(p(m, "distinctSubjects"), integer(m, st.distinctSubjects()));
        ds.addLiteral(p(m, "distinctObjects"), integer(m, st.distinctObjects()));
        for (ClassCount c : st.classPartitions()) {
            Resource part = m.createResource();
            part.addProperty(p(m, "class"), m.createResource(c.classIri()));
            part.addLiteral(p(m, "entities"), integer(m, c.entities()));
            ds.addProperty(p(m, "classPartition"), part);
        }
        for (LinksetCount l : st.linksets()) {
            Resource target = m.createResource(l.target().datasetIri());
            target.addProperty(RDF.type, v(m, "Dataset"));
            target.addProperty(DCTerms.title, l.target().title(), "en");
            target.addProperty(p(m, "uriSpace"), l.target().namespace());
            Resource ls = m.createResource(l.iri());
            ls.addProperty(RDF.type, v(m, "Linkset"));
            ls.addProperty(p(m, "subjectsTarget"), ds);
            ls.addProperty(p(m, "objectsTarget"), target);
            ls.addProperty(p(m, "target"), ds);
            ls.addProperty(p(m, "target"), target);
            ls.addProperty(p(m, "linkPredicate"), l.predicate().property());
            ls.addLiteral(p(m, "triples"), integer(m, l.triples()));
            ds.addProperty(p(m, "subset"), ls);
        }
        // each source's named graph, a subset of the dataset, as a SPARQL service description names it
        if (!st.sourceGraphs().isEmpty()) m.setNsPrefix("sd", SD);
        for (GraphCount g : st.sourceGraphs()) {
            Resource sub = m.createResource(g.iri());
            sub.addProperty(RDF.type, v(m, "Dataset"));
            sub.addProperty(RDF.type, m.createResource(SD + "NamedGraph"));
            sub.addProperty(m.createProperty(SD + "name"), m.createResource(g.graphIri()));
            if (g.source() != null) sub.addProperty(DCTerms.source, m.createResource(g.source()));
            sub.addLiteral(p(m, "triples"), integer(m, g.triples()));
            ds.addProperty(p(m, "subset"), sub);
        }
        return m;
    }

    /**
     * The counts a description holds, read back from it (what {@link #describe} wrote: the dataset's counts, its
     * class partitions, linksets and source graphs); empty if {@code description} describes no dataset.
     */
    public static java.util.Optional<Stats> readStats(org.apache.jena.graph.Graph description) {
        Model m = ModelFactory.createModelForGraph(Objects.requireNonNull(description, "description"));
        Resource ds = m.createResource(DATASET);
        if (!ds.hasProperty(p(m, "triples"))) return java.util.Optional.empty();
        List<ClassCount> parts = new ArrayList<>();
        m.listObjectsOfProperty(ds, p(m, "classPartition")).forEachRemaining(n -> {
            Resource part = n.asResource();
            parts.add(new ClassCount(part.getPropertyResourceValue(p(m, "class")).getURI(),
                    part.getProperty(p(m, "entities")).getLong()));
        });
        parts.sort(java.util.Comparator.comparing(ClassCount::classIri));
        List<LinksetCount> links = new ArrayList<>();
        for (ExternalIds.Target t : ExternalIds.Target.values()) {
            for (ExternalIds.Predicate pr : ExternalIds.Predicate.values()) {
                LinksetCount l = new LinksetCount(t, pr, 0);
                Resource ls = m.createResource(l.iri());
                if (m.contains(ds, p(m, "subset"), ls)) links.add(new LinksetCount(t, pr, ls.getProperty(p(m, "triples")).getLong()));
            }
        }
        List<GraphCount> graphs = new ArrayList<>();
        m.listObjectsOfProperty(ds, p(m, "subset")).forEachRemaining(n -> {
            Resource sub = n.asResource();
            Resource name = sub.getPropertyResourceValue(m.createProperty(SD + "name"));
            Resource source = sub.getPropertyResourceValue(DCTerms.source);
            if (name != null) graphs.add(new GraphCount(name.getURI(), sub.getProperty(p(m, "triples")).getLong(),
                    source == null ? null : source.getURI()));
        });
        graphs.sort(java.util.Comparator.comparing(GraphCount::graphIri));
        return java.util.Optional.of(new Stats(count(ds, p(m, "triples")), count(ds, p(m, "entities")),
                count(ds, p(m, "classes")), count(ds, p(m, "properties")), count(ds, p(m, "distinctSubjects")),
                count(ds, p(m, "distinctObjects")), parts, links, graphs));
    }

    private static long count(Resource ds, Property p) {
        return ds.getRequiredProperty(p).getLong();
    }

    /** Stats and description in one go. */
    public static Model describe(DatasetGraph dsg, String sparqlEndpoint) {
        return describe(stats(dsg), sparqlEndpoint);
    }

    private static long count(DatasetGraph dsg, String sparql) {
        long[] n = {0};
        select(dsg, sparql, s -> n[0] = s.getLiteral("n").getLong());
        return n[0];
    }

    private static void select(DatasetGraph dsg, String sparql, Consumer<QuerySolution> each) {
        Query q = QueryFactory.create(sparql);
        try (QueryExecution qe = QueryExecution.dataset(DatasetFactory.wrap(dsg)).query(q).build()) {
            qe.execSelect().forEachRemaining(each);
        }
    }

    private static Resource v(Model m, String local) {
        return m.createResource(VOID + local);
    }

    private static Property p(Model m, String local) {
        return m.createProperty(VOID + local);
    }

    private static Literal integer(Model m, long n) {
        return m.createTypedLiteral(Long.toString(n), XSDDatatype.XSDinteger);
    }

    /** Where a triple-format export's description goes: beside it, {@code kg.ttl} gives {@code kg.void.ttl}. */
    public static java.nio.file.Path besideExport(java.nio.file.Path export) {
        String name = export.getFileName().toString();
        int dot = name.lastIndexOf('.');
        String base = dot > 0 ? name.substring(0, dot) : name;
        return export.resolveSibling(base + ".void.ttl");
    }

    /** Content negotiation for the served description: JSON-LD if asked for, N-Triples if asked for, else Turtle. */
    public static org.apache.jena.riot.Lang langFor(String accept) {
        String a = accept == null ? "" : accept.toLowerCase(Locale.ROOT);
        if (a.contains("application/ld+json") || a.contains("application/json")) return org.apache.jena.riot.Lang.JSONLD;
        if (a.contains("application/n-triples")) return org.apache.jena.riot.Lang.NTRIPLES;
        if (a.contains("application/rdf+xml")) return org.apache.jena.riot.Lang.RDFXML;
        return org.apache.jena.riot.Lang.TURTLE;
    }
}
