package kg.borderlands.serve.ld;

import kg.borderlands.Vocab;
import kg.borderlands.curate.Kind;
import kg.borderlands.serve.Lazy;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.graph.compose.Union;
import org.apache.jena.rdf.model.Literal;
import org.apache.jena.rdf.model.Model;
import org.apache.jena.rdf.model.ModelFactory;
import org.apache.jena.rdf.model.RDFNode;
import org.apache.jena.rdf.model.Resource;
import org.apache.jena.rdf.model.Statement;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.shared.PrefixMapping;
import org.apache.jena.sparql.core.Transactional;
import org.apache.jena.sparql.graph.GraphWrapper;
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
import java.util.function.Supplier;

/**
 * The served store's named graphs as the web layer reads them — data ∪ claimed, inferred, ontology — with a
 * catalogue of every curated record (id, label, aliases, kind, type). Over a store ({@link #of(DatasetGraph)}) the
 * models are live views of its graphs, not copies: read them inside {@link #read} (a read transaction). The
 * catalogue is made once per build at load time (serving artifacts, {@code kg.borderlands.serve.artifacts}) or
 * computed here; the served build never changes, so it stays exact.
 */
public final class Snapshot {
    /** One curated record: its id, labels, kind (the base class, lower case: actor, tie, event…) and type. */
    public record Entry(String id, String iri, String label, List<String> aliases, String kind, String type,
                        String typeLabel) {}

    private final Model data;
    private final Model inferred;
    private final Model ontology;
    private final Transactional txn;
    private final Supplier<Map<String, Entry>> entries;
    private final Map<String, String> termLabels = new java.util.concurrent.ConcurrentHashMap<>();

    private Snapshot(Model data, Model inferred, Model ontology, Transactional txn, Supplier<Map<String, Entry>> entries) {
        this.data = data;
        this.inferred = inferred;
        this.ontology = ontology;
        this.txn = txn;
        this.entries = entries;
    }

    /** A live view of a store's graphs, with the catalogue computed now (in one read transaction). */
    public static Snapshot of(DatasetGraph dsg) {
        Snapshot live = live(dsg, () -> Map.of());
        Map<String, Entry> catalogue = live.read(() -> catalogue(live.data, live.inferred, live.ontology));
        return live(dsg, () -> catalogue);
    }

    /** A live view of a store's graphs with a catalogue made beforehand (read on first use). */
    public static Snapshot live(DatasetGraph dsg, Supplier<Map<String, Entry>> catalogue) {
        Objects.requireNonNull(dsg, "dataset");
        // Pages show contested content too (marked by blk:status / blk:accordingTo), and the external links of the
        // linkset graph: data ∪ links ∪ claimed.
        Graph data = new Union(new Union(unprefixed(graph(dsg, Vocab.GRAPH_DATA)), unprefixed(graph(dsg, kg.borderlands.link.Linkset.GRAPH))),
                unprefixed(graph(dsg, Vocab.GRAPH_CLAIMED)));
        return new Snapshot(model(data), model(graph(dsg, Vocab.GRAPH_INFERRED)), model(graph(dsg, Vocab.GRAPH_ONTOLOGY)),
                dsg, Lazy.of(Objects.requireNonNull(catalogue, "catalogue")));
    }

    /** Builds a snapshot from models directly (tests). */
    public static Snapshot of(Model data, Model inferred, Model ontology) {
        Map<String, Entry> catalogue = catalogue(data, inferred, ontology);
        return new Snapshot(data, inferred, ontology, null, () -> catalogue);
    }

    private static Graph graph(DatasetGraph dsg, String iri) {
        return dsg.getGraph(NodeFactory.createURI(iri));
    }

    /** A store graph whose prefixes are not read (so that it can be composed outside a transaction). */
    private static Graph unprefixed(Graph g) {
        PrefixMapping none = PrefixMapping.Factory.create().lock();
        return new GraphWrapper(g) {
            @Override
            public PrefixMapping getPrefixMapping() {
                return none;
            }
        };
    }

    /**
     * A model of a store graph with the store's prefixes and the project's (copied on first use, inside a read
     * transaction; never written into the store).
     */
    private static Model model(Graph g) {
        Lazy<PrefixMapping> prefixes = Lazy.of(() -> PrefixMapping.Factory.create().setNsPrefixes(storePrefixes(g))
                .setNsPrefixes(Vocab.prefixes()).lock());
        return ModelFactory.createModelForGraph(SubjectCache.over(g, prefixes));
    }

    private static PrefixMapping storePrefixes(Graph g) {
        if (g instanceof Union u) return storePrefixes(u.getL());
        if (g instanceof GraphWrapper w) return storePrefixes(w.get());
        return g.getPrefixMapping();
    }

    /**
     * Runs {@code work} where the models can be read: in a read transaction of the store, if there is one, with
     * the {@link SubjectCache} on.
     */
    public <T> T read(Supplier<T> work) {
        return txn == null ? work.get() : Txn.calculateRead(txn, () -> SubjectCache.during(work));
    }

    /** The store this snapshot reads, or null for plain models. */
    public Transactional transactional() {
        return txn;
    }

    /**
     * The catalogue of curated records (subjects of {@code skos:prefLabel} in the data namespace), by id, from the
     * data (∪ claimed) and inferred graphs (type labels from the ontology). Inside a read transaction when the models are a store's.
     */
    public static Map<String, Entry> catalogue(Model data, Model inferred, Model ontology) {
        return catalogue(data, inferred, ontology, data.listSubjectsWithProperty(SKOS.prefLabel).toList());
    }

    /**
     * The catalogue entries of some subjects only (those with a {@code skos:prefLabel} in the data namespace), as
     * {@link #catalogue(Model, Model, Model)} makes them: what an incremental build recomputes for the records it
     * changed.
     */
    public static Map<String, Entry> catalogue(Model data, Model inferred, Model ontology, Collection<Resource> subjects) {
        Map<String, String> baseOf = new LinkedHashMap<>();
        for (Kind k : Kind.values()) baseOf.put(Vocab.BLK + k.baseClass(), k.baseClass().toLowerCase(Locale.ROOT));
        Map<String, Entry> out = new LinkedHashMap<>();
        for (Resource subject : subjects) {
            Resource s = data.wrapAsResource(subject.asNode());
            if (!s.hasProperty(SKOS.prefLabel)) continue;
            String id = idOf(s);
            if (id == null) continue; // a source's apparatus has a '/' in its id: icg-asia-354/fn-25
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
                    kind == null ? "other" : kind, typeName, type == null ? null : termLabel(type, ontology, data)));
        }
        return Collections.unmodifiableMap(out);
    }

    /** The record id of an IRI in the data namespace (may contain '/' for nodes inside a record), else null. */
    public static String idOf(Resource r) {
        if (r == null || !r.isURIResource()) return null;
        String uri = r.getURI();
        return uri.startsWith(Vocab.ID) ? uri.substring(Vocab.ID.length()) : null;
    }

    public Optional<Entry> entry(String id) {
        return Optional.ofNullable(entries.get().get(id));
    }

    /**
     * The record a node belongs to: the longest prefix of its id (by path segments) that is a record
     * ({@code icg-asia-354/work-interview-fn-9-1/interval/begin} → {@code icg-asia-354/work-interview-fn-9-1}),
     * else the first segment; the id itself when it is a record.
     */
    public String ownerOf(String id) {
        String candidate = id;
        while (!entries.get().containsKey(candidate) && candidate.contains("/")) {
            candidate = candidate.substring(0, candidate.lastIndexOf('/'));
        }
        return entries.get().containsKey(candidate) || !id.contains("/") ? candidate : id.substring(0, id.indexOf('/'));
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
        return entries.get().values();
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
        Entry e = id == null ? null : entries.get().get(id);
        if (e != null) return e.label();
        // terms of the ontology and other vocabularies: few, asked for again and again; kept once read
        if (id == null) return termLabels.computeIfAbsent(r.getURI(), u -> termLabel(r, ontology, data));
        return termLabel(r, ontology, data);
    }

    /** The English (or any) skos:prefLabel or rdfs:label of an IRI in the ontology, then the data; else its local name. */
    private static String termLabel(Resource r, Model ontology, Model data) {
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
        return PREFIXES.shortForm(iri);
    }

    private static final PrefixMapping PREFIXES = Vocab.prefixes().lock();
}
