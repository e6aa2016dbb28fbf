package kg.borderlands.curate;

import java.nio.file.Path;
import java.util.Objects;

/**
 * One unit of the data directory (docs/data-format.md "Source units"): a source ({@code data/sources/<id>/},
 * with its descriptor) or the shared unit (everything else: actors, places, links). In a data directory without
 * {@code sources/} the whole directory is one unit, unscoped, as before issue #11.
 *
 * @param id         the source id, or {@code null} for the shared (or only) unit
 * @param dir        the unit's directory
 * @param descriptor the source's descriptor, or {@code null} for the shared unit
 */
public record SourceUnit(String id, Path dir, SourceDescriptor descriptor) {
    public SourceUnit {
        Objects.requireNonNull(dir, "dir");
        if ((id == null) != (descriptor == null)) throw new IllegalArgumentException("a source has a descriptor");
    }

    public boolean isSource() {
        return id != null;
    }
}
