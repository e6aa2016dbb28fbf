package kg.borderlands.load;

import kg.borderlands.Vocab;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.Triple;
import org.apache.jena.rdf.model.Model;
import org.apache.jena.rdf.model.ModelFactory;
import org.apache.jena.sparql.graph.GraphFactory;
import org.apache.jena.vocabulary.OWL2;
import org.apache.jena.vocabulary.RDF;
import org.apache.jena.vocabulary.RDFS;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Objects;

/**
 * Materialises what ordinary queries need (sub-class, sub-property, inverse, symmetric, transitive, tie
 * shortcuts), once, at load time. Only new triples about our own records are kept, so the inferred graph stays
 * small and distinguishable from the asserted one.
 * <p>
 * The entailments are the rules of {@code inference.rules} (next to this class), computed as one forward
 * closure: every triple — asserted, then each new one — is joined with what the graph already holds in each rule
 * where it can match a premise, until nothing new comes (semi-naive evaluation). This gives exactly the triples
 * Jena's RETE rule engine gave from the same rules ({@code InferenceTest} compares them), at a fraction of its
 * cost. Jena's streaming RDFS ({@code org.apache.jena.rdfs}) does not fit: it adds domain and range, which the
 * rules leave out, and sub-property conclusions must feed the inverse, symmetric, transitive and shortcut rules
 * and back, which needs one closure over all of them.
 */
public final class Inference {
    private static final Node TYPE = RDF.Nodes.type;
    private static final Node SUB_CLASS_OF = RDFS.Nodes.subClassOf;
    private static final Node SUB_PROPERTY_OF = RDFS.Nodes.subPropertyOf;
    private static final Node INVERSE_OF = OWL2.inverseOf.asNode();
    private static final Node SYMMETRIC = OWL2.SymmetricProperty.asNode();
    private static final Node TRANSITIVE = OWL2.TransitiveProperty.asNode();
    private static final Node SHORTCUT = Vocab.blk("shortcut").asNode();
    private static final Node SUBJECT = Vocab.blk("subject").asNode();
    private static final Node OBJECT = Vocab.blk("object").asNode();
    private static final Node VALID_UNTIL = Vocab.blk("validUntil").asNode();
    private static final Node ENDED = Vocab.blk("ended").asNode();

    private Inference() {}

    /** The triples entailed by {@code data} under {@code ontology} that {@code data} does not state. */
    public static Model infer(Model ontology, Model data) {
        Objects.requireNonNull(ontology, "ontology");
        Objects.requireNonNull(data, "data");
        Closure c = new Closure();
        c.addAll(ontology.getGraph());
        c.addAll(data.getGraph());
        c.run();
        Model out = ModelFactory.createDefaultModel();
        out.setNsPrefixes(Vocab.prefixes());
        for (Triple t : c.derived) if (ours(t)) out.getGraph().add(t);
        return out;
    }

    /**
     * The claimed graph: contested content together with what it entails (types, shortcuts, inverses) beyond
     * what the established graphs already hold.
     */
    public static Model claimed(Model ontology, Model data, Model inferred, Model contested) {
        Objects.requireNonNull(inferred, "inferred");
        Objects.requireNonNull(contested, "contested");
        Model established = ModelFactory.createUnion(data, inferred);
        Model out = ModelFactory.createDefaultModel();
        out.setNsPrefixes(Vocab.prefixes());
        out.add(contested);
        infer(ontology, ModelFactory.createUnion(data, contested)).listStatements().forEachRemaining(st -> {
            if (!established.contains(st)) out.add(st);
        });
        return out;
    }

    /**
     * What {@code own} entails under the ontology, next to {@code context} (triples already established and
     * inferred elsewhere — the shared unit for a source unit; the established graphs for contested content):
     * the triples about our records in the closure of ontology + own + context that none of them states.
     * Of the rules, only the transitive one joins two data triples that can come from different places
     * (the tie shortcut joins triples of one tie record; the others join one data triple with the ontology),
     * so the closure is taken over ontology + own + the context's triples of transitive properties — not the
     * whole context — and gives the same triples as the closure over everything.
     */
    public static Graph inferAgainst(Model ontology, Graph own, Graph context) {
        Objects.requireNonNull(ontology, "ontology");
        Objects.requireNonNull(own, "own");
        Objects.requireNonNull(context, "context");
        Closure c = new Closure();
        c.addAll(ontology.getGraph());
        c.addAll(own);
        if (!context.isEmpty()) {
            ontology.getGraph().find(null, TYPE, TRANSITIVE).forEachRemaining(
                    p -> context.find(null, p.getSubject(), null).forEachRemaining(c::add));
        }
        c.run();
        Graph out = GraphFactory.createDefaultGraph();
        for (Triple t : c.derived) if (ours(t) && !context.contains(t)) out.add(t);
        return out;
    }

    private static boolean ours(Triple t) {
        return t.getSubject().isURI() && t.getSubject().getURI().startsWith(Vocab.ID);
    }

    /**
     * The closure of a set of triples under the rules. {@link #add} the premises, {@link #run}, then
     * {@link #derived} holds every triple concluded that was not a premise (generalised triples, e.g. with a
     * literal subject, included while the closure runs, as in the rule engine).
     */
    private static final class Closure {
        final Graph graph = GraphFactory.createDefaultGraph();
        final List<Triple> derived = new ArrayList<>();
        private final Deque<Triple> pending = new ArrayDeque<>();
        private boolean running;

        void addAll(Graph g) {
            g.find().forEachRemaining(this::add);
        }

        /** A premise. */
        void add(Triple t) {
            if (graph.contains(t)) return;
            graph.add(t);
            pending.add(t);
        }

        /** A conclusion. */
        private void conclude(Node s, Node p, Node o) {
            Triple t = Triple.create(s, p, o);
            if (graph.contains(t)) return;
            graph.add(t);
            derived.add(t);
            pending.add(t);
        }

        void run() {
            if (running) throw new IllegalStateException("closure already run");
            running = true;
            while (!pending.isEmpty()) fire(pending.poll());
        }

        /** Every rule in which {@code t} matches a premise, joined with the rest of the graph. */
        private void fire(Triple t) {
            Node s = t.getSubject(), p = t.getPredicate(), o = t.getObject();
            // subClassOf: (?x rdf:type ?c) (?c rdfs:subClassOf ?d) notBNode(?d) -> (?x rdf:type ?d)
            if (p.equals(TYPE)) {
                for (Node d : objects(o, SUB_CLASS_OF)) if (!d.isBlank()) conclude(s, TYPE, d);
            }
            if (p.equals(SUB_CLASS_OF) && !o.isBlank()) {
                for (Node x : subjects(TYPE, s)) conclude(x, TYPE, o);
            }
            // subPropOf: (?x ?p ?y) (?p rdfs:subPropertyOf ?q) -> (?x ?q ?y)
            for (Node q : objects(p, SUB_PROPERTY_OF)) conclude(s, q, o);
            if (p.equals(SUB_PROPERTY_OF)) {
                for (Triple u : list(null, s, null)) conclude(u.getSubject(), o, u.getObject());
            }
            // inverseA: (?x ?p ?y) (?p owl:inverseOf ?q) notLiteral(?y) -> (?y ?q ?x)
            // inverseB: (?x ?q ?y) (?p owl:inverseOf ?q) notLiteral(?y) -> (?y ?p ?x)
            if (!o.isLiteral()) {
                for (Node q : objects(p, INVERSE_OF)) conclude(o, q, s);
                for (Node q : subjects(INVERSE_OF, p)) conclude(o, q, s);
            }
            if (p.equals(INVERSE_OF)) {
                for (Triple u : list(null, s, null)) if (!u.getObject().isLiteral()) conclude(u.getObject(), o, u.getSubject());
                for (Triple u : list(null, o, null)) if (!u.getObject().isLiteral()) conclude(u.getObject(), s, u.getSubject());
            }
            // symmetric: (?x ?p ?y) (?p rdf:type owl:SymmetricProperty) -> (?y ?p ?x)
            if (graph.contains(p, TYPE, SYMMETRIC)) conclude(o, p, s);
            if (p.equals(TYPE) && o.equals(SYMMETRIC)) {
                for (Triple u : list(null, s, null)) conclude(u.getObject(), s, u.getSubject());
            }
            // transitive: (?x ?p ?y) (?p rdf:type owl:TransitiveProperty) (?y ?p ?z) -> (?x ?p ?z)
            if (graph.contains(p, TYPE, TRANSITIVE)) {
                for (Node z : objects(o, p)) conclude(s, p, z);
                for (Node x : subjects(p, s)) conclude(x, p, o);
            }
            if (p.equals(TYPE) && o.equals(TRANSITIVE)) {
                for (Triple u : list(null, s, null)) {
                    for (Node z : objects(u.getObject(), s)) conclude(u.getSubject(), s, z);
                }
            }
            // shortcut: (?t rdf:type ?c) (?c blk:shortcut ?p) (?t blk:subject ?s) (?t blk:object ?o)
            //           noValue(?t blk:validUntil) noValue(?t blk:ended) -> (?s ?p ?o)
            if (p.equals(TYPE) || p.equals(SUBJECT) || p.equals(OBJECT)) shortcuts(s);
            if (p.equals(SHORTCUT)) {
                for (Node tie : subjects(TYPE, s)) shortcuts(tie);
            }
        }

        /** The shortcuts of {@code tie} the graph now supports. */
        private void shortcuts(Node tie) {
            if (graph.contains(tie, VALID_UNTIL, Node.ANY) || graph.contains(tie, ENDED, Node.ANY)) return;
            List<Node> subjects = objects(tie, SUBJECT);
            if (subjects.isEmpty()) return;
            List<Node> objects = objects(tie, OBJECT);
            if (objects.isEmpty()) return;
            for (Node c : objects(tie, TYPE)) {
                for (Node shortcut : objects(c, SHORTCUT)) {
                    for (Node s : subjects) for (Node o : objects) conclude(s, shortcut, o);
                }
            }
        }

        // lists, not iterators: a conclusion adds to the graph while a rule is reading it
        private List<Node> objects(Node s, Node p) {
            List<Node> out = new ArrayList<>(2);
            graph.find(s, p, Node.ANY).forEachRemaining(t -> out.add(t.getObject()));
            return out;
        }

        private List<Node> subjects(Node p, Node o) {
            List<Node> out = new ArrayList<>(2);
            graph.find(Node.ANY, p, o).forEachRemaining(t -> out.add(t.getSubject()));
            return out;
        }

        private List<Triple> list(Node s, Node p, Node o) {
            return graph.find(s, p, o).toList();
        }
    }
}
