package kg.borderlands.link;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import kg.borderlands.Vocab;
import org.apache.jena.query.Query;
import org.apache.jena.query.QueryExecution;
import org.apache.jena.query.QueryFactory;
import org.apache.jena.query.QuerySolution;
import org.apache.jena.query.ResultSet;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.system.Txn;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The SSSOM mapping set (TSV with its YAML metadata block in {@code #} lines) generated from the curated links
 * in the graph, so that the published mappings and the graph never disagree. See {@code docs/linking.md}.
 */
public final class Sssom {
    /** Where the committed mapping set lives, relative to the project root. */
    public static final String DEFAULT_FILE = "data/mappings/borderlands-kg.sssom.tsv";
    public static final String MAPPING_SET_ID = Vocab.BASE + "mappings/borderlands-kg.sssom.tsv";
    /** The mapping set is data: it carries the data licence (CC BY 4.0). */
    public static final String LICENSE = Vocab.LICENSE_DATA;
    public static final String JUSTIFICATION = "semapv:ManualMappingCuration";
    /** The project's curation team, as SSSOM author (a CURIE in our own namespace). */
    public static final String AUTHOR = "borderlands:curators";

    /** The columns, in order. */
    public static final List<String> COLUMNS = List.of("subject_id", "subject_label", "predicate_id", "object_id",
            "object_label", "mapping_justification", "author_id", "mapping_date", "comment");

    /** The metadata slots every file written here carries (the first three are required by SSSOM). */
    public static final List<String> METADATA_SLOTS = List.of("curie_map", "mapping_set_id", "license",
            "mapping_set_version", "mapping_set_title", "mapping_set_description", "mapping_date", "comment");

    /** One mapping row. */
    public record Mapping(String subjectId, String subjectLabel, String predicateId, String objectId,
                          String objectLabel, String justification, String authorId, String mappingDate,
                          String comment) {
        List<String> cells() {
            return List.of(subjectId, subjectLabel, predicateId, objectId, objectLabel, justification, authorId,
                    mappingDate, comment);
        }
    }

    /** A parsed file: its metadata block and its rows. */
    public record MappingSet(Map<String, Object> metadata, List<String> columns, List<Mapping> mappings) {}

    private static final String QUERY = """
            PREFIX blk:  <https://w3id.org/borderlands-kg/ontology#>
            PREFIX skos: <http://www.w3.org/2004/02/skos/core#>
            SELECT ?subject ?subjectLabel ?predicate ?target ?verifiedLabel ?verifiedOn ?verifiedVia WHERE {
              ?link a blk:Link ; blk:linkSubject ?subject ; blk:linkPredicate ?predicate ; blk:linkTarget ?target ;
                    blk:verifiedLabel ?verifiedLabel ; blk:verifiedOn ?verifiedOn ; blk:verifiedVia ?verifiedVia .
              ?subject skos:prefLabel ?subjectLabel .
            }""";

    private Sssom() {}

    /** The prefixes the file uses (its curie_map), in a stable order. */
    public static Map<String, String> curieMap() {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("borderlands", Vocab.BASE);
        m.put("bkr", Vocab.ID);
        for (ExternalIds.Target t : ExternalIds.Target.values()) m.put(t.prefix(), t.namespace());
        m.put("owl", "http://www.w3.org/2002/07/owl#");
        m.put("semapv", "https://w3id.org/semapv/vocab/");
        m.put("skos", "http://www.w3.org/2004/02/skos/core#");
        return m;
    }

    /** Reads every curated link of the dataset (default graph = union) as a mapping row, sorted. */
    public static List<Mapping> fromGraph(DatasetGraph dsg) {
        Objects.requireNonNull(dsg, "dsg");
        Query q = QueryFactory.create(QUERY);
        List<Mapping> rows = Txn.calculateRead(dsg, () -> {
            List<Mapping> out = new ArrayList<>();
            try (QueryExecution qe = QueryExecution.dataset(org.apache.jena.query.DatasetFactory.wrap(dsg)).query(q).build()) {
                ResultSet rs = qe.execSelect();
                while (rs.hasNext()) out.add(row(rs.next()));
            }
            return out;
        });
        rows.sort(Comparator.comparing(Mapping::subjectId).thenComparing(Mapping::predicateId)
                .thenComparing(Mapping::objectId));
        return rows;
    }

    private static Mapping row(QuerySolution s) {
        String subject = s.getResource("subject").getURI();
        if (!subject.startsWith(Vocab.ID)) throw new IllegalStateException("link subject outside our namespace: " + subject);
        ExternalIds.Predicate p = ExternalIds.Predicate.byIri(s.getResource("predicate").getURI());
        if (p == null) throw new IllegalStateException("unknown link predicate " + s.getResource("predicate"));
        String target = s.getResource("target").getURI();
        if (ExternalIds.toCurie(target) == null) {
            throw new IllegalStateException("link target is not an identifier we know: " + target);
        }
        String curie = compact(target);
        return new Mapping("bkr:" + subject.substring(Vocab.ID.length()), clean(s.getLiteral("subjectLabel").getString()),
                p.curie(), curie, clean(s.getLiteral("verifiedLabel").getString()), JUSTIFICATION, AUTHOR,
                s.getLiteral("verifiedOn").getLexicalForm(), clean(s.getLiteral("verifiedVia").getString()));
    }

    /**
     * The CURIE of an IRI under the {@link #curieMap()}: the prefix whose namespace the IRI starts with, and the
     * rest of the IRI as it is, so that expanding the CURIE by the file's own curie_map gives back the IRI in the
     * graph exactly. GeoNames feature IRIs end with a slash ({@code https://sws.geonames.org/1149361/}, as in
     * GeoNames' own RDF), so their CURIEs do too: {@code geonames:1149361/}.
     */
    static String compact(String iri) {
        String best = null;
        for (Map.Entry<String, String> e : curieMap().entrySet()) {
            if (iri.startsWith(e.getValue()) && (best == null || e.getValue().length() > curieMap().get(best).length())) {
                best = e.getKey();
            }
        }
        if (best == null) throw new IllegalStateException("no prefix of the curie_map covers " + iri);
        return best + ":" + iri.substring(curieMap().get(best).length());
    }

    /** Cells hold one line of text without tabs. */
    static String clean(String s) {
        return s.replaceAll("\\s+", " ").trim();
    }

    /** The whole file: metadata block, header line and rows; deterministic for the same mappings. */
    public static String write(List<Mapping> rows) {
        StringBuilder body = new StringBuilder(String.join("\t", COLUMNS)).append('\n');
        for (Mapping m : rows) body.append(String.join("\t", m.cells())).append('\n');
        String latest = rows.stream().map(Mapping::mappingDate).max(Comparator.naturalOrder()).orElse("");
        StringBuilder meta = new StringBuilder();
        meta.append("# curie_map:\n");
        curieMap().forEach((k, v) -> meta.append("#   ").append(k).append(": ").append(v).append('\n'));
        meta.append("# mapping_set_id: ").append(MAPPING_SET_ID).append('\n');
        meta.append("# license: ").append(LICENSE).append('\n');
        meta.append("# mapping_set_version: ").append(sha256(body.toString()).substring(0, 12)).append('\n');
        meta.append("# mapping_set_title: borderlands-kg links to Wikidata, GeoNames and DBpedia\n");
        meta.append("# mapping_set_description: Manually curated and verified links from the actors and places of the "
                + "borderlands-kg knowledge graph (Crisis Group Asia Report N°354) to external datasets.\n");
        if (!latest.isEmpty()) meta.append("# mapping_date: ").append(latest).append('\n');
        meta.append("# comment: Generated from the graph by 'borderlands-kg link sssom'; do not edit by hand, edit "
                + "data/links/ instead. GeoNames feature IRIs end with a slash, as in GeoNames' own RDF, and so do their "
                + "CURIEs here (geonames:1168579/ is https://sws.geonames.org/1168579/).\n");
        return meta + body.toString();
    }

    /** Parses a file written by {@link #write} (or any SSSOM TSV with a {@code #} metadata block). */
    public static MappingSet parse(String text) throws IOException {
        StringBuilder yaml = new StringBuilder();
        List<String> lines = text.lines().toList();
        int i = 0;
        while (i < lines.size() && lines.get(i).startsWith("#")) {
            yaml.append(lines.get(i).substring(1)).append('\n');
            i++;
        }
        @SuppressWarnings("unchecked")
        Map<String, Object> meta = yaml.toString().isBlank() ? Map.of()
                : new ObjectMapper(new YAMLFactory()).readValue(yaml.toString(), Map.class);
        if (i >= lines.size()) throw new IOException("no header line after the metadata block");
        List<String> columns = List.of(lines.get(i).split("\t", -1));
        List<Mapping> rows = new ArrayList<>();
        for (int n = i + 1; n < lines.size(); n++) {
            if (lines.get(n).isEmpty()) continue;
            String[] c = lines.get(n).split("\t", -1);
            if (c.length != columns.size()) {
                throw new IOException("line " + (n + 1) + ": " + c.length + " cells, expected " + columns.size());
            }
            Map<String, String> byName = new LinkedHashMap<>();
            for (int k = 0; k < c.length; k++) byName.put(columns.get(k), c[k]);
            rows.add(new Mapping(byName.get("subject_id"), byName.get("subject_label"), byName.get("predicate_id"),
                    byName.get("object_id"), byName.get("object_label"), byName.get("mapping_justification"),
                    byName.get("author_id"), byName.get("mapping_date"), byName.get("comment")));
        }
        return new MappingSet(meta == null ? Map.of() : meta, columns, rows);
    }

    private static String sha256(String s) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
