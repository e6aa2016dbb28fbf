package kg.borderlands.serve.api;

import org.apache.jena.sparql.core.DatasetGraph;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The data behind the timeline, map and claim views: a few SELECT queries kept together in
 * {@code kg/borderlands/serve/story/*.rq} (one place to adapt when the model changes), run once per build (at
 * load time, into the serving artifacts) and kept as SPARQL JSON results in a canonical form ({@link StoryQuery}).
 */
public final class StoryQueries {
    /** The views' data sets, each a query file of the same name. */
    public static final List<String> NAMES = List.of("events", "places", "claims", "figures", "labels");
    private static final String FOLDER = "kg/borderlands/serve/story/";

    private final Map<String, byte[]> results;

    private StoryQueries(Map<String, byte[]> results) {
        this.results = Map.copyOf(results);
    }

    /** Runs every story query over the dataset (its default graph being the union of the named graphs), in memory. */
    public static StoryQueries run(DatasetGraph dsg) {
        Objects.requireNonNull(dsg, "dataset");
        Map<String, byte[]> out = new LinkedHashMap<>();
        for (String name : NAMES) out.put(name, StoryQuery.named(name).bytes(dsg));
        return new StoryQueries(out);
    }

    /** Writes the results of every story query over the dataset into {@code dir} as {@code <name>.json}, one at a time. */
    public static void write(DatasetGraph dsg, Path dir) throws IOException {
        Files.createDirectories(dir);
        for (String name : NAMES) StoryQuery.named(name).write(dsg, dir.resolve(name + ".json"));
    }

    /** Writes each data set's results into {@code dir} as {@code <name>.json}. */
    public void write(Path dir) throws IOException {
        Files.createDirectories(dir);
        for (Map.Entry<String, byte[]> e : results.entrySet()) Files.write(dir.resolve(e.getKey() + ".json"), e.getValue());
    }

    /** Reads the results written by {@link #write}. */
    public static StoryQueries read(Path dir) throws IOException {
        Map<String, byte[]> out = new LinkedHashMap<>();
        for (String name : NAMES) out.put(name, Files.readAllBytes(dir.resolve(name + ".json")));
        return new StoryQueries(out);
    }

    /** The SPARQL JSON results of one data set. */
    public Optional<byte[]> get(String name) {
        return Optional.ofNullable(results.get(name));
    }

    static String read(String name) {
        try (InputStream in = StoryQueries.class.getClassLoader().getResourceAsStream(FOLDER + name + ".rq")) {
            if (in == null) throw new IllegalStateException("missing story query " + FOLDER + name + ".rq");
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
