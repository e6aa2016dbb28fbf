package kg.borderlands.analyse;

/**
 * One edge that links the two actors of a hop, and which way it points relative to the walk.
 *
 * @param direction FORWARD (hop.from → hop.to), BACKWARD (hop.to → hop.from) or BOTH (undirected edge)
 * @param edge      the edge with its kind, dates, footnotes, sections and record
 */
public record HopRelation(Direction direction, NetworkEdge edge) {
    public enum Direction { FORWARD, BACKWARD, BOTH }
}
