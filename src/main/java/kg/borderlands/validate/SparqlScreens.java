package kg.borderlands.validate;

import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.query.Query;
import org.apache.jena.shacl.engine.constraint.SparqlConstraint;
import org.apache.jena.shacl.parser.Shape;
import org.apache.jena.sparql.algebra.Algebra;
import org.apache.jena.sparql.algebra.Op;
import org.apache.jena.sparql.algebra.OpVars;
import org.apache.jena.sparql.algebra.op.OpBGP;
import org.apache.jena.sparql.algebra.op.OpExtend;
import org.apache.jena.sparql.algebra.op.OpFilter;
import org.apache.jena.sparql.algebra.op.OpJoin;
import org.apache.jena.sparql.algebra.op.OpPath;
import org.apache.jena.sparql.algebra.op.OpSequence;
import org.apache.jena.sparql.algebra.op.OpTable;
import org.apache.jena.sparql.algebra.op.OpTriple;
import org.apache.jena.sparql.algebra.op.OpUnion;
import org.apache.jena.sparql.core.DatasetGraphFactory;
import org.apache.jena.sparql.core.Substitute;
import org.apache.jena.sparql.core.Var;
import org.apache.jena.sparql.core.VarExprList;
import org.apache.jena.sparql.engine.QueryIterator;
import org.apache.jena.sparql.expr.E_Bound;
import org.apache.jena.sparql.expr.Expr;
import org.apache.jena.sparql.expr.ExprFunctionOp;
import org.apache.jena.sparql.expr.ExprVars;
import org.apache.jena.sparql.expr.ExprVisitorBase;
import org.apache.jena.sparql.expr.ExprVar;
import org.apache.jena.sparql.path.P_Link;
import org.apache.jena.sparql.path.Path;

import java.util.Collection;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The {@code sh:sparql} SELECT constraints that can be evaluated once for all focus nodes, with {@code $this} free,
 * instead of once per focus node with {@code $this} pre-bound (what Jena does: {@code SparqlValidation} substitutes
 * {@code $this}, {@code $PATH}, {@code $currentShape} and {@code $shapesGraph} into the query's algebra, then
 * evaluates it; a row is a result).
 *
 * <p>Jena reports results for a focus node {@code c} iff {@code Q[this:=c]} has a row. The screen evaluates the
 * query's pattern {@code P} once, {@code $PATH} substituted as Jena does, and keeps the values of {@code ?this} of
 * its rows. It is used for a query only when {@code P[this:=c]} has a row iff {@code P} has a row with
 * {@code ?this = c} — so a node the screen does not list would get no result from Jena, and is skipped; a node it
 * lists goes through Jena's own evaluation, which reports. That holds when (checked on the algebra, {@link #check}):
 * <ul>
 * <li>the query is a SELECT without aggregates, GROUP BY, HAVING, LIMIT, OFFSET or trailing VALUES (then a row of
 * the pattern is a row of the query, and no row none);</li>
 * <li>its pattern is made of triple patterns, property paths, joins, unions, FILTER and BIND only (no OPTIONAL,
 * MINUS, GRAPH, SERVICE, sub-queries or VALUES), and binds {@code ?this} in every row;</li>
 * <li>every FILTER or BIND expression that mentions {@code $this} — in an EXISTS / NOT EXISTS pattern too — applies
 * to a pattern that binds {@code ?this} in every row, does not ask {@code BOUND($this)}, and no BIND assigns
 * {@code ?this};</li>
 * <li>it does not mention {@code $currentShape} or {@code $shapesGraph} (Jena binds them; the screen does not).</li>
 * </ul>
 * Then, by induction over the algebra: the rows of {@code X[this:=c]} are the rows of {@code X} whose {@code ?this}
 * is {@code c} or unbound, {@code ?this} removed (triple patterns and paths: matching a constant is matching a
 * variable bound to it; join and union: compatibility does not change when both sides agree on {@code ?this};
 * FILTER and BIND: the expression sees {@code ?this = c} in the row exactly where it sees the constant {@code c};
 * an EXISTS pattern is evaluated with the row substituted, {@code ?this = c} included). A pattern that binds
 * {@code ?this} in every row then has a row with {@code ?this = c} iff {@code P[this:=c]} has a row.
 * ShaclValidationTest shows each of the 18 constraints of {@code ontology/shapes.ttl} firing, with Jena's findings.
 */
final class SparqlScreens {
    static final Var THIS = Var.alloc("this");
    private static final Var PATH = Var.alloc("PATH");
    private static final Set<Var> JENA_BOUND = Set.of(Var.alloc("currentShape"), Var.alloc("shapesGraph"));

    /** Per shape and constraint: the screen, or NONE when the query does not pass the check. */
    private final Map<Shape, Map<SparqlConstraint, Screen>> screens = new IdentityHashMap<>();
    private static final Screen NONE = new Screen(null);

    /** The screen of {@code c} in {@code shape} (whose path, for a property shape, is {@code path}), or null. */
    Screen screen(Shape shape, Path path, SparqlConstraint c) {
        synchronized (screens) {
            Screen s = screens.computeIfAbsent(shape, k -> new IdentityHashMap<>())
                    .computeIfAbsent(c, k -> build(path, k.getQuery()));
            return s == NONE ? null : s;
        }
    }

    private static Screen build(Path path, Query query) {
        Op pattern = check(query);
        if (pattern == null) return NONE;
        if (path != null) {
            // SparqlValidation: a path that is not a single link rewrites the query's text; a link binds $PATH
            if (!(path instanceof P_Link link)) return NONE;
            pattern = Substitute.substitute(pattern, PATH, link.getNode());
        }
        return new Screen(pattern);
    }

    /** The query's pattern, compiled, if the screen may be used for it (above); else null. */
    static Op check(Query query) {
        if (!query.isSelectType() || query.hasAggregators() || query.hasGroupBy() || query.hasHaving()
                || query.hasLimit() || query.hasOffset() || query.hasValues()) return null;
        Op op = Algebra.compile(query.getQueryPattern());
        Set<Var> mentioned = new HashSet<>(OpVars.mentionedVars(op));
        for (Var v : JENA_BOUND) if (mentioned.contains(v)) return null;
        Set<Var> bound = certain(op);
        return bound != null && bound.contains(THIS) ? op : null;
    }

    /**
     * The variables every row of {@code op} binds, or null if {@code op} is outside the fragment or uses
     * {@code $this} in an expression where it may be unbound.
     */
    private static Set<Var> certain(Op op) {
        if (op instanceof OpBGP bgp) return new HashSet<>(OpVars.mentionedVars(bgp));
        if (op instanceof OpTriple t) return new HashSet<>(OpVars.mentionedVars(t));
        if (op instanceof OpPath p) return new HashSet<>(OpVars.mentionedVars(p));
        if (op instanceof OpTable t) return t.isJoinIdentity() ? new HashSet<>() : null;
        if (op instanceof OpJoin j) return union(certain(j.getLeft()), certain(j.getRight()));
        if (op instanceof OpSequence s) {
            Set<Var> acc = new HashSet<>();
            for (Op sub : s.getElements()) acc = union(acc, certain(sub));
            return acc;
        }
        if (op instanceof OpUnion u) {
            Set<Var> l = certain(u.getLeft());
            Set<Var> r = certain(u.getRight());
            if (l == null || r == null) return null;
            l.retainAll(r);
            return l;
        }
        if (op instanceof OpFilter f) {
            Set<Var> sub = certain(f.getSubOp());
            if (sub == null) return null;
            for (Expr e : f.getExprs()) if (!exprOk(e, sub)) return null;
            return sub;
        }
        if (op instanceof OpExtend x) {
            Set<Var> sub = certain(x.getSubOp());
            if (sub == null) return null;
            VarExprList vel = x.getVarExprList();
            for (Var v : vel.getVars()) {
                if (v.equals(THIS) || !exprOk(vel.getExpr(v), sub)) return null;
            }
            return sub;
        }
        return null;
    }

    /** An expression that mentions $this only where it is bound, never as BOUND($this), EXISTS patterns in the fragment. */
    private static boolean exprOk(Expr e, Set<Var> boundBelow) {
        if (ExprVars.getVarsMentioned(e).contains(THIS) && !boundBelow.contains(THIS)) return false;
        boolean[] ok = {true};
        org.apache.jena.sparql.algebra.walker.Walker.walk(e, new ExprVisitorBase() {
            @Override
            public void visit(org.apache.jena.sparql.expr.ExprFunction1 f) {
                if (f instanceof E_Bound b && b.getArg() instanceof ExprVar v && v.asVar().equals(THIS)) ok[0] = false;
            }

            @Override
            public void visit(ExprFunctionOp f) {
                // EXISTS { … }: evaluated with the row substituted; its pattern must stay in the fragment
                if (f.getGraphPattern() != null && inFragment(f.getGraphPattern()) == null) ok[0] = false;
            }
        });
        return ok[0];
    }

    /** The fragment's check for an EXISTS pattern: its operators only (its variables come from the row). */
    private static Set<Var> inFragment(Op op) {
        if (op instanceof OpBGP || op instanceof OpTriple || op instanceof OpPath) return new HashSet<>();
        if (op instanceof OpTable t) return t.isJoinIdentity() ? new HashSet<>() : null;
        if (op instanceof OpJoin j) return both(inFragment(j.getLeft()), inFragment(j.getRight()));
        if (op instanceof OpUnion u) return both(inFragment(u.getLeft()), inFragment(u.getRight()));
        if (op instanceof OpSequence s) {
            Set<Var> acc = new HashSet<>();
            for (Op sub : s.getElements()) acc = both(acc, inFragment(sub));
            return acc;
        }
        if (op instanceof OpFilter f) {
            for (Expr e : f.getExprs()) if (!exprOk(e, Set.of(THIS))) return null;
            return inFragment(f.getSubOp());
        }
        if (op instanceof OpExtend x) {
            for (Var v : x.getVarExprList().getVars()) {
                if (v.equals(THIS) || !exprOk(x.getVarExprList().getExpr(v), Set.of(THIS))) return null;
            }
            return inFragment(x.getSubOp());
        }
        return null;
    }

    private static Set<Var> both(Set<Var> a, Set<Var> b) {
        return a == null || b == null ? null : a;
    }

    private static Set<Var> union(Set<Var> a, Set<Var> b) {
        if (a == null || b == null) return null;
        a.addAll(b);
        return a;
    }

    /** A constraint's pattern, {@code $PATH} substituted, to evaluate with {@code $this} free. */
    static final class Screen {
        private final Op pattern;

        Screen(Op pattern) {
            this.pattern = pattern;
        }

        Op pattern() {
            return pattern;
        }

        /** The values of {@code ?this} in the rows of the pattern over {@code data}. */
        Set<Node> flagged(Graph data) {
            Set<Node> out = new HashSet<>();
            QueryIterator it = Algebra.exec(pattern, DatasetGraphFactory.createGeneral(data));
            try {
                while (it.hasNext()) {
                    Node n = it.nextBinding().get(THIS);
                    if (n != null) out.add(n);
                }
            } finally {
                it.close();
            }
            return out;
        }
    }

    /** A {@code sh:sparql} constraint and the shape that holds it. */
    record Held(Shape shape, SparqlConstraint constraint) {
    }

    /** The {@code sh:sparql} constraints of the shapes and the shapes that hold them (for tests). */
    static List<Held> all(Collection<Shape> shapes) {
        List<Held> out = new java.util.ArrayList<>();
        Set<Shape> seen = java.util.Collections.newSetFromMap(new IdentityHashMap<>());
        for (Shape s : shapes) collect(s, seen, out);
        return out;
    }

    private static void collect(Shape s, Set<Shape> seen, List<Held> out) {
        if (!seen.add(s)) return;
        for (var c : s.getConstraints()) {
            if (c instanceof SparqlConstraint sc && out.stream().noneMatch(h -> h.constraint() == sc)) out.add(new Held(s, sc));
        }
        for (Shape p : s.getPropertyShapes()) collect(p, seen, out);
    }
}
