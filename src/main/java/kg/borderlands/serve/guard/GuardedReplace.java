package kg.borderlands.serve.guard;

import org.apache.jena.graph.Node;
import org.apache.jena.sparql.expr.E_StrReplace;
import org.apache.jena.sparql.expr.Expr;
import org.apache.jena.sparql.expr.ExprEvalException;
import org.apache.jena.sparql.expr.ExprList;
import org.apache.jena.sparql.expr.NodeValue;
import org.apache.jena.sparql.expr.nodevalue.NodeValueOps;
import org.apache.jena.sparql.function.FunctionEnv;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * SPARQL {@code REPLACE} (and {@code fn:replace}) that stops when the query is cancelled; otherwise the same
 * result as ARQ's (a zero-length match replaced once, the literal's language tag kept).
 */
final class GuardedReplace extends E_StrReplace {
    private final Pattern fixed;
    private final long fallbackMillis;

    GuardedReplace(Expr str, Expr pattern, Expr replacement, Expr flags, long fallbackMillis) {
        super(str, pattern, replacement, flags);
        this.fallbackMillis = fallbackMillis;
        this.fixed = pattern.isConstant() && pattern.getConstant().isString()
                && (flags == null || flags.isConstant() && flags.getConstant().isString())
                ? GuardedRegex.compile(pattern.getConstant(), flags == null ? null : flags.getConstant()) : null;
    }

    @Override
    public NodeValue eval(List<NodeValue> args, FunctionEnv env) {
        Node str = NodeValueOps.checkAndGetStringLiteral("REPLACE", args.get(0));
        String rep = NodeValueOps.checkAndGetStringLiteral("REPLACE", args.get(2)).getLiteralLexicalForm();
        Pattern p = fixed != null ? fixed : GuardedRegex.compile(args.get(1), args.size() > 3 ? args.get(3) : null);
        String in = str.getLiteralLexicalForm();
        String out = replaceAll(p.matcher(GuardedChars.of(in, env, fallbackMillis)), rep);
        if (out == null || out.equals(in)) return args.get(0);
        String lang = str.getLiteralLanguage();
        return lang == null || lang.isEmpty() ? NodeValue.makeString(out) : NodeValue.makeLangString(out, lang);
    }

    private static String replaceAll(Matcher m, String rep) {
        try {
            StringBuilder sb = null;
            while (m.find()) {
                if (sb == null) sb = new StringBuilder();
                else if (m.start() == m.end()) continue;
                m.appendReplacement(sb, rep);
            }
            if (sb == null) return null;
            m.appendTail(sb);
            return sb.toString();
        } catch (IndexOutOfBoundsException | IllegalArgumentException e) {
            throw new ExprEvalException("REPLACE: bad replacement");
        }
    }

    @Override
    public NodeValue eval(List<NodeValue> args) {
        return eval(args, null);
    }

    @Override
    public Expr copy(ExprList a) {
        return new GuardedReplace(a.get(0), a.get(1), a.get(2), a.size() > 3 ? a.get(3) : null, fallbackMillis);
    }
}
