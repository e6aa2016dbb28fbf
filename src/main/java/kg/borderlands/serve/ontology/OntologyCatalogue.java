package kg.borderlands.serve.ontology;

import kg.borderlands.Vocab;
import kg.borderlands.serve.ontology.OntologyTerm.Ref;
import kg.borderlands.serve.ontology.OntologyTerm.Usage;
import kg.borderlands.serve.ld.Snapshot;
import org.apache.jena.rdf.model.Literal;
import org.apache.jena.rdf.model.Model;
import org.apache.jena.rdf.model.ModelFactory;
import org.apache.jena.rdf.model.Property;
import org.apache.jena.rdf.model.RDFList;
import org.apache.jena.rdf.model.RDFNode;
import org.apache.jena.rdf.model.Resource;
import org.apache.jena.rdf.model.Statement;
import org.apache.jena.vocabulary.OWL;
import org.apache.jena.vocabulary.RDF;
import org.apache.jena.vocabulary.RDFS;
import org.apache.jena.vocabulary.SKOS;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * The served ontology (the store's ontology graph: {@code borderlands.ttl} and {@code vocab.ttl}) as documentation:
 * one {@link OntologyTerm} per term of the {@code blk:} namespace and per concept or concept scheme of the
 * {@code blkv:} namespace, with usage counts taken from the data once, when the web layer starts; the ontology
 * header's statements; the RDF of the whole ontology or of one term; and the deprecated IRIs
 * ({@code owl:deprecated true}) with the term that replaces them ({@code dct:isReplacedBy}), which are not terms
 * of their own but redirects.
 */
public final class OntologyCatalogue {
    /** The ontology IRI: the document of every {@code blk:} hash IRI. */
    public static final String ONTOLOGY_IRI = Vocab.BASE + "ontology";
    /** The vocabulary's ontology IRI (the header of {@code vocab.ttl}). */
    public static final String VOCAB_IRI = Vocab.BASE + "vocab";
    private static final Property REPLACED_BY = org.apache.jena.rdf.model.ResourceFactory
            .createProperty(org.apache.jena.vocabulary.DCTerms.NS, "isReplacedBy");

    private static final Map<Resource, String> KIND_NAMES = new LinkedHashMap<>();

    static {
        KIND_NAMES.put(OWL.Class, "class");
        KIND_NAMES.put(OWL.ObjectProperty, "object property");
        KIND_NAMES.put(OWL.DatatypeProperty, "datatype property");
        KIND_NAMES.put(OWL.AnnotationProperty, "annotation property");
        KIND_NAMES.put(OWL.FunctionalProperty, "functional property");
        KIND_NAMES.put(OWL.TransitiveProperty, "transitive property");
        KIND_NAMES.put(OWL.SymmetricProperty, "symmetric property");
        KIND_NAMES.put(SKOS.ConceptScheme, "concept scheme");
        KIND_NAMES.put(SKOS.Concept, "concept");
    }

    private final Snapshot snapshot;
    private final Model ontology;
    private final Map<String, OntologyTerm> terms;
    private final Map<String, OntologyTerm> concepts;
    /** Deprecated {@code blk:} local name → the IRI that replaces it. */
    private final Map<String, String> replacements;
    /** Statements of the ontology resources themselves ({@code <…/ontology> a owl:Ontology; …}). */
    private final List<Statement> header;

    private OntologyCatalogue(Snapshot snapshot, UsageCounts counts) {
        this.snapshot = snapshot;
        this.ontology = snapshot.ontology();
        Map<String, OntologyTerm> out = new LinkedHashMap<>();
        Map<String, OntologyTerm> vocab = new LinkedHashMap<>();
        Map<String, String> replaced = new LinkedHashMap<>();
        List<Resource> subjects = new ArrayList<>();
        ontology.listSubjects().forEachRemaining(s -> {
            if (s.isURIResource() && namespace(s.getURI()) != null && s.getURI().length() > namespace(s.getURI()).length()) subjects.add(s);
        });
        subjects.sort(Comparator.comparing(Resource::getURI));
        for (Resource s : subjects) {
            Statement by = s.getProperty(REPLACED_BY);
            if (s.hasLiteral(OWL2.deprecated, true) && by != null && by.getObject().isURIResource()) {
                if (s.getURI().startsWith(Vocab.BLK)) replaced.put(local(s), by.getResource().getURI());
                continue;
            }
            (s.getURI().startsWith(Vocab.BLK) ? out : vocab).put(local(s), term(s, counts));
        }
        this.terms = java.util.Collections.unmodifiableMap(out);
        this.concepts = java.util.Collections.unmodifiableMap(vocab);
        this.replacements = java.util.Collections.unmodifiableMap(replaced);
        List<Statement> h = new ArrayList<>();
        ontology.listSubjectsWithProperty(RDF.type, OWL.Ontology).forEachRemaining(o -> h.addAll(o.listProperties().toList()));
        h.sort(Comparator.comparing((Statement st) -> st.getSubject().getURI()).thenComparing(st -> st.getPredicate().getURI()));
        this.header = List.copyOf(h);
    }

    /** The catalogue of a snapshot's ontology, counting usage now (inside the snapshot's read transaction). */
    public static OntologyCatalogue of(Snapshot snapshot) {
        return of(snapshot, UsageCounts.of(Objects.requireNonNull(snapshot, "snapshot")));
    }

    /** The catalogue with usage counts made beforehand (inside the snapshot's read transaction). */
    public static OntologyCatalogue of(Snapshot snapshot, UsageCounts counts) {
        return new OntologyCatalogue(Objects.requireNonNull(snapshot, "snapshot"), Objects.requireNonNull(counts, "counts"));
    }

    /** Every term of the {@code blk:} namespace, by local name, in IRI order (deprecated IRIs left out). */
    public Map<String, OntologyTerm> terms() {
        return terms;
    }

    public Optional<OntologyTerm> term(String localName) {
        return Optional.ofNullable(terms.get(localName));
    }

    /** Every concept and concept scheme of the {@code blkv:} namespace, by local name, in IRI order. */
    public Map<String, OntologyTerm> concepts() {
        return concepts;
    }

    public Optional<OntologyTerm> concept(String localName) {
        return Optional.ofNullable(concepts.get(localName));
    }

    /**
     * The IRI that replaces a deprecated {@code blk:} term (renamed, or a concept moved to {@code blkv:} by issue
     * #14), if {@code localName} is one.
     */
    public Optional<String> replacement(String localName) {
        return Optional.ofNullable(replacements.get(localName));
    }

    /** Deprecated {@code blk:} local names and the IRIs that replace them. */
    public Map<String, String> replacements() {
        return replacements;
    }

    /** The page that documents an IRI of ours: {@code /ontology/{local}} or {@code /vocab/{local}}; null if not ours. */
    public static String page(String iri) {
        if (iri == null) return null;
        if (iri.startsWith(Vocab.BLK)) return "/ontology/" + iri.substring(Vocab.BLK.length());
        if (iri.startsWith(Vocab.VOCAB)) return "/vocab/" + iri.substring(Vocab.VOCAB.length());
        return null;
    }

    /** The statements about the ontologies themselves (title, version, licence…), as in the files. */
    public List<Statement> header() {
        return header;
    }

    /** A label for any IRI (the ontology's, else the local name). */
    public String label(Resource r) {
        return snapshot.label(r);
    }

    /** The whole ontology graph, with the project prefixes. */
    public Model wholeOntology() {
        Model m = ModelFactory.createDefaultModel();
        m.setNsPrefixes(Vocab.prefixes());
        m.setNsPrefix("owl", OWL.NS);
        m.add(ontology);
        return m;
    }

    /** A term's own statements (with the blank nodes they lead to: restrictions, lists) and its ontology. */
    public Model describe(String localName) {
        return describe(terms.get(localName));
    }

    /** A term's own statements, as {@link #describe(String)}, for a term of either namespace. */
    public Model describe(OntologyTerm term) {
        Model m = ModelFactory.createDefaultModel();
        m.setNsPrefixes(Vocab.prefixes());
        m.setNsPrefix("owl", OWL.NS);
        if (term == null) return m;
        Resource t = ontology.getResource(term.iri());
        Deque<Resource> todo = new ArrayDeque<>(List.of(t));
        Set<Resource> seen = new HashSet<>();
        while (!todo.isEmpty()) {
            Resource r = todo.pop();
            if (!seen.add(r)) continue;
            for (Statement st : ontology.listStatements(r, null, (RDFNode) null).toList()) {
                m.add(st);
                if (st.getObject().isAnon()) todo.push(st.getResource());
            }
        }
        m.add(t, RDFS.isDefinedBy, m.getResource(term.iri().startsWith(Vocab.VOCAB) ? VOCAB_IRI : ONTOLOGY_IRI));
        return m;
    }

    // ---- building one term ----

    private OntologyTerm term(Resource s, UsageCounts counts) {
        List<String> kinds = new ArrayList<>();
        List<Ref> types = new ArrayList<>();
        for (RDFNode t : ontology.listObjectsOfProperty(s, RDF.type).toList()) {
            if (!t.isURIResource()) continue;
            String k = KIND_NAMES.get(t.asResource());
            if (k != null) kinds.add(k);
            else if (!t.equals(OWL2.NamedIndividual)) types.add(ref(t.asResource()));
        }
        kinds.sort(Comparator.comparingInt(k -> List.copyOf(KIND_NAMES.values()).indexOf(k)));
        boolean isClass = kinds.contains("class");
        boolean isProperty = kinds.stream().anyMatch(k -> k.endsWith("property"));
        boolean isConcept = kinds.contains("concept");

        List<Ref> supers = new ArrayList<>();
        List<Ref> subs = new ArrayList<>();
        Property up = isProperty ? RDFS.subPropertyOf : isClass ? RDFS.subClassOf : SKOS.broader;
        for (RDFNode o : ontology.listObjectsOfProperty(s, up).toList()) supers.add(ref(o));
        for (Resource sub : ontology.listSubjectsWithProperty(up, s).toList()) subs.add(ref(sub));
        if (isConcept) for (Resource n : ontology.listSubjectsWithProperty(SKOS.broader, s).toList()) subs.add(ref(n));

        List<Usage> usage = new ArrayList<>();
        if (isClass) {
            usage.add(new Usage("instances stated in the data", counts.of(counts.asserted(), s)));
            usage.add(new Usage("instances with inferred types", counts.of(counts.withInferred(), s)));
        }
        if (isProperty) {
            Property p = ontology.getProperty(s.getURI());
            usage.add(new Usage("statements in the data", counts.of(counts.predicate(), p)));
            usage.add(new Usage("inferred statements", counts.of(counts.inferredPredicate(), p)));
        }
        if (isConcept || (!isClass && !isProperty)) {
            usage.add(new Usage("times used as a value in the data", counts.of(counts.asObject(), s)));
        }
        return new OntologyTerm(s.getURI(), local(s), kinds, string(s, RDFS.label, SKOS.prefLabel),
                string(s, SKOS.definition), string(s, RDFS.comment), sorted(supers), sorted(subs),
                refs(s, RDFS.domain), refs(s, RDFS.range), refs(s, OWL.inverseOf), refs(s, SKOS.inScheme),
                sorted(types), usage);
    }

    private List<Ref> refs(Resource s, Property p) {
        List<Ref> out = new ArrayList<>();
        for (RDFNode o : ontology.listObjectsOfProperty(s, p).toList()) out.add(ref(o));
        return sorted(out);
    }

    private static List<Ref> sorted(List<Ref> refs) {
        refs.sort(Comparator.comparing(Ref::label, String.CASE_INSENSITIVE_ORDER));
        return refs;
    }

    private Ref ref(RDFNode n) {
        if (n.isURIResource()) {
            Resource r = n.asResource();
            boolean ours = namespace(r.getURI()) != null;
            return new Ref(r.getURI(), ours ? snapshot.label(r) : Snapshot.compact(r.getURI()), ours ? local(r) : null);
        }
        if (n.isAnon()) return new Ref(null, anonymous(n.asResource()), null);
        return new Ref(null, n.toString(), null);
    }

    /** An anonymous class in words: {@code citedSection some Section}, {@code Actor or Place}. */
    private String anonymous(Resource r) {
        Resource onProperty = r.getPropertyResourceValue(OWL.onProperty);
        if (onProperty != null) {
            String p = name(onProperty);
            for (var e : Map.of(OWL.someValuesFrom, "some", OWL.allValuesFrom, "only", OWL.hasValue, "value").entrySet()) {
                Statement st = r.getProperty(e.getKey());
                if (st != null) return p + " " + e.getValue() + " " + name(st.getObject());
            }
            for (Property c : List.of(OWL.cardinality, OWL.minCardinality, OWL.maxCardinality, OWL2.qualifiedCardinality,
                    OWL2.minQualifiedCardinality, OWL2.maxQualifiedCardinality)) {
                Statement st = r.getProperty(c);
                if (st != null) return p + " " + c.getLocalName() + " " + st.getLiteral().getLexicalForm();
            }
            return p + " (restriction)";
        }
        for (var e : Map.of(OWL.unionOf, " or ", OWL.intersectionOf, " and ", OWL.oneOf, ", ").entrySet()) {
            Statement st = r.getProperty(e.getKey());
            if (st != null && st.getObject().canAs(RDFList.class)) {
                List<String> parts = new ArrayList<>();
                st.getObject().as(RDFList.class).iterator().forEachRemaining(x -> parts.add(name(x)));
                return String.join(e.getValue(), parts);
            }
        }
        return "(anonymous class)";
    }

    private String name(RDFNode n) {
        if (n.isURIResource()) {
            Resource r = n.asResource();
            return namespace(r.getURI()) != null ? local(r) : Snapshot.compact(r.getURI());
        }
        if (n.isLiteral()) return n.asLiteral().getLexicalForm();
        return "(" + anonymous(n.asResource()) + ")";
    }

    private String string(Resource s, Property... ps) {
        for (Property p : ps) {
            Statement any = null;
            for (Statement st : ontology.listStatements(s, p, (RDFNode) null).toList()) {
                if (!st.getObject().isLiteral()) continue;
                Literal l = st.getLiteral();
                if (l.getLanguage().isEmpty() || l.getLanguage().startsWith("en")) return l.getLexicalForm();
                any = st;
            }
            if (any != null) return any.getLiteral().getLexicalForm();
        }
        return null;
    }

    static String local(Resource r) {
        return r.getURI().substring(namespace(r.getURI()).length());
    }

    /** {@code blk:} or {@code blkv:} if the IRI is in one of them, else null. */
    private static String namespace(String iri) {
        if (iri.startsWith(Vocab.BLK)) return Vocab.BLK;
        if (iri.startsWith(Vocab.VOCAB)) return Vocab.VOCAB;
        return null;
    }

    /** OWL 2 terms that Jena's OWL vocabulary lacks. */
    private static final class OWL2 {
        static final Resource NamedIndividual = org.apache.jena.rdf.model.ResourceFactory.createResource(OWL.NS + "NamedIndividual");
        static final Property deprecated = prop("deprecated");
        static final Property qualifiedCardinality = prop("qualifiedCardinality");
        static final Property minQualifiedCardinality = prop("minQualifiedCardinality");
        static final Property maxQualifiedCardinality = prop("maxQualifiedCardinality");

        private static Property prop(String local) {
            return org.apache.jena.rdf.model.ResourceFactory.createProperty(OWL.NS + local);
        }
    }

    /**
     * Usage counts of the ontology's terms over the data (∪ claimed) and inferred graphs, by term IRI: made once
     * per build (at load time, in the serving artifacts) since counting reads every triple.
     */
    public record UsageCounts(Map<String, Long> asserted, Map<String, Long> withInferred, Map<String, Long> predicate,
                              Map<String, Long> inferredPredicate, Map<String, Long> asObject) {
        public UsageCounts {
            asserted = Map.copyOf(asserted);
            withInferred = Map.copyOf(withInferred);
            predicate = Map.copyOf(predicate);
            inferredPredicate = Map.copyOf(inferredPredicate);
            asObject = Map.copyOf(asObject);
        }

        /**
         * Counts over the snapshot's graphs (inside its read transaction), for the terms of the ontology's
         * namespaces: one pass over the data and one over the inferences (nothing held but the counts), then, for
         * each class of ours used, the distinct instances stated or inferred (held one class at a time).
         */
        public static UsageCounts of(Snapshot snapshot) {
            Map<String, Long> asserted = new HashMap<>();
            Map<String, Long> withInferred = new HashMap<>();
            Map<String, Long> predicate = new HashMap<>();
            Map<String, Long> inferredPredicate = new HashMap<>();
            Map<String, Long> asObject = new HashMap<>();
            org.apache.jena.graph.Node type = RDF.type.asNode();
            org.apache.jena.graph.Graph data = snapshot.data().getGraph();
            org.apache.jena.graph.Graph inferred = snapshot.inferred().getGraph();
            Set<org.apache.jena.graph.Node> classes = new HashSet<>();
            data.find().forEachRemaining(t -> {
                count(predicate, t.getPredicate());
                org.apache.jena.graph.Node o = t.getObject();
                if (o.isURI()) {
                    if (t.getPredicate().equals(type)) {
                        if (count(asserted, o)) classes.add(o);
                    } else {
                        count(asObject, o);
                    }
                }
            });
            inferred.find().forEachRemaining(t -> {
                count(inferredPredicate, t.getPredicate());
                org.apache.jena.graph.Node o = t.getObject();
                if (t.getPredicate().equals(type) && o.isURI() && namespace(o.getURI()) != null) classes.add(o);
            });
            for (org.apache.jena.graph.Node c : classes) {
                Set<org.apache.jena.graph.Node> instances = new HashSet<>();
                data.find(org.apache.jena.graph.Node.ANY, type, c).forEachRemaining(t -> instances.add(t.getSubject()));
                inferred.find(org.apache.jena.graph.Node.ANY, type, c).forEachRemaining(t -> instances.add(t.getSubject()));
                withInferred.put(c.getURI(), (long) instances.size());
            }
            return new UsageCounts(asserted, withInferred, predicate, inferredPredicate, asObject);
        }

        /** True if the IRI is a term of the namespaces counted (blk:, blkv:: only those are shown with counts). */
        public static boolean counted(String iri) {
            return namespace(iri) != null;
        }

        /** Counts a term of the ontology's namespaces (blk:, blkv:: only those are shown with counts); true if counted. */
        private static boolean count(Map<String, Long> m, org.apache.jena.graph.Node n) {
            if (!n.isURI() || namespace(n.getURI()) == null) return false;
            m.merge(n.getURI(), 1L, Long::sum);
            return true;
        }

        long of(Map<String, Long> m, Resource r) {
            return m.getOrDefault(r.getURI(), 0L);
        }
    }
}
