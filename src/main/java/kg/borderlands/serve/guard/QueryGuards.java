package kg.borderlands.serve.guard;

import org.apache.jena.query.ARQ;
import org.apache.jena.sparql.ARQConstants;
import org.apache.jena.sparql.service.ServiceExecutorRegistry;
import org.apache.jena.sparql.util.Context;

import java.util.Objects;
import java.util.Set;

/** Puts the query-level guards into a dataset's context: timeout, bounded regex, SERVICE allow-list. */
public final class QueryGuards {
    private QueryGuards() {}

    public static void install(Context context, long timeoutMillis, Set<String> allowedServices) {
        Objects.requireNonNull(context, "context");
        context.set(ARQ.queryTimeout, Long.toString(timeoutMillis));
        context.set(ARQConstants.sysOptimizerFactory, new GuardedOptimizer(timeoutMillis));
        ServiceExecutorRegistry.set(context, new ServiceAllowList(allowedServices).registry());
    }
}
