package kg.borderlands.serve.guard;

import kg.borderlands.serve.http.HttpProblem;
import org.apache.jena.query.QueryCancelledException;
import org.apache.jena.sparql.engine.binding.Binding;
import org.apache.jena.sparql.expr.Expr;
import org.apache.jena.sparql.expr.ExprList;
import org.apache.jena.sparql.expr.NodeValue;
import org.apache.jena.sparql.expr.aggregate.Accumulator;
import org.apache.jena.sparql.expr.aggregate.AccumulatorExpr;
import org.apache.jena.sparql.expr.aggregate.AggGroupConcat;
import org.apache.jena.sparql.expr.aggregate.AggGroupConcatDistinct;
import org.apache.jena.sparql.expr.aggregate.Aggregator;
import org.apache.jena.sparql.function.FunctionEnv;

/**
 * {@code GROUP_CONCAT} (plain or {@code DISTINCT}) that stops the query once one group's string passes
 * {@link #MAX_CHARS} characters: the request is answered 422 ({@code BKG-E111}, as a result over the cap) instead
 * of one string growing until the heap is gone (a single {@code StringBuilder} doubling can take hundreds of MB at
 * once, faster than any watchdog can react). Same value as ARQ's own aggregate otherwise.
 */
final class BoundedGroupConcat {
    /** The longest string one GROUP_CONCAT may build (the result cap's default is 16 MiB of output). */
    static final int MAX_CHARS = 8 * 1024 * 1024;

    private BoundedGroupConcat() {}

    /** The guarded form of a GROUP_CONCAT aggregator, or null if {@code agg} is not one. */
    static Aggregator of(Aggregator agg) {
        if (agg instanceof Plain || agg instanceof Distinct) return null;
        if (agg instanceof AggGroupConcat g) return new Plain(g.getExprList().get(0), g.getSeparator());
        if (agg instanceof AggGroupConcatDistinct g) return new Distinct(g.getExprList().get(0), g.getSeparator());
        return null;
    }

    static final class Plain extends AggGroupConcat {
        Plain(Expr expr, String separator) {
            super(expr, separator);
        }

        @Override
        public Accumulator createAccumulator() {
            return new Acc(getExprList().get(0), false, getSeparator());
        }

        @Override
        public Aggregator copy(ExprList exprs) {
            return new Plain(exprs.get(0), getSeparator());
        }
    }

    static final class Distinct extends AggGroupConcatDistinct {
        Distinct(Expr expr, String separator) {
            super(expr, separator);
        }

        @Override
        public Accumulator createAccumulator() {
            return new Acc(getExprList().get(0), true, getSeparator());
        }

        @Override
        public Aggregator copy(ExprList exprs) {
            return new Distinct(exprs.get(0), getSeparator());
        }
    }

    private static final class Acc extends AccumulatorExpr {
        private final StringBuilder text = new StringBuilder();
        private final String separator;
        private boolean first = true;

        Acc(Expr expr, boolean distinct, String separator) {
            super(expr, distinct);
            this.separator = separator == null ? " " : separator;
        }

        @Override
        protected void accumulate(NodeValue nv, Binding binding, FunctionEnv env) {
            String s = nv.asString();
            if (!first) text.append(separator);
            first = false;
            if (text.length() + (long) s.length() > MAX_CHARS) {
                QueryTicket t = QueryTicket.current();
                if (t != null) t.refuse(new HttpProblem(422, HttpProblem.RESULT_TOO_LARGE,
                        "a GROUP_CONCAT grew past " + MAX_CHARS + " characters: ask for less (LIMIT, a narrower pattern)"));
                throw new QueryCancelledException();
            }
            text.append(s);
        }

        @Override
        protected void accumulateError(Binding binding, FunctionEnv env) {}

        @Override
        protected NodeValue getAccValue() {
            return NodeValue.makeString(text.toString());
        }
    }
}
