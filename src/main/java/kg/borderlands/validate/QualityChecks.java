package kg.borderlands.validate;

import org.apache.jena.query.Query;
import org.apache.jena.query.QueryExecution;
import org.apache.jena.query.QueryFactory;
import org.apache.jena.query.QuerySolution;
import org.apache.jena.query.ResultSet;
import org.apache.jena.rdf.model.Model;
import org.apache.jena.rdf.model.RDFNode;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Quality checks: SPARQL SELECT queries in {@code queries/qc/*.rq} that must return zero rows. Every row is
 * a violation; the first variable is taken as the focus node, {@code ?message} (if bound) as the message.
 */
public final class QualityChecks {
    private final Path dir;

    public QualityChecks(Path dir) {
        this.dir = Objects.requireNonNull(dir, "dir");
    }

    public List<Path> files() throws IOException {
        if (!Files.isDirectory(dir)) return List.of();
        try (Stream<Path> s = Files.list(dir)) {
            return s.filter(p -> p.toString().endsWith(".rq")).sorted().collect(Collectors.toList());
        }
    }

    public List<Finding> run(Model data) throws IOException {
        return run(q -> QueryExecution.model(data).query(q).build());
    }

    /**
     * Runs the checks over the union of the named graphs of a TDB2 {@code dataset} (its union default graph),
     * in the caller's read transaction.
     */
    public List<Finding> runOnUnionGraph(org.apache.jena.query.Dataset dataset) throws IOException {
        List<Finding> out = new ArrayList<>();
        for (Path file : files()) runOne(file, dataset, out);
        return out;
    }

    /** One check ({@code file}, one of {@link #files()}) over the union of the named graphs of a TDB2 {@code dataset}. */
    public List<Finding> runOne(Path file, org.apache.jena.query.Dataset dataset) throws IOException {
        List<Finding> out = new ArrayList<>();
        runOne(file, dataset, out);
        return out;
    }

    /**
     * One check over the union graph of {@code dataset}; qc-05 (untyped references) restricted to the nodes that
     * can be its rows' targets ({@link UntypedReferenceCandidates}: the same rows, without decoding every quad).
     */
    private static void runOne(Path file, org.apache.jena.query.Dataset dataset, List<Finding> out) throws IOException {
        java.util.function.Function<Query, QueryExecution> exec = q -> QueryExecution.dataset(dataset).query(q)
                .set(org.apache.jena.tdb2.TDB2.symUnionDefaultGraph, true).build();
        String text = Files.readString(file);
        if (UntypedReferenceCandidates.appliesTo(text)) {
            var candidates = UntypedReferenceCandidates.candidates(dataset.asDatasetGraph());
            if (candidates.isPresent()) {
                if (candidates.get().isEmpty()) return;
                runOne(file, q -> exec.apply(UntypedReferenceCandidates.restrict(q, candidates.get())), out);
                return;
            }
        }
        runOne(file, exec, out);
    }

    private List<Finding> run(java.util.function.Function<Query, QueryExecution> exec) throws IOException {
        List<Finding> out = new ArrayList<>();
        for (Path file : files()) runOne(file, exec, out);
        return out;
    }

    private static void runOne(Path file, java.util.function.Function<Query, QueryExecution> exec, List<Finding> out)
            throws IOException {
        String name = file.getFileName().toString().replaceFirst("\\.rq$", "");
        Query q = QueryFactory.create(Files.readString(file));
        try (QueryExecution qe = exec.apply(q)) {
            ResultSet rs = qe.execSelect();
            List<String> vars = rs.getResultVars();
            while (rs.hasNext()) {
                QuerySolution row = rs.next();
                RDFNode focus = vars.isEmpty() ? null : row.get(vars.get(0));
                RDFNode msg = row.get("message");
                out.add(new Finding(Finding.Severity.VIOLATION, "qc:" + name,
                        focus == null ? null : focus.toString(), null,
                        msg != null ? msg.toString() : "quality check " + name + " returned a row: " + row));
            }
        }
    }
}
