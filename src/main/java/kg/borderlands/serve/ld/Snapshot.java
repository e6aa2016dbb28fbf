package kg.borderlands.serve.ld;

import kg.borderlands.Vocab;
import kg.borderlands.curate.Kind;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.GraphUtil;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.rdf.model.Literal;
import org.apache.jena.rdf.model.Model;
import org.apache.jena.rdf.model.ModelFactory;
import org.apache.jena.rdf.model.RDFNode;
import org.apache.jena.rdf.model.Resource;
import org.apache.jena.rdf.model.Statement;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.graph.GraphFactory;
import org.apache.jena.system.Txn;
import org.apache.jena.vocabulary.RDF;
import org.apache.jena.vocabulary.RDFS;
import org.apache.jena.vocabulary.SKOS;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * An in-memory, read-only copy of the served store's three named graphs (data, inferred, ontology), taken once
 * when the web layer starts, with a catalogue of every curated record (id, label, aliases, kind, type).
 * The served store never changes while a server runs (no update service), so the copy stays exact; it makes
 * entity descriptions a matter of in-memory lookups (a few thousand triples).
 */
public final class Snapshot {
    /** One curated record: its id, labels, kind (the base class, lower case: actor, tie, event…) and type. */
    public record Entry(String id, String iri, String label, List<String> aliases, String kind, String type,
                        String typeLabel) {}

    private final Model data;
    private final Model inferred;
    private final Model ontology;
    private final Map<String, Entry> entries;

    private Snapshot(Model data, Model inferred, Model ontology) {
        this.data = data;
        this.inferred = inferred;
        this.ontology = ontology;
        this.entries = Collections.unmodifiableMap(catalogue());
    }

    /** Copies the named graphs of a store (in one read transaction). */
    public static Snapshot of(DatasetGraph dsg) {
        Objects.requireNonNull(dsg, "dataset");
        // Pages show contested content too (marked by blk:status / blk:accordingTo), and the external links of the
        // linkset graph: data ∪ links ∪ claimed.
        return Txn.calculateRead(dsg, () -> new Snapshot(copy(dsg, Vocab.GRAPH_DATA, kg.borderlands.link.Linkset.GRAPH, Vocab.GRAPH_CLAIMED),
                copy(dsg, Vocab.GRAPH_INFERRED), copy(dsg, Vocab.GRAPH_ONTOLOGY)));
    }

    /** Builds a snapshot from models directly (tests). */
    public static Snapshot of(Model data, Model inferred, Model ontology) {
        return new Snapshot(data, inferred, ontology);
    }

    private static Model copy(DatasetGraph dsg, String... graphIris) {
        Graph g = GraphFactory.createDefaultGraph();
        for (String graphIri : graphIris) GraphUtil.addInto(g, dsg.getGraph(NodeFactory.createURI(graphIri)));
        Model m = ModelFactory.createModelForGraph(g);
        m.setNsPrefixes(Vocab.prefixes());
        return m;
    }

    private Map<String, Entry> catalogue() {
        Map<String, String> baseOf = new LinkedHashMap<>();
        for (Kind k : Kind.values()) baseOf.put(Vocab.BLK + k.baseClass(), k.baseClass().toLowerCase(Locale.ROOT));
        Map<String, Entry> out = new LinkedHashMap<>();
        data.listSubjectsWithProperty(SKOS.prefLabel).forEachRemaining(s -> {
            String id = idOf(s);
            if (id == null) return; // a source's apparatus has a '/' in its id: icg-asia-354/fn-25
            Resource type = s.getPropertyResourceValue(RDF.type);
            String kind = null;
            for (Statement t : inferred.listStatements(s, RDF.type, (RDFNode) null).toList()) {
                kind = baseOf.get(t.getObject().asResource().getURI());
                if (kind != null) break;
            }
            // contested content carries its inferred types in the claimed graph, copied into data
            for (Statement t : data.listStatements(s, RDF.type, (RDFNode) null).toList()) {
                if (kind == null) kind = baseOf.get(t.getObject().asResource().getURI());
            }
            List<String> aliases = new ArrayList<>();
            s.listProperties(SKOS.altLabel).forEachRemaining(a -> aliases.add(a.getString()));
            Collections.sort(aliases);
            String typeName = type == null ? null : type.getLocalName();
            out.put(id, new Entry(id, s.getURI(), s.getProperty(SKOS.prefLabel).getString(), List.copyOf(aliases),
                    kind == null ? "other" : kind, typeName, type == null ? null : label(type)));
        });
        return out;
    }

    /** The record id of an IRI in the data namespace (may contain '/' for nodes inside a record), else null. */
    public static String idOf(Resource r) {
        if (r == null || !r.isURIResource()) return null;
        String uri = r.getURI();
        return uri.startsWith(Vocab.ID) ? uri.substring(Vocab.ID.length()) : null;
    }

    public Optional<Entry> entry(String id) {
        return Optional.ofNullable(entries.get(id));
    }

    /**
     * The record a node belongs to: the longest prefix of its id (by path segments) that is a record
     * ({@code icg-asia-354/work-interview-fn-9-1/interval/begin} → {@code icg-asia-354/work-interview-fn-9-1}),
     * else the first segment; the id itself when it is a record.
     */
    public String ownerOf(String id) {
        String candidate = id;
        while (!entries.containsKey(candidate) && candidate.contains("/")) {
            candidate = candidate.substring(0, candidate.lastIndexOf('/'));
        }
        return entries.containsKey(candidate) || !id.contains("/") ? candidate : id.substring(0, id.indexOf('/'));
    }

    /**
     * Where a moved IRI went: for {@code id} or its longest prefix that has {@code dct:isReplacedBy}, the id of the
     * replacement followed by the rest of {@code id} ({@code fn-25} → {@code icg-asia-354/fn-25}).
     */
    public Optional<String> replacement(String id) {
        String prefix = id;
        while (true) {
            Resource to = data.getResource(Vocab.ID + prefix).getPropertyResourceValue(org.apache.jena.vocabulary.DCTerms.isReplacedBy);
            String toId = idOf(to);
            if (toId != null) return Optional.of(toId + id.substring(prefix.length()));
            if (!prefix.contains("/")) return Optional.empty();
            prefix = prefix.substring(0, prefix.lastIndexOf('/'));
        }
    }

    public Collection<Entry> entries() {
        return entries.values();
    }

    /** Asserted triples (what the curated records say). */
    public Model data() {
        return data;
    }

    /** Triples materialised at load time (super-types, inverses, tie shortcuts). */
    public Model inferred() {
        return inferred;
    }

    public Model ontology() {
        return ontology;
    }

    /** A human label for any IRI: the record's or ontology term's label, else its local name. */
    public String label(Resource r) {
        if (r == null) return null;
        if (!r.isURIResource()) return r.toString();
        String id = idOf(r);
        if (id != null && entries.containsKey(id)) return entries.get(id).label();
        for (Model m : List.of(ontology, data)) {
            Resource in = m.getResource(r.getURI());
            for (var p : List.of(SKOS.prefLabel, RDFS.label)) {
                Statement st = pickEnglish(in, p);
                if (st != null) return st.getString();
            }
        }
        String local = r.getLocalName();
        if (local == null || local.isEmpty()) {
            String u = r.getURI();
            local = u.substring(Math.max(u.lastIndexOf('/'), u.lastIndexOf('#')) + 1);
        }
        return local;
    }

    private static Statement pickEnglish(Resource r, org.apache.jena.rdf.model.Property p) {
        Statement any = null;
        for (Statement st : r.listProperties(p).toList()) {
            if (!st.getObject().isLiteral()) continue;
            Literal l = st.getLiteral();
            if (l.getLanguage().isEmpty() || l.getLanguage().startsWith("en")) return st;
            any = st;
        }
        return any;
    }

    /** The compact name of an IRI with the project prefixes ({@code blk:Allegiance}, {@code skos:exactMatch}). */
    public static String compact(String iri) {
        return Vocab.prefixes().shortForm(iri);
    }
}
