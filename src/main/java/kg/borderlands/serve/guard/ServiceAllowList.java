package kg.borderlands.serve.guard;

import kg.borderlands.serve.http.HttpProblem;
import org.apache.jena.graph.Node;
import org.apache.jena.query.QueryCancelledException;
import org.apache.jena.query.QueryExecException;
import org.apache.jena.sparql.algebra.op.OpService;
import org.apache.jena.sparql.engine.ExecutionContext;
import org.apache.jena.sparql.engine.QueryIterator;
import org.apache.jena.sparql.engine.binding.Binding;
import org.apache.jena.sparql.service.ServiceExecutorRegistry;
import org.apache.jena.sparql.service.single.ChainingServiceExecutor;
import org.apache.jena.sparql.service.single.ServiceExecutor;

import java.util.Set;

/**
 * SPARQL {@code SERVICE} on the public endpoint: refused unless the endpoint is on the operator's allow-list
 * ({@code serve --allow-service URL}, exact IRIs). Installed as the first link of the dataset's service
 * executor chain, so a refused call never reaches ARQ's HTTP executor and no connection is made — whatever
 * the IRI names (loopback, the host's own address, link-local, this server itself). {@code SERVICE SILENT}
 * is refused the same way (403): silence is about the remote failing, not about the server's policy.
 */
final class ServiceAllowList implements ChainingServiceExecutor {
    private final Set<String> allowed;

    ServiceAllowList(Set<String> allowed) {
        this.allowed = Set.copyOf(allowed);
    }

    /** A registry whose chain starts with this check, followed by ARQ's standard executors. */
    ServiceExecutorRegistry registry() {
        ServiceExecutorRegistry reg = ServiceExecutorRegistry.standardRegistry().copy();
        reg.addSingleLink(this);
        return reg;
    }

    @Override
    public QueryIterator createExecution(OpService opExecute, OpService opOriginal, Binding binding,
                                         ExecutionContext execCxt, ServiceExecutor chain) {
        Node service = opExecute.getService();
        if (service != null && service.isURI() && allowed.contains(service.getURI()))
            return chain.createExecution(opExecute, opOriginal, binding, execCxt);
        String shown = service != null && service.isURI() ? "<" + service.getURI() + ">" : "this endpoint";
        QueryTicket t = QueryTicket.current();
        if (t == null) throw new QueryExecException("SERVICE not allowed: " + shown);
        // over HTTP: the request answers 403 (QueryGateFilter); cancelling keeps the refusal out of the error log
        t.refuse(new HttpProblem(403, HttpProblem.SERVICE_REFUSED, "SERVICE " + shown
                + " is not allowed on this server (the operator's allow-list: serve --allow-service)"));
        throw new QueryCancelledException();
    }
}
