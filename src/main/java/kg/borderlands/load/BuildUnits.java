package kg.borderlands.load;

import kg.borderlands.curate.CurationException;
import kg.borderlands.curate.RecordReader;
import kg.borderlands.curate.SourceUnit;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The units of a data directory as the unit-by-unit build needs them: the units found by
 * {@link kg.borderlands.curate.SourceUnits} (the project's one unit discovery: the shared unit, and one unit per
 * {@code sources/<id>/} with its descriptor), each with its files in a stable order.
 */
public final class BuildUnits {
    /** The id of the shared unit in the build's manifest and cache (never a source id: those are folder names). */
    public static final String SHARED = "(shared)";
    /** The folder of a source unit that holds its apparatus (works, sections, paragraphs, footnotes). */
    public static final String APPARATUS = "report";

    /**
     * One unit: its curate unit, its record files and, for a source, its descriptor file ({@code files()}: both,
     * the inputs of its fingerprint).
     */
    public record Unit(SourceUnit unit, List<Path> records, Path descriptor) {
        public Unit {
            Objects.requireNonNull(unit, "unit");
            records = List.copyOf(records);
        }

        /** The unit's id in the manifest and the cache. */
        public String id() {
            return unit.isSource() ? unit.id() : SHARED;
        }

        /** The source id its records belong to ({@code null} for the shared unit). */
        public String source() {
            return unit.id();
        }

        public boolean shared() {
            return !unit.isSource();
        }

        /** Every input file of the unit: the descriptor (for a source) and the record files. */
        public List<Path> files() {
            if (descriptor == null) return records;
            List<Path> all = new ArrayList<>(records.size() + 1);
            all.add(descriptor);
            all.addAll(records);
            return all;
        }
    }

    private final Path dataDir;
    private final List<SourceUnit> curateUnits;
    private final Unit shared;
    private final List<Unit> sources;

    private BuildUnits(Path dataDir, List<SourceUnit> curateUnits, Unit shared, List<Unit> sources) {
        this.dataDir = dataDir;
        this.curateUnits = List.copyOf(curateUnits);
        this.shared = shared;
        this.sources = List.copyOf(sources);
    }

    /** The units of {@code dataDir}, each with its data files ({@link RecordReader#dataFiles}). */
    public static BuildUnits of(Path dataDir) throws IOException, CurationException {
        Objects.requireNonNull(dataDir, "dataDir");
        List<SourceUnit> units = kg.borderlands.curate.SourceUnits.of(dataDir);
        Map<SourceUnit, List<Path>> files = new LinkedHashMap<>();
        Map<SourceUnit, Path> descriptors = new LinkedHashMap<>();
        units.forEach(u -> files.put(u, new ArrayList<>()));
        java.util.function.Function<Path, SourceUnit> unitOf = kg.borderlands.curate.SourceUnits.lookup(units);
        for (Path f : RecordReader.dataFiles(dataDir)) {
            SourceUnit u = unitOf.apply(f);
            if (kg.borderlands.curate.SourceUnits.isDescriptor(dataDir, f)) descriptors.put(u, f);
            else files.get(u).add(f);
        }
        Unit shared = null;
        List<Unit> sources = new ArrayList<>();
        for (SourceUnit u : units) {
            Unit unit = new Unit(u, files.get(u), descriptors.get(u));
            if (u.isSource()) sources.add(unit);
            else shared = unit;
        }
        return new BuildUnits(dataDir, units, shared, sources);
    }

    public Path dataDir() {
        return dataDir;
    }

    /** The units as {@link kg.borderlands.curate.SourceUnits} found them (with the sources' descriptors). */
    public List<SourceUnit> curateUnits() {
        return curateUnits;
    }

    /** The shared unit (possibly without files). */
    public Unit shared() {
        return shared;
    }

    /** The source units, by id. */
    public List<Unit> sources() {
        return sources;
    }

    /**
     * The apparatus of every source unit ({@code sources/<id>/report/}), with the descriptors: the shared unit's
     * records cite a source's sections and footnotes by number, naming the source by its work
     * ({@code work:}), and resolve them in that source's apparatus. Part of the shared unit's fingerprint.
     */
    public List<Path> apparatusFiles() {
        List<Path> out = new ArrayList<>();
        for (Unit u : sources) {
            Path apparatus = u.unit().dir().resolve(APPARATUS);
            if (u.descriptor() != null) out.add(u.descriptor());
            u.records().stream().filter(f -> f.startsWith(apparatus)).forEach(out::add);
        }
        return out;
    }

    /** The shared unit, then every source unit. */
    public List<Unit> all() {
        List<Unit> all = new ArrayList<>(sources.size() + 1);
        all.add(shared);
        all.addAll(sources);
        return all;
    }
}
