package kg.borderlands.ontology;

import kg.borderlands.Vocab;
import kg.borderlands.support.TestProject;
import org.apache.jena.rdf.model.Model;
import org.apache.jena.rdf.model.ModelFactory;
import org.apache.jena.rdf.model.RDFNode;
import org.apache.jena.rdf.model.Resource;
import org.apache.jena.rdf.model.Statement;
import org.apache.jena.riot.RDFDataMgr;
import org.apache.jena.shared.PrefixMapping;
import org.apache.jena.vocabulary.OWL;
import org.apache.jena.vocabulary.OWL2;
import org.apache.jena.vocabulary.RDF;
import org.apache.jena.vocabulary.RDFS;
import org.apache.jena.vocabulary.SKOS;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.*;

/**
 * docs/ontology.md cannot drift from the ontology: the term counts in its file table, the controlled-vocabulary
 * table (schemes, their concepts' notations and IRIs, the broader links) and every row of the reference tables
 * (label, super-terms, domain → range, characteristics, definition) are generated from borderlands.ttl and
 * vocab.ttl and compared with the file. Every class and property (deprecated IRIs aside) has exactly one row.
 * Where the ontology changed, run {@code mvn -q test -Dtest=OntologyDocsTest -Dontology.docs.write=true}: the rows
 * (not their grouping) are rewritten in place; a new term must first be given a row by hand, in its group.
 */
class OntologyDocsTest {
    private static final Path DOC = TestProject.root().resolve("docs/ontology.md");
    private static final Pattern ROW = Pattern.compile("^\\| `blk:(\\w+)` \\|.*$", Pattern.MULTILINE);
    private static Model onto;
    private static Model vocab;
    private static final PrefixMapping PM = Vocab.prefixes().setNsPrefix("rdf", RDF.uri).setNsPrefix("xsd", "http://www.w3.org/2001/XMLSchema#")
            .setNsPrefix("cito", Vocab.CITO).setNsPrefix("doco", Vocab.DOCO).setNsPrefix("fabio", Vocab.FABIO).lock();

    @BeforeAll
    static void read() {
        onto = RDFDataMgr.loadModel(TestProject.root().resolve("ontology/borderlands.ttl").toString());
        vocab = RDFDataMgr.loadModel(TestProject.root().resolve("ontology/vocab.ttl").toString());
    }

    private static boolean deprecated(Resource r) {
        return r.hasLiteral(OWL2.deprecated, true);
    }

    private static Set<Resource> ours(Model m, Resource type) {
        return m.listSubjectsWithProperty(RDF.type, type).toList().stream()
                .filter(r -> r.isURIResource() && r.getURI().startsWith(Vocab.BLK) && !deprecated(r))
                .collect(Collectors.toSet());
    }

    private static String curie(RDFNode n) {
        if (!n.isURIResource()) return "(anonymous)";
        return "`" + PM.shortForm(n.asResource().getURI()) + "`";
    }

    private static String list(List<RDFNode> nodes) {
        List<String> s = nodes.stream().filter(RDFNode::isURIResource).map(OntologyDocsTest::curie)
                .sorted(Comparator.comparing((String c) -> !c.startsWith("`blk:")).thenComparing(c -> c)).toList();
        return s.isEmpty() ? "—" : String.join(", ", s);
    }

    private static String text(Resource r, org.apache.jena.rdf.model.Property p) {
        Statement st = r.getProperty(p, "en");
        if (st == null) st = r.getProperty(p);
        return st == null ? "" : st.getString().replace("|", "\\|").replace("\n", " ");
    }

    /** The reference-table row of a class or property, as generated from the ontology. */
    static String row(Resource t) {
        String name = "`" + PM.shortForm(t.getURI()) + "`";
        if (t.hasProperty(RDF.type, OWL.Class)) {
            return "| " + name + " | " + text(t, RDFS.label) + " | " + list(t.listProperties(RDFS.subClassOf).mapWith(Statement::getObject).toList())
                    + " | " + text(t, SKOS.definition) + " |";
        }
        String kind = t.hasProperty(RDF.type, OWL.ObjectProperty) ? "object" : "datatype";
        String domain = t.hasProperty(RDFS.domain) ? curie(t.getProperty(RDFS.domain).getObject()) : "`—`";
        String range = t.hasProperty(RDFS.range) ? curie(t.getProperty(RDFS.range).getObject()) : "`—`";
        List<String> chars = new ArrayList<>();
        String supers = list(t.listProperties(RDFS.subPropertyOf).mapWith(Statement::getObject).toList());
        if (!supers.equals("—")) chars.add(supers);
        if (t.hasProperty(RDF.type, OWL.FunctionalProperty)) chars.add("functional");
        if (t.hasProperty(RDF.type, OWL.TransitiveProperty)) chars.add("transitive");
        if (t.hasProperty(RDF.type, OWL.SymmetricProperty)) chars.add("symmetric");
        for (RDFNode inv : t.listProperties(OWL.inverseOf).mapWith(Statement::getObject).toList()) chars.add("inverse of " + curie(inv));
        return "| " + name + " | " + kind + " | " + domain + " → " + range + " | " + (chars.isEmpty() ? "—" : String.join(", ", chars))
                + " | " + text(t, SKOS.definition) + " |";
    }

    private static Map<String, Resource> terms() {
        Map<String, Resource> out = new LinkedHashMap<>();
        for (Resource type : List.of(OWL.Class, OWL.ObjectProperty, OWL.DatatypeProperty)) {
            for (Resource r : ours(onto, type)) out.put(r.getLocalName(), r);
        }
        return out;
    }

    /** The counts the file table states for borderlands.ttl and vocab.ttl. */
    static String countsOntology() {
        return ours(onto, OWL.Class).size() + " classes, " + ours(onto, OWL.ObjectProperty).size() + " object, "
                + ours(onto, OWL.DatatypeProperty).size() + " datatype and " + ours(onto, OWL.AnnotationProperty).size()
                + " annotation property";
    }

    static String countsVocab() {
        return vocab.listSubjectsWithProperty(RDF.type, SKOS.ConceptScheme).toList().size() + " SKOS concept schemes, "
                + vocab.listSubjectsWithProperty(RDF.type, SKOS.Concept).toList().size() + " concepts, "
                + vocab.listStatements(null, SKOS.broader, (RDFNode) null).toList().size() + " `skos:broader` links";
    }

    /** The controlled-vocabulary table: one row per scheme, its concepts' notations (IRI where it differs) and broader links. */
    static List<String> schemeRows() {
        List<String> rows = new ArrayList<>();
        List<Resource> schemes = vocab.listSubjectsWithProperty(RDF.type, SKOS.ConceptScheme).toList();
        schemes.sort(Comparator.comparing(Resource::getURI));
        for (Resource s : schemes) {
            List<Resource> concepts = vocab.listSubjectsWithProperty(SKOS.inScheme, s).toList();
            concepts.sort(Comparator.comparing(Resource::getURI));
            Resource cls = concepts.get(0).listProperties(RDF.type).mapWith(Statement::getResource)
                    .filterKeep(t -> t.getURI().startsWith(Vocab.BLK)).next();
            List<String> names = new ArrayList<>();
            List<String> differing = new ArrayList<>();
            List<String> broader = new ArrayList<>();
            for (Resource c : concepts) {
                String notation = c.getProperty(SKOS.notation).getString();
                names.add(notation);
                if (!c.getLocalName().equals(notation)) differing.add(notation + " → `blkv:" + c.getLocalName() + "`");
                for (RDFNode b : c.listProperties(SKOS.broader).mapWith(Statement::getObject).toList()) {
                    broader.add("`blkv:" + c.getLocalName() + "` ⊑ `blkv:" + b.asResource().getLocalName() + "`");
                }
            }
            rows.add("| `blkv:" + s.getLocalName() + "` (`blk:" + cls.getLocalName() + "`) | " + String.join(", ", names) + " | "
                    + (differing.isEmpty() ? "—" : String.join(", ", differing)) + " | "
                    + (broader.isEmpty() ? "—" : String.join(", ", broader)) + " |");
        }
        return rows;
    }

    @Test
    void countsInTheFileTableAreTheOntologys() throws Exception {
        String doc = Files.readString(DOC, StandardCharsets.UTF_8);
        assertTrue(doc.contains(": " + countsOntology() + " |"), "docs/ontology.md should state: " + countsOntology());
        assertTrue(doc.contains("| `vocab.ttl` | " + countsVocab() + ";"), "docs/ontology.md should state: " + countsVocab());
    }

    @Test
    void vocabularyTableIsGeneratedFromVocabTtl() throws Exception {
        String doc = Files.readString(DOC, StandardCharsets.UTF_8);
        List<String> missing = schemeRows().stream().filter(r -> !doc.contains(r + "\n")).toList();
        if (!missing.isEmpty() && Boolean.getBoolean("ontology.docs.write")) {
            String out = doc.replaceAll("(?m)^\\| `blkv:\\w+Scheme` \\(.*\\n", "");
            out = out.replace("| scheme (class) | concepts (notation) | IRI where it differs from the notation | broader |\n|---|---|---|---|\n",
                    "| scheme (class) | concepts (notation) | IRI where it differs from the notation | broader |\n|---|---|---|---|\n"
                            + String.join("\n", schemeRows()) + "\n");
            Files.writeString(DOC, out, StandardCharsets.UTF_8);
            return;
        }
        assertEquals(List.of(), missing, "rows of the controlled-vocabulary table in docs/ontology.md");
    }

    @Test
    void everyTermHasOneUpToDateRowInTheReferenceTables() throws Exception {
        String doc = Files.readString(DOC, StandardCharsets.UTF_8);
        Map<String, Resource> terms = terms();
        assertTrue(terms.size() > 200, "terms: " + terms.size());
        Map<String, Integer> seen = new LinkedHashMap<>();
        List<String> problems = new ArrayList<>();
        StringBuilder rewritten = new StringBuilder();
        Matcher m = ROW.matcher(doc);
        while (m.find()) {
            String local = m.group(1);
            seen.merge(local, 1, Integer::sum);
            Resource t = terms.get(local);
            if (t == null) {
                problems.add("row for a term the ontology does not have (or has deprecated): blk:" + local);
                m.appendReplacement(rewritten, Matcher.quoteReplacement(m.group()));
                continue;
            }
            String expected = row(t);
            if (!expected.equals(m.group())) problems.add("stale row:\n  doc:      " + m.group() + "\n  ontology: " + expected);
            m.appendReplacement(rewritten, Matcher.quoteReplacement(expected));
        }
        m.appendTail(rewritten);
        for (String local : new TreeSet<>(terms.keySet())) {
            int n = seen.getOrDefault(local, 0);
            if (n != 1) problems.add("blk:" + local + " has " + n + " rows (one expected, in its group)");
        }
        if (Boolean.getBoolean("ontology.docs.write")) {
            Files.writeString(DOC, rewritten.toString(), StandardCharsets.UTF_8);
            problems.removeIf(p -> p.startsWith("stale row"));
        }
        assertEquals(List.of(), problems);
    }
}
