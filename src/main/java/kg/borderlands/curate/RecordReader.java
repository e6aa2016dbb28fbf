package kg.borderlands.curate;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Reads every {@code *.yaml} file under a data directory into typed records. Collects all problems
 * (syntax, unknown or missing fields, wrong shapes) before failing, each with file, line, column and id.
 */
public final class RecordReader {
    /** Folders under data/ that are not record files. */
    private static final List<String> SKIPPED_DIRS = List.of("mappings");

    private final ObjectMapper mapper = new ObjectMapper()
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.ACCEPT_SINGLE_VALUE_AS_ARRAY)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES);

    /** The data files under {@code dataDir} (source descriptors included), in a stable order. */
    public static List<Path> dataFiles(Path dataDir) throws IOException {
        Objects.requireNonNull(dataDir, "dataDir");
        if (!Files.isDirectory(dataDir)) throw new IOException("data directory not found: " + dataDir);
        try (Stream<Path> s = Files.walk(dataDir)) {
            return s.filter(Files::isRegularFile)
                    .filter(p -> p.getFileName().toString().endsWith(".yaml")
                            || p.getFileName().toString().endsWith(".yml"))
                    .filter(p -> SKIPPED_DIRS.stream().noneMatch(d -> dataDir.relativize(p).startsWith(d)))
                    .sorted()
                    .collect(Collectors.toList());
        }
    }

    /**
     * Reads all records of every unit ({@link SourceUnits}); each record knows its unit. Throws with every
     * problem found if any file is bad.
     */
    public List<LocatedRecord> readAll(Path dataDir) throws IOException, CurationException {
        return readAll(dataDir, SourceUnits.of(dataDir));
    }

    /** Reads all records of the given units of {@code dataDir}. */
    public List<LocatedRecord> readAll(Path dataDir, List<SourceUnit> units) throws IOException, CurationException {
        List<LocatedRecord> out = new ArrayList<>();
        List<Problem> problems = new ArrayList<>();
        java.util.function.Function<Path, SourceUnit> unitOf = SourceUnits.lookup(units);
        for (Path file : dataFiles(dataDir)) {
            if (SourceUnits.isDescriptor(dataDir, file)) continue;
            try {
                out.addAll(readFile(file, unitOf.apply(file).id(), problems));
            } catch (CurationException e) {
                problems.addAll(e.problems());
            }
        }
        if (!problems.isEmpty()) throw new CurationException(problems);
        return out;
    }

    /**
     * Reads the records of {@code files}, all of unit {@code unit} ({@code null}: the shared unit), e.g. one
     * source unit's record files; throws with every problem found.
     */
    public List<LocatedRecord> readFiles(List<Path> files, String unit) throws IOException, CurationException {
        List<LocatedRecord> out = new ArrayList<>();
        List<Problem> problems = new ArrayList<>();
        for (Path file : files) {
            try {
                out.addAll(readFile(file, unit, problems));
            } catch (CurationException e) {
                problems.addAll(e.problems());
            }
        }
        if (!problems.isEmpty()) throw new CurationException(problems);
        return out;
    }

    private List<LocatedRecord> readFile(Path file, String unit, List<Problem> problems) throws IOException, CurationException {
        LocatedTree tree = LocatedTree.read(file);
        JsonNode root = tree.root();
        List<LocatedRecord> out = new ArrayList<>();
        if (!root.isObject()) {
            problems.add(at(tree, "", null, Problem.SYNTAX,
                    "a data file must be a mapping of sections (actors:, events:, …)"));
            return out;
        }
        for (Iterator<Map.Entry<String, JsonNode>> it = root.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> section = it.next();
            Kind kind = Kind.byKey(section.getKey());
            String sectionPtr = "/" + section.getKey();
            if (kind == null) {
                problems.add(at(tree, sectionPtr, null, Problem.UNKNOWN_SECTION, "unknown section '"
                        + section.getKey() + "'; expected one of " + keys()));
                continue;
            }
            if (section.getValue().isNull()) continue;
            if (!section.getValue().isArray()) {
                problems.add(at(tree, sectionPtr, null, Problem.SYNTAX,
                        "section '" + section.getKey() + "' must be a list of records"));
                continue;
            }
            int i = 0;
            for (JsonNode node : section.getValue()) {
                String ptr = sectionPtr + "/" + i++;
                String id = node.path("id").isValueNode() ? node.path("id").asText() : null;
                if (!node.isObject()) {
                    problems.add(at(tree, ptr, id, Problem.SYNTAX, "a record must be a mapping of fields"));
                    continue;
                }
                try {
                    Records.DataRecord rec = mapper.treeToValue(node, kind.recordType());
                    out.add(new LocatedRecord(kind, rec, tree, ptr, unit));
                } catch (JsonMappingException e) {
                    problems.add(bindingProblem(tree, ptr, id, kind, e));
                }
            }
        }
        return out;
    }

    private static Problem bindingProblem(LocatedTree tree, String ptr, String id, Kind kind, JsonMappingException e) {
        StringBuilder path = new StringBuilder(ptr);
        for (JsonMappingException.Reference ref : e.getPath()) {
            if (ref.getFieldName() != null) path.append('/').append(ref.getFieldName());
            else if (ref.getIndex() >= 0) path.append('/').append(ref.getIndex());
        }
        String msg = e.getOriginalMessage();
        String code = Problem.BAD_VALUE;
        if (e instanceof UnrecognizedPropertyException u) {
            code = Problem.UNKNOWN_FIELD;
            msg = "unknown field '" + u.getPropertyName() + "' in " + kind.key() + " record; known fields: "
                    + u.getKnownPropertyIds();
        } else if (msg != null && msg.startsWith("Missing required creator property")) {
            code = Problem.MISSING_FIELD;
            String field = msg.replaceAll("(?s)^Missing required creator property '([^']*)'.*$", "$1");
            msg = "missing required field '" + field + "' in " + kind.key() + " record";
        } else if (msg != null) {
            msg = "bad value: " + msg.lines().findFirst().orElse(msg);
        }
        return at(tree, path.toString(), id, code, msg);
    }

    private static Problem at(LocatedTree tree, String pointer, String id, String code, String message) {
        JsonLocation loc = tree.locate(pointer);
        return new Problem(code, tree.file(), loc == null ? 0 : loc.getLineNr(), loc == null ? 0 : loc.getColumnNr(),
                id, message);
    }

    private static String keys() {
        return Stream.of(Kind.values()).map(Kind::key).collect(Collectors.joining(", "));
    }
}
