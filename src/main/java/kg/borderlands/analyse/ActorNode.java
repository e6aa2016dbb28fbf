package kg.borderlands.analyse;

import kg.borderlands.Vocab;

import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * An actor of the network.
 *
 * @param id      record id (IRI {@code Vocab.ID + id})
 * @param label   preferred label
 * @param type    most specific {@code blk:} class, local name (e.g. {@code MilitantGroup})
 * @param aliases other names ({@code skos:altLabel}), sorted
 * @param classes every {@code blk:} class of the actor including super-classes (for class filters)
 */
public record ActorNode(String id, String label, String type, List<String> aliases, Set<String> classes) {
    public ActorNode {
        Objects.requireNonNull(id, "id");
        label = label == null ? id : label;
        Objects.requireNonNull(type, "type");
        aliases = List.copyOf(aliases);
        classes = Set.copyOf(classes);
    }

    public String iri() {
        return Vocab.ID + id;
    }

    /** True if the actor is an instance of the class (local name), directly or through a subclass. */
    public boolean isA(String blkClass) {
        return classes.contains(blkClass);
    }
}
