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
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The ids of every source unit, gathered before any unit is built: ids must be unique across units, and a
 * unit may cite another unit's works (cross-source citation), so the work ids of the whole build are known
 * to each unit's checks. Unchanged units give their ids from their cache; the others are scanned with a
 * streaming YAML parser (ids only, with their lines; the full reading, with every check, comes later).
 */
final class IdIndex {
    private static final YAMLFactory YAML = new YAMLFactory();

    /** The ids and work ids of one unit. */
    record UnitIds(List<String> ids, List<String> works) {}

    private final Map<String, String> unitOf = new HashMap<>();
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
        works.addAll(ids.works());
    }

    /** Throws with every id defined by two units. */
    void requireUnique() throws CurationException {
        if (!problems.isEmpty()) throw new CurationException(problems);
    }

    Set<String> works() {
        return works;
    }

    /**
     * Scans {@code files} for record ids (the {@code id:} of each record of each section), without binding
     * records. Files that do not parse are skipped here: the unit's full reading reports them, located.
     *
     * @param where receives, per id, a problem-shaped location (file, line, column)
     */
    static UnitIds scan(List<Path> files, Map<String, Problem> where) throws IOException {
        List<String> ids = new ArrayList<>();
        List<String> workIds = new ArrayList<>();
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
                                ids.add(id);
                                if (kind == Kind.WORKS) workIds.add(id);
                                where.putIfAbsent(id, new Problem(Problem.DUPLICATE_ID, f,
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
        return new UnitIds(ids, workIds);
    }

    static Map<String, Problem> locations() {
        return new HashMap<>();
    }
}
