package kg.borderlands.serve.guard;

import org.apache.jena.graph.Node;
import org.apache.jena.sparql.expr.E_Regex;
import org.apache.jena.sparql.expr.Expr;
import org.apache.jena.sparql.expr.ExprEvalException;
import org.apache.jena.sparql.expr.ExprList;
import org.apache.jena.sparql.expr.NodeValue;
import org.apache.jena.sparql.expr.RegexEngine;
import org.apache.jena.sparql.expr.nodevalue.NodeValueOps;
import org.apache.jena.sparql.function.FunctionEnv;

import java.util.List;
import java.util.regex.Pattern;

/**
 * SPARQL {@code REGEX} (and {@code fn:matches}) that stops when the query is cancelled: the same
 * {@code java.util.regex} semantics as ARQ's, matched over {@link GuardedChars}.
 */
final class GuardedRegex extends E_Regex {
    private final Pattern fixed;
    private final long fallbackMillis;

    GuardedRegex(Expr expr, Expr pattern, Expr flags, long fallbackMillis) {
        super(expr, pattern, flags);
        this.fallbackMillis = fallbackMillis;
        this.fixed = pattern.isConstant() && pattern.getConstant().isString()
                && (flags == null || flags.isConstant() && flags.getConstant().isString())
                ? compile(pattern.getConstant(), flags == null ? null : flags.getConstant()) : null;
    }

    static Pattern compile(NodeValue pattern, NodeValue flags) {
        if (!pattern.isString()) throw new ExprEvalException("REGEX: pattern is not a string");
        if (flags != null && !flags.isString()) throw new ExprEvalException("REGEX: flags are not a string");
        String f = flags == null ? null : flags.getString();
        if (f != null && !f.matches("[smixq]*")) throw new ExprEvalException("REGEX: only 'smixq' are legal flags");
        return RegexEngine.makePattern("REGEX", pattern.getString(), f);
    }

    @Override
    public NodeValue eval(List<NodeValue> args, FunctionEnv env) {
        Node arg = NodeValueOps.checkAndGetStringLiteral("REGEX", args.get(0));
        Pattern p = fixed != null ? fixed : compile(args.get(1), args.size() > 2 ? args.get(2) : null);
        boolean found = p.matcher(GuardedChars.of(arg.getLiteralLexicalForm(), env, fallbackMillis)).find();
        return found ? NodeValue.TRUE : NodeValue.FALSE;
    }

    @Override
    public NodeValue eval(List<NodeValue> args) {
        return eval(args, null);
    }

    @Override
    public Expr copy(ExprList newArgs) {
        return new GuardedRegex(newArgs.get(0), newArgs.get(1), newArgs.size() > 2 ? newArgs.get(2) : null, fallbackMillis);
    }
}
