package kg.borderlands.validate;

import org.apache.jena.graph.Node;
import org.apache.jena.graph.Triple;
import org.apache.jena.query.DatasetFactory;
import org.apache.jena.query.Query;
import org.apache.jena.query.QueryFactory;
import org.apache.jena.sparql.algebra.Algebra;
import org.apache.jena.sparql.algebra.OpAsQuery;
import org.apache.jena.sparql.graph.NodeTransformLib;
import org.apache.jena.query.QueryExecution;
import org.apache.jena.sparql.algebra.Op;
import org.apache.jena.sparql.algebra.op.Op1;
import org.apache.jena.sparql.algebra.op.Op2;
import org.apache.jena.sparql.algebra.op.OpBGP;
import org.apache.jena.sparql.algebra.op.OpDistinct;
import org.apache.jena.sparql.algebra.op.OpExtend;
import org.apache.jena.sparql.algebra.op.OpFilter;
import org.apache.jena.sparql.algebra.op.OpGraph;
import org.apache.jena.sparql.algebra.op.OpJoin;
import org.apache.jena.sparql.algebra.op.OpN;
import org.apache.jena.sparql.algebra.op.OpOrder;
import org.apache.jena.sparql.algebra.op.OpProject;
import org.apache.jena.sparql.algebra.op.OpReduced;
import org.apache.jena.sparql.algebra.op.OpSequence;
import org.apache.jena.sparql.algebra.op.OpTable;
import org.apache.jena.sparql.algebra.op.OpUnion;
import org.apache.jena.sparql.algebra.table.TableN;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.DatasetGraphFactory;
import org.apache.jena.sparql.core.Quad;
import org.apache.jena.sparql.core.Var;
import org.apache.jena.sparql.engine.QueryIterator;
import org.apache.jena.sparql.engine.binding.BindingFactory;
import org.apache.jena.sparql.expr.Expr;
import org.apache.jena.sparql.expr.ExprFunction;
import org.apache.jena.sparql.expr.ExprFunctionOp;
import org.apache.jena.sparql.expr.ExprList;
import org.apache.jena.sparql.expr.E_Exists;
import org.apache.jena.sparql.expr.E_NotExists;
import org.apache.jena.sparql.algebra.op.OpPath;
import org.apache.jena.sparql.core.BasicPattern;
import org.apache.jena.sparql.core.PathBlock;
import org.apache.jena.sparql.core.TriplePath;
import org.apache.jena.sparql.path.PathCompiler;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * The quality checks of an incremental build, scoped to what changed (docs/store.md "Incremental builds"), with
 * the very findings a run over the whole database gives.
 *
 * <p><b>Why scoping is sound.</b> The previous build passed every check (a build with a finding is never
 * published) and was made with the same checks (they are part of the shared unit's key, and an incremental build
 * needs the same shared key). So any row the changed database gives is a new row, and a new row must be "near"
 * a changed quad. Let D be the nodes of the quads the delta removed or added. A check is <em>scopable</em> when
 * its algebra is made only of basic graph patterns (fixed-length property paths compile into them), VALUES,
 * joins, unions, filters, BIND, projection, DISTINCT and ORDER BY, every triple pattern has a variable, and each
 * FILTER (NOT) EXISTS holds basic graph patterns (optionally in a GRAPH with an IRI, with plain filters) whose
 * patterns are each linked to a variable of the enclosing patterns by a chain of at most r shared variables
 * (none in predicate position when r &gt; 0). Then a new row μ of the check either matches an added triple t
 * with one of its outer patterns — whose variables μ binds to nodes of t, in D — or matches only triples that
 * were there before and an (NOT) EXISTS changed its answer under μ: some match of its pattern, in the old or the new
 * graph, uses a changed triple, and following the chain of shared variables from that pattern to an outer one
 * (each link a triple of the new graph or a removed one) reaches an outer variable whose value under μ is within
 * r steps (subject–object links) of D. So, for each outer variable v, running the check with v restricted to
 * D<sub>r</sub> (D and its neighbours up to r links) finds every new row that binds v there, and all of them
 * together every new row. A check that is not scopable (property paths of any length, OPTIONAL, MINUS,
 * aggregates, sub-queries, LIMIT…), or whose D<sub>r</sub> is too large or holds a blank node (which a query
 * cannot name), runs over the whole database.
 *
 * <p>The scoped runs only say whether some row exists: if one does, every check is run over the whole database,
 * so the findings reported are exactly those a full build reports.
 */
public final class ScopedQualityChecks {
    /** Above this many nodes, a check runs over the whole database instead. */
    static final int MAX_SCOPE = 100_000;

    private final QualityChecks checks;
    private final Path dir;

    public ScopedQualityChecks(Path qcDir) {
        this.dir = Objects.requireNonNull(qcDir, "qcDir");
        this.checks = new QualityChecks(qcDir);
    }

    /** How a check was run, for the profile. */
    public record Run(List<Finding> findings, int scoped, int whole) {}

    /**
     * The findings of the checks over the union of the named graphs of {@code dsg} (a TDB2 database, in the
     * caller's read transaction) after a change whose quads had the nodes {@code changed}, given that the database
     * before the change passed every check.
     */
    public Run run(DatasetGraph dsg, Set<Node> changed) throws IOException {
        Objects.requireNonNull(dsg, "dsg");
        Objects.requireNonNull(changed, "changed");
        Map<Integer, Set<Node>> scopes = new HashMap<>();
        scopes.put(0, changed);
        int scoped = 0;
        int whole = 0;
        for (Path file : checks.files()) {
            Query query = QueryFactory.create(Files.readString(file));
            Op op = flatten(Algebra.compile(query), new PathCompiler());
            int radius = radius(op);
            Set<Node> scope = radius < 0 ? null : scope(dsg, scopes, radius);
            // a blank node cannot be written in a VALUES table: such a change is checked over the whole database
            if (scope != null && scope.stream().anyMatch(Node::isBlank)) scope = null;
            boolean found;
            if (scope == null) {
                whole++;
                found = !checks.runOne(file, DatasetFactory.wrap(dsg)).isEmpty();
            } else {
                scoped++;
                found = anyRow(op, dsg, scope);
            }
            if (found) return new Run(checks.runOnUnionGraph(DatasetFactory.wrap(dsg)), scoped, whole);
        }
        return new Run(List.of(), scoped, whole);
    }

    /** D<sub>r</sub>: the changed nodes and their neighbours up to r subject–object links; null if too large. */
    private static Set<Node> scope(DatasetGraph dsg, Map<Integer, Set<Node>> scopes, int radius) {
        if (scopes.containsKey(radius)) return scopes.get(radius);
        Set<Node> inner = scope(dsg, scopes, radius - 1);
        if (inner == null) return null;
        Set<Node> out = new LinkedHashSet<>(inner);
        for (Node n : inner) {
            Iterator<Quad> it = dsg.find(Node.ANY, n, Node.ANY, Node.ANY);
            while (it.hasNext()) out.add(it.next().getObject());
            it = dsg.find(Node.ANY, Node.ANY, Node.ANY, n);
            while (it.hasNext()) out.add(it.next().getSubject());
            if (out.size() > MAX_SCOPE) {
                scopes.put(radius, null);
                return null;
            }
        }
        scopes.put(radius, out);
        return out;
    }

    /**
     * Whether the check, restricted in turn on each of its outer variables, has a row: each restricted check is
     * turned back into a query (the paths' fresh variables renamed to plain ones) and run by TDB2 itself, with its
     * optimizer, over the union of the named graphs.
     */
    private static boolean anyRow(Op op, DatasetGraph dsg, Set<Node> scope) {
        Op plain = NodeTransformLib.transform(n -> n.isVariable() && !Character.isLetterOrDigit(Var.alloc(n).getVarName().charAt(0))
                ? Var.alloc("qcpath_" + Var.alloc(n).getVarName().replaceAll("[^A-Za-z0-9]", "")) : n, op);
        for (Var v : outerVars(plain)) {
            Op restricted = restrict(plain, v, scope);
            if (restricted == null) continue;
            Query q = OpAsQuery.asQuery(restricted);
            try (QueryExecution qe = QueryExecution.dataset(DatasetFactory.wrap(dsg)).query(q)
                    .set(org.apache.jena.tdb2.TDB2.symUnionDefaultGraph, true).build()) {
                if (qe.execSelect().hasNext()) return true;
            }
        }
        return false;
    }

    // ---- the algebra: which checks are scopable, and how far ---------------------------------------------------

    /**
     * The check with its fixed-length property paths ({@code blk:record/blk:citedSection}) as basic graph
     * patterns (with fresh variables), also inside (NOT) EXISTS, as ARQ's optimizer would compile them; other
     * paths stay (then the check is not scopable).
     */
    public static Op flatten(Op op, PathCompiler paths) {
        if (op instanceof OpPath p) {
            PathBlock block = new PathBlock();
            block.add(p.getTriplePath());
            PathBlock reduced = paths.reduce(block);
            BasicPattern bgp = new BasicPattern();
            for (TriplePath tp : reduced) {
                if (!tp.isTriple()) return op;
                bgp.add(tp.asTriple());
            }
            return new OpBGP(bgp);
        }
        if (op instanceof OpFilter f) {
            ExprList exprs = new ExprList();
            for (Expr e : f.getExprs()) exprs.add(flatten(e, paths));
            return OpFilter.filterBy(exprs, flatten(f.getSubOp(), paths));
        }
        if (op instanceof Op1 o) return o.copy(flatten(o.getSubOp(), paths));
        if (op instanceof Op2 o) return o.copy(flatten(o.getLeft(), paths), flatten(o.getRight(), paths));
        if (op instanceof OpN o) {
            List<Op> subs = new ArrayList<>();
            for (Op sub : o.getElements()) subs.add(flatten(sub, paths));
            return o.copy(subs);
        }
        return op;
    }

    private static Expr flatten(Expr e, PathCompiler paths) {
        if (e instanceof E_NotExists ne) return new E_NotExists(flatten(ne.getGraphPattern(), paths));
        if (e instanceof E_Exists ex) return new E_Exists(flatten(ex.getGraphPattern(), paths));
        if (e instanceof ExprFunctionOp) return e;   // another operator over a pattern: left as it is (not scopable)
        if (e instanceof ExprFunction f && hasExists(f)) {
            ExprList args = new ExprList();
            for (Expr a : f.getArgs()) args.add(flatten(a, paths));
            return rebuild(f, args);
        }
        return e;
    }

    /** A function expression with new arguments (logical operators around EXISTS: &&, ||, !). */
    private static Expr rebuild(ExprFunction f, ExprList args) {
        if (f instanceof org.apache.jena.sparql.expr.E_LogicalAnd) {
            return new org.apache.jena.sparql.expr.E_LogicalAnd(args.get(0), args.get(1));
        }
        if (f instanceof org.apache.jena.sparql.expr.E_LogicalOr) {
            return new org.apache.jena.sparql.expr.E_LogicalOr(args.get(0), args.get(1));
        }
        if (f instanceof org.apache.jena.sparql.expr.E_LogicalNot) {
            return new org.apache.jena.sparql.expr.E_LogicalNot(args.get(0));
        }
        return f;   // left as it is: its EXISTS keeps its paths, and the check is then not scopable
    }

    private static final class NotScopable extends Exception {
        NotScopable() {
            super(null, null, false, false);
        }
    }

    /** The radius r of a check (above), or −1 if it is not scopable. */
    static int radius(Op op) {
        try {
            return outerRadius(op);
        } catch (NotScopable e) {
            return -1;
        }
    }

    private static int outerRadius(Op op) throws NotScopable {
        if (op instanceof OpBGP bgp) {
            for (Triple t : bgp.getPattern()) if (vars(t).isEmpty()) throw new NotScopable();
            return 0;
        }
        if (op instanceof OpTable) return 0;
        if (op instanceof OpJoin || op instanceof OpUnion) {
            Op2 o = (Op2) op;
            return Math.max(outerRadius(o.getLeft()), outerRadius(o.getRight()));
        }
        if (op instanceof OpSequence seq) {
            int r = 0;
            for (Op sub : seq.getElements()) r = Math.max(r, outerRadius(sub));
            return r;
        }
        if (op instanceof OpProject || op instanceof OpDistinct || op instanceof OpReduced || op instanceof OpOrder) {
            return outerRadius(((Op1) op).getSubOp());
        }
        if (op instanceof OpExtend ext) {
            for (Expr e : ext.getVarExprList().getExprs().values()) if (hasExists(e)) throw new NotScopable();
            return outerRadius(ext.getSubOp());
        }
        if (op instanceof OpFilter f) {
            int r = outerRadius(f.getSubOp());
            Set<Var> outer = outerVars(f.getSubOp());
            for (Expr e : f.getExprs()) {
                for (ExprFunctionOp exists : existsIn(e)) r = Math.max(r, existsRadius(exists.getGraphPattern(), outer));
            }
            return r;
        }
        throw new NotScopable();
    }

    /** The radius of one (NOT) EXISTS pattern with respect to the variables of the patterns around it. */
    private static int existsRadius(Op inner, Set<Var> outer) throws NotScopable {
        List<Triple> patterns = new ArrayList<>();
        innerPatterns(inner, patterns);
        Map<Triple, Integer> dist = new HashMap<>();
        Deque<Triple> queue = new ArrayDeque<>();
        for (Triple t : patterns) {
            Set<Var> vs = vars(t);
            if (vs.isEmpty()) throw new NotScopable();
            if (vs.stream().anyMatch(outer::contains)) {
                dist.put(t, 0);
                queue.add(t);
            }
        }
        while (!queue.isEmpty()) {
            Triple t = queue.poll();
            Set<Var> shared = new LinkedHashSet<>(vars(t));
            shared.removeAll(outer);
            for (Triple u : patterns) {
                if (dist.containsKey(u) || vars(u).stream().noneMatch(shared::contains)) continue;
                dist.put(u, dist.get(t) + 1);
                queue.add(u);
            }
        }
        if (dist.size() != patterns.size()) throw new NotScopable();   // a pattern linked to nothing outside
        int r = dist.values().stream().mapToInt(Integer::intValue).max().orElse(0);
        if (r > 0) for (Triple t : patterns) if (t.getPredicate().isVariable()) throw new NotScopable();
        return r;
    }

    private static void innerPatterns(Op op, List<Triple> out) throws NotScopable {
        if (op instanceof OpBGP bgp) {
            out.addAll(bgp.getPattern().getList());
        } else if (op instanceof OpGraph g && g.getNode().isURI()) {
            innerPatterns(g.getSubOp(), out);
        } else if (op instanceof OpJoin j) {
            innerPatterns(j.getLeft(), out);
            innerPatterns(j.getRight(), out);
        } else if (op instanceof OpSequence seq) {
            for (Op sub : seq.getElements()) innerPatterns(sub, out);
        } else if (op instanceof OpFilter f) {
            for (Expr e : f.getExprs()) if (hasExists(e)) throw new NotScopable();
            innerPatterns(f.getSubOp(), out);
        } else {
            throw new NotScopable();
        }
    }

    private static Set<Var> vars(Triple t) {
        Set<Var> out = new LinkedHashSet<>();
        for (Node n : List.of(t.getSubject(), t.getPredicate(), t.getObject())) if (n.isVariable()) out.add(Var.alloc(n));
        return out;
    }

    /** The variables of the basic graph patterns of {@code op} outside any expression. */
    static Set<Var> outerVars(Op op) {
        Set<Var> out = new LinkedHashSet<>();
        collectOuter(op, out);
        return out;
    }

    private static void collectOuter(Op op, Set<Var> out) {
        if (op instanceof OpBGP bgp) {
            for (Triple t : bgp.getPattern()) out.addAll(vars(t));
        } else if (op instanceof Op1 o) {
            collectOuter(o.getSubOp(), out);
        } else if (op instanceof Op2 o) {
            collectOuter(o.getLeft(), out);
            collectOuter(o.getRight(), out);
        } else if (op instanceof OpN o) {
            for (Op sub : o.getElements()) collectOuter(sub, out);
        }
    }

    private static boolean hasExists(Expr e) {
        return !existsIn(e).isEmpty();
    }

    private static List<ExprFunctionOp> existsIn(Expr e) {
        List<ExprFunctionOp> out = new ArrayList<>();
        collectExists(e, out);
        return out;
    }

    private static void collectExists(Expr e, List<ExprFunctionOp> out) {
        if (e instanceof ExprFunctionOp op) {
            out.add(op);
        } else if (e instanceof ExprFunction f) {
            for (Expr arg : f.getArgs()) collectExists(arg, out);
        }
    }

    /**
     * The check with {@code v} restricted to {@code scope}: each basic graph pattern that has {@code v} is
     * preceded by the table of its values; a union's branch without {@code v} gives no row with it. Null if
     * no pattern has {@code v}.
     */
    static Op restrict(Op op, Var v, Set<Node> scope) {
        if (!outerVars(op).contains(v)) return null;
        TableN table = new TableN(List.of(v));
        for (Node n : scope) table.addBinding(BindingFactory.binding(v, n));
        return restrict(op, v, OpTable.create(table));
    }

    private static Op restrict(Op op, Var v, OpTable values) {
        if (op instanceof OpBGP bgp) {
            return outerVars(bgp).contains(v) ? OpSequence.create(values, bgp) : bgp;
        }
        if (op instanceof OpUnion u) {
            Op left = outerVars(u.getLeft()).contains(v) ? restrict(u.getLeft(), v, values) : OpTable.empty();
            Op right = outerVars(u.getRight()).contains(v) ? restrict(u.getRight(), v, values) : OpTable.empty();
            return OpUnion.create(left, right);
        }
        if (op instanceof OpFilter f) {
            return OpFilter.filterBy(f.getExprs(), restrict(f.getSubOp(), v, values));
        }
        if (op instanceof Op1 o) return o.copy(restrict(o.getSubOp(), v, values));
        if (op instanceof Op2 o) return o.copy(restrict(o.getLeft(), v, values), restrict(o.getRight(), v, values));
        if (op instanceof OpN o) {
            List<Op> subs = new ArrayList<>();
            for (Op sub : o.getElements()) subs.add(restrict(sub, v, values));
            return o.copy(subs);
        }
        return op;
    }
}
