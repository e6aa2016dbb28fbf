package kg.borderlands.serve.search;

import kg.borderlands.Vocab;
import kg.borderlands.serve.ld.Snapshot;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.LowerCaseFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.miscellaneous.ASCIIFoldingFilter;
import org.apache.lucene.analysis.standard.StandardTokenizer;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.NumericDocValuesField;
import org.apache.lucene.document.SortedDocValuesField;
import org.apache.lucene.document.FieldType;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexOptions;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.index.Term;
import org.apache.lucene.queryparser.classic.ParseException;
import org.apache.lucene.queryparser.classic.QueryParser;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.Sort;
import org.apache.lucene.search.SortField;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;
import org.apache.lucene.store.MMapDirectory;
import org.apache.lucene.util.BytesRef;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Collection;
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
 * curated record, with Apache Lucene: one document per label or alias (the record's IRI and the literal,
 * stored). {@code load} writes the index into the build ({@link #write}, serving artifacts) and {@code serve}
 * opens it memory-mapped ({@link #open}); {@link #build} indexes in memory (tests, stores without artifacts).
 * The analyzer splits on non-letters, lower-cases and folds accents, so "Tehreek-e-Taliban" is found by
 * "tehreek" and "taliban". (Plain Lucene rather than jena-text: jena-text opens an index writer on every index
 * it opens, which cannot work on a read-only, checksummed build; the documents and the query are those
 * jena-text made, so hits and scores are the same.)
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
    private static final String URI = "uri";
    private static final String LANG = "lang";
    /** Doc values the index is sorted by: the record's id, and 0 for its label, 1… for its aliases. */
    private static final String SORT_ID = "sortId";
    private static final String SORT_POS = "sortPos";
    private static final int MAX_HITS = 10_000;
    private static final Pattern NON_WORD = Pattern.compile("[^\\p{L}\\p{N}]+");
    private static final Pattern MARKS = Pattern.compile("\\p{M}+");
    /** Kinds in the order they are preferred within a ranking tier. */
    private static final List<String> KIND_ORDER = List.of("actor", "place", "event", "tie", "claim", "figure",
            "recommendation", "section", "work", "footnote", "link");
    private static final FieldType IRI_FIELD = iriField();

    private final Snapshot snapshot;
    private final IndexSearcher searcher;

    private LabelIndex(Snapshot snapshot, Directory dir) throws IOException {
        this.snapshot = snapshot;
        this.searcher = new IndexSearcher(DirectoryReader.open(dir));
    }

    /** Indexes the labels and aliases of every record of the snapshot, in memory. */
    public static LabelIndex build(Snapshot snapshot) {
        Objects.requireNonNull(snapshot, "snapshot");
        try {
            Directory dir = new ByteBuffersDirectory();
            write(snapshot.entries(), dir);
            return new LabelIndex(snapshot, dir);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Writes the index of these records into {@code dir} (created), for {@link #open}. */
    public static void write(Collection<Snapshot.Entry> entries, Path dir) throws IOException {
        try (Writer w = writer(dir)) {
            for (Snapshot.Entry e : entries) w.add(e);
        }
    }

    private static void write(Collection<Snapshot.Entry> entries, Directory dir) throws IOException {
        try (IndexWriter w = new IndexWriter(dir, config(IndexWriterConfig.OpenMode.CREATE))) {
            for (Snapshot.Entry e : entries) add(w, e);
            w.forceMerge(1);
            w.commit();
        }
    }

    /**
     * The writer's settings: documents sorted by record id, then label before aliases (in their order), whatever
     * the order they are added in — so an index updated in place ({@link #update}) and merged has its documents in
     * the order of one written from scratch, and answers the same.
     */
    private static IndexWriterConfig config(IndexWriterConfig.OpenMode mode) {
        return new IndexWriterConfig(new FoldingAnalyzer()).setOpenMode(mode)
                .setIndexSort(new Sort(new SortField(SORT_ID, SortField.Type.STRING), new SortField(SORT_POS, SortField.Type.INT)))
                .setRAMBufferSizeMB(8);
    }

    private static void add(IndexWriter w, Snapshot.Entry e) throws IOException {
        w.addDocument(doc(e, 0, e.label()));
        int i = 1;
        for (String a : e.aliases()) w.addDocument(doc(e, i++, a));
    }

    /** Adds records one at a time into a new index in {@code dir} (created), for {@link #open}. */
    public static Writer writer(Path dir) throws IOException {
        Files.createDirectories(dir);
        return new Writer(dir, FSDirectory.open(dir), IndexWriterConfig.OpenMode.CREATE);
    }

    /** An index being written: {@link #add} each record, then close. */
    public static final class Writer implements java.io.Closeable {
        private final Path path;
        private final Directory dir;
        private final IndexWriter w;

        private Writer(Path path, Directory dir, IndexWriterConfig.OpenMode mode) throws IOException {
            this.path = path;
            this.dir = dir;
            this.w = new IndexWriter(dir, config(mode));
        }

        public void add(Snapshot.Entry e) throws IOException {
            LabelIndex.add(w, e);
        }

        /** Removes the documents of a record (by IRI). */
        public void remove(String iri) throws IOException {
            w.deleteDocuments(new Term(URI, iri));
        }

        @Override
        public void close() throws IOException {
            try {
                w.forceMerge(1);
                w.commit();
            } finally {
                w.close();
                dir.close();
            }
            Files.deleteIfExists(path.resolve(IndexWriter.WRITE_LOCK_NAME));   // released; not part of the index
        }
    }

    /**
     * The index of {@code previous} with some records replaced, in {@code dir}: the previous index's files are linked
     * (or copied) into {@code dir}, the documents of {@code removed} (IRIs) deleted, {@code added} indexed, and the
     * whole merged into one segment — the same documents, in the same order, as an index written from scratch.
     * {@code previous} must have been written by this version ({@link #writer}).
     */
    public static void update(Path previous, Path dir, Collection<String> removed, Collection<Snapshot.Entry> added)
            throws IOException {
        Files.createDirectories(dir);
        try (var files = Files.list(previous)) {
            for (Path f : files.toList()) {
                if (f.getFileName().toString().equals(IndexWriter.WRITE_LOCK_NAME)) continue;
                Path target = dir.resolve(f.getFileName().toString());
                try {
                    Files.createLink(target, f);
                } catch (UnsupportedOperationException | IOException e) {
                    Files.copy(f, target);
                }
            }
        }
        try (Writer w = new Writer(dir, FSDirectory.open(dir), IndexWriterConfig.OpenMode.APPEND)) {
            for (String iri : removed) w.remove(iri);
            for (Snapshot.Entry e : added) w.add(e);
        }
    }

    private static Document doc(Snapshot.Entry e, int pos, String literal) {
        Document d = doc(e.iri(), literal);
        d.add(new SortedDocValuesField(SORT_ID, new BytesRef(e.id())));
        d.add(new NumericDocValuesField(SORT_POS, pos));
        return d;
    }

    private static Document doc(String iri, String literal) {
        Document d = new Document();
        d.add(new Field(URI, iri, IRI_FIELD));
        d.add(new Field(FIELD, literal, TextField.TYPE_STORED));
        d.add(new Field(LANG, "en", StringField.TYPE_STORED));
        return d;
    }

    private static FieldType iriField() {
        FieldType ft = new FieldType();
        ft.setTokenized(false);
        ft.setStored(true);
        ft.setIndexOptions(IndexOptions.DOCS);
        ft.freeze();
        return ft;
    }

    /** Opens an index written by {@link #write} (memory-mapped, read only); records are looked up in the snapshot. */
    public static LabelIndex open(Path dir, Snapshot snapshot) throws IOException {
        Objects.requireNonNull(snapshot, "snapshot");
        if (!DirectoryReader.indexExists(FSDirectory.open(dir))) throw new IOException("no search index in " + dir);
        return new LabelIndex(snapshot, new MMapDirectory(dir));
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
        ScoreDoc[] hits;
        StoredFields stored;
        try {
            QueryParser parser = new QueryParser(FIELD, new FoldingAnalyzer());
            parser.setAllowLeadingWildcard(true);
            hits = searcher.search(parser.parse(lucene + " "), MAX_HITS).scoreDocs;
            stored = searcher.storedFields();
        } catch (ParseException e) {
            throw new IllegalArgumentException("cannot search for '" + query + "': " + e.getMessage(), e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        String q = normalise(query);
        Map<String, Hit> best = new HashMap<>();
        for (ScoreDoc h : hits) {
            Document doc;
            try {
                doc = stored.document(h.doc);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            String iri = doc.get(URI);
            String id = iri == null || !iri.startsWith(Vocab.ID) ? null : iri.substring(Vocab.ID.length());
            Snapshot.Entry e = id == null ? null : snapshot.entry(id).orElse(null);
            if (e == null || (!kinds.isEmpty() && !kinds.contains(e.kind()))) continue;
            String matched = doc.get(FIELD) == null ? e.label() : doc.get(FIELD);
            Hit hit = new Hit(e.id(), e.iri(), e.label(), e.kind(), e.type(), e.typeLabel(), matched,
                    matchOf(q, matched), h.score);
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
