package kg.borderlands.load;

import kg.borderlands.curate.CurationException;
import kg.borderlands.validate.ValidationReport;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Objects;

/**
 * Builds the store from the inputs, or reuses the published build when its fingerprint matches.
 * A build with SHACL or quality-check violations is never published.
 */
public final class LoadOperation {
    private LoadOperation() {}

    public record Result(boolean reused, Path build, ValidationReport report, long dataTriples, long inferredTriples) {}

    /** Thrown when the built graphs do not validate; nothing was published. */
    public static final class ValidationFailedException extends Exception {
        private final ValidationReport report;

        public ValidationFailedException(ValidationReport report) {
            super("validation failed: " + report.summary() + "; the store was not changed");
            this.report = report;
        }

        public ValidationReport report() {
            return report;
        }
    }

    public static Result ensure(ProjectInputs inputs, StoreManager store, boolean force)
            throws IOException, CurationException, ValidationFailedException {
        Objects.requireNonNull(inputs, "inputs");
        Objects.requireNonNull(store, "store");
        String fingerprint = Fingerprint.of(inputs);
        if (!force && store.isCurrent(fingerprint)) {
            return new Result(true, store.current().orElseThrow(), null, -1, -1);
        }
        BuiltGraphs graphs = new GraphBuilder(inputs).build();
        if (!graphs.report().conforms()) throw new ValidationFailedException(graphs.report());
        Path build = store.publish(graphs, fingerprint);
        return new Result(false, build, graphs.report(), graphs.data().size(), graphs.inferred().size());
    }
}
