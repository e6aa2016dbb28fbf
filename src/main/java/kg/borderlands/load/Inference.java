package kg.borderlands.load;

import kg.borderlands.Vocab;
import org.apache.jena.graph.Triple;
import org.apache.jena.rdf.model.InfModel;
import org.apache.jena.rdf.model.Model;
import org.apache.jena.rdf.model.ModelFactory;
import org.apache.jena.reasoner.rulesys.GenericRuleReasoner;
import org.apache.jena.reasoner.rulesys.Rule;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Objects;

/**
 * Materialises what ordinary queries need (sub-class, sub-property, inverse, symmetric, transitive, tie
 * shortcuts) with Jena's forward rule engine, once, at load time. Only new triples about our own records
 * are kept, so the inferred graph stays small and distinguishable from the asserted one.
 */
public final class Inference {
    private static final List<Rule> RULES = loadRules();

    private Inference() {}

    /** The triples entailed by {@code data} under {@code ontology} that {@code data} does not state. */
    public static Model infer(Model ontology, Model data) {
        Objects.requireNonNull(ontology, "ontology");
        Objects.requireNonNull(data, "data");
        GenericRuleReasoner reasoner = new GenericRuleReasoner(RULES);
        reasoner.setMode(GenericRuleReasoner.FORWARD_RETE);
        Model base = ModelFactory.createUnion(ontology, data);
        InfModel inf = ModelFactory.createInfModel(reasoner, base);
        inf.prepare();
        Model out = ModelFactory.createDefaultModel();
        out.setNsPrefixes(Vocab.prefixes());
        inf.getDeductionsModel().getGraph().find().forEachRemaining((Triple t) -> {
            if (t.getSubject().isURI() && t.getSubject().getURI().startsWith(Vocab.ID)
                    && !base.getGraph().contains(t)) {
                out.getGraph().add(t);
            }
        });
        return out;
    }

    /**
     * The claimed graph: contested content together with what it entails (types, shortcuts, inverses) beyond
     * what the established graphs already hold.
     */
    public static Model claimed(Model ontology, Model data, Model inferred, Model contested) {
        Objects.requireNonNull(inferred, "inferred");
        Objects.requireNonNull(contested, "contested");
        Model established = ModelFactory.createUnion(data, inferred);
        Model out = ModelFactory.createDefaultModel();
        out.setNsPrefixes(Vocab.prefixes());
        out.add(contested);
        infer(ontology, ModelFactory.createUnion(data, contested)).listStatements().forEachRemaining(st -> {
            if (!established.contains(st)) out.add(st);
        });
        return out;
    }

    private static List<Rule> loadRules() {
        try (InputStream in = Inference.class.getResourceAsStream("inference.rules")) {
            Objects.requireNonNull(in, "inference.rules missing from the classpath");
            BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            return Rule.parseRules(Rule.rulesParserFromReader(r));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
