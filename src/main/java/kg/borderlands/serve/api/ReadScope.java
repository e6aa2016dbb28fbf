package kg.borderlands.serve.api;

import jakarta.servlet.ServletException;
import org.apache.jena.query.TxnType;
import org.apache.jena.sparql.core.Transactional;

import java.io.IOException;
import java.util.Objects;

/**
 * Where the web layer's requests read a build: inside a read transaction of its TDB2 database (and, under
 * {@code serve}, holding the build in service so a reload does not close it under the request).
 */
@FunctionalInterface
public interface ReadScope {
    /** The work of one request. */
    @FunctionalInterface
    interface Work {
        void run() throws IOException, ServletException;
    }

    void run(Work work) throws IOException, ServletException;

    /** A read transaction of {@code txn} (or the one the thread is already in). */
    static ReadScope of(Transactional txn) {
        Objects.requireNonNull(txn, "txn");
        return work -> {
            if (txn.isInTransaction()) {
                work.run();
                return;
            }
            txn.begin(TxnType.READ);
            try {
                work.run();
            } finally {
                txn.end();
            }
        };
    }
}
