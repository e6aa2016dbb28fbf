package kg.borderlands.serve.guard;

import org.apache.jena.sparql.algebra.Op;
import org.apache.jena.sparql.algebra.TransformCopy;
import org.apache.jena.sparql.algebra.Transformer;
import org.apache.jena.sparql.algebra.optimize.Optimize;
import org.apache.jena.sparql.algebra.optimize.Rewrite;
import org.apache.jena.sparql.algebra.optimize.RewriteFactory;
import org.apache.jena.sparql.expr.E_Function;
import org.apache.jena.sparql.expr.E_Regex;
import org.apache.jena.sparql.expr.E_StrReplace;
import org.apache.jena.sparql.expr.Expr;
import org.apache.jena.sparql.expr.ExprFunctionN;
import org.apache.jena.sparql.expr.ExprList;
import org.apache.jena.sparql.expr.ExprTransformCopy;
import org.apache.jena.sparql.util.Context;

/**
 * The optimizer of the served dataset (installed as {@code ARQConstants.sysOptimizerFactory}): before ARQ's
 * standard optimizer it (1) hands the execution's cancel signal to the request's {@link QueryTicket}, so the
 * server can stop the query, and (2) replaces {@code REGEX}, {@code REPLACE}, {@code fn:matches} and
 * {@code fn:replace} with versions that stop when the query is cancelled ({@link GuardedRegex},
 * {@link GuardedReplace}). A query whose EXISTS nest more than {@value #MAX_EXISTS_FOR_STD} deep gets ARQ's
 * minimal optimizer instead of the standard one, whose time doubles with each level and cannot be cancelled.
 * {@code GROUP_CONCAT} is replaced by {@link BoundedGroupConcat}, which stops a string that outgrows the heap.
 */
final class GuardedOptimizer implements RewriteFactory {
    private static final String FN = "http://www.w3.org/2005/xpath-functions#";
    private final long fallbackMillis;

    GuardedOptimizer(long fallbackMillis) {
        this.fallbackMillis = fallbackMillis;
    }

    /** Deeper nesting of EXISTS than this skips ARQ's standard optimizer (exponential in that depth). */
    static final int MAX_EXISTS_FOR_STD = 6;

    @Override
    public Rewrite create(Context context) {
        return op -> {
            QueryTicket t = QueryTicket.current();
            if (t != null) t.attach(Context.getCancelSignal(context));
            Op guarded = guard(op, fallbackMillis);
            // the request's checks measured this query's algebra already; measure only what they did not
            AlgebraShape known = t == null ? null : t.takeShape();
            boolean deepExists = (known != null ? known : AlgebraShape.of(op)).existsDepth() > MAX_EXISTS_FOR_STD;
            RewriteFactory f = deepExists ? Optimize.minimalOptimizationFactory : Optimize.stdOptimizationFactory;
            return f.create(context).rewrite(guarded);
        };
    }

    /** The op with every regular-expression function replaced by its guarded form. */
    static Op guard(Op op, long fallbackMillis) {
        TransformCopy groups = new TransformCopy() {
            @Override
            public Op transform(org.apache.jena.sparql.algebra.op.OpGroup opGroup, Op subOp) {
                java.util.List<org.apache.jena.sparql.expr.ExprAggregator> aggs = new java.util.ArrayList<>();
                boolean changed = false;
                for (org.apache.jena.sparql.expr.ExprAggregator ea : opGroup.getAggregators()) {
                    org.apache.jena.sparql.expr.aggregate.Aggregator b = BoundedGroupConcat.of(ea.getAggregator());
                    changed |= b != null;
                    aggs.add(b == null ? ea : new org.apache.jena.sparql.expr.ExprAggregator(ea.getVar(), b));
                }
                if (!changed) return super.transform(opGroup, subOp);
                return org.apache.jena.sparql.algebra.op.OpGroup.create(subOp, opGroup.getGroupVars(), aggs);
            }
        };
        return Transformer.transform(groups, new ExprTransformCopy() {
            @Override
            public Expr transform(ExprFunctionN func, ExprList args) {
                if (func instanceof GuardedRegex || func instanceof GuardedReplace) return super.transform(func, args);
                if (func instanceof E_Regex || func instanceof E_Function f && (FN + "matches").equals(f.getFunctionIRI())) {
                    if (args.size() == 2 || args.size() == 3)
                        return new GuardedRegex(args.get(0), args.get(1), args.size() == 3 ? args.get(2) : null, fallbackMillis);
                }
                if (func instanceof E_StrReplace || func instanceof E_Function f && (FN + "replace").equals(f.getFunctionIRI())) {
                    if (args.size() == 3 || args.size() == 4)
                        return new GuardedReplace(args.get(0), args.get(1), args.get(2), args.size() == 4 ? args.get(3) : null, fallbackMillis);
                }
                return super.transform(func, args);
            }
        }, op);
    }
}
