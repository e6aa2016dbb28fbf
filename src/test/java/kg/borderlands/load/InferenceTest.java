package kg.borderlands.load;

import kg.borderlands.bench.CorpusGenerator;
import kg.borderlands.support.TestProject;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Triple;
import org.apache.jena.graph.compose.MultiUnion;
import org.apache.jena.rdf.model.Model;
import org.apache.jena.rdf.model.ModelFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.HashSet;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.*;

/**
 * The forward closure of {@link Inference} gives exactly the triples Jena's RETE engine gives from the same rules
 * ({@link RuleInference}, the oracle: how {@code load} inferred before), for the three entry points — the whole
 * data ({@code infer}), contested content against the established graphs ({@code claimed}), and a part of the
 * data against the rest as context ({@code inferAgainst}, as a source unit against the shared unit) — on the
 * project's data and on a synthetic corpus of three sources.
 */
class InferenceTest {
    @TempDir
    Path tmp;

    @Test
    void sameAsTheRuleEngineOnTheData() throws Exception {
        assertSameAsRules(new GraphBuilder(ProjectInputs.under(TestProject.root())).build(), 5000);
    }

    @Test
    void sameAsTheRuleEngineOnASyntheticCorpus() throws Exception {
        Path root = TestProject.root();
        Path data = tmp.resolve("corpus");
        new CorpusGenerator(root.resolve("data"), 3, 1).write(data);
        assertSameAsRules(new GraphBuilder(new ProjectInputs(root.resolve("ontology"), data, root.resolve("queries/qc"))).build(), 15000);
    }

    private static void assertSameAsRules(BuiltGraphs g, int atLeast) {
        Model ontology = g.ontology();
        Model data = g.data();
        Set<Triple> expected = set(RuleInference.infer(ontology, data).getGraph());
        assertTrue(expected.size() >= atLeast, "the data entails something: " + expected.size());
        assertSameTriples(expected, set(Inference.infer(ontology, data).getGraph()), "infer");

        Model inferred = RuleInference.infer(ontology, data);
        assertSameTriples(set(RuleInference.claimed(ontology, data, inferred, g.claimed()).getGraph()),
                set(Inference.claimed(ontology, data, inferred, g.claimed()).getGraph()), "claimed");

        // half of the records (by subject) against the other half with its inferences, as a unit against the shared unit
        Graph own = ModelFactory.createDefaultModel().getGraph();
        Model rest = ModelFactory.createDefaultModel();
        data.getGraph().find().forEachRemaining(t -> {
            if ((t.getSubject().hashCode() & 1) == 0) own.add(t);
            else rest.getGraph().add(t);
        });
        Graph context = new MultiUnion(new Graph[] {rest.getGraph(), RuleInference.infer(ontology, rest).getGraph()});
        Set<Triple> expectedAgainst = set(RuleInference.inferAgainst(ontology, own, context));
        assertFalse(expectedAgainst.isEmpty());
        assertSameTriples(expectedAgainst, set(Inference.inferAgainst(ontology, own, context)), "inferAgainst");
    }

    /** Equal sets; on failure, says how many differ and shows a few. */
    private static void assertSameTriples(Set<Triple> expected, Set<Triple> actual, String what) {
        Set<Triple> missing = new HashSet<>(expected);
        missing.removeAll(actual);
        Set<Triple> extra = new HashSet<>(actual);
        extra.removeAll(expected);
        assertTrue(missing.isEmpty() && extra.isEmpty(), () -> what + ": " + missing.size() + " missing, e.g. "
                + missing.stream().limit(3).toList() + "; " + extra.size() + " extra, e.g. " + extra.stream().limit(3).toList());
    }

    private static Set<Triple> set(Graph g) {
        Set<Triple> out = new HashSet<>();
        g.find().forEachRemaining(out::add);
        return out;
    }
}
