package kg.borderlands.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * A synthetic corpus for benchmarks only (issue #11): N "sources", each a renamed copy of our curated records, in
 * the data format {@code load} reads, so that {@code load} (and, through {@code export --bundle}, a stock bulk
 * loader) can be measured at N = 1 … 1,000. It is never real data: it is written only into a directory outside
 * the project's {@code data/}, marked by a {@code SYNTHETIC.md} file, and every report work is labelled as a
 * synthetic copy.
 *
 * <p>Shapes. The records that belong to one source — its apparatus (report work, sections, paragraphs,
 * footnotes, cited interviews) and what it asserts (ties, events, claims, figures, recommendations) — are copied
 * once per source with ids suffixed {@code -sNNNN}, and every reference to them inside the copy is renamed the
 * same way. The entities shared across sources — actors, places, their external links, and the works a report
 * cites other than interviews (news articles, earlier Crisis Group reports…) — are written once, so all sources
 * point to the same actor, place and work IRIs (reconciled, not duplicated). Cross-references between sources:
 * with the seed, each source after the first gets one to three footnotes that also cite the report work of an
 * earlier source, as reports cite earlier ones.
 *
 * <p>Each copy is a source unit {@code sources/sNNNN/} with its descriptor (id {@code sNNNN}, work
 * {@code icg-asia-354-sNNNN}); a record's {@code source:} numbers resolve to its own unit's apparatus, and the
 * shared records cite source 1 ({@code work: icg-asia-354-s0001}).
 *
 * <p>Run: {@code java -cp target/test-classes:target/borderlands-kg.jar kg.borderlands.bench.CorpusGenerator
 * --sources 32 --seed 1 --out /tmp/corpus-32 [--data data]}.
 */
public final class CorpusGenerator {
    /** Written into every corpus directory; also what lets the generator overwrite a directory it made before. */
    public static final String MARKER = "SYNTHETIC.md";
    public static final int MAX_SOURCES = 1000;
    /** The works record of the report itself (see docs/data-format.md). */
    static final String REPORT_WORK = "icg-asia-354";

    private static final Set<String> SHARED_SECTIONS = Set.of("actors", "places", "links");
    private static final String WORKS = "works";

    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory()
            .disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER));

    private final Path data;
    private final int sources;
    private final long seed;

    /** What was generated. */
    public record Corpus(int sources, int sharedRecords, int recordsPerSource, int crossReferences, List<Path> files) {}

    public CorpusGenerator(Path data, int sources, long seed) {
        this.data = Objects.requireNonNull(data, "data");
        if (sources < 1 || sources > MAX_SOURCES) {
            throw new IllegalArgumentException("sources must be between 1 and " + MAX_SOURCES + ", not " + sources);
        }
        this.sources = sources;
        this.seed = seed;
    }

    /** Suffix of the ids of source {@code k} (1-based): {@code -s0001}. */
    static String suffix(int k) {
        return String.format("-s%04d", k);
    }

    /** True if this record is copied per source; false if it is shared by all. */
    static boolean perSource(String section, JsonNode record) {
        if (SHARED_SECTIONS.contains(section)) return false;
        if (section.equals(WORKS)) {
            return REPORT_WORK.equals(record.path("id").asText()) || "Interview".equals(record.path("type").asText());
        }
        return true;
    }

    /** Writes the corpus into {@code out}, which must not be inside the data directory read. */
    public Corpus write(Path out) throws IOException {
        Path o = out.toAbsolutePath().normalize();
        Path d = data.toAbsolutePath().normalize();
        if (o.startsWith(d) || d.startsWith(o)) {
            throw new IllegalArgumentException("the synthetic corpus is never written into or over the data it copies ("
                    + data + "); give another --out");
        }
        if (Files.isDirectory(o)) {
            try (Stream<Path> s = Files.list(o)) {
                if (s.findAny().isPresent() && !Files.exists(o.resolve(MARKER))) {
                    throw new IllegalArgumentException(out + " is not empty and was not made by the corpus generator");
                }
            }
            deleteTree(o);
        }
        Files.createDirectories(o);

        // 1. read every data file: section -> records, in a stable order
        Map<Path, Map<String, List<ObjectNode>>> files = new TreeMap<>();
        try (Stream<Path> s = Files.walk(d)) {
            for (Path f : (Iterable<Path>) s.filter(p -> p.toString().endsWith(".yaml"))
                    .filter(p -> !kg.borderlands.curate.SourceUnits.isDescriptor(d, p)).sorted()::iterator) {
                JsonNode doc = YAML.readTree(f.toFile());
                Map<String, List<ObjectNode>> sections = new LinkedHashMap<>();
                for (Iterator<Map.Entry<String, JsonNode>> it = doc.fields(); it.hasNext(); ) {
                    Map.Entry<String, JsonNode> e = it.next();
                    List<ObjectNode> records = new ArrayList<>();
                    e.getValue().forEach(r -> records.add((ObjectNode) r));
                    sections.put(e.getKey(), records);
                }
                files.put(unitRelative(d.relativize(f)), sections);
            }
        }
        // 2. the ids copied per source
        Set<String> perSourceIds = new java.util.HashSet<>();
        files.values().forEach(sections -> sections.forEach((section, records) -> records.forEach(r -> {
            if (perSource(section, r) && r.hasNonNull("id")) perSourceIds.add(r.get("id").asText());
        })));

        Random random = new Random(seed);
        List<Path> written = new ArrayList<>();
        int shared = 0;
        int perSourceCount = 0;
        int crossRefs = 0;
        // 3. shared records, once; their references to per-source records go to source 1's copies
        Map<String, String> toFirst = renaming(perSourceIds, 1);
        for (var f : files.entrySet()) {
            ObjectNode doc = JsonNodeFactory.instance.objectNode();
            for (var sec : f.getValue().entrySet()) {
                ArrayNode arr = JsonNodeFactory.instance.arrayNode();
                for (ObjectNode r : sec.getValue()) if (!perSource(sec.getKey(), r)) arr.add(rename(r, toFirst));
                if (!arr.isEmpty()) doc.set(sec.getKey(), arr);
                shared += arr.size();
            }
            if (!doc.isEmpty()) written.add(writeYaml(o.resolve("shared").resolve(f.getKey().toString()), doc));
        }
        // 4. one renamed copy per source
        for (int k = 1; k <= sources; k++) {
            Map<String, String> names = renaming(perSourceIds, k);
            Path dir = o.resolve("sources").resolve("s" + String.format("%04d", k));
            List<ObjectNode> footnotes = new ArrayList<>();
            Map<Path, ObjectNode> docs = new LinkedHashMap<>();
            int count = 0;
            for (var f : files.entrySet()) {
                ObjectNode doc = JsonNodeFactory.instance.objectNode();
                for (var sec : f.getValue().entrySet()) {
                    ArrayNode arr = JsonNodeFactory.instance.arrayNode();
                    for (ObjectNode r : sec.getValue()) {
                        if (!perSource(sec.getKey(), r)) continue;
                        ObjectNode copy = rename(r, names);
                        if (sec.getKey().equals(WORKS) && REPORT_WORK.equals(r.path("id").asText())) {
                            copy.put("label", copy.path("label").asText() + " (synthetic copy " + k + ", benchmarks only)");
                        }
                        if (sec.getKey().equals("footnotes")) footnotes.add(copy);
                        arr.add(copy);
                    }
                    if (!arr.isEmpty()) doc.set(sec.getKey(), arr);
                    count += arr.size();
                }
                if (!doc.isEmpty()) docs.put(dir.resolve(f.getKey().toString()), doc);
            }
            if (k > 1 && !footnotes.isEmpty()) {
                int n = 1 + random.nextInt(3);
                for (int i = 0; i < n; i++) {
                    ObjectNode fn = footnotes.get(random.nextInt(footnotes.size()));
                    String earlier = REPORT_WORK + suffix(1 + random.nextInt(k - 1));
                    ArrayNode cites = fn.has("cites") ? (ArrayNode) fn.get("cites") : fn.putArray("cites");
                    boolean there = false;
                    for (JsonNode c : cites) there |= c.asText().equals(earlier);
                    if (!there) {
                        cites.add(earlier);
                        crossRefs++;
                    }
                }
            }
            for (var e : docs.entrySet()) written.add(writeYaml(e.getKey(), e.getValue()));
            // the unit's descriptor (docs/data-format.md "Source units"): no file, it was never ingested
            Files.writeString(dir.resolve(kg.borderlands.curate.SourceUnits.DESCRIPTOR), "# synthetic copy " + k
                    + " (benchmarks only)\nid: " + dir.getFileName() + "\nwork: " + REPORT_WORK + suffix(k) + "\n",
                    StandardCharsets.UTF_8);
            perSourceCount = count;
        }
        Files.writeString(o.resolve(MARKER), "# Synthetic corpus (benchmarks only)\n\n"
                + sources + " renamed copies of the curated records of " + data + ", seed " + seed
                + ", written by kg.borderlands.bench.CorpusGenerator. Not data: never copy it into data/.\n",
                StandardCharsets.UTF_8);
        return new Corpus(sources, shared, perSourceCount, crossRefs, List.copyOf(written));
    }

    /** A data file's path inside its unit: {@code sources/icg-asia-354/ties/x.yaml} → {@code ties/x.yaml}. */
    private static Path unitRelative(Path rel) {
        return rel.getNameCount() > 2 && rel.getName(0).toString().equals(kg.borderlands.curate.SourceUnits.SOURCES)
                ? rel.subpath(2, rel.getNameCount()) : rel;
    }

    private static Map<String, String> renaming(Set<String> ids, int k) {
        Map<String, String> m = new HashMap<>(ids.size() * 2);
        for (String id : ids) m.put(id, id + suffix(k));
        return m;
    }

    /** A deep copy of {@code node} where every text value that is a renamed id is replaced by its new name. */
    static ObjectNode rename(ObjectNode node, Map<String, String> names) {
        return (ObjectNode) renameAny(node, names);
    }

    private static JsonNode renameAny(JsonNode node, Map<String, String> names) {
        if (node.isTextual()) {
            String to = names.get(node.asText());
            return to == null ? node : TextNode.valueOf(to);
        }
        if (node.isArray()) {
            ArrayNode a = JsonNodeFactory.instance.arrayNode();
            node.forEach(c -> a.add(renameAny(c, names)));
            return a;
        }
        if (node.isObject()) {
            ObjectNode o = JsonNodeFactory.instance.objectNode();
            node.fields().forEachRemaining(e -> o.set(e.getKey(), renameAny(e.getValue(), names)));
            return o;
        }
        return node.deepCopy();
    }

    private static Path writeYaml(Path file, ObjectNode doc) throws IOException {
        Files.createDirectories(file.getParent());
        YAML.writeValue(file.toFile(), doc);
        return file;
    }

    private static void deleteTree(Path dir) throws IOException {
        try (Stream<Path> s = Files.walk(dir)) {
            for (Path p : (Iterable<Path>) s.sorted(java.util.Comparator.reverseOrder())::iterator) Files.delete(p);
        }
    }

    public static void main(String[] args) throws IOException {
        Map<String, String> opts = new HashMap<>(Map.of("--data", "data", "--seed", "1"));
        for (int i = 0; i + 1 < args.length; i += 2) opts.put(args[i], args[i + 1]);
        if (!opts.containsKey("--sources") || !opts.containsKey("--out")) {
            System.err.println("usage: CorpusGenerator --sources N --out DIR [--seed S] [--data DIR]");
            System.exit(2);
        }
        Corpus c = new CorpusGenerator(Path.of(opts.get("--data")), Integer.parseInt(opts.get("--sources")),
                Long.parseLong(opts.get("--seed"))).write(Path.of(opts.get("--out")));
        System.out.println(c.sources() + " sources: " + c.sharedRecords() + " shared records, " + c.recordsPerSource()
                + " records per source, " + c.crossReferences() + " cross-references, " + c.files().size() + " files");
    }
}
