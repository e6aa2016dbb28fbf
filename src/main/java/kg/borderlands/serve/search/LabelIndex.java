package kg.borderlands.serve.search;

import kg.borderlands.serve.ld.Snapshot;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.query.text.EntityDefinition;
import org.apache.jena.query.text.TextDatasetFactory;
import org.apache.jena.query.text.TextHit;
import org.apache.jena.query.text.TextIndex;
import org.apache.jena.query.text.TextIndexConfig;
import org.apache.jena.query.text.TextQuery;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.DatasetGraphFactory;
import org.apache.jena.sparql.core.Quad;
import org.apache.jena.system.Txn;
import org.apache.jena.vocabulary.SKOS;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.LowerCaseFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.miscellaneous.ASCIIFoldingFilter;
import org.apache.lucene.analysis.standard.StandardTokenizer;
import org.apache.lucene.store.ByteBuffersDirectory;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.StringJoiner;
import java.util.regex.Pattern;

/**
 * Full-text search over the labels ({@code skos:prefLabel}) and aliases ({@code skos:altLabel}) of every
 * curated record, with jena-text: the label triples are copied into an in-memory text dataset whose Lucene
 * index ({@link ByteBuffersDirectory}) is filled as the triples are added, once, when the server starts.
 * The analyzer splits on non-letters, lower-cases and folds accents, so "Tehreek-e-Taliban" is found by
 * "tehreek" and "taliban".
 *
 * <p>Ranking: a case-insensitive exact match of the whole query against a label or alias first; then labels
 * or aliases that start with the query; then the other text matches. Within a tier, actors come before other
 * kinds of records, then higher Lucene scores, then labels alphabetically.
 */
public final class LabelIndex {
    /** How a hit matched the query. */
    public enum Match { EXACT, PREFIX, TEXT }

    /** One result: the record, the label or alias that matched best, how it matched, and the Lucene score. */
    public record Hit(String id, String iri, String label, String kind, String type, String typeLabel,
                      String matched, Match match, float score) {}

    private static final String FIELD = "label";
    private static final Pattern NON_WORD = Pattern.compile("[^\\p{L}\\p{N}]+");
    private static final Pattern MARKS = Pattern.compile("\\p{M}+");
    /** Kinds in the order they are preferred within a ranking tier. */
    private static final List<String> KIND_ORDER = List.of("actor", "place", "event", "tie", "claim", "figure",
            "recommendation", "section", "work", "footnote", "link");

    private final Snapshot snapshot;
    private final TextIndex index;
    private final DatasetGraph textDataset;

    private LabelIndex(Snapshot snapshot) {
        this.snapshot = snapshot;
        EntityDefinition def = new EntityDefinition("uri", FIELD, SKOS.prefLabel.asNode());
        def.set(FIELD, SKOS.altLabel.asNode());
        def.setLangField("lang");
        TextIndexConfig config = new TextIndexConfig(def);
        config.setValueStored(true);
        config.setAnalyzer(new FoldingAnalyzer());
        config.setQueryAnalyzer(new FoldingAnalyzer());
        config.setMaxBasicQueries(4096);
        this.textDataset = TextDatasetFactory.createLucene(DatasetGraphFactory.createTxnMem(), new ByteBuffersDirectory(), config);
        this.index = (TextIndex) textDataset.getContext().get(TextQuery.textIndex);
        Node g = Quad.defaultGraphIRI;
        Txn.executeWrite(textDataset, () -> {
            for (Snapshot.Entry e : snapshot.entries()) {
                Node s = NodeFactory.createURI(e.iri());
                textDataset.add(g, s, SKOS.prefLabel.asNode(), NodeFactory.createLiteralLang(e.label(), "en"));
                for (String a : e.aliases()) textDataset.add(g, s, SKOS.altLabel.asNode(), NodeFactory.createLiteralLang(a, "en"));
            }
        });
    }

    /** Indexes the labels and aliases of every record of the snapshot. */
    public static LabelIndex build(Snapshot snapshot) {
        return new LabelIndex(Objects.requireNonNull(snapshot, "snapshot"));
    }

    /** The text dataset (labels only) behind the index; {@code text:query} works on it. */
    public DatasetGraph textDataset() {
        return textDataset;
    }

    /**
     * Searches labels and aliases. Every word of the query must match a word of one label or alias, exactly,
     * as a prefix, or (words of five letters or more) within one edit.
     *
     * @param kinds record kinds to keep ({@code actor}, {@code event}…); empty for all
     * @throws IllegalArgumentException when the query has no letter or digit
     */
    public List<Hit> search(String query, Set<String> kinds, int limit) {
        List<String> words = words(query);
        if (words.isEmpty()) throw new IllegalArgumentException("the query needs at least one letter or digit");
        StringJoiner lucene = new StringJoiner(" ");
        for (String w : words) {
            String clause = w + "^4 OR " + w + "*^2" + (w.length() >= 5 ? " OR " + w + "~1" : "");
            lucene.add("+(" + clause + ")");
        }
        List<TextHit> hits = Txn.calculateRead(textDataset, () -> index.query((Node) null, lucene.toString(), null, null, 10_000));
        String q = normalise(query);
        Map<String, Hit> best = new HashMap<>();
        for (TextHit h : hits) {
            String id = Snapshot.idOf(org.apache.jena.rdf.model.ResourceFactory.createResource(h.getNode().getURI()));
            Snapshot.Entry e = id == null ? null : snapshot.entry(id).orElse(null);
            if (e == null || (!kinds.isEmpty() && !kinds.contains(e.kind()))) continue;
            String matched = h.getLiteral() == null ? e.label() : h.getLiteral().getLiteralLexicalForm();
            Hit hit = new Hit(e.id(), e.iri(), e.label(), e.kind(), e.type(), e.typeLabel(), matched,
                    matchOf(q, matched), h.getScore());
            best.merge(id, hit, (a, b) -> RANKING.compare(a, b) <= 0 ? a : b);
        }
        // an exact or prefix match on a label or alias that the text hit did not report still counts
        List<Hit> ranked = new ArrayList<>();
        for (Hit h : best.values()) ranked.add(upgrade(h, q));
        ranked.sort(RANKING);
        return ranked.size() > limit ? List.copyOf(ranked.subList(0, limit)) : List.copyOf(ranked);
    }

    private Hit upgrade(Hit h, String q) {
        Snapshot.Entry e = snapshot.entry(h.id()).orElseThrow();
        Hit out = h;
        List<String> names = new ArrayList<>();
        names.add(e.label());
        names.addAll(e.aliases());
        for (String n : names) {
            Match m = matchOf(q, n);
            if (m.ordinal() < out.match().ordinal()) {
                out = new Hit(h.id(), h.iri(), h.label(), h.kind(), h.type(), h.typeLabel(), n, m, h.score());
            }
        }
        return out;
    }

    private static final Comparator<Hit> RANKING = Comparator.<Hit>comparingInt(h -> h.match().ordinal())
            .thenComparingInt(h -> kindRank(h.kind()))
            .thenComparing(Comparator.comparingDouble((Hit h) -> h.score()).reversed())
            .thenComparing(h -> h.label().toLowerCase(Locale.ROOT))
            .thenComparing(Hit::id);

    private static int kindRank(String kind) {
        int i = KIND_ORDER.indexOf(kind);
        return i < 0 ? KIND_ORDER.size() : i;
    }

    private static Match matchOf(String normalisedQuery, String name) {
        String n = normalise(name);
        if (n.equals(normalisedQuery)) return Match.EXACT;
        if (n.startsWith(normalisedQuery)) return Match.PREFIX;
        return Match.TEXT;
    }

    /** Lower case, accents folded, every run of non-letters a single space. */
    static String normalise(String s) {
        String folded = MARKS.matcher(Normalizer.normalize(s, Normalizer.Form.NFD)).replaceAll("");
        return NON_WORD.matcher(folded.toLowerCase(Locale.ROOT)).replaceAll(" ").trim();
    }

    static List<String> words(String query) {
        String n = normalise(query == null ? "" : query);
        return n.isEmpty() ? List.of() : List.of(n.split(" "));
    }

    /** Standard tokenizer, lower case, ASCII folding; also used to normalise prefix and fuzzy terms. */
    static final class FoldingAnalyzer extends Analyzer {
        @Override
        protected TokenStreamComponents createComponents(String fieldName) {
            StandardTokenizer source = new StandardTokenizer();
            TokenStream ts = new ASCIIFoldingFilter(new LowerCaseFilter(source));
            return new TokenStreamComponents(source, ts);
        }

        @Override
        protected TokenStream normalize(String fieldName, TokenStream in) {
            return new ASCIIFoldingFilter(new LowerCaseFilter(in));
        }
    }
}
