package kg.borderlands.serve.protocol;

import kg.borderlands.link.VoidDescription;
import org.apache.jena.datatypes.xsd.XSDDatatype;
import org.apache.jena.graph.Node;
import org.apache.jena.query.DatasetFactory;
import org.apache.jena.query.Query;
import org.apache.jena.query.QueryExecution;
import org.apache.jena.query.QueryFactory;
import org.apache.jena.rdf.model.Model;
import org.apache.jena.rdf.model.ModelFactory;
import org.apache.jena.rdf.model.Property;
import org.apache.jena.rdf.model.Resource;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.system.Txn;
import org.apache.jena.vocabulary.DCTerms;
import org.apache.jena.vocabulary.RDF;
import org.apache.jena.vocabulary.RDFS;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;
import java.util.Objects;

/**
 * A SPARQL 1.1 Service Description (https://www.w3.org/TR/sparql11-service-description/) of one query endpoint
 * of the served dataset: the endpoint, the language (SPARQL 1.1 Query only: the server is read-only), the result
 * formats it can write, the union default graph, and the default dataset with the size of each named graph. The
 * dataset node is the one the VoID description ({@code /.well-known/void}) describes.
 */
public final class ServiceDescription {
    public static final String SD = "http://www.w3.org/ns/sparql-service-description#";
    public static final String FORMATS = "http://www.w3.org/ns/formats/";
    /** Result formats the endpoint writes (each tested with a client in {@code SparqlClientsTest}). */
    static final List<String> RESULT_FORMATS = List.of("SPARQL_Results_XML", "SPARQL_Results_JSON",
            "SPARQL_Results_CSV", "SPARQL_Results_TSV", "RDF_XML", "Turtle", "N-Triples", "JSON-LD");

    /** How many triples each graph of the served dataset holds; taken once, the store does not change. */
    public record Sizes(long defaultGraph, List<NamedGraph> namedGraphs) {
        public Sizes {
            namedGraphs = List.copyOf(namedGraphs);
        }
    }

    public record NamedGraph(String name, long triples) {}

    private ServiceDescription() {}

    /**
     * Counts the triples of the default graph (as a query sees it: with TDB2's union default graph, the union) and
     * of every named graph, in one read transaction.
     */
    public static Sizes sizes(DatasetGraph dsg) {
        Objects.requireNonNull(dsg, "dataset");
        return Txn.calculateRead(dsg, () -> {
            List<NamedGraph> named = new ArrayList<>();
            for (Iterator<Node> it = dsg.listGraphNodes(); it.hasNext(); ) {
                Node g = it.next();
                if (g.isURI()) named.add(new NamedGraph(g.getURI(), dsg.getGraph(g).size()));
            }
            named.sort(Comparator.comparing(NamedGraph::name));
            Query count = QueryFactory.create("SELECT (COUNT(*) AS ?n) { ?s ?p ?o }");
            try (QueryExecution qe = QueryExecution.dataset(DatasetFactory.wrap(dsg)).query(count).build()) {
                return new Sizes(qe.execSelect().next().getLiteral("n").getLong(), named);
            }
        });
    }

    /** The description of the endpoint at {@code endpointUrl} (absolute). */
    public static Model describe(String endpointUrl, Sizes sizes) {
        Objects.requireNonNull(endpointUrl, "endpointUrl");
        Objects.requireNonNull(sizes, "sizes");
        Model m = ModelFactory.createDefaultModel();
        m.setNsPrefix("sd", SD);
        m.setNsPrefix("formats", FORMATS);
        m.setNsPrefix("void", VoidDescription.VOID);
        m.setNsPrefix("rdfs", RDFS.uri);
        m.setNsPrefix("dct", DCTerms.NS);
        m.setNsPrefix("xsd", XSDDatatype.XSD + "#");

        Resource service = m.createResource(endpointUrl);
        service.addProperty(RDF.type, sd(m, "Service"));
        service.addProperty(p(m, "endpoint"), service);
        service.addProperty(p(m, "supportedLanguage"), sd(m, "SPARQL11Query"));
        service.addProperty(p(m, "feature"), sd(m, "UnionDefaultGraph"));
        for (String f : RESULT_FORMATS) service.addProperty(p(m, "resultFormat"), m.createResource(FORMATS + f));
        service.addProperty(DCTerms.title, "borderlands-kg SPARQL endpoint (read-only)", "en");
        service.addProperty(RDFS.seeAlso, m.createResource(origin(endpointUrl) + VoidDescription.WELL_KNOWN_PATH));

        Resource dataset = m.createResource(VoidDescription.DATASET);
        dataset.addProperty(RDF.type, sd(m, "Dataset"));
        dataset.addProperty(RDF.type, m.createResource(VoidDescription.VOID + "Dataset"));
        service.addProperty(p(m, "defaultDataset"), dataset);
        Resource dflt = m.createResource();
        dflt.addProperty(RDF.type, sd(m, "Graph"));
        dflt.addLiteral(m.createProperty(VoidDescription.VOID + "triples"), integer(m, sizes.defaultGraph()));
        dflt.addProperty(RDFS.comment, "The union of the named graphs.", "en");
        dataset.addProperty(p(m, "defaultGraph"), dflt);
        for (NamedGraph g : sizes.namedGraphs()) {
            Resource ng = m.createResource();
            ng.addProperty(RDF.type, sd(m, "NamedGraph"));
            ng.addProperty(p(m, "name"), m.createResource(g.name()));
            Resource graph = m.createResource();
            graph.addProperty(RDF.type, sd(m, "Graph"));
            graph.addLiteral(m.createProperty(VoidDescription.VOID + "triples"), integer(m, g.triples()));
            ng.addProperty(p(m, "graph"), graph);
            dataset.addProperty(p(m, "namedGraph"), ng);
        }
        return m;
    }

    /** {@code http://host:port} of an absolute URL. */
    static String origin(String url) {
        int scheme = url.indexOf("://");
        int slash = scheme < 0 ? -1 : url.indexOf('/', scheme + 3);
        return slash < 0 ? url : url.substring(0, slash);
    }

    private static Resource sd(Model m, String local) {
        return m.createResource(SD + local);
    }

    private static Property p(Model m, String local) {
        return m.createProperty(SD + local);
    }

    private static org.apache.jena.rdf.model.Literal integer(Model m, long n) {
        return m.createTypedLiteral(Long.toString(n), XSDDatatype.XSDinteger);
    }
}
