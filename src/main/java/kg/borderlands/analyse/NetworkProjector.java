package kg.borderlands.analyse;

import kg.borderlands.Vocab;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.graph.Triple;
import org.apache.jena.graph.compose.Union;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.DatasetGraphFactory;
import org.apache.jena.sparql.engine.binding.Binding;
import org.apache.jena.sparql.exec.QueryExec;
import org.apache.jena.sparql.exec.RowSet;
import org.apache.jena.system.Txn;
import org.apache.jena.util.iterator.ExtendedIterator;
import org.apache.jena.vocabulary.RDF;
import org.apache.jena.vocabulary.SKOS;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Consumer;

/**
 * Reads the actor network from a dataset: its default graph together with the named graph of contested content
 * ({@code graph/claimed}), if present: contested ties and events become edges marked contested, with the actors
 * they rest on ({@code blk:accordingTo}). Works with or without the load-time inferences: classes are resolved
 * through the ontology's {@code rdfs:subClassOf} hierarchy, which must be in the default graph.
 * What becomes an edge is documented in docs/network.md.
 *
 * <p>Record by record: every edge comes from one record (a tie, a claim or an event) and is made from that record's
 * own triples, the triples of the nodes it owns or cites (its participations, its footnotes' and sections'
 * numbers, for a denial the claimants of the claims it answers) and whether the actors it names are actors
 * ({@link Projection#edges}); a node is made from the actor's own triples ({@link Projection#node}). So the
 * network is streamed — nodes, then edges in id order, one record at a time ({@link #project(Sink)}) — without
 * holding the graph's citations or the edges in memory, and after a change only the records and actors it touches
 * are projected again ({@code serve.artifacts.NetworkDelta}). Where a record has several values for what an edge
 * holds once (two labels, two start dates), the least (in lexical order) is taken.
 */
public final class NetworkProjector {
    private static final String PREFIXES = """
            PREFIX blk:  <%s>
            PREFIX rdf:  <http://www.w3.org/1999/02/22-rdf-syntax-ns#>
            PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
            PREFIX owl:  <http://www.w3.org/2002/07/owl#>
            PREFIX skos: <http://www.w3.org/2004/02/skos/core#>
            """.formatted(Vocab.BLK);
    private static final Node TYPE = RDF.type.asNode();
    private static final Node PREF_LABEL = SKOS.prefLabel.asNode();
    private static final Node ALT_LABEL = SKOS.altLabel.asNode();
    public static final Node SUBJECT = blk("subject");
    public static final Node OBJECT = blk("object");
    private static final Node VALID_FROM = blk("validFrom");
    private static final Node ATTESTED_FROM = blk("attestedFrom");
    private static final Node VALID_UNTIL = blk("validUntil");
    public static final Node ACCORDING_TO = blk("accordingTo");
    public static final Node CLAIMANT = blk("claimant");
    public static final Node ACCUSED = blk("accused");
    public static final Node RESPONDS_TO = blk("respondsTo");
    private static final Node EARLIEST = blk("earliest");
    private static final Node LATEST = blk("latest");
    public static final Node QUALIFIED_PARTICIPATION = blk("qualifiedParticipation");
    public static final Node AGENT = blk("agent");
    private static final Node ROLE = blk("role");
    public static final Node CITED_FOOTNOTE = blk("citedFootnote");
    public static final Node CITED_SECTION = blk("citedSection");
    public static final Node NUMBER = blk("number");

    private final DatasetGraph dsg;

    public NetworkProjector(DatasetGraph dsg) {
        this.dsg = Objects.requireNonNull(dsg, "dsg");
    }

    private static Node blk(String local) {
        return NodeFactory.createURI(Vocab.BLK + local);
    }

    /** The whole network. Runs in a read transaction of its own (or inside the caller's). */
    public Network project() {
        List<ActorNode> nodes = new ArrayList<>();
        List<NetworkEdge> edges = new ArrayList<>();
        Network[] out = new Network[1];
        project(new Sink() {
            @Override
            public void node(ActorNode n) {
                nodes.add(n);
            }

            @Override
            public void edge(NetworkEdge e) {
                edges.add(e);
            }

            @Override
            public void end(Set<String> knownKinds, Set<String> actorClasses, Set<String> skipped) {
                out[0] = new Network(nodes, edges, knownKinds, actorClasses, skipped);
            }
        });
        return out[0];
    }

    /** The network, filtered. */
    public Network project(NetworkFilter filter) {
        return project().filter(Objects.requireNonNull(filter, "filter"));
    }

    /** What a streamed projection is given: the nodes by id, then the edges by id, then the rest. */
    public interface Sink {
        void node(ActorNode n) throws java.io.IOException;

        void edge(NetworkEdge e) throws java.io.IOException;

        void end(Set<String> knownKinds, Set<String> actorClasses, Set<String> skipped) throws java.io.IOException;
    }

    /**
     * Streams the whole network into {@code sink} (in a read transaction of its own, or the caller's): what is
     * held meanwhile is the ontology's classes, the actors' ids and the ids of the records that make edges.
     */
    public void project(Sink sink) {
        Objects.requireNonNull(sink, "sink");
        Txn.executeRead(dsg, () -> {
            Projection p = open();
            try {
                for (String a : p.actors()) {
                    ActorNode n = p.node(NodeFactory.createURI(Vocab.ID + a));
                    if (n != null) sink.node(n);
                }
                Set<String> skipped = new TreeSet<>();
                TreeMap<String, Node> records = p.records();
                boolean ordered = records.keySet().stream().noneMatch(k -> k.indexOf(':') < k.length() - 1);
                List<NetworkEdge> unordered = new ArrayList<>();
                for (Node r : records.values()) {
                    RecordEdges re = p.edges(r);
                    if (re.skipped()) skipped.add(re.record());
                    for (NetworkEdge e : re.edges()) {
                        if (ordered) sink.edge(e);
                        else unordered.add(e);
                    }
                }
                // a record id with ':' would not sort its edges by id record by record: sort them all
                unordered.sort(Comparator.comparing(NetworkEdge::id));
                for (NetworkEdge e : unordered) sink.edge(e);
                sink.end(p.knownKinds(), p.actorClasses(), skipped);
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        });
    }

    /** The edges one record makes (sorted by id), and whether it was not projected (e.g. a tie to a place). */
    public record RecordEdges(String record, List<NetworkEdge> edges, boolean skipped) {}

    /**
     * The ontology's part of the projection and the actors, read now: what projecting one record or one actor
     * needs besides its own triples. Use it inside a read transaction of the dataset.
     */
    public Projection open() {
        return new Projection();
    }

    /** A projection of the dataset as it is in the read transaction that opened it. */
    public final class Projection {
        private final Graph view;
        private final ClassIndex classes;
        private final Set<String> actorClasses;
        private final Set<Node> actorClassNodes = new HashSet<>();
        private final Set<String> actors = new TreeSet<>();
        private final Set<String> tieKinds = new TreeSet<>();
        private final Set<Node> tieClasses = new HashSet<>();
        private final Set<String> symmetric = new HashSet<>();
        private final Set<String> allegationTypes = new TreeSet<>();
        private final Set<String> denialTypes = new TreeSet<>();

        private Projection() {
            Node claimedGraph = NodeFactory.createURI(Vocab.GRAPH_CLAIMED);
            this.view = dsg.containsGraph(claimedGraph)
                    ? new Union(dsg.getDefaultGraph(), dsg.getGraph(claimedGraph)) : dsg.getDefaultGraph();
            DatasetGraph queried = DatasetGraphFactory.wrap(view);
            this.classes = readClasses(queried);
            this.actorClasses = classes.subclassesOf("Actor");
            for (String c : actorClasses) actorClassNodes.add(blk(c));
            for (Node c : actorClassNodes) {
                view.find(Node.ANY, TYPE, c).forEachRemaining(t -> {
                    String a = id(t.getSubject());
                    if (a != null) actors.add(a);
                });
            }
            select(queried, "SELECT ?c ?sym WHERE { ?c blk:shortcut ?p . BIND(EXISTS { ?p a owl:SymmetricProperty } AS ?sym) }", b -> {
                tieKinds.add(local(b.get("c")));
                tieClasses.add(b.get("c"));
                if ("true".equals(b.get("sym").getLiteralLexicalForm())) symmetric.add(local(b.get("c")));
            });
            allegationTypes.addAll(classes.subclassesOf("Allegation"));
            allegationTypes.addAll(classes.subclassesOf("CounterClaim"));
            denialTypes.addAll(classes.subclassesOf("Denial"));
        }

        /** The ids of the actors (subjects in our namespace of a type of the {@code blk:Actor} hierarchy), sorted. */
        public Set<String> actors() {
            return actors;
        }

        /** The {@code blk:} classes of actors (local names). */
        public Set<String> actorClasses() {
            return actorClasses;
        }

        /** The actor classes as IRIs. */
        public Set<Node> actorClassNodes() {
            return actorClassNodes;
        }

        /** Every relation kind a filter may name: the tie classes and the derived kinds. */
        public Set<String> knownKinds() {
            Set<String> known = new TreeSet<>(tieKinds);
            known.addAll(RelationKinds.DERIVED);
            return known;
        }

        /** What the projection reads: the default graph with the claimed graph. */
        public Graph view() {
            return view;
        }

        /**
         * Every record that may make edges — an instance of a tie class, of an allegation, counter-claim or denial
         * class, or an event with a participation — by {@code id + ":"} (the order of their edges' ids).
         */
        public TreeMap<String, Node> records() {
            TreeMap<String, Node> out = new TreeMap<>();
            Set<Node> types = new HashSet<>(tieClasses);
            for (String t : allegationTypes) types.add(blk(t));
            for (String t : denialTypes) types.add(blk(t));
            for (Node t : types) view.find(Node.ANY, TYPE, t).forEachRemaining(tr -> put(out, tr.getSubject()));
            view.find(Node.ANY, QUALIFIED_PARTICIPATION, Node.ANY).forEachRemaining(tr -> put(out, tr.getSubject()));
            return out;
        }

        private static void put(Map<String, Node> out, Node record) {
            String id = id(record);
            if (id != null) out.put(id + ":", record);
        }

        /** The node of an actor, or null if it is not one (not in our namespace, or of no actor class). */
        public ActorNode node(Node actor) {
            String id = id(actor);
            if (id == null) return null;
            Map<Node, List<Node>> props = properties(actor);
            Set<String> types = new TreeSet<>();
            for (Node t : props.getOrDefault(TYPE, List.of())) if (actorClassNodes.contains(t)) types.add(local(t));
            if (types.isEmpty()) return null;
            Set<String> all = new TreeSet<>();
            types.forEach(t -> all.addAll(classes.ancestors(t)));
            String label = least(props.get(PREF_LABEL));
            Set<String> aliases = new TreeSet<>();
            for (Node l : props.getOrDefault(ALT_LABEL, List.of())) if (l.isLiteral()) aliases.add(l.getLiteralLexicalForm());
            return new ActorNode(id, label, classes.mostSpecific(types), List.copyOf(aliases), all);
        }

        /** Whether a node is an actor now. */
        public boolean isActor(Node n) {
            return actor(id(n));
        }

        private boolean actor(String id) {
            return id != null && actors.contains(id);
        }

        /** The edges of one record (none if it makes none), in id order. */
        public RecordEdges edges(Node record) {
            String r = id(record);
            Map<String, NetworkEdge> edges = new LinkedHashMap<>();
            boolean[] skipped = {false};
            if (r != null) {
                Map<Node, List<Node>> props = properties(record);
                Citations cites = new Citations(props);
                ties(r, props, cites, edges, skipped);
                claims(r, props, cites, edges, skipped);
                event(r, record, props, cites, edges);
            }
            List<NetworkEdge> out = new ArrayList<>(edges.values());
            out.sort(Comparator.comparing(NetworkEdge::id));
            return new RecordEdges(r, List.copyOf(out), skipped[0]);
        }

        private void ties(String t, Map<Node, List<Node>> props, Citations cites, Map<String, NetworkEdge> edges, boolean[] skipped) {
            List<Node> ss = props.getOrDefault(SUBJECT, List.of());
            List<Node> os = props.getOrDefault(OBJECT, List.of());
            for (Node c : sortedTypes(props, tieClasses)) {
                String kind = local(c);
                for (Node sn : ss) {
                    for (Node on : os) {
                        String s = id(sn), o = id(on);
                        if (!actor(s) || !actor(o) || s.equals(o)) {
                            skipped[0] = true;
                            continue;
                        }
                        List<String> according = accordingTo(props);
                        LocalDate from = date(props.containsKey(VALID_FROM) ? props.get(VALID_FROM) : props.get(ATTESTED_FROM));
                        add(edges, new NetworkEdge(null, s, o, kind, !symmetric.contains(kind), from, date(props.get(VALID_UNTIL)),
                                !according.isEmpty(), according, cites.footnotes(), cites.footnoteRefs(), cites.sections(), t,
                                kind, least(props.get(PREF_LABEL))));
                    }
                }
            }
        }

        private void claims(String c, Map<Node, List<Node>> props, Citations cites, Map<String, NetworkEdge> edges, boolean[] skipped) {
            List<Node> who = props.getOrDefault(CLAIMANT, List.of());
            for (String t : localTypes(props, allegationTypes)) {
                for (Node w : who) {
                    for (Node whom : props.getOrDefault(ACCUSED, List.of())) {
                        claimEdge(RelationKinds.ALLEGATION, c, t, w, whom, props, cites, edges, skipped);
                    }
                }
            }
            List<String> denials = localTypes(props, denialTypes);
            if (denials.isEmpty()) return;
            // whom a denial answers: the claimants of the claims it responds to, else (none) those it names as accused
            List<Node> whoms = new ArrayList<>();
            List<Node> answered = props.getOrDefault(RESPONDS_TO, List.of());
            for (Node a : answered) view.find(a, CLAIMANT, Node.ANY).forEachRemaining(tr -> whoms.add(tr.getObject()));
            if (answered.isEmpty()) whoms.addAll(props.getOrDefault(ACCUSED, List.of()));
            for (String t : denials) {
                for (Node w : who) {
                    for (Node whom : whoms) claimEdge(RelationKinds.DENIAL, c, t, w, whom, props, cites, edges, skipped);
                }
            }
        }

        private void claimEdge(String kind, String c, String type, Node whoNode, Node whomNode, Map<Node, List<Node>> props,
                               Citations cites, Map<String, NetworkEdge> edges, boolean[] skipped) {
            String who = id(whoNode), whom = id(whomNode);
            if (!actor(who) || !actor(whom)) {
                skipped[0] = true;
                return;
            }
            if (who.equals(whom)) return;
            add(edges, new NetworkEdge(null, who, whom, kind, true, date(props.get(EARLIEST)), date(props.get(LATEST)), false,
                    List.of(), cites.footnotes(), cites.footnoteRefs(), cites.sections(), c, type, least(props.get(PREF_LABEL))));
        }

        private record Participation(String agent, String role, List<String> accordingTo) {}

        private void event(String e, Node event, Map<Node, List<Node>> props, Citations cites, Map<String, NetworkEdge> edges) {
            List<Participation> parts = new ArrayList<>();
            for (Node p : props.getOrDefault(QUALIFIED_PARTICIPATION, List.of())) {
                Map<Node, List<Node>> pp = properties(p);
                for (Node agent : pp.getOrDefault(AGENT, List.of())) {
                    for (Node role : pp.getOrDefault(ROLE, List.of())) {
                        if (role.isURI()) parts.add(new Participation(id(agent), local(role), accordingTo(pp)));
                    }
                }
            }
            if (parts.isEmpty()) return;
            Set<String> types = new TreeSet<>();
            for (Node t : props.getOrDefault(TYPE, List.of())) if (t.isURI()) types.add(local(t));
            Set<String> all = new HashSet<>();
            types.forEach(t -> all.addAll(classes.ancestors(t)));
            String type = classes.mostSpecific(types);
            Map<String, List<String>> byRole = new HashMap<>();
            Set<String> according = new TreeSet<>(accordingTo(props));
            for (Participation p : parts) {
                if (actor(p.agent())) byRole.computeIfAbsent(p.role(), k -> new ArrayList<>()).add(p.agent());
                according.addAll(p.accordingTo());
            }
            byRole.replaceAll((k, v) -> sorted(v));
            LocalDate[] span = {date(props.get(EARLIEST)), date(props.get(LATEST))};
            EventEdges out = new EventEdges(e, type, span, least(props.get(PREF_LABEL)), List.copyOf(according), cites, edges);
            out.directed(RelationKinds.MEDIATION, byRole, "Mediator", "NegotiatingParty");
            out.directed(RelationKinds.ATTACK, byRole, "Perpetrator", "Target");
            out.directed(RelationKinds.ATTACK, byRole, "Perpetrator", "Victim");
            out.directed(RelationKinds.MEASURE, byRole, "Authority", "SubjectRole");
            if (all.contains("MilitaryOperation")) {
                out.directed(RelationKinds.OPERATION, byRole, "Organiser", "Target");
                out.directed(RelationKinds.OPERATION, byRole, "Authority", "Target");
            }
            if (all.contains("Visit")) out.directed(RelationKinds.VISIT, byRole, "Visitor", "Host");
            if (all.contains("Protest")) out.directed(RelationKinds.PROTEST, byRole, "Organiser", "Target");
            out.pairs(RelationKinds.NEGOTIATION, byRole.getOrDefault("NegotiatingParty", List.of()));
            if (all.contains("BorderClash")) out.pairs(RelationKinds.CLASH, byRole.getOrDefault("Participant", List.of()));
        }

        /** The actors a node (a record or a participation) is contested by: its {@code blk:accordingTo}, sorted. */
        private List<String> accordingTo(Map<Node, List<Node>> props) {
            Set<String> out = new TreeSet<>();
            for (Node x : props.getOrDefault(ACCORDING_TO, List.of())) {
                String id = id(x);
                if (id != null) out.add(id);
            }
            return List.copyOf(out);
        }

        /** Every triple of a subject in the view, by predicate. */
        private Map<Node, List<Node>> properties(Node subject) {
            Map<Node, List<Node>> out = new HashMap<>();
            ExtendedIterator<Triple> it = view.find(subject, Node.ANY, Node.ANY);
            try {
                while (it.hasNext()) {
                    Triple t = it.next();
                    out.computeIfAbsent(t.getPredicate(), k -> new ArrayList<>(2)).add(t.getObject());
                }
            } finally {
                it.close();
            }
            return out;
        }

        /** The footnotes and sections a record cites (their numbers read from the view). */
        private final class Citations {
            private final Set<Integer> fns = new TreeSet<>();
            private final Set<FootnoteRef> refs = new TreeSet<>(FootnoteRef.ORDER);
            private final Set<String> secs = new TreeSet<>(NetworkProjector::compareSections);

            Citations(Map<Node, List<Node>> props) {
                for (Node f : props.getOrDefault(CITED_FOOTNOTE, List.of())) {
                    view.find(f, NUMBER, Node.ANY).forEachRemaining(t -> {
                        int n = Integer.parseInt(t.getObject().getLiteralLexicalForm());
                        fns.add(n);
                        if (f.isURI() && f.getURI().startsWith(Vocab.ID)) refs.add(new FootnoteRef(f.getURI().substring(Vocab.ID.length()), n));
                    });
                }
                for (Node s : props.getOrDefault(CITED_SECTION, List.of())) {
                    view.find(s, NUMBER, Node.ANY).forEachRemaining(t -> secs.add(t.getObject().getLiteralLexicalForm()));
                }
            }

            List<Integer> footnotes() {
                return List.copyOf(fns);
            }

            List<FootnoteRef> footnoteRefs() {
                return List.copyOf(refs);
            }

            List<String> sections() {
                return List.copyOf(secs);
            }
        }
    }

    /** The types of a record among {@code among} (IRIs), in the order of their local names. */
    private static List<Node> sortedTypes(Map<Node, List<Node>> props, Set<Node> among) {
        List<Node> out = new ArrayList<>();
        for (Node t : props.getOrDefault(TYPE, List.of())) if (among.contains(t)) out.add(t);
        out.sort(Comparator.comparing(NetworkProjector::local));
        return out;
    }

    /** The local names of a record's {@code blk:} types among {@code among} (local names), sorted. */
    private static List<String> localTypes(Map<Node, List<Node>> props, Set<String> among) {
        Set<String> out = new TreeSet<>();
        for (Node t : props.getOrDefault(TYPE, List.of())) {
            if (t.isURI() && t.getURI().startsWith(Vocab.BLK) && among.contains(local(t))) out.add(local(t));
        }
        return List.copyOf(out);
    }

    /** Edges made from one event. */
    private static final class EventEdges {
        private final String event;
        private final String type;
        private final LocalDate[] span;
        private final String label;
        private final List<String> accordingTo;
        private final Projection.Citations cites;
        private final Map<String, NetworkEdge> edges;

        EventEdges(String event, String type, LocalDate[] span, String label, List<String> accordingTo,
                   Projection.Citations cites, Map<String, NetworkEdge> edges) {
            this.event = event;
            this.type = type;
            this.span = span;
            this.label = label;
            this.accordingTo = accordingTo;
            this.cites = cites;
            this.edges = edges;
        }

        void directed(String kind, Map<String, List<String>> byRole, String fromRole, String toRole) {
            for (String a : byRole.getOrDefault(fromRole, List.of())) {
                for (String b : byRole.getOrDefault(toRole, List.of())) edge(kind, a, b, true);
            }
        }

        void pairs(String kind, List<String> actors) {
            for (int i = 0; i < actors.size(); i++) {
                for (int j = i + 1; j < actors.size(); j++) edge(kind, actors.get(i), actors.get(j), false);
            }
        }

        private void edge(String kind, String a, String b, boolean directed) {
            if (a.equals(b)) return;
            add(edges, new NetworkEdge(null, a, b, kind, directed, span[0], span[1], !accordingTo.isEmpty(), accordingTo,
                    cites.footnotes(), cites.footnoteRefs(), cites.sections(), event, type, label));
        }
    }

    private static void add(Map<String, NetworkEdge> edges, NetworkEdge e) {
        edges.putIfAbsent(e.id(), e);
    }

    /** Orders section numbers as the report does: summary, findings, then I, I.A, II… */
    static int compareSections(String a, String b) {
        return sectionKey(a).compareTo(sectionKey(b));
    }

    /** Section numbers' sort keys: few distinct numbers, compared again and again. */
    private static final Map<String, String> SECTION_KEYS = new java.util.concurrent.ConcurrentHashMap<>();

    private static String sectionKey(String s) {
        return SECTION_KEYS.computeIfAbsent(s, NetworkProjector::makeSectionKey);
    }

    private static String makeSectionKey(String s) {
        if (s.equals("summary")) return "0";
        if (s.equals("findings")) return "1";
        StringBuilder k = new StringBuilder("2");
        for (String part : s.split("\\.")) {
            int roman = roman(part);
            if (roman > 0) k.append('.').append(String.format("%03d", roman));
            else if (part.matches("\\d+")) k.append('.').append(String.format("%03d", Integer.parseInt(part)));
            else k.append('.').append(part);
        }
        return k.toString();
    }

    private static int roman(String s) {
        if (!s.matches("[IVX]+")) return 0;
        int total = 0, prev = 0;
        for (int i = s.length() - 1; i >= 0; i--) {
            int v = switch (s.charAt(i)) { case 'I' -> 1; case 'V' -> 5; default -> 10; };
            total += v < prev ? -v : v;
            prev = Math.max(prev, v);
        }
        return total;
    }

    // ---- classes ----

    /** The {@code blk:} class hierarchy of the ontology (reflexive-transitive ancestors, local names). */
    static final class ClassIndex {
        private final Map<String, Set<String>> ancestors;

        ClassIndex(Map<String, Set<String>> ancestors) {
            this.ancestors = ancestors;
        }

        Set<String> ancestors(String c) {
            Set<String> a = ancestors.get(c);
            return a == null ? Set.of(c) : a;
        }

        Set<String> subclassesOf(String c) {
            Set<String> out = new TreeSet<>();
            ancestors.forEach((k, v) -> {
                if (v.contains(c)) out.add(k);
            });
            out.add(c);
            return out;
        }

        /** The type no other type of the set specialises (first by name if several). */
        String mostSpecific(Collection<String> types) {
            List<String> candidates = types.stream().filter(t -> types.stream()
                    .noneMatch(u -> !u.equals(t) && ancestors(u).contains(t))).sorted().toList();
            return candidates.isEmpty() ? "Actor" : candidates.get(0);
        }
    }

    private static ClassIndex readClasses(DatasetGraph queried) {
        Map<String, Set<String>> anc = new HashMap<>();
        select(queried, """
                SELECT ?c ?sup WHERE {
                  ?c a owl:Class . ?c rdfs:subClassOf* ?sup .
                  FILTER(isIRI(?c) && isIRI(?sup) && STRSTARTS(STR(?c), STR(blk:)) && STRSTARTS(STR(?sup), STR(blk:)))
                }""", b -> anc.computeIfAbsent(local(b.get("c")), k -> new TreeSet<>()).add(local(b.get("sup"))));
        anc.forEach((k, v) -> v.add(k));
        return new ClassIndex(anc);
    }

    // ---- helpers ----

    private static void select(DatasetGraph queried, String query, Consumer<Binding> row) {
        try (QueryExec qe = QueryExec.dataset(queried).query(PREFIXES + query).build()) {
            RowSet rs = qe.select();
            while (rs.hasNext()) row.accept(rs.next());
        }
    }

    /** The record id of a node in our namespace, or null. */
    public static String id(Node n) {
        if (n == null || !n.isURI() || !n.getURI().startsWith(Vocab.ID)) return null;
        String rest = n.getURI().substring(Vocab.ID.length());
        return rest.contains("/") ? null : rest;
    }

    private static String local(Node n) {
        String u = n.getURI();
        if (u.startsWith(Vocab.BLK)) return u.substring(Vocab.BLK.length());
        return u.startsWith(Vocab.VOCAB) ? u.substring(Vocab.VOCAB.length()) : u;
    }

    /** The least (lexical order) of some literals, or null. */
    private static String least(List<Node> values) {
        String out = null;
        if (values == null) return null;
        for (Node v : values) {
            if (!v.isLiteral()) continue;
            String s = v.getLiteralLexicalForm();
            if (out == null || s.compareTo(out) < 0) out = s;
        }
        return out;
    }

    private static LocalDate date(List<Node> values) {
        String s = least(values);
        return s == null ? null : LocalDate.parse(s);
    }

    private static List<String> sorted(Collection<String> xs) {
        return List.copyOf(new TreeSet<>(xs));
    }
}
