package kg.borderlands.coverage;

import kg.borderlands.curate.Kind;
import kg.borderlands.curate.LocatedRecord;
import kg.borderlands.curate.RecordSet;
import kg.borderlands.curate.Records;
import kg.borderlands.curate.SourceUnit;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeSet;

/**
 * Lists, per paragraph of the report, the curated records that cite it ({@code source: {section, paragraphs}}),
 * and the paragraphs that no record cites. Curators mark the paragraphs that hold no fact, with a reason, in a
 * notes file (tab-separated {@code paragraph-id  reason}, {@code #} comments): every other paragraph is taken
 * to hold facts, and is reported as missing when no record cites it. External links are not counted.
 */
public final class CoverageOperation {

    /** The notes file, relative to the data directory. */
    public static final String NOTES = "coverage/paragraphs-without-records.tsv";

    public Coverage run(RecordSet records, Map<String, String> noRecordReasons) {
        Objects.requireNonNull(records, "records");
        Objects.requireNonNull(noRecordReasons, "noRecordReasons");
        Map<String, TreeSet<String>> citing = new HashMap<>();
        for (LocatedRecord r : records.all()) {
            if (!r.kind().curated() || r.kind() == Kind.LINKS) continue;
            for (Records.SourceRef src : r.record().source()) {
                String cited = records.citedUnit(r.unit(), src);
                for (Integer n : src.paragraphs()) {
                    Records.Paragraph p = cited == null ? null : records.paragraph(cited, src.section(), n);
                    if (p != null) citing.computeIfAbsent(RecordSet.keyIn(cited, p.id()), k -> new TreeSet<>()).add(r.record().id());
                }
            }
        }
        List<ParagraphCoverage> out = new ArrayList<>();
        for (LocatedRecord r : records.all()) {
            if (!(r.record() instanceof Records.Paragraph p)) continue;
            String key = r.key();
            out.add(new ParagraphCoverage(key, r.unit() == null ? p.label() : r.unit() + " " + p.label(),
                    new ArrayList<>(citing.getOrDefault(key, new TreeSet<>())), noRecordReasons.get(key)));
        }
        List<String> unknown = new ArrayList<>();
        for (String id : noRecordReasons.keySet()) {
            if (out.stream().noneMatch(c -> c.id().equals(id))) unknown.add(id);
        }
        return new Coverage(out, unknown);
    }

    /**
     * The notes of every unit: each source's own {@code coverage/} file (its paragraph ids are local and become
     * {@code {source}/{id}}), and the directory's own for an unscoped directory.
     */
    public static Map<String, String> readNotes(List<SourceUnit> units) throws IOException {
        Map<String, String> notes = new LinkedHashMap<>();
        for (SourceUnit u : units) {
            readNotes(u.dir().resolve(NOTES)).forEach((id, reason) -> notes.put(RecordSet.keyIn(u.id(), id), reason));
        }
        return notes;
    }

    /** Reads a notes file (paragraph ids as written); an absent file means no notes. */
    public static Map<String, String> readNotes(Path file) throws IOException {
        Map<String, String> notes = new LinkedHashMap<>();
        if (!Files.isRegularFile(file)) return notes;
        int lineNo = 0;
        for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
            lineNo++;
            if (line.isBlank() || line.startsWith("#")) continue;
            String[] cols = line.split("\t", 2);
            if (cols.length < 2 || cols[1].isBlank()) {
                throw new IllegalArgumentException(file + ":" + lineNo + ": BKG-E070 a note needs a paragraph id, a tab and a reason");
            }
            if (notes.putIfAbsent(cols[0].strip(), cols[1].strip()) != null) {
                throw new IllegalArgumentException(file + ":" + lineNo + ": BKG-E070 paragraph '" + cols[0].strip() + "' is noted twice");
            }
        }
        return notes;
    }
}
