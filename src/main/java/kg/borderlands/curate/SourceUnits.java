package kg.borderlands.curate;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.stream.Stream;

/**
 * Finds the units of a data directory: the shared unit (everything not under {@code sources/}) and one unit per
 * directory {@code sources/<id>/} holding a {@code source.yaml}. Without {@code sources/} the whole directory is
 * one unscoped unit. The shared unit comes first, then the sources in name order.
 */
public final class SourceUnits {
    /** The folder holding the source units. */
    public static final String SOURCES = "sources";
    /** The descriptor file of a source unit. */
    public static final String DESCRIPTOR = "source.yaml";

    private SourceUnits() {}

    public static List<SourceUnit> of(Path dataDir) throws IOException, CurationException {
        Objects.requireNonNull(dataDir, "dataDir");
        List<SourceUnit> units = new ArrayList<>();
        units.add(new SourceUnit(null, dataDir, null));
        Path sources = dataDir.resolve(SOURCES);
        if (!Files.isDirectory(sources)) return units;
        List<Problem> problems = new ArrayList<>();
        try (Stream<Path> s = Files.list(sources)) {
            for (Path dir : (Iterable<Path>) s.filter(Files::isDirectory).sorted()::iterator) {
                Path descriptor = dir.resolve(DESCRIPTOR);
                if (!Files.isRegularFile(descriptor)) {
                    problems.add(new Problem(Problem.SYNTAX, dir, 0, 0, null,
                            "a source unit needs its descriptor " + DESCRIPTOR + " (id, work; docs/data-format.md)"));
                    continue;
                }
                try {
                    SourceDescriptor d = SourceDescriptor.read(descriptor);
                    units.add(new SourceUnit(d.id(), dir, d));
                } catch (CurationException e) {
                    problems.addAll(e.problems());
                }
            }
        }
        // a works id names one document: a source's work, or another source's citedAs, never both nor twice
        java.util.Map<String, String> named = new java.util.HashMap<>();
        for (SourceUnit u : units) if (u.isSource()) named.putIfAbsent(u.descriptor().work(), u.id());
        for (SourceUnit u : units) {
            if (!u.isSource()) continue;
            for (String c : u.descriptor().citedAs()) {
                String other = named.putIfAbsent(c, u.id());
                if (other != null) {
                    problems.add(new Problem(Problem.SYNTAX, u.dir().resolve(DESCRIPTOR), 0, 0, null, "citedAs '" + c
                            + "' already names the work of source " + other + "; a works id names one document"));
                }
            }
        }
        if (!problems.isEmpty()) throw new CurationException(problems);
        return units;
    }

    /** The unit a data file belongs to (the deepest unit directory containing it). */
    public static SourceUnit unitOf(List<SourceUnit> units, Path file) {
        return lookup(units).apply(file);
    }

    /**
     * The unit of a data file, by its directories: a lookup to use for many files (a linear scan of the units per
     * file would cost files × units, 34 million path comparisons for a corpus of 1,000 sources).
     */
    public static java.util.function.Function<Path, SourceUnit> lookup(List<SourceUnit> units) {
        SourceUnit shared = units.get(0);
        java.util.Map<Path, SourceUnit> byDir = new java.util.HashMap<>();
        for (SourceUnit u : units) if (u.isSource()) byDir.put(u.dir(), u);
        return file -> {
            for (Path p = file.getParent(); p != null; p = p.getParent()) {
                SourceUnit u = byDir.get(p);
                if (u != null) return u;          // the deepest source directory holding the file
            }
            return shared;
        };
    }

    /** True for a source descriptor file (not a record file). */
    public static boolean isDescriptor(Path dataDir, Path file) {
        Path rel = dataDir.relativize(file);
        return rel.getNameCount() == 3 && rel.getName(0).toString().equals(SOURCES)
                && rel.getFileName().toString().equals(DESCRIPTOR);
    }
}
