package kg.borderlands.analyse;

/**
 * Degree of an actor.
 *
 * @param in         actors with an arc into it (directed view)
 * @param out        actors it has an arc to (directed view)
 * @param total      in + out
 * @param neighbours distinct actors linked to it in either direction (undirected view)
 * @param edges      network edges touching it, parallel edges counted
 */
public record Degree(int in, int out, int total, int neighbours, int edges) {}
