package kg.borderlands.serve.api;

import org.apache.jena.graph.Node;
import org.apache.jena.graph.Triple;
import org.apache.jena.query.Query;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.Quad;
import org.apache.jena.sparql.core.TriplePath;
import org.apache.jena.sparql.core.Var;
import org.apache.jena.sparql.expr.Expr;
import org.apache.jena.sparql.expr.ExprFunction;
import org.apache.jena.sparql.expr.ExprFunctionOp;
import org.apache.jena.sparql.path.P_Inverse;
import org.apache.jena.sparql.path.P_Link;
import org.apache.jena.sparql.path.P_Seq;
import org.apache.jena.sparql.path.Path;
import org.apache.jena.sparql.syntax.Element;
import org.apache.jena.sparql.syntax.ElementBind;
import org.apache.jena.sparql.syntax.ElementData;
import org.apache.jena.sparql.syntax.ElementFilter;
import org.apache.jena.sparql.syntax.ElementGroup;
import org.apache.jena.sparql.syntax.ElementNamedGraph;
import org.apache.jena.sparql.syntax.ElementOptional;
import org.apache.jena.sparql.syntax.ElementPathBlock;
import org.apache.jena.sparql.syntax.ElementTriplesBlock;
import org.apache.jena.sparql.syntax.ElementUnion;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Which rows of a SELECT query keyed by one <em>root</em> variable a change of the database can affect: the query
 * gives each root node its own rows ({@code ?id} is bound from the root alone, {@code BIND(STRAFTER(STR(?e),
 * "/id/") AS ?id)}, and every group of an aggregate is one root), so after a change only the rows of the roots
 * returned by {@link #roots} need to be computed again (the query run with the root restricted to them), the others
 * staying as they were.
 *
 * <p><b>Why it is sound.</b> The query's pattern is read as a tree of scopes: the main group, and below it one scope
 * per {@code OPTIONAL}, {@code UNION} branch and {@code (NOT) EXISTS} (a {@code GRAPH} or a nested group is part
 * of its enclosing scope). A row of root r, in the database before or after the change, is made of a match of the
 * main group's triple patterns and of some of the other scopes', each extending the match of its enclosing scope
 * (an {@code (NOT) EXISTS} is evaluated with the row's values substituted). If the row is not the same before and
 * after, some changed quad q matches a triple pattern t of some scope S in one of the two states (a pattern of the
 * main group or of an optional part that now matches or no longer matches; a pattern of an {@code EXISTS} that now
 * has, or no longer has, a match). The patterns of S and of its enclosing scopes are all matched in that state, and
 * they link t's variables to the root by a chain of patterns sharing variables; every link of the chain is a
 * triple of that state, so a triple of the database now or a removed one. Walking the chain from the node q gives
 * t's variable back to the root, one link at a time, through the database and the removed quads (any graph: a
 * superset), reaches r. {@link #roots} does exactly that walk, for every pattern a changed quad matches (its
 * constants equal, its predicate equal when not a variable), from the pattern's variable nearest the root.
 *
 * <p>Supported: basic graph patterns, sequence and inverse paths of single predicates (a chain of patterns),
 * {@code OPTIONAL}, {@code UNION}, {@code GRAPH}, {@code FILTER}, {@code BIND}, {@code VALUES} and
 * {@code (NOT) EXISTS}. Anything else (other property paths, sub-queries, {@code MINUS}, {@code SERVICE}), a
 * pattern with no variable linked to the root, or a root not bound by {@code BIND(… AS ?key)} from one
 * variable: {@link #of} returns null, and the caller recomputes every row.
 */
public final class QueryRoots {
    /** One triple pattern and the scope it is in. */
    private record Pattern(Node s, Node p, Node o, Scope scope) {
        List<Var> vars() {
            List<Var> out = new ArrayList<>(2);
            if (Var.isVar(s)) out.add(Var.alloc(s));
            if (Var.isVar(o) && !o.equals(s)) out.add(Var.alloc(o));
            return out;
        }

        boolean matches(Triple t) {
            if (!Var.isVar(p) && !p.equals(t.getPredicate())) return false;
            if (!Var.isVar(s) && !s.equals(t.getSubject())) return false;
            if (!Var.isVar(o) && !o.equals(t.getObject())) return false;
            if (Var.isVar(s) && s.equals(o) && !t.getSubject().equals(t.getObject())) return false;
            if (Var.isVar(p) && (p.equals(s) || p.equals(o))) {
                if (p.equals(s) && !t.getPredicate().equals(t.getSubject())) return false;
                if (p.equals(o) && !t.getPredicate().equals(t.getObject())) return false;
            }
            return true;
        }

        Node valueOf(Var v, Triple t) {
            return v.equals(s) ? t.getSubject() : t.getObject();
        }
    }

    /** A scope of the pattern: the main group, an OPTIONAL, a UNION branch, an EXISTS. */
    private static final class Scope {
        final Scope parent;

        Scope(Scope parent) {
            this.parent = parent;
        }

        boolean within(Scope other) {
            for (Scope s = this; s != null; s = s.parent) if (s == other) return true;
            return false;
        }
    }

    /** One link of a walk to the root: from a variable's values to the next variable's through {@code via}. */
    private record Hop(Pattern via, boolean toSubject) {}

    /** The walk from a pattern's nearest variable to the root. */
    private record Walk(Pattern pattern, Var start, List<Hop> hops) {}

    private static final class Unsupported extends RuntimeException {
        Unsupported(String why) {
            super(why, null, false, false);
        }
    }

    private final Var root;
    private final List<Walk> walks;

    private QueryRoots(Var root, List<Walk> walks) {
        this.root = root;
        this.walks = walks;
    }

    /** The root variable (the one {@code ?key} is bound from). */
    public Var root() {
        return root;
    }

    /**
     * The analysis of a query whose rows are keyed by {@code key}, or null if the query is not of the supported
     * shape (then every row must be recomputed after a change).
     */
    public static QueryRoots of(Query query, Var key) {
        Objects.requireNonNull(query, "query");
        Objects.requireNonNull(key, "key");
        try {
            Scope main = new Scope(null);
            List<Pattern> patterns = new ArrayList<>();
            Var[] root = new Var[1];
            new Reader(patterns, key, root).element(query.getQueryPattern(), main);
            if (root[0] == null) return null;
            List<Walk> walks = new ArrayList<>();
            for (Pattern t : patterns) {
                Walk w = walk(t, patterns, root[0]);
                if (w == null) return null;   // a pattern not linked to the root: any change to it could change any row
                walks.add(w);
            }
            return new QueryRoots(root[0], List.copyOf(walks));
        } catch (Unsupported e) {
            return null;
        }
    }

    /**
     * The roots whose rows the change may have changed (the roots of the database before or after it), or null if
     * more than {@code cap} nodes would be visited (then recompute every row). Inside a read transaction of
     * {@code dsg}, the database after the change; {@code removed} are the quads the change removed.
     */
    public Set<Node> roots(DatasetGraph dsg, Collection<Quad> removed, Collection<Quad> added, int cap) {
        Set<Node> out = new LinkedHashSet<>();
        Removed gone = new Removed(removed);
        for (Collection<Quad> qs : List.of(removed, added)) {
            for (Quad q : qs) {
                Triple t = q.asTriple();
                for (Walk w : walks) {
                    if (!w.pattern().matches(t)) continue;
                    Set<Node> values = new HashSet<>();
                    values.add(w.pattern().valueOf(w.start(), t));
                    for (Hop h : w.hops()) {
                        values = step(dsg, gone, values, h, cap);
                        if (values == null) return null;
                    }
                    out.addAll(values);
                    if (out.size() > cap) return null;
                }
            }
        }
        return out;
    }

    private static Set<Node> step(DatasetGraph dsg, Removed gone, Set<Node> values, Hop h, int cap) {
        Node p = Var.isVar(h.via().p()) ? Node.ANY : h.via().p();
        Set<Node> next = new HashSet<>();
        for (Node v : values) {
            if (h.toSubject()) {
                // the pattern is (next p current): who points to v
                collect(dsg.getDefaultGraph().find(Node.ANY, p, v), true, next);
                collectQuads(dsg.findNG(Node.ANY, Node.ANY, p, v), true, next);
                for (Quad q : gone.byObject(v)) if (p == Node.ANY || p.equals(q.getPredicate())) next.add(q.getSubject());
            } else {
                // the pattern is (current p next): what v points to
                if (v.isLiteral()) continue;
                collect(dsg.getDefaultGraph().find(v, p, Node.ANY), false, next);
                collectQuads(dsg.findNG(Node.ANY, v, p, Node.ANY), false, next);
                for (Quad q : gone.bySubject(v)) if (p == Node.ANY || p.equals(q.getPredicate())) next.add(q.getObject());
            }
            if (next.size() > cap) return null;
        }
        return next;
    }

    private static void collect(Iterator<Triple> it, boolean subjects, Set<Node> into) {
        while (it.hasNext()) {
            Triple t = it.next();
            into.add(subjects ? t.getSubject() : t.getObject());
        }
    }

    private static void collectQuads(Iterator<Quad> it, boolean subjects, Set<Node> into) {
        while (it.hasNext()) {
            Quad q = it.next();
            into.add(subjects ? q.getSubject() : q.getObject());
        }
    }

    /** The removed quads by subject and by object. */
    private static final class Removed {
        private final Map<Node, List<Quad>> bySubject = new HashMap<>();
        private final Map<Node, List<Quad>> byObject = new HashMap<>();

        Removed(Collection<Quad> removed) {
            for (Quad q : removed) {
                bySubject.computeIfAbsent(q.getSubject(), k -> new ArrayList<>()).add(q);
                byObject.computeIfAbsent(q.getObject(), k -> new ArrayList<>()).add(q);
            }
        }

        List<Quad> bySubject(Node n) {
            return bySubject.getOrDefault(n, List.of());
        }

        List<Quad> byObject(Node n) {
            return byObject.getOrDefault(n, List.of());
        }
    }

    /**
     * The shortest chain from {@code t}'s variable nearest the root to the root, through patterns of t's scope and
     * of the scopes enclosing it; null if none (t is not linked to the root).
     */
    private static Walk walk(Pattern t, List<Pattern> all, Var root) {
        List<Pattern> usable = new ArrayList<>();
        for (Pattern p : all) if (t.scope().within(p.scope())) usable.add(p);
        // breadth first from the root
        Map<Var, Hop> reachedBy = new HashMap<>();   // a variable, and the hop that leads from it towards the root
        Map<Var, Var> towards = new HashMap<>();
        Map<Var, Integer> depth = new HashMap<>();
        Deque<Var> queue = new ArrayDeque<>();
        depth.put(root, 0);
        queue.add(root);
        while (!queue.isEmpty()) {
            Var v = queue.poll();
            for (Pattern p : usable) {
                List<Var> vs = p.vars();
                if (vs.size() != 2 || !vs.contains(v)) continue;
                Var other = vs.get(0).equals(v) ? vs.get(1) : vs.get(0);
                if (depth.containsKey(other)) continue;
                depth.put(other, depth.get(v) + 1);
                towards.put(other, v);
                // from other to v: if v is the pattern's subject, the step goes to subjects
                reachedBy.put(other, new Hop(p, v.equals(p.s())));
                queue.add(other);
            }
        }
        Var start = null;
        for (Var v : t.vars()) {
            if (depth.containsKey(v) && (start == null || depth.get(v) < depth.get(start))) start = v;
        }
        if (start == null) return null;
        List<Hop> hops = new ArrayList<>();
        for (Var v = start; !v.equals(root); v = towards.get(v)) hops.add(reachedBy.get(v));
        return new Walk(t, start, List.copyOf(hops));
    }

    /** Reads the patterns of a query into scopes. */
    private static final class Reader {
        private final List<Pattern> patterns;
        private final Var key;
        private final Var[] root;
        private int fresh;

        Reader(List<Pattern> patterns, Var key, Var[] root) {
            this.patterns = patterns;
            this.key = key;
            this.root = root;
        }

        void element(Element el, Scope scope) {
            if (el instanceof ElementGroup g) {
                for (Element e : g.getElements()) element(e, scope);
            } else if (el instanceof ElementOptional o) {
                element(o.getOptionalElement(), new Scope(scope));
            } else if (el instanceof ElementUnion u) {
                for (Element e : u.getElements()) element(e, new Scope(scope));
            } else if (el instanceof ElementNamedGraph ng) {
                if (Var.isVar(ng.getGraphNameNode())) throw new Unsupported("GRAPH with a variable");
                element(ng.getElement(), scope);
            } else if (el instanceof ElementPathBlock pb) {
                for (TriplePath tp : pb.getPattern().getList()) path(tp, scope);
            } else if (el instanceof ElementTriplesBlock tb) {
                for (Triple t : tb.getPattern().getList()) add(t.getSubject(), t.getPredicate(), t.getObject(), scope);
            } else if (el instanceof ElementFilter f) {
                expr(f.getExpr(), scope);
            } else if (el instanceof ElementBind b) {
                expr(b.getExpr(), scope);
                if (b.getVar().equals(key) && scope.parent == null) {
                    Set<Var> vars = b.getExpr().getVarsMentioned();
                    if (vars.size() != 1 || root[0] != null) throw new Unsupported("?" + key.getVarName() + " not bound from one variable");
                    root[0] = vars.iterator().next();
                }
            } else if (el instanceof ElementData) {
                // constants only
            } else {
                throw new Unsupported(el.getClass().getSimpleName());
            }
        }

        private void expr(Expr e, Scope scope) {
            if (e instanceof ExprFunctionOp op) {
                element(op.getElement(), new Scope(scope));
            } else if (e instanceof ExprFunction f) {
                for (Expr a : f.getArgs()) expr(a, scope);
            }
        }

        private void path(TriplePath tp, Scope scope) {
            if (tp.isTriple()) {
                add(tp.getSubject(), tp.getPredicate(), tp.getObject(), scope);
                return;
            }
            List<Path> steps = new ArrayList<>();
            flatten(tp.getPath(), steps);
            Node from = tp.getSubject();
            for (int i = 0; i < steps.size(); i++) {
                Node to = i == steps.size() - 1 ? tp.getObject() : Var.alloc("__path" + (fresh++));
                Path step = steps.get(i);
                if (step instanceof P_Link l) add(from, l.getNode(), to, scope);
                else if (step instanceof P_Inverse inv && inv.getSubPath() instanceof P_Link l) add(to, l.getNode(), from, scope);
                else throw new Unsupported("property path " + step);
                from = to;
            }
        }

        private static void flatten(Path p, List<Path> out) {
            if (p instanceof P_Seq s) {
                flatten(s.getLeft(), out);
                flatten(s.getRight(), out);
            } else {
                out.add(p);
            }
        }

        private void add(Node s, Node p, Node o, Scope scope) {
            if (!Var.isVar(s) && !Var.isVar(o)) throw new Unsupported("a pattern without a variable");
            patterns.add(new Pattern(s, p, o, scope));
        }
    }
}
