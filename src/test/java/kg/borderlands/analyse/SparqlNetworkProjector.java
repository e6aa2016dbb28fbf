package kg.borderlands.analyse;

import kg.borderlands.Vocab;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.graph.compose.Union;
import org.apache.jena.sparql.core.DatasetGraphFactory;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.engine.binding.Binding;
import org.apache.jena.sparql.exec.QueryExec;
import org.apache.jena.sparql.exec.RowSet;
import org.apache.jena.system.Txn;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
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
import java.util.stream.Collectors;

/**
 * The SPARQL projector {@link NetworkProjector} replaced (issue #11), kept as the reference it must agree with
 * ({@code NetworkProjectorEquivalenceTest}). Reads the actor network from a dataset with SPARQL over its default graph together with the named graph
 * of contested content ({@code graph/claimed}), if present: contested ties and events become edges marked
 * contested, with the actors they rest on ({@code blk:accordingTo}). Works with or without the load-time inferences: classes are resolved
 * through the ontology's {@code rdfs:subClassOf} hierarchy, which must be in the default graph.
 * What becomes an edge is documented in docs/network.md.
 */
final class SparqlNetworkProjector {
    private static final String PREFIXES = """
            PREFIX blk:  <%s>
            PREFIX rdf:  <http://www.w3.org/1999/02/22-rdf-syntax-ns#>
            PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
            PREFIX owl:  <http://www.w3.org/2002/07/owl#>
            PREFIX skos: <http://www.w3.org/2004/02/skos/core#>
            """.formatted(Vocab.BLK);

    private final DatasetGraph dsg;
    /** What the queries run on: the default graph, plus the claimed graph when the dataset has one. */
    private DatasetGraph view;

    SparqlNetworkProjector(DatasetGraph dsg) {
        this.dsg = Objects.requireNonNull(dsg, "dsg");
    }

    /** The whole network. Runs in a read transaction of its own (or inside the caller's). */
    public Network project() {
        return Txn.calculateRead(dsg, () -> {
            Node claimedGraph = NodeFactory.createURI(Vocab.GRAPH_CLAIMED);
            view = dsg.containsGraph(claimedGraph)
                    ? DatasetGraphFactory.wrap(new Union(dsg.getDefaultGraph(), dsg.getGraph(claimedGraph)))
                    : dsg;
            return read();
        });
    }

    /** The network, filtered. */
    public Network project(NetworkFilter filter) {
        return project().filter(Objects.requireNonNull(filter, "filter"));
    }

    // ---------------------------------------------------------------------------------------------

    private Network read() {
        ClassIndex classes = readClasses();
        Set<String> actorClasses = classes.subclassesOf("Actor");

        // actors
        Map<String, Set<String>> actorTypes = new TreeMap<>();
        select("SELECT ?a ?t WHERE { VALUES ?t { " + values(actorClasses) + " } ?a a ?t }", b -> {
            String a = id(b.get("a"));
            if (a != null) actorTypes.computeIfAbsent(a, k -> new TreeSet<>()).add(local(b.get("t")));
        });
        Map<String, String> labels = labels(actorTypes.keySet());
        Map<String, List<String>> aliases = new HashMap<>();
        select("SELECT ?a ?l WHERE { VALUES ?t { " + values(actorClasses) + " } ?a a ?t ; skos:altLabel ?l }",
                b -> aliases.computeIfAbsent(id(b.get("a")), k -> new ArrayList<>()).add(b.get("l").getLiteralLexicalForm()));
        List<ActorNode> nodes = new ArrayList<>();
        for (Map.Entry<String, Set<String>> e : actorTypes.entrySet()) {
            Set<String> all = new TreeSet<>();
            e.getValue().forEach(t -> all.addAll(classes.ancestors(t)));
            List<String> al = new ArrayList<>(new TreeSet<>(aliases.getOrDefault(e.getKey(), List.of())));
            nodes.add(new ActorNode(e.getKey(), labels.get(e.getKey()), classes.mostSpecific(e.getValue()), al, all));
        }
        Set<String> actors = new HashSet<>(actorTypes.keySet());

        Citations cites = readCitations();
        Map<String, NetworkEdge> edges = new LinkedHashMap<>();
        List<String> skipped = new ArrayList<>();
        Set<String> tieKinds = new TreeSet<>();
        Set<String> symmetric = new HashSet<>();
        select("SELECT ?c ?sym WHERE { ?c blk:shortcut ?p . BIND(EXISTS { ?p a owl:SymmetricProperty } AS ?sym) }", b -> {
            tieKinds.add(local(b.get("c")));
            if ("true".equals(b.get("sym").getLiteralLexicalForm())) symmetric.add(local(b.get("c")));
        });

        Map<String, List<String>> accordingTo = readAccordingTo();
        ties(actors, cites, symmetric, accordingTo, edges, skipped);
        claims(classes, actors, cites, edges, skipped);
        events(classes, actors, cites, accordingTo, edges, skipped);

        Set<String> known = new TreeSet<>(tieKinds);
        known.addAll(RelationKinds.DERIVED);
        return new Network(nodes, edges.values(), known, actorClasses, skipped);
    }

    /** Contested content (ties, events, participations by IRI) and the actors it rests on. */
    private Map<String, List<String>> readAccordingTo() {
        Map<String, List<String>> accordingTo = new HashMap<>();
        select("SELECT ?t ?x WHERE { ?t blk:accordingTo ?x }", b -> {
            if (b.get("t").isURI() && id(b.get("x")) != null) {
                accordingTo.computeIfAbsent(iriKey(b.get("t")), k -> new ArrayList<>()).add(id(b.get("x")));
            }
        });
        return accordingTo;
    }

    /** The record id of a node, or for a sub-node (participation) its path below the id namespace. */
    private static String iriKey(Node n) {
        if (!n.isURI()) return n.toString();
        String u = n.getURI();
        return u.startsWith(Vocab.ID) ? u.substring(Vocab.ID.length()) : u;
    }

    private void ties(Set<String> actors, Citations cites, Set<String> symmetric, Map<String, List<String>> accordingTo,
                      Map<String, NetworkEdge> edges, List<String> skipped) {
        select("""
                SELECT ?t ?c ?s ?o ?from ?until ?label WHERE {
                  ?c blk:shortcut ?p . ?t a ?c ; blk:subject ?s ; blk:object ?o .
                  OPTIONAL { ?t blk:validFrom ?start } OPTIONAL { ?t blk:attestedFrom ?attested }
                  BIND(COALESCE(?start, ?attested) AS ?from)
                  OPTIONAL { ?t blk:validUntil ?until }
                  OPTIONAL { ?t skos:prefLabel ?label }
                }""", b -> {
            String t = id(b.get("t")), s = id(b.get("s")), o = id(b.get("o")), kind = local(b.get("c"));
            if (!actors.contains(s) || !actors.contains(o) || s.equals(o)) {
                skipped.add(t);
                return;
            }
            List<String> according = sorted(accordingTo.getOrDefault(t, List.of()));
            add(edges, new NetworkEdge(null, s, o, kind, !symmetric.contains(kind), date(b.get("from")),
                    date(b.get("until")), !according.isEmpty(), according, cites.footnotes(t), cites.footnoteRefs(t), cites.sections(t), t,
                    kind, text(b.get("label"))));
        });
    }

    private void claims(ClassIndex classes, Set<String> actors, Citations cites, Map<String, NetworkEdge> edges,
                        List<String> skipped) {
        Set<String> allegationTypes = new TreeSet<>(classes.subclassesOf("Allegation"));
        allegationTypes.addAll(classes.subclassesOf("CounterClaim"));
        select("""
                SELECT ?c ?t ?who ?whom ?from ?until ?label WHERE {
                  VALUES ?t { %s } ?c a ?t ; blk:claimant ?who ; blk:accused ?whom .
                  OPTIONAL { ?c blk:earliest ?from } OPTIONAL { ?c blk:latest ?until }
                  OPTIONAL { ?c skos:prefLabel ?label }
                }""".formatted(values(allegationTypes)), b -> claimEdge(RelationKinds.ALLEGATION, b, actors, cites, edges, skipped));
        select("""
                SELECT ?c ?t ?who ?whom ?from ?until ?label WHERE {
                  VALUES ?t { %s } ?c a ?t ; blk:claimant ?who .
                  { ?c blk:respondsTo ?answered . ?answered blk:claimant ?whom }
                  UNION
                  { FILTER NOT EXISTS { ?c blk:respondsTo ?any } ?c blk:accused ?whom }
                  OPTIONAL { ?c blk:earliest ?from } OPTIONAL { ?c blk:latest ?until }
                  OPTIONAL { ?c skos:prefLabel ?label }
                }""".formatted(values(classes.subclassesOf("Denial"))), b -> claimEdge(RelationKinds.DENIAL, b, actors, cites, edges, skipped));
    }

    private void claimEdge(String kind, Binding b, Set<String> actors, Citations cites, Map<String, NetworkEdge> edges,
                           List<String> skipped) {
        String c = id(b.get("c")), who = id(b.get("who")), whom = id(b.get("whom"));
        if (!actors.contains(who) || !actors.contains(whom)) {
            skipped.add(c);
            return;
        }
        if (who.equals(whom)) return;
        add(edges, new NetworkEdge(null, who, whom, kind, true, date(b.get("from")), date(b.get("until")), false,
                List.of(), cites.footnotes(c), cites.footnoteRefs(c), cites.sections(c), c, local(b.get("t")), text(b.get("label"))));
    }

    private record Participation(String agent, String role, List<String> accordingTo) {}

    private void events(ClassIndex classes, Set<String> actors, Citations cites, Map<String, List<String>> accordingTo,
                        Map<String, NetworkEdge> edges, List<String> skipped) {
        Map<String, List<Participation>> parts = new TreeMap<>();
        Map<String, LocalDate[]> spans = new HashMap<>();
        Map<String, String> eventLabels = new HashMap<>();
        select("""
                SELECT ?e ?p ?agent ?role ?from ?until ?label WHERE {
                  ?e blk:qualifiedParticipation ?p . ?p blk:agent ?agent ; blk:role ?role .
                  OPTIONAL { ?e blk:earliest ?from } OPTIONAL { ?e blk:latest ?until }
                  OPTIONAL { ?e skos:prefLabel ?label }
                }""", b -> {
            String e = id(b.get("e"));
            parts.computeIfAbsent(e, k -> new ArrayList<>()).add(new Participation(id(b.get("agent")), local(b.get("role")),
                    accordingTo.getOrDefault(iriKey(b.get("p")), List.of())));
            spans.put(e, new LocalDate[] {date(b.get("from")), date(b.get("until"))});
            if (b.get("label") != null) eventLabels.put(e, b.get("label").getLiteralLexicalForm());
        });
        Map<String, Set<String>> eventTypes = new HashMap<>();
        select("SELECT DISTINCT ?e ?t WHERE { ?e blk:qualifiedParticipation ?p ; a ?t }",
                b -> eventTypes.computeIfAbsent(id(b.get("e")), k -> new TreeSet<>()).add(local(b.get("t"))));

        for (Map.Entry<String, List<Participation>> ev : parts.entrySet()) {
            String e = ev.getKey();
            Set<String> types = eventTypes.getOrDefault(e, Set.of());
            Set<String> all = new HashSet<>();
            types.forEach(t -> all.addAll(classes.ancestors(t)));
            String type = classes.mostSpecific(types);
            Map<String, List<String>> byRole = new HashMap<>();
            Set<String> according = new TreeSet<>(accordingTo.getOrDefault(e, List.of()));
            for (Participation p : ev.getValue()) {
                if (actors.contains(p.agent())) byRole.computeIfAbsent(p.role(), k -> new ArrayList<>()).add(p.agent());
                according.addAll(p.accordingTo());
            }
            byRole.replaceAll((k, v) -> sorted(v));
            EventEdges out = new EventEdges(e, type, spans.get(e), eventLabels.get(e), List.copyOf(according), cites, edges);
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
    }

    /** Edges made from one event. */
    private static final class EventEdges {
        private final String event;
        private final String type;
        private final LocalDate[] span;
        private final String label;
        private final List<String> accordingTo;
        private final Citations cites;
        private final Map<String, NetworkEdge> edges;

        EventEdges(String event, String type, LocalDate[] span, String label, List<String> accordingTo, Citations cites,
                   Map<String, NetworkEdge> edges) {
            this.event = event;
            this.type = type;
            this.span = span == null ? new LocalDate[2] : span;
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
                    cites.footnotes(event), cites.footnoteRefs(event), cites.sections(event), event, type, label));
        }
    }

    private static void add(Map<String, NetworkEdge> edges, NetworkEdge e) {
        edges.putIfAbsent(e.id(), e);
    }

    // ---- citations ----

    private record Citations(Map<String, Set<Integer>> fns, Map<String, Set<FootnoteRef>> refs, Map<String, Set<String>> secs) {
        List<Integer> footnotes(String record) {
            return List.copyOf(fns.getOrDefault(record, Set.of()));
        }

        List<FootnoteRef> footnoteRefs(String record) {
            return List.copyOf(refs.getOrDefault(record, Set.of()));
        }

        List<String> sections(String record) {
            return List.copyOf(secs.getOrDefault(record, Set.of()));
        }
    }

    private Citations readCitations() {
        Map<String, Set<Integer>> fns = new HashMap<>();
        Map<String, Set<String>> secs = new HashMap<>();
        Map<String, Set<FootnoteRef>> refs = new HashMap<>();
        select("SELECT ?r ?f ?n WHERE { ?r blk:citedFootnote ?f . ?f blk:number ?n }", b -> {
            int n = Integer.parseInt(b.get("n").getLiteralLexicalForm());
            fns.computeIfAbsent(id(b.get("r")), k -> new TreeSet<>()).add(n);
            String f = b.get("f").isURI() && b.get("f").getURI().startsWith(Vocab.ID) ? b.get("f").getURI().substring(Vocab.ID.length()) : null;
            if (f != null) refs.computeIfAbsent(id(b.get("r")), k -> new TreeSet<>(FootnoteRef.ORDER)).add(new FootnoteRef(f, n));
        });
        select("SELECT ?r ?n WHERE { ?r blk:citedSection ?s . ?s blk:number ?n }",
                b -> secs.computeIfAbsent(id(b.get("r")), k -> new TreeSet<>(SparqlNetworkProjector::compareSections))
                        .add(b.get("n").getLiteralLexicalForm()));
        return new Citations(fns, refs, secs);
    }

    /** Orders section numbers as the report does: summary, findings, then I, I.A, II… */
    static int compareSections(String a, String b) {
        return sectionKey(a).compareTo(sectionKey(b));
    }

    private static String sectionKey(String s) {
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

    private ClassIndex readClasses() {
        Map<String, Set<String>> anc = new HashMap<>();
        select("""
                SELECT ?c ?sup WHERE {
                  ?c a owl:Class . ?c rdfs:subClassOf* ?sup .
                  FILTER(isIRI(?c) && isIRI(?sup) && STRSTARTS(STR(?c), STR(blk:)) && STRSTARTS(STR(?sup), STR(blk:)))
                }""", b -> anc.computeIfAbsent(local(b.get("c")), k -> new TreeSet<>()).add(local(b.get("sup"))));
        anc.forEach((k, v) -> v.add(k));
        return new ClassIndex(anc);
    }

    // ---- helpers ----

    private Map<String, String> labels(Set<String> ids) {
        Map<String, String> out = new HashMap<>();
        select("SELECT ?r ?l WHERE { ?r skos:prefLabel ?l }", b -> {
            String id = id(b.get("r"));
            if (id != null && ids.contains(id)) out.merge(id, b.get("l").getLiteralLexicalForm(), (x, y) -> x.compareTo(y) <= 0 ? x : y);
        });
        return out;
    }

    private void select(String query, Consumer<Binding> row) {
        try (QueryExec qe = QueryExec.dataset(view).query(PREFIXES + query).build()) {
            RowSet rs = qe.select();
            while (rs.hasNext()) row.accept(rs.next());
        }
    }

    private static String values(Collection<String> localNames) {
        return localNames.stream().map(c -> "blk:" + c).collect(Collectors.joining(" "));
    }

    /** The record id of a node in our namespace, or null. */
    private static String id(Node n) {
        if (n == null || !n.isURI() || !n.getURI().startsWith(Vocab.ID)) return null;
        String rest = n.getURI().substring(Vocab.ID.length());
        return rest.contains("/") ? null : rest;
    }

    private static String local(Node n) {
        String u = n.getURI();
        if (u.startsWith(Vocab.BLK)) return u.substring(Vocab.BLK.length());
        return u.startsWith(Vocab.VOCAB) ? u.substring(Vocab.VOCAB.length()) : u;
    }

    private static LocalDate date(Node n) {
        return n == null ? null : LocalDate.parse(n.getLiteralLexicalForm());
    }

    private static String text(Node n) {
        return n == null ? null : n.getLiteralLexicalForm();
    }

    private static List<String> sorted(Collection<String> xs) {
        return List.copyOf(new TreeSet<>(xs));
    }
}
