package kg.borderlands.link;

import kg.borderlands.Vocab;
import org.apache.jena.query.DatasetFactory;
import org.apache.jena.query.QueryExecution;
import org.apache.jena.query.QuerySolution;
import org.apache.jena.query.ResultSetRewindable;
import org.apache.jena.rdf.model.RDFNode;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.util.FmtUtils;
import org.apache.jena.system.Txn;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;

/**
 * Proposes Wikidata candidates for our actors and places that have no Wikidata link yet: exact matches of
 * their label and aliases against Wikidata labels and aliases (English), restricted to the Wikidata classes
 * that fit our class ({@link WikidataClasses}), ranked by a simple score with the evidence shown. It only
 * prints suggestions for a curator; it never writes a link.
 */
public final class Reconciler {
    public static final String DEFAULT_ENDPOINT = "https://query.wikidata.org/sparql";
    static final String WD = ExternalIds.Target.WIKIDATA.namespace();

    private final SparqlClient client;

    public Reconciler(SparqlClient client) {
        this.client = Objects.requireNonNull(client, "client");
    }

    /** An entity of our graph to reconcile. */
    public record Entity(String id, String label, List<String> aliases, Set<String> blkTypes) {
        /** Label first, then aliases; no duplicates. */
        public List<String> names() {
            Set<String> s = new LinkedHashSet<>();
            s.add(label);
            s.addAll(aliases);
            return List.copyOf(s);
        }
    }

    /** One way a candidate matched: which of our names, on which Wikidata field, with which P31 class. */
    public record Evidence(String ourName, boolean ourLabel, String field, String p31, String p31Label,
                           boolean directClass) {}

    /** A ranked candidate with its evidence. */
    public record Candidate(String qid, String label, double score, List<Evidence> evidence) {
        public String curie() {
            return "wikidata:" + qid;
        }
    }

    /** The actors and places of the graph that have no link to Wikidata (optionally only some ids). */
    public static List<Entity> unlinked(DatasetGraph dsg, Set<String> onlyIds) {
        String q = """
                PREFIX blk:  <https://w3id.org/borderlands-kg/ontology#>
                PREFIX skos: <http://www.w3.org/2004/02/skos/core#>
                PREFIX rdf:  <http://www.w3.org/1999/02/22-rdf-syntax-ns#>
                SELECT ?e ?label ?alias ?type WHERE {
                  VALUES ?kind { blk:Actor blk:Place }
                  ?e rdf:type ?kind ; skos:prefLabel ?label ; rdf:type ?type .
                  OPTIONAL { ?e skos:altLabel ?alias }
                  FILTER NOT EXISTS {
                    VALUES ?p { skos:exactMatch skos:closeMatch <http://www.w3.org/2002/07/owl#sameAs> }
                    ?e ?p ?x . FILTER(STRSTARTS(STR(?x), "http://www.wikidata.org/entity/"))
                  }
                } ORDER BY ?e""";
        Map<String, String> labels = new TreeMap<>();
        Map<String, Set<String>> aliases = new TreeMap<>();
        Map<String, Set<String>> types = new TreeMap<>();
        Txn.executeRead(dsg, () -> {
            try (QueryExecution qe = QueryExecution.dataset(DatasetFactory.wrap(dsg)).query(q).build()) {
                qe.execSelect().forEachRemaining(s -> {
                    String id = s.getResource("e").getURI().substring(Vocab.ID.length());
                    if (onlyIds != null && !onlyIds.isEmpty() && !onlyIds.contains(id)) return;
                    labels.put(id, s.getLiteral("label").getString());
                    if (s.contains("alias")) aliases.computeIfAbsent(id, k -> new LinkedHashSet<>()).add(s.getLiteral("alias").getString());
                    String t = s.getResource("type").getURI();
                    if (t.startsWith(Vocab.BLK)) types.computeIfAbsent(id, k -> new LinkedHashSet<>()).add(t.substring(Vocab.BLK.length()));
                });
            }
        });
        List<Entity> out = new ArrayList<>();
        labels.forEach((id, l) -> out.add(new Entity(id, l, List.copyOf(aliases.getOrDefault(id, Set.of())),
                Set.copyOf(types.getOrDefault(id, Set.of())))));
        return out;
    }

    /** The query sent for one entity (exposed for tests and for curators who want to run it by hand). */
    public static String query(Entity e, List<String> classes) {
        StringBuilder names = new StringBuilder();
        for (String n : e.names()) names.append(' ').append('"').append(FmtUtils.stringEsc(n, true)).append("\"@en");
        StringBuilder cls = new StringBuilder();
        for (String c : classes) cls.append(" wd:").append(c);
        return """
                PREFIX wd:   <http://www.wikidata.org/entity/>
                PREFIX wdt:  <http://www.wikidata.org/prop/direct/>
                PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
                PREFIX skos: <http://www.w3.org/2004/02/skos/core#>
                SELECT DISTINCT ?item ?itemLabel ?name ?field ?type ?typeLabel ?class WHERE {
                  VALUES ?name {%s }
                  VALUES ?class {%s }
                  { ?item rdfs:label ?name . BIND("label" AS ?field) }
                  UNION
                  { ?item skos:altLabel ?name . BIND("alias" AS ?field) }
                  ?item wdt:P31 ?type .
                  ?type wdt:P279* ?class .
                  OPTIONAL { ?item rdfs:label ?itemLabel . FILTER(LANG(?itemLabel) = "en") }
                  OPTIONAL { ?type rdfs:label ?typeLabel . FILTER(LANG(?typeLabel) = "en") }
                }
                LIMIT 500
                """.formatted(names, cls);
    }

    /** Ranked candidates for one entity, best first; at most {@code limit}. */
    public List<Candidate> candidates(Entity e, int limit) throws EndpointException {
        List<String> classes = WikidataClasses.forTypes(e.blkTypes());
        if (classes.isEmpty()) return List.of();
        ResultSetRewindable rs = client.select(query(e, classes));
        Map<String, List<Evidence>> byItem = new LinkedHashMap<>();
        Map<String, String> itemLabels = new LinkedHashMap<>();
        while (rs.hasNext()) {
            QuerySolution s = rs.next();
            RDFNode item = s.get("item");
            if (item == null || !item.isURIResource() || !item.asResource().getURI().startsWith(WD)) continue;
            String qid = item.asResource().getURI().substring(WD.length());
            String name = s.getLiteral("name").getString();
            String type = s.getResource("type").getURI();
            String typeQid = type.startsWith(WD) ? type.substring(WD.length()) : type;
            String cls = s.getResource("class").getURI().substring(WD.length());
            Evidence ev = new Evidence(name, name.equals(e.label()), s.getLiteral("field").getString(), typeQid,
                    s.contains("typeLabel") ? s.getLiteral("typeLabel").getString() : null, typeQid.equals(cls));
            List<Evidence> list = byItem.computeIfAbsent(qid, k -> new ArrayList<>());
            if (!list.contains(ev)) list.add(ev);
            if (s.contains("itemLabel")) itemLabels.putIfAbsent(qid, s.getLiteral("itemLabel").getString());
        }
        List<Candidate> out = new ArrayList<>();
        byItem.forEach((qid, evs) -> out.add(new Candidate(qid, itemLabels.get(qid),
                evs.stream().mapToDouble(Reconciler::score).max().orElse(0), List.copyOf(evs))));
        out.sort(Comparator.comparingDouble(Candidate::score).reversed()
                .thenComparingLong(c -> Long.parseLong(c.qid().substring(1))));
        return out.size() > limit ? out.subList(0, limit) : out;
    }

    /**
     * Score of one piece of evidence, 0..1: 0.6 if one of our names is the item's Wikidata label (0.4 if only an
     * alias), +0.2 if that name is our preferred label (0.1 if it is one of our aliases), +0.2 if the item's P31
     * is exactly an allowed class (0.1 if it reaches one through P279).
     */
    public static double score(Evidence ev) {
        double s = "label".equals(ev.field()) ? 0.6 : 0.4;
        s += ev.ourLabel() ? 0.2 : 0.1;
        s += ev.directClass() ? 0.2 : 0.1;
        return Math.round(s * 100) / 100.0;
    }
}
