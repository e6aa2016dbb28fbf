package kg.borderlands.serve.guard;

import org.apache.jena.sparql.algebra.Op;

/**
 * The shape of a query's algebra, read from its SSE form (where every operator, expression and path step is
 * one parenthesised node): how deep the tree is, and how deeply {@code EXISTS}/{@code NOT EXISTS} nest. Deep
 * trees overflow the stack of the evaluator; nested EXISTS make ARQ's standard optimizer exponential (it
 * doubles its work per level and cannot be cancelled), so the server refuses the first and skips that
 * optimizer for the second.
 */
public record AlgebraShape(int depth, int existsDepth) {
    /** The shape of an op; a tree too deep even to print counts as infinitely deep. */
    public static AlgebraShape of(Op op) {
        String sse;
        try {
            sse = op.toString();
        } catch (StackOverflowError e) {
            return new AlgebraShape(Integer.MAX_VALUE, Integer.MAX_VALUE);
        }
        return of(sse);
    }

    static AlgebraShape of(String sse) {
        int depth = 0, max = 0, exists = 0, maxExists = 0;
        // a stack of "this node is an EXISTS" flags, as a bit set per depth (enough for the depths we accept)
        java.util.BitSet isExists = new java.util.BitSet();
        boolean inString = false;
        for (int i = 0; i < sse.length(); i++) {
            char c = sse.charAt(i);
            if (inString) {
                if (c == '\\') i++;
                else if (c == '"') inString = false;
                continue;
            }
            if (c == '"') {
                inString = true;
            } else if (c == '(') {
                depth++;
                max = Math.max(max, depth);
                boolean ex = sse.startsWith("exists", i + 1) || sse.startsWith("notexists", i + 1);
                isExists.set(depth, ex);
                if (ex) maxExists = Math.max(maxExists, ++exists);
            } else if (c == ')' && depth > 0) {
                if (isExists.get(depth)) exists--;
                depth--;
            }
        }
        return new AlgebraShape(max, maxExists);
    }
}
