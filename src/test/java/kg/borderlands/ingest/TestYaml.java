package kg.borderlands.ingest;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;

import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Reads the YAML files {@code ingest} writes, the way the loader will (Jackson YAML). */
final class TestYaml {
    private TestYaml() {}

    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

    /** The records of {@code section} in {@code file}. */
    static List<Map<String, Object>> records(Path file, String section) throws IOException {
        Map<String, List<Map<String, Object>>> doc = YAML.readValue(file.toFile(), new TypeReference<>() {});
        return doc.get(section);
    }

    static List<Map<String, Object>> records(String yaml, String section) throws IOException {
        Map<String, List<Map<String, Object>>> doc = YAML.readValue(yaml, new TypeReference<>() {});
        return doc.get(section);
    }

    /** Records keyed by id, in file order. */
    static Map<String, Map<String, Object>> byId(List<Map<String, Object>> records) {
        Map<String, Map<String, Object>> out = new LinkedHashMap<>();
        for (Map<String, Object> r : records) out.put((String) r.get("id"), r);
        return out;
    }
}
