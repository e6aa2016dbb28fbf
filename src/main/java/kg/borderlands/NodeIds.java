package kg.borderlands;

import org.apache.jena.tdb2.store.NodeId;

/** TDB2 node ids, compared as the code that scans TDB2's indexes on ids needs them compared. */
public final class NodeIds {
    private NodeIds() {}

    /**
     * The same node id: {@code NodeId.equals} compares the value bits only, so that an inline integer 2, an inline
     * decimal with the same bits and the node-table id 2 are "equal"; the type tells them apart. False if {@code b}
     * is null.
     */
    public static boolean same(NodeId a, NodeId b) {
        return b != null && a.type() == b.type() && a.equals(b);
    }
}
