package kg.borderlands.load;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * {@code manifest.json} of a build: what it was built from (the inputs' fingerprint), what it holds (triple
 * counts), the size and SHA-256 of every stable file of the build, so that a damaged build is recognised, and
 * — for a build made unit by unit — the key of each source unit ({@link UnitPipeline}; absent otherwise).
 * A build directory without a manifest of the current {@link #FORMAT} is not a usable build.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record BuildManifest(int format, String fingerprint, String built, long ontologyTriples, long dataTriples,
                            long inferredTriples, long warnings, Map<String, FileSum> files,
                            Map<String, String> units) {
    /** Version of this layout; builds of other formats are rebuilt by {@code load}. */
    public static final int FORMAT = 2;
    public static final String FILE = "manifest.json";

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT)
            .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    public BuildManifest {
        Objects.requireNonNull(fingerprint, "fingerprint");
        Objects.requireNonNull(built, "built");
        files = files == null ? Map.of() : new TreeMap<>(files);
        units = units == null ? null : new java.util.LinkedHashMap<>(units);
    }

    /** A manifest of a build made in one piece (no source units recorded). */
    public BuildManifest(int format, String fingerprint, String built, long ontologyTriples, long dataTriples,
                         long inferredTriples, long warnings, Map<String, FileSum> files) {
        this(format, fingerprint, built, ontologyTriples, dataTriples, inferredTriples, warnings, files, null);
    }

    /** Size and SHA-256 (hex) of one file, by its path relative to the build directory. */
    public record FileSum(long size, String sha256) {
        public FileSum {
            Objects.requireNonNull(sha256, "sha256");
        }
    }

    /** Reads {@code build/manifest.json}; a missing or unreadable manifest is a damaged build. */
    public static BuildManifest read(Path build) throws StoreException {
        Path f = build.resolve(FILE);
        if (!Files.isRegularFile(f)) {
            throw new StoreException(StoreException.Kind.DAMAGED, "build " + build.getFileName()
                    + " has no " + FILE + " (an unfinished or foreign build); run 'load' to rebuild");
        }
        try {
            return JSON.readValue(f.toFile(), BuildManifest.class);
        } catch (IOException | RuntimeException e) {
            throw new StoreException(StoreException.Kind.DAMAGED, "the " + FILE + " of build "
                    + build.getFileName() + " cannot be read; run 'load' to rebuild", e);
        }
    }

    /** Writes the manifest to a temporary file and moves it into place, so a reader never sees half of it. */
    void write(Path build) throws IOException {
        Path tmp = build.resolve(FILE + ".tmp");
        JSON.writeValue(tmp.toFile(), this);
        StoreFiles.forceAndMove(tmp, build.resolve(FILE));
    }
}
