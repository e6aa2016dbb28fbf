package kg.borderlands.load;

import kg.borderlands.curate.RecordReader;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The source units of a data directory (issue #11, shared design): each folder {@code sources/<id>/} is one
 * unit — a source's apparatus and the records it asserts — and everything else in the data directory is the
 * <em>shared</em> unit (actors, places, links: entities reconciled across sources). A data directory without a
 * {@code sources/} folder is one unit, the shared one.
 */
public final class SourceUnits {
    /** The folder of the source units under the data directory. */
    public static final String SOURCES = "sources";
    /** The id of the shared unit (never a source id: those are folder names under {@code sources/}). */
    public static final String SHARED = "(shared)";

    /** One unit: its id and its data files, in a stable order. */
    public record Unit(String id, List<Path> files) {
        public Unit {
            Objects.requireNonNull(id, "id");
            files = List.copyOf(files);
        }

        public boolean shared() {
            return SHARED.equals(id);
        }
    }

    private final Path dataDir;
    private final Unit shared;
    private final List<Unit> sources;

    private SourceUnits(Path dataDir, Unit shared, List<Unit> sources) {
        this.dataDir = dataDir;
        this.shared = shared;
        this.sources = List.copyOf(sources);
    }

    /** Splits the data files of {@code dataDir} ({@link RecordReader#dataFiles}) into units. */
    public static SourceUnits of(Path dataDir) throws IOException {
        Objects.requireNonNull(dataDir, "dataDir");
        Path sourcesDir = dataDir.resolve(SOURCES);
        List<Path> sharedFiles = new ArrayList<>();
        Map<String, List<Path>> bySource = new LinkedHashMap<>();
        for (Path f : RecordReader.dataFiles(dataDir)) {
            if (f.startsWith(sourcesDir) && sourcesDir.relativize(f).getNameCount() > 1) {
                bySource.computeIfAbsent(sourcesDir.relativize(f).getName(0).toString(), k -> new ArrayList<>()).add(f);
            } else {
                sharedFiles.add(f);
            }
        }
        List<Unit> sources = new ArrayList<>();
        bySource.keySet().stream().sorted().forEach(id -> sources.add(new Unit(id, bySource.get(id))));
        return new SourceUnits(dataDir, new Unit(SHARED, sharedFiles), sources);
    }

    public Path dataDir() {
        return dataDir;
    }

    /** The shared unit (possibly without files). */
    public Unit shared() {
        return shared;
    }

    /** The source units, by id. */
    public List<Unit> sources() {
        return sources;
    }

    /** The folder of a source unit that holds its apparatus (works, sections, paragraphs, footnotes). */
    public static final String APPARATUS = "report";

    /**
     * The files the shared unit's records resolve their {@code source:} numbers in: the apparatus of the first
     * source unit (shared records cite a report's sections and footnotes by number, as the one-model build
     * resolved them: to the first section or footnote with that number). Empty without source units.
     */
    public List<Path> sharedContextFiles() {
        if (sources.isEmpty()) return List.of();
        Path apparatus = dataDir.resolve(SOURCES).resolve(sources.get(0).id()).resolve(APPARATUS);
        return sources.get(0).files().stream().filter(f -> f.startsWith(apparatus)).toList();
    }

    /** The shared unit, then every source unit. */
    public List<Unit> all() {
        List<Unit> all = new ArrayList<>(sources.size() + 1);
        all.add(shared);
        all.addAll(sources);
        return all;
    }
}
