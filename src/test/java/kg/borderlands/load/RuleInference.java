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
 * The test oracle of {@link Inference}: the entailments of {@code inference.rules} computed by Jena's forward
 * RETE rule engine (GenericRuleReasoner), as {@code load} computed them until the forward closure replaced it.
 * Same methods, same contracts.
 */
final class RuleInference {
    private static final List<Rule> RULES = loadRules();

    private RuleInference() {}

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

    /**
     * What {@code own} entails under the ontology, next to {@code context} (triples already established and
     * inferred elsewhere — the shared unit for a source unit; the established graphs for contested content):
     * the triples about our records in the closure of ontology + own + context that none of them states.
     * Of the rules, only the transitive one joins two data triples that can come from different places
     * (the tie shortcut joins triples of one tie record; the others join one data triple with the ontology),
     * so the closure is taken over ontology + own + the context's triples of transitive properties — not the
     * whole context — and gives the same triples as the closure over everything.
     */
    public static org.apache.jena.graph.Graph inferAgainst(Model ontology, org.apache.jena.graph.Graph own,
                                                          org.apache.jena.graph.Graph context) {
        Objects.requireNonNull(ontology, "ontology");
        Objects.requireNonNull(own, "own");
        Objects.requireNonNull(context, "context");
        org.apache.jena.graph.Graph base = org.apache.jena.sparql.graph.GraphFactory.createDefaultGraph();
        ontology.getGraph().find().forEachRemaining(base::add);
        own.find().forEachRemaining(base::add);
        if (!context.isEmpty()) {
            ontology.getGraph().find(null, org.apache.jena.vocabulary.RDF.Nodes.type,
                    org.apache.jena.vocabulary.OWL2.TransitiveProperty.asNode()).forEachRemaining(
                    p -> context.find(null, p.getSubject(), null).forEachRemaining(base::add));
        }
        GenericRuleReasoner reasoner = new GenericRuleReasoner(RULES);
        reasoner.setMode(GenericRuleReasoner.FORWARD_RETE);
        InfModel inf = ModelFactory.createInfModel(reasoner, ModelFactory.createModelForGraph(base));
        inf.prepare();
        org.apache.jena.graph.Graph out = org.apache.jena.sparql.graph.GraphFactory.createDefaultGraph();
        inf.getDeductionsModel().getGraph().find().forEachRemaining((Triple t) -> {
            if (t.getSubject().isURI() && t.getSubject().getURI().startsWith(Vocab.ID)
                    && !base.contains(t) && !context.contains(t)) {
                out.add(t);
            }
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
