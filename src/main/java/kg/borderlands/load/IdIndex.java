package kg.borderlands.load;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import kg.borderlands.curate.CurationException;
import kg.borderlands.curate.Kind;
import kg.borderlands.curate.Problem;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The ids of every source unit, gathered before any unit is built: ids must be unique across units, and a
 * unit may cite another unit's works (cross-source citation), so the work ids of the whole build are known
 * to each unit's checks. Unchanged units give their ids from their cache; the others are scanned with a
 * streaming YAML parser (ids only, with their lines; the full reading, with every check, comes later).
 *
 * <p>As in the one-model build (docs/data-format.md "Source units"): a source's apparatus (sections,
 * paragraphs, footnotes) is identified within its source, so its ids are keyed {@code {source}/{id}}; a
 * statement (tie, event, claim, figure, recommendation) or a work may be given by two sources, the same record
 * but for its {@code source} — those ids are gathered apart ({@link #coAsserted()}) and compared record by
 * record by the pipeline.
 */
final class IdIndex {
    private static final YAMLFactory YAML = new YAMLFactory();

    /**
     * The ids of one unit: {@code ids} must be unique across units (keys: {@code {source}/{id}} for a source's
     * apparatus); {@code works} its work ids; {@code statements} the ids of its statements and works, which
     * another source may give too (empty for the shared unit, whose ids are all in {@code ids}).
     */
    record UnitIds(List<String> ids, List<String> works, List<String> statements) {
        UnitIds {
            ids = List.copyOf(ids);
            works = List.copyOf(works);
            statements = statements == null ? List.of() : List.copyOf(statements);
        }
    }

    private final Map<String, String> unitOf = new HashMap<>();
    private final Map<String, List<String>> statementUnits = new LinkedHashMap<>();
    private final Set<String> works = new HashSet<>();
    private final List<Problem> problems = new ArrayList<>();

    /** Adds a unit's ids; {@code where} locates an id in the unit for a duplicate (null when it came from a cache). */
    void add(String unit, UnitIds ids, Map<String, Problem> where) {
        for (String id : ids.ids()) {
            String first = unitOf.putIfAbsent(id, unit);
            if (first != null && !first.equals(unit)) {
                Problem at = where == null ? null : where.get(id);
                problems.add(new Problem(Problem.DUPLICATE_ID, at == null ? null : at.file(), at == null ? 0 : at.line(),
                        at == null ? 0 : at.column(), id, "duplicate id across source units: '" + id
                        + "' is defined in unit " + first + " and in unit " + unit));
            }
        }
        for (String id : ids.statements()) statementUnits.computeIfAbsent(id, k -> new ArrayList<>()).add(unit);
        works.addAll(ids.works());
    }

    /** Throws with every id defined by two units (a statement id also defined as another kind of record included). */
    void requireUnique() throws CurationException {
        statementUnits.forEach((id, units) -> {
            String other = unitOf.get(id);
            if (other != null) {
                problems.add(new Problem(Problem.DUPLICATE_ID, null, 0, 0, id, "duplicate id across source units: '"
                        + id + "' is defined in unit " + other + " and in unit " + units.get(0)));
            }
        });
        if (!problems.isEmpty()) throw new CurationException(problems);
    }

    Set<String> works() {
        return works;
    }

    /** The statement and work ids given by more than one source unit, with those units (to be compared). */
    Map<String, List<String>> coAsserted() {
        Map<String, List<String>> out = new LinkedHashMap<>();
        statementUnits.forEach((id, units) -> {
            if (units.size() > 1) out.put(id, units);
        });
        return out;
    }

    /**
     * Scans {@code files} of unit {@code source} ({@code null}: the shared unit) for record ids (the {@code id:}
     * of each record of each section), without binding records. Files that do not parse are skipped here: the
     * unit's full reading reports them, located.
     *
     * @param where receives, per id, a problem-shaped location (file, line, column)
     */
    static UnitIds scan(List<Path> files, String source, Map<String, Problem> where) throws IOException {
        List<String> ids = new ArrayList<>();
        List<String> workIds = new ArrayList<>();
        List<String> statements = new ArrayList<>();
        for (Path f : files) {
            try (JsonParser p = YAML.createParser(f.toFile())) {
                if (p.nextToken() != JsonToken.START_OBJECT) continue;
                while (p.nextToken() == JsonToken.FIELD_NAME) {
                    Kind kind = Kind.byKey(p.currentName());
                    JsonToken section = p.nextToken();
                    if (section != JsonToken.START_ARRAY) {
                        p.skipChildren();
                        continue;
                    }
                    while (p.nextToken() != JsonToken.END_ARRAY) {
                        if (p.currentToken() != JsonToken.START_OBJECT) {
                            p.skipChildren();
                            continue;
                        }
                        while (p.nextToken() == JsonToken.FIELD_NAME) {
                            String field = p.currentName();
                            JsonToken v = p.nextToken();
                            if ("id".equals(field) && v.isScalarValue()) {
                                String id = p.getText();
                                if (kind == Kind.WORKS) workIds.add(id);
                                String key = id;
                                if (source != null && scoped(kind)) key = source + "/" + id;
                                if (source != null && coAssertable(kind)) statements.add(id);
                                else ids.add(key);
                                where.putIfAbsent(key, new Problem(Problem.DUPLICATE_ID, f,
                                        p.currentTokenLocation().getLineNr(), p.currentTokenLocation().getColumnNr(), id, ""));
                            } else {
                                p.skipChildren();
                            }
                        }
                    }
                }
            } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
                // reported, located, by the unit's full reading
            }
        }
        return new UnitIds(ids, workIds, statements);
    }

    /** A source's apparatus, identified within the source (interviews, scoped too, are scanned as works). */
    private static boolean scoped(Kind kind) {
        return kind == Kind.SECTIONS || kind == Kind.PARAGRAPHS || kind == Kind.FOOTNOTES;
    }

    /** Records two sources may both give (the same record but for its source): statements and works. */
    private static boolean coAssertable(Kind kind) {
        return kind == Kind.WORKS || (kind != null && kind.curated() && kind != Kind.ACTORS && kind != Kind.PLACES
                && kind != Kind.LINKS);
    }

    static Map<String, Problem> locations() {
        return new HashMap<>();
    }
}
