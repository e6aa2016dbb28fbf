package kg.borderlands.ontology;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.apache.jena.graph.Node;
import org.apache.jena.rdf.model.InfModel;
import org.apache.jena.rdf.model.Model;
import org.apache.jena.rdf.model.ModelFactory;
import org.apache.jena.rdf.model.RDFList;
import org.apache.jena.rdf.model.RDFNode;
import org.apache.jena.rdf.model.Resource;
import org.apache.jena.rdf.model.Statement;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFDataMgr;
import org.apache.jena.riot.RDFParser;
import org.apache.jena.shacl.ShaclValidator;
import org.apache.jena.shacl.Shapes;
import org.apache.jena.shacl.ValidationReport;
import org.apache.jena.shacl.validation.ReportEntry;
import org.apache.jena.shacl.validation.Severity;
import org.apache.jena.update.UpdateAction;
import org.apache.jena.vocabulary.OWL;
import org.apache.jena.vocabulary.RDF;
import org.apache.jena.vocabulary.XSD;
import org.apache.jena.vocabulary.OWL2;
import org.apache.jena.vocabulary.RDFS;
import org.apache.jena.vocabulary.SKOS;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.semanticweb.HermiT.ReasonerFactory;
import org.semanticweb.owlapi.apibinding.OWLManager;
import org.semanticweb.owlapi.formats.TurtleDocumentFormat;
import org.semanticweb.owlapi.io.FileDocumentSource;
import org.semanticweb.owlapi.model.IRI;
import org.semanticweb.owlapi.model.OWLClass;
import org.semanticweb.owlapi.model.OWLDataFactory;
import org.semanticweb.owlapi.model.OWLNamedIndividual;
import org.semanticweb.owlapi.model.OWLOntology;
import org.semanticweb.owlapi.model.OWLOntologyManager;
import org.semanticweb.owlapi.profiles.OWL2DLProfile;
import org.semanticweb.owlapi.profiles.OWLProfileReport;
import org.semanticweb.owlapi.profiles.OWLProfileViolation;
import org.semanticweb.owlapi.reasoner.OWLReasoner;

/**
 * Checks the ontology (borderlands.ttl), the controlled vocabularies (vocab.ttl) and the SHACL
 * shapes (shapes.ttl): OWL 2 DL profile, consistency and class satisfiability with HermiT,
 * documentation of every term, and that the shapes accept a small valid graph and catch specific
 * errors in mutated copies of it.
 */
class OntologyConsistencyTest {

    static final String BLK = "https://w3id.org/borderlands-kg/ontology#";
    static final String BLKV = "https://w3id.org/borderlands-kg/vocab/";
    static final String SH = "http://www.w3.org/ns/shacl#";

    static Path root;
    static Path ontologyFile;
    static Path vocabFile;
    static Path shapesFile;

    @BeforeAll
    static void locateFiles() {
        root = Paths.get(System.getProperty("project.root", ".")).toAbsolutePath().normalize();
        ontologyFile = root.resolve("ontology/borderlands.ttl");
        vocabFile = root.resolve("ontology/vocab.ttl");
        shapesFile = root.resolve("ontology/shapes.ttl");
        for (Path p : List.of(ontologyFile, vocabFile, shapesFile)) {
            assertTrue(Files.isRegularFile(p), "missing " + p);
        }
    }

    // ------------------------------------------------------------------------------------------
    // OWL API + HermiT
    // ------------------------------------------------------------------------------------------

    /** Loads a Turtle file with the OWL API's own Turtle parser (not the Rio one). */
    static OWLOntology loadOwl(OWLOntologyManager man, Path file) throws Exception {
        return man.loadOntologyFromOntologyDocument(new FileDocumentSource(file.toFile(), new TurtleDocumentFormat()));
    }

    /** borderlands.ttl + vocab.ttl merged into one ontology (vocab.ttl does not import the ontology). */
    static OWLOntology loadMerged(OWLOntologyManager man) throws Exception {
        OWLOntology onto = loadOwl(man, ontologyFile);
        OWLOntology vocab = loadOwl(man, vocabFile);
        OWLOntology merged = man.createOntology(IRI.create("urn:test:borderlands-merged"));
        man.addAxioms(merged, onto.axioms());
        man.addAxioms(merged, vocab.axioms());
        return merged;
    }

    static String describe(OWLProfileReport report) {
        return report.getViolations().stream().map(OWLProfileViolation::toString).limit(30)
                .collect(Collectors.joining("\n  ", "\n  ", ""));
    }

    @Test
    void ontologyAloneIsOwl2Dl() throws Exception {
        OWLOntology onto = loadOwl(OWLManager.createOWLOntologyManager(), ontologyFile);
        assertTrue(onto.getAxiomCount() > 500, "suspiciously few axioms: " + onto.getAxiomCount());
        OWLProfileReport report = new OWL2DLProfile().checkOntology(onto);
        assertTrue(report.isInProfile(), "borderlands.ttl is not OWL 2 DL:" + describe(report));
    }

    @Test
    void ontologyNeedsNoDatatypeDeclarationToBeOwl2Dl() {
        // xsd:date is not in the OWL 2 datatype map: the ontology must not rely on declaring it (issue #14);
        // the xsd:date values are checked by SHACL instead.
        Model m = loadJena(ontologyFile);
        List<Resource> declared = m.listSubjectsWithProperty(RDF.type, RDFS.Datatype).toList();
        assertTrue(declared.isEmpty(), "datatype declarations: " + declared);
        assertFalse(m.listStatements(null, RDFS.range, m.createResource(XSD.date.getURI())).hasNext(),
                "no rdfs:range xsd:date");
    }

    @Test
    void ontologyIsPublishedWithMetadata() {
        Model m = loadJena(ontologyFile);
        Resource o = m.createResource("https://w3id.org/borderlands-kg/ontology");
        String dct = "http://purl.org/dc/terms/";
        assertEquals("https://creativecommons.org/licenses/by/4.0/",
                o.getPropertyResourceValue(m.createProperty(dct, "license")).getURI());
        assertTrue(o.getPropertyResourceValue(OWL2.versionIRI).getURI().startsWith("https://w3id.org/borderlands-kg/ontology/"));
        assertTrue(o.hasProperty(m.createProperty(dct, "creator")));
        assertTrue(o.hasProperty(m.createProperty(dct, "created")));
        assertEquals("blk", o.getProperty(m.createProperty("http://purl.org/vocab/vann/", "preferredNamespacePrefix")).getString());
    }

    @Test
    void ontologyWithVocabularyIsOwl2Dl() throws Exception {
        OWLOntology merged = loadMerged(OWLManager.createOWLOntologyManager());
        OWLProfileReport report = new OWL2DLProfile().checkOntology(merged);
        assertTrue(report.isInProfile(), "borderlands.ttl + vocab.ttl is not OWL 2 DL:" + describe(report));
    }

    @Test
    void ontologyWithVocabularyIsConsistentAndAllClassesSatisfiable() throws Exception {
        OWLOntology merged = loadMerged(OWLManager.createOWLOntologyManager());
        OWLReasoner reasoner = new ReasonerFactory().createReasoner(merged);
        try {
            assertTrue(reasoner.isConsistent(), "ontology + vocabulary is inconsistent");
            List<OWLClass> blkClasses = merged.classesInSignature()
                    .filter(c -> c.getIRI().toString().startsWith(BLK)).collect(Collectors.toList());
            assertTrue(blkClasses.size() > 100, "expected well over 100 blk: classes, got " + blkClasses.size());
            List<String> unsatisfiable = blkClasses.stream().filter(c -> !reasoner.isSatisfiable(c))
                    .map(c -> c.getIRI().toString()).collect(Collectors.toList());
            assertEquals(List.of(), unsatisfiable, "unsatisfiable blk: classes");
            assertTrue(reasoner.getUnsatisfiableClasses().getEntitiesMinusBottom().isEmpty(),
                    "unsatisfiable classes: " + reasoner.getUnsatisfiableClasses());

            // A few entailments the design relies on.
            OWLDataFactory df = merged.getOWLOntologyManager().getOWLDataFactory();
            assertSubClass(reasoner, df, BLK + "Capital", BLK + "Place");
            assertSubClass(reasoner, df, BLK + "SuicideAttack", "http://semanticweb.cs.vu.nl/2009/11/sem/Event");
            assertSubClass(reasoner, df, BLK + "OfficeHolding", "http://www.w3.org/ns/org#Membership");
            assertSubClass(reasoner, df, BLK + "Police", "http://www.w3.org/ns/org#FormalOrganization");
            assertSubClass(reasoner, df, BLK + "Denial", "https://schema.org/Claim");
            assertSubClass(reasoner, df, BLK + "CasualtyFigure", "http://www.w3.org/ns/sosa/Observation");
            assertSubClass(reasoner, df, BLK + "Report", "http://purl.org/spar/fabio/ReportDocument");
            // Records apart from things: a person is an agent, not a curated record (issue #14).
            assertSubClass(reasoner, df, BLK + "Person", "http://xmlns.com/foaf/0.1/Agent");
            assertFalse(reasoner.getSubClasses(df.getOWLClass(IRI.create(BLK + "CuratedRecord")), false)
                            .containsEntity(df.getOWLClass(IRI.create(BLK + "Person"))),
                    "a person must not be a curated record");
            assertSubClass(reasoner, df, BLK + "SocialGroup", "http://xmlns.com/foaf/0.1/Group");
            assertFalse(reasoner.getSubClasses(df.getOWLClass(IRI.create("http://www.w3.org/ns/org#Organization")), false)
                            .containsEntity(df.getOWLClass(IRI.create(BLK + "SocialGroup"))),
                    "a population group is not an organisation");
            assertFalse(reasoner.getSubClasses(df.getOWLClass(IRI.create(BLK + "Event")), false)
                            .containsEntity(df.getOWLClass(IRI.create(BLK + "Gathering"))),
                    "the actor blk:Gathering must not be an event");

            // Every vocabulary individual is recognised as an instance of its blk: class.
            OWLNamedIndividual personUnit = df.getOWLNamedIndividual(IRI.create(BLKV + "PersonUnit"));
            assertTrue(reasoner.getTypes(personUnit, false).containsEntity(df.getOWLClass(IRI.create(BLK + "Unit"))));
        } finally {
            reasoner.dispose();
        }
    }

    static void assertSubClass(OWLReasoner r, OWLDataFactory df, String sub, String sup) {
        OWLClass subC = df.getOWLClass(IRI.create(sub));
        OWLClass supC = df.getOWLClass(IRI.create(sup));
        assertTrue(r.getSuperClasses(subC, false).containsEntity(supC), sub + " should be a subclass of " + sup);
    }

    /** The disjointness axioms must really bite: an individual in two disjoint classes is inconsistent. */
    @ParameterizedTest
    @MethodSource("disjointPairs")
    void disjointClassesMakeMixedIndividualsInconsistent(String classA, String classB) throws Exception {
        OWLOntologyManager man = OWLManager.createOWLOntologyManager();
        OWLOntology merged = loadMerged(man);
        OWLDataFactory df = man.getOWLDataFactory();
        OWLNamedIndividual x = df.getOWLNamedIndividual(IRI.create("urn:test:x"));
        man.addAxiom(merged, df.getOWLClassAssertionAxiom(df.getOWLClass(IRI.create(BLK + classA)), x));
        man.addAxiom(merged, df.getOWLClassAssertionAxiom(df.getOWLClass(IRI.create(BLK + classB)), x));
        OWLReasoner reasoner = new ReasonerFactory().createReasoner(merged);
        try {
            assertFalse(reasoner.isConsistent(), classA + " and " + classB + " should be disjoint");
        } finally {
            reasoner.dispose();
        }
    }

    static Stream<Arguments> disjointPairs() {
        return Stream.of(
                Arguments.of("Person", "MilitantGroup"),
                Arguments.of("State", "Country"),
                Arguments.of("Gathering", "GatheringEvent"),
                Arguments.of("Allegation", "Attack"),
                Arguments.of("Unit", "Topic"));
    }

    // ------------------------------------------------------------------------------------------
    // Jena: documentation, naming, vocabulary
    // ------------------------------------------------------------------------------------------

    static Model loadJena(Path... files) {
        Model m = ModelFactory.createDefaultModel();
        for (Path f : files) {
            RDFDataMgr.read(m, f.toUri().toString(), Lang.TURTLE);
        }
        return m;
    }

    static Set<Resource> blkSubjectsOfType(Model m, Resource type) {
        return m.listSubjectsWithProperty(RDF.type, type).toList().stream()
                .filter(r -> r.isURIResource() && r.getURI().startsWith(BLK)).collect(Collectors.toSet());
    }

    static boolean hasEnglish(Resource r, org.apache.jena.rdf.model.Property p) {
        return r.listProperties(p).toList().stream().map(Statement::getObject)
                .anyMatch(o -> o.isLiteral() && "en".equals(o.asLiteral().getLanguage())
                        && !o.asLiteral().getString().isBlank());
    }

    @Test
    void allThreeFilesParseWithJena() {
        for (Path f : List.of(ontologyFile, vocabFile, shapesFile)) {
            Model m = RDFDataMgr.loadModel(f.toUri().toString());
            assertTrue(m.size() > 100, f + " parsed to only " + m.size() + " triples");
        }
    }

    @Test
    void everyBlkClassAndPropertyHasEnglishLabelAndDefinition() {
        Model m = loadJena(ontologyFile);
        List<Resource> terms = new ArrayList<>();
        for (Resource type : List.of(OWL.Class, OWL.ObjectProperty, OWL.DatatypeProperty, OWL.AnnotationProperty)) {
            terms.addAll(blkSubjectsOfType(m, type));
        }
        assertTrue(terms.size() > 200, "expected over 200 blk: classes and properties, got " + terms.size());
        List<String> missing = new ArrayList<>();
        for (Resource t : terms) {
            if (!hasEnglish(t, RDFS.label)) missing.add(t.getLocalName() + " (rdfs:label)");
            if (!hasEnglish(t, SKOS.definition)) missing.add(t.getLocalName() + " (skos:definition)");
            if (t.listProperties(RDFS.label).toList().size() != 1) missing.add(t.getLocalName() + " (not exactly one rdfs:label)");
        }
        assertEquals(List.of(), missing, "terms without label/definition");
    }

    @Test
    void requiredClassesAndPropertiesExist() {
        Model m = loadJena(ontologyFile);
        Set<String> classes = blkSubjectsOfType(m, OWL.Class).stream().map(Resource::getLocalName).collect(Collectors.toSet());
        Set<String> objProps = blkSubjectsOfType(m, OWL.ObjectProperty).stream().map(Resource::getLocalName).collect(Collectors.toSet());
        Set<String> dataProps = blkSubjectsOfType(m, OWL.DatatypeProperty).stream().map(Resource::getLocalName).collect(Collectors.toSet());
        List<String> requiredClasses = List.of("CuratedRecord", "Actor", "Person", "Organisation", "State", "DeFactoGovernment",
                "MilitantGroup", "PoliticalParty", "GovernmentBody", "Ministry", "ProvincialGovernment", "Legislature", "Court",
                "Delegation", "SecurityForce", "Military", "Police", "Paramilitary", "IntelligenceAgency",
                "InternationalOrganisation", "CivilSocietyMovement", "Gathering", "NonGovernmentalOrganisation",
                "ResearchInstitute", "MediaOutlet", "BusinessAssociation", "SocialGroup",
                "Place", "Country", "Province", "District", "Region", "City", "Town", "Capital", "BorderCrossing", "Site",
                "Tie", "Allegiance", "Alliance", "Sanctuary", "Support", "Hostility", "Rivalry", "Affiliation", "Membership",
                "Leadership", "OfficeHolding", "Governance", "Opposition", "Advocacy", "IdeologicalBond", "EthnicBond",
                "Mediation", "Patronage",
                "Event", "Attack", "SuicideAttack", "Bombing", "Airstrike", "ArtilleryStrike", "BorderClash", "Ceasefire",
                "Talks", "NegotiationRound", "Agreement", "Protest", "GatheringEvent", "MilitaryOperation", "PolicyMeasure",
                "BorderClosure", "BorderReopening", "TradeRestriction", "VisaRequirement", "Deportation", "RepatriationPhase",
                "Curfew", "Merger", "Arrest", "Visit", "Election", "Founding", "Statement", "Displacement", "PrisonBreak",
                "Release", "Escalation", "Conflict", "Participation",
                "Claim", "Allegation", "Denial", "CounterClaim", "Acknowledgement",
                "Figure", "CasualtyFigure", "CountFigure", "PercentageChange", "ShareFigure", "LengthFigure",
                "MonetaryFigure", "PopulationFigure", "Recommendation", "Section", "Footnote", "Work", "Report",
                "NewsArticle", "OpinionArticle", "Commentary", "Briefing", "Interview", "StatementDocument", "PressRelease",
                "SocialMediaPost", "Video", "Book", "JournalArticle", "WebPage", "Dataset", "Letter", "Speech",
                "MediaBriefing", "ParticipantRole", "Stance", "ClaimTopic", "ValueQualifier", "Unit", "Topic");
        List<String> requiredObjProps = List.of("citedSection", "citedFootnote", "subject", "object", "during", "accordingTo",
                "relatedTo", "date", "place", "hasParticipant", "participatedIn", "qualifiedParticipation", "agent", "role",
                "triggeredBy", "claimant", "accused", "act", "about", "respondsTo", "answeredBy", "stance", "qualifier",
                "unit", "event", "period", "reportedBy", "recommendedBy", "addressedTo", "concerns", "topic", "within",
                "founded", "dissolved", "homeState", "territory", "content", "status", "record", "basedIn", "parentSection", "inReport", "referencedIn", "cites");
        List<String> requiredDataProps = List.of("validFrom", "validUntil", "office", "earliest", "latest", "outcome",
                "dateQualifier", "approximate", "dateText", "quote", "value", "valueMax", "measure", "coordinateSource",
                "number", "publisherName", "authorName", "interlocutor", "location", "interviewMode");
        assertEquals(List.of(), requiredClasses.stream().filter(c -> !classes.contains(c)).collect(Collectors.toList()), "missing classes");
        assertEquals(List.of(), requiredObjProps.stream().filter(c -> !objProps.contains(c)).collect(Collectors.toList()), "missing object properties");
        assertEquals(List.of(), requiredDataProps.stream().filter(c -> !dataProps.contains(c)).collect(Collectors.toList()), "missing datatype properties");
    }

    @Test
    void everyTieKindNamesASymmetricOrDirectedShortcutUnderRelatedTo() {
        Model m = loadJena(ontologyFile);
        Resource tie = m.createResource(BLK + "Tie");
        org.apache.jena.rdf.model.Property shortcut = m.createProperty(BLK + "shortcut");
        Resource relatedTo = m.createResource(BLK + "relatedTo");
        Set<Resource> tieKinds = m.listSubjectsWithProperty(RDFS.subClassOf, tie).toSet();
        assertEquals(17, tieKinds.size(), "expected 17 tie kinds");
        Set<RDFNode> shortcuts = new HashSet<>();
        for (Resource kind : tieKinds) {
            Statement s = kind.getProperty(shortcut);
            assertTrue(s != null && s.getObject().isURIResource(), kind + " has no blk:shortcut");
            Resource p = s.getResource();
            assertTrue(p.hasProperty(RDF.type, OWL.ObjectProperty), p + " is not an object property");
            assertTrue(p.hasProperty(RDFS.subPropertyOf, relatedTo), p + " is not a sub-property of blk:relatedTo");
            shortcuts.add(p);
        }
        assertEquals(17, shortcuts.size(), "two tie kinds share a shortcut");
        for (String sym : List.of("alliedWith", "rivalOf", "sharesIdeologyWith", "sharesEthnicityWith")) {
            assertTrue(m.createResource(BLK + sym).hasProperty(RDF.type, OWL.SymmetricProperty), sym + " must be symmetric");
        }
    }

    @Test
    void noBlkIriIsPunnedAndPropertyKindsAreExclusive() {
        Model m = loadJena(ontologyFile, vocabFile);
        Set<Resource> classes = blkSubjectsOfType(m, OWL.Class);
        Set<Resource> individuals = blkSubjectsOfType(m, OWL.NamedIndividual);
        Set<Resource> objProps = blkSubjectsOfType(m, OWL.ObjectProperty);
        Set<Resource> dataProps = blkSubjectsOfType(m, OWL.DatatypeProperty);
        Set<Resource> annProps = blkSubjectsOfType(m, OWL.AnnotationProperty);
        assertEquals(Set.of(), intersect(classes, individuals), "IRIs both class and individual");
        assertEquals(Set.of(), intersect(objProps, dataProps), "IRIs both object and datatype property");
        assertEquals(Set.of(), intersect(objProps, annProps), "IRIs both object and annotation property");
        assertEquals(Set.of(), intersect(dataProps, annProps), "IRIs both datatype and annotation property");
        Set<Resource> props = new HashSet<>(objProps);
        props.addAll(dataProps);
        assertEquals(Set.of(), intersect(classes, props), "IRIs both class and property");
    }

    static Set<String> intersect(Set<Resource> a, Set<Resource> b) {
        return a.stream().filter(b::contains).map(Resource::getURI).collect(Collectors.toCollection(TreeSet::new));
    }

    @Test
    void vocabularyConceptsAreCompleteAndInTheirScheme() {
        Model m = loadJena(ontologyFile, vocabFile);
        Resource concept = SKOS.Concept;
        Set<Resource> concepts = m.listSubjectsWithProperty(RDF.type, concept).toSet();
        assertEquals(78, concepts.size(), "number of concepts in vocab.ttl (74 + claim topic StrikeTarget, issue 12; + statuses Established, Contested, issue 14; + support strength TitleOnly, moved from borderlands.ttl)");
        List<String> problems = new ArrayList<>();
        Set<String> notationKeys = new HashSet<>();
        for (Resource c : concepts) {
            String n = c.getLocalName();
            if (!hasEnglish(c, SKOS.prefLabel)) problems.add(n + ": no prefLabel@en");
            if (!hasEnglish(c, SKOS.definition)) problems.add(n + ": no definition@en");
            if (!hasEnglish(c, RDFS.label)) problems.add(n + ": no rdfs:label@en");
            Statement notation = c.getProperty(SKOS.notation);
            Statement scheme = c.getProperty(SKOS.inScheme);
            if (notation == null) { problems.add(n + ": no notation"); continue; }
            if (scheme == null || !scheme.getResource().hasProperty(RDF.type, SKOS.ConceptScheme)) {
                problems.add(n + ": not in a concept scheme"); continue;
            }
            if (!c.getURI().startsWith(BLKV)) problems.add(n + ": not in the vocabulary namespace blkv:");
            List<Resource> broader = c.listProperties(SKOS.broader).toList().stream().map(Statement::getResource).toList();
            boolean top = scheme.getResource().hasProperty(SKOS.hasTopConcept, c) && c.hasProperty(SKOS.topConceptOf, scheme.getResource());
            if (broader.isEmpty() != top) problems.add(n + ": a concept is a top concept (both directions) exactly when it has no broader concept");
            for (Resource b : broader) {
                if (!b.hasProperty(SKOS.inScheme, scheme.getResource())) problems.add(n + ": broader concept " + b + " not in the same scheme");
            }
            if (!notationKeys.add(scheme.getResource().getURI() + "|" + notation.getString())) {
                problems.add(n + ": duplicate notation in scheme");
            }
            List<Resource> blkTypes = c.listProperties(RDF.type).toList().stream().map(Statement::getResource)
                    .filter(t -> t.getURI().startsWith(BLK)).collect(Collectors.toList());
            if (blkTypes.size() != 1 || !blkTypes.get(0).hasProperty(RDFS.subClassOf, concept)) {
                problems.add(n + ": must have exactly one blk: type that is a sub-class of skos:Concept");
            }
        }
        assertEquals(List.of(), problems);
        // Every controlled value named in the brief is there, resolvable by notation.
        assertNotation(m, "Unit", "Person", "PersonUnit");
        assertNotation(m, "Unit", "Percent", "Percent");
        assertNotation(m, "ValueQualifier", "atLeast", "AtLeast");
        assertNotation(m, "ClaimTopic", "Agreement", "AgreementClaimTopic");
        assertNotation(m, "ClaimTopic", "SafeHavenForISKP", "SafeHavenForISKP");
        assertNotation(m, "Topic", "Deportation", "DeportationTopic");
        assertNotation(m, "ParticipantRole", "Authority", "Authority");
        assertNotation(m, "Stance", "Denies", "Denies");
        assertEquals(15, countOfType(m, "ParticipantRole"));
        assertEquals(4, countOfType(m, "Stance"));
        assertEquals(19, countOfType(m, "ClaimTopic"));   // with StrikeTarget (issue 12)
        assertNotation(m, "ClaimTopic", "StrikeTarget", "StrikeTarget");
        assertEquals(7, countOfType(m, "ValueQualifier"));
        assertEquals(17, countOfType(m, "Topic"));
        assertEquals(13, countOfType(m, "Unit"));
    }

    static int countOfType(Model m, String blkClass) {
        return m.listSubjectsWithProperty(RDF.type, m.createResource(BLK + blkClass)).toList().size();
    }

    static void assertNotation(Model m, String blkClass, String notation, String expectedLocalName) {
        List<Resource> hits = m.listSubjectsWithProperty(RDF.type, m.createResource(BLK + blkClass)).toList().stream()
                .filter(r -> r.hasProperty(SKOS.notation, notation)).collect(Collectors.toList());
        assertEquals(1, hits.size(), blkClass + " with notation " + notation);
        assertEquals(BLKV + expectedLocalName, hits.get(0).getURI());
    }

    // ------------------------------------------------------------------------------------------
    // SHACL
    // ------------------------------------------------------------------------------------------

    static Shapes shapes() {
        return Shapes.parse(RDFDataMgr.loadGraph(shapesFile.toUri().toString()));
    }

    @Test
    void shapesParseAndEveryShapeHasAMessage() {
        Shapes shapes = shapes();
        assertTrue(shapes.numShapes() >= 30, "expected at least 30 node shapes, got " + shapes.numShapes());
        Model m = RDFDataMgr.loadModel(shapesFile.toUri().toString());
        org.apache.jena.rdf.model.Property message = m.createProperty(SH + "message");
        org.apache.jena.rdf.model.Property severity = m.createProperty(SH + "severity");
        Set<Resource> shapeNodes = new HashSet<>();
        shapeNodes.addAll(m.listSubjectsWithProperty(RDF.type, m.createResource(SH + "NodeShape")).toSet());
        shapeNodes.addAll(m.listSubjectsWithProperty(RDF.type, m.createResource(SH + "PropertyShape")).toSet());
        m.listObjectsOfProperty(m.createProperty(SH + "property")).forEachRemaining(o -> shapeNodes.add(o.asResource()));
        Set<Resource> sparql = new HashSet<>(m.listSubjectsWithProperty(RDF.type, m.createResource(SH + "SPARQLConstraint")).toSet());
        m.listObjectsOfProperty(m.createProperty(SH + "sparql")).forEachRemaining(o -> sparql.add(o.asResource()));
        assertTrue(shapeNodes.size() > 120, "expected more than 120 node and property shapes, got " + shapeNodes.size());
        List<String> problems = new ArrayList<>();
        for (Resource s : shapeNodes) {
            if (!hasEnglish(s, message)) problems.add("no sh:message: " + label(s));
            Statement sev = s.getProperty(severity);
            if (sev == null) problems.add("no sh:severity: " + label(s));
        }
        for (Resource s : sparql) {
            if (!hasEnglish(s, message)) problems.add("SPARQL constraint without sh:message: " + label(s));
        }
        assertEquals(List.of(), problems);
    }

    static String label(Resource shape) {
        if (shape.isURIResource()) return shape.getURI();
        Statement p = shape.getProperty(shape.getModel().createProperty(SH + "path"));
        return "[path " + (p == null ? "?" : p.getObject()) + "]";
    }

    /** Every blk: term the shapes use must exist in the ontology or vocabulary (catches typos). */
    @Test
    void shapesOnlyUseDeclaredTerms() {
        Model shapesModel = RDFDataMgr.loadModel(shapesFile.toUri().toString());
        Model onto = loadJena(ontologyFile, vocabFile);
        List<String> unknown = new ArrayList<>();
        for (String p : List.of("targetClass", "class")) {
            shapesModel.listObjectsOfProperty(shapesModel.createProperty(SH + p)).forEachRemaining(o -> {
                if (o.isURIResource() && o.asResource().getURI().startsWith(BLK)
                        && !onto.contains(o.asResource(), RDF.type, OWL.Class)) {
                    unknown.add("class " + o);
                }
            });
        }
        Set<Resource> paths = new HashSet<>();
        shapesModel.listObjectsOfProperty(shapesModel.createProperty(SH + "path")).forEachRemaining(o -> collectPathIris(o, paths));
        for (Resource p : paths) {
            if (p.getURI().startsWith(BLK) && !onto.contains(p, RDF.type, OWL.ObjectProperty)
                    && !onto.contains(p, RDF.type, OWL.DatatypeProperty)) {
                unknown.add("property " + p);
            }
        }
        for (String p : List.of("in", "hasValue")) {
            shapesModel.listObjectsOfProperty(shapesModel.createProperty(SH + p)).forEachRemaining(o -> {
                List<RDFNode> values = o.canAs(RDFList.class) && !o.isLiteral() && !o.isURIResource()
                        ? o.as(RDFList.class).asJavaList() : List.of(o);
                for (RDFNode v : values) {
                    if (v.isURIResource() && v.asResource().getURI().startsWith(BLK)
                            && !onto.contains(v.asResource(), RDF.type, OWL.NamedIndividual)) {
                        unknown.add("individual " + v);
                    }
                }
            });
        }
        assertEquals(List.of(), unknown, "shapes refer to blk: terms that are not declared");
    }

    static void collectPathIris(RDFNode path, Set<Resource> out) {
        if (path.isURIResource()) {
            if (!path.equals(RDF.nil)) out.add(path.asResource());
            return;
        }
        if (!path.isResource()) return;
        Resource r = path.asResource();
        if (r.canAs(RDFList.class) && (r.hasProperty(RDF.first))) {
            r.as(RDFList.class).iterator().forEachRemaining(n -> collectPathIris(n, out));
            return;
        }
        r.listProperties().forEachRemaining(s -> collectPathIris(s.getObject(), out));
    }

    static final String PREFIXES = """
            PREFIX blk:  <https://w3id.org/borderlands-kg/ontology#>
            PREFIX blkv:  <https://w3id.org/borderlands-kg/vocab/>
            PREFIX id:   <https://w3id.org/borderlands-kg/id/>
            PREFIX rdf:  <http://www.w3.org/1999/02/22-rdf-syntax-ns#>
            PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
            PREFIX xsd:  <http://www.w3.org/2001/XMLSchema#>
            PREFIX skos: <http://www.w3.org/2004/02/skos/core#>
            PREFIX dct:  <http://purl.org/dc/terms/>
            PREFIX time: <http://www.w3.org/2006/time#>
            PREFIX geo:  <http://www.opengis.net/ont/geosparql#>
            PREFIX sem:  <http://semanticweb.cs.vu.nl/2009/11/sem/>
            PREFIX foaf: <http://xmlns.com/foaf/0.1/>
            """;

    /**
     * A small, entirely fictional sample graph (Testland, Group B...) that uses every record type in
     * the shape the loader emits. It must produce no SHACL result at all, not even a warning.
     */
    static final String VALID_SAMPLE = """
            id:test-report a blk:Report ; skos:prefLabel "Test report"@en ; rdfs:label "Test report"@en ;
                dct:identifier "test-report" ; blk:publisherName "Test Publisher" .
            id:sec-i a blk:Section ; skos:prefLabel "Introduction"@en ; rdfs:label "Introduction"@en ;
                dct:identifier "sec-i" ; blk:number "I" ; blk:inReport id:test-report .
            id:sec-i-a a blk:Section ; skos:prefLabel "First part"@en ; rdfs:label "First part"@en ;
                dct:identifier "sec-i-a" ; blk:number "I.A" ; blk:parentSection id:sec-i ; blk:inReport id:test-report .
            id:work-test-daily a blk:NewsArticle ; skos:prefLabel "Something happened"@en ; rdfs:label "Something happened"@en ;
                dct:identifier "work-test-daily" ; blk:publisherName "Test Daily" ; blk:authorName "A. Writer" ;
                blk:date [ a time:Instant ; time:inDateTime [ a time:DateTimeDescription ; time:unitType time:unitDay ] ; time:inXSDDate "2025-10-13"^^xsd:date ;
                           blk:earliest "2025-10-13"^^xsd:date ; blk:latest "2025-10-13"^^xsd:date ] .
            id:work-interview-1 a blk:Interview ; skos:prefLabel "Interviews, officials, Testville"@en ;
                rdfs:label "Interviews, officials, Testville"@en ; dct:identifier "work-interview-1" ;
                blk:interlocutor "officials" ; blk:location "Testville" ; blk:interviewMode "telephone" .
            id:fn-1 a blk:Footnote ; skos:prefLabel "Footnote 1"@en ; rdfs:label "Footnote 1"@en ; dct:identifier "fn-1" ;
                blk:number 1 ; blk:referencedIn id:sec-i-a ; blk:cites id:work-test-daily, id:work-interview-1 .

            id:state-a a blk:State ; skos:prefLabel "Testland"@en ; rdfs:label "Testland"@en ; skos:altLabel "Testopolis"@en ;
                dct:identifier "state-a" ; dct:description "A fictional state."@en ; blk:territory id:pl-a ; blk:record id:state-a\\/record .
            id:state-a\\/record a blk:CuratedRecord ; foaf:primaryTopic id:state-a ; blk:citedSection id:sec-i ; blk:citedFootnote id:fn-1 .
            id:group-b a blk:MilitantGroup ; skos:prefLabel "Group B"@en ; rdfs:label "Group B"@en ; skos:altLabel "GB"@en ;
                dct:identifier "group-b" ; blk:homeState id:state-a ; blk:basedIn id:pl-b ; blk:record id:group-b\\/record ;
                blk:founded [ a time:Instant ; time:inDateTime [ a time:DateTimeDescription ; time:unitType time:unitYear ] ; time:inXSDgYear "2007"^^xsd:gYear ;
                              blk:approximate true ; blk:dateText "~2007" ;
                              blk:earliest "2006-01-01"^^xsd:date ; blk:latest "2008-12-31"^^xsd:date ] .
            id:person-c a blk:Person ; skos:prefLabel "C. Person"@en ; rdfs:label "C. Person"@en ; skos:altLabel "C."@en ;
                dct:identifier "person-c" ; blk:record id:person-c\\/record .
            id:person-c\\/record a blk:CuratedRecord ; foaf:primaryTopic id:person-c ; blk:citedSection id:sec-i .
            id:pl-a a blk:Country ; skos:prefLabel "Testland"@en ; rdfs:label "Testland"@en ; dct:identifier "pl-a" ;
                blk:record id:pl-a\\/record .
            id:pl-a\\/record a blk:CuratedRecord ; foaf:primaryTopic id:pl-a ; blk:citedSection id:sec-i .
            id:pl-b a blk:District ; skos:prefLabel "Testdistrict"@en ; rdfs:label "Testdistrict"@en ; dct:identifier "pl-b" ;
                geo:sfWithin id:pl-a ; blk:within id:pl-a ; blk:record id:pl-b\\/record ;
                geo:hasGeometry id:pl-b-geom .
            id:group-b\\/record a blk:CuratedRecord ; foaf:primaryTopic id:group-b ; blk:citedSection id:sec-i-a .
            id:pl-b\\/record a blk:CuratedRecord ; foaf:primaryTopic id:pl-b ; blk:citedSection id:sec-i .
            id:pl-b-geom a geo:Geometry ; geo:asWKT "POINT(70.1 33.2)"^^geo:wktLiteral ; blk:coordinateSource "test gazetteer" .

            id:tie-a-sanctuary-b a blk:Sanctuary ; skos:prefLabel "Testland shelters Group B"@en ;
                rdfs:label "Testland shelters Group B"@en ; dct:identifier "tie-a-sanctuary-b" ;
                blk:subject id:state-a ; blk:object id:group-b ; blk:accordingTo id:person-c ; blk:status blkv:Contested ;
                blk:validFrom "2021-08-01"^^xsd:date ; blk:validUntil "2025-12-31"^^xsd:date ;
                blk:during [ a time:Interval ;
                    time:hasBeginning [ a time:Instant ; time:inDateTime [ a time:DateTimeDescription ; time:unitType time:unitMonth ] ; time:inXSDgYearMonth "2021-08"^^xsd:gYearMonth ;
                                        blk:earliest "2021-08-01"^^xsd:date ; blk:latest "2021-08-31"^^xsd:date ] ;
                    time:hasEnd [ a time:Instant ; time:inDateTime [ a time:DateTimeDescription ; time:unitType time:unitYear ] ; time:inXSDgYear "2025"^^xsd:gYear ;
                                  blk:dateQualifier "late" ; blk:dateText "late-2025" ;
                                  blk:earliest "2025-09-01"^^xsd:date ; blk:latest "2025-12-31"^^xsd:date ] ] ;
                blk:citedSection id:sec-i-a ; blk:citedFootnote id:fn-1 .
            id:tie-c-office-b a blk:OfficeHolding ; skos:prefLabel "C. Person leads Group B"@en ;
                rdfs:label "C. Person leads Group B"@en ; dct:identifier "tie-c-office-b" ; blk:status blkv:Established ;
                blk:subject id:person-c ; blk:object id:group-b ; blk:office "chief" ; blk:citedSection id:sec-i .

            id:ev-2025-10-conflict a blk:Conflict ; skos:prefLabel "Test conflict"@en ; rdfs:label "Test conflict"@en ;
                dct:identifier "ev-2025-10-conflict" ; blk:status blkv:Established ; blk:citedSection id:sec-i ;
                blk:date [ a time:Instant ; time:inDateTime [ a time:DateTimeDescription ; time:unitType time:unitMonth ] ; time:inXSDgYearMonth "2025-10"^^xsd:gYearMonth ;
                           blk:earliest "2025-10-01"^^xsd:date ; blk:latest "2025-10-31"^^xsd:date ] ;
                blk:earliest "2025-10-01"^^xsd:date ; blk:latest "2025-10-31"^^xsd:date ;
                blk:place id:pl-b ; blk:hasParticipant id:state-a ;
                blk:qualifiedParticipation [ a blk:Participation ; blk:agent id:state-a ; blk:role blkv:Participant ; blk:status blkv:Established ] .
            id:ev-2025-10-08-attack a blk:SuicideAttack ; skos:prefLabel "Attack in Testdistrict"@en ;
                rdfs:label "Attack in Testdistrict"@en ; dct:identifier "ev-2025-10-08-attack" ; blk:status blkv:Established ;
                blk:date [ a time:Instant ; time:inDateTime [ a time:DateTimeDescription ; time:unitType time:unitDay ] ; time:inXSDDate "2025-10-08"^^xsd:date ;
                           blk:earliest "2025-10-08"^^xsd:date ; blk:latest "2025-10-08"^^xsd:date ] ;
                blk:earliest "2025-10-08"^^xsd:date ; blk:latest "2025-10-08"^^xsd:date ;
                blk:place id:pl-b ; blk:hasParticipant id:group-b, id:state-a ;
                blk:qualifiedParticipation [ a blk:Participation ; blk:agent id:group-b ; blk:role blkv:Perpetrator ; blk:status blkv:Established ] ,
                                           [ a blk:Participation ; blk:agent id:state-a ; blk:role blkv:Target ; blk:status blkv:Established ] ;
                sem:subEventOf id:ev-2025-10-conflict ; blk:outcome "several soldiers killed" ;
                blk:citedSection id:sec-i-a ; blk:citedFootnote id:fn-1 .
            id:ev-2025-10-09-strike a blk:Airstrike ; skos:prefLabel "Strike after the attack"@en ;
                rdfs:label "Strike after the attack"@en ; dct:identifier "ev-2025-10-09-strike" ; blk:status blkv:Established ;
                blk:date [ a time:Instant ; time:inDateTime [ a time:DateTimeDescription ; time:unitType time:unitDay ] ; time:inXSDDate "2025-10-09"^^xsd:date ;
                           blk:earliest "2025-10-09"^^xsd:date ; blk:latest "2025-10-09"^^xsd:date ] ;
                blk:earliest "2025-10-09"^^xsd:date ; blk:latest "2025-10-09"^^xsd:date ;
                blk:place id:pl-b ; blk:hasParticipant id:state-a ;
                blk:qualifiedParticipation [ a blk:Participation ; blk:agent id:state-a ; blk:role blkv:Perpetrator ; blk:status blkv:Established ] ;
                sem:subEventOf id:ev-2025-10-conflict ; blk:triggeredBy id:ev-2025-10-08-attack ;
                blk:citedSection id:sec-i-a .
            id:ev-2025-10-closure a blk:BorderClosure ; skos:prefLabel "Crossings closed"@en ;
                rdfs:label "Crossings closed"@en ; dct:identifier "ev-2025-10-closure" ; blk:status blkv:Established ;
                blk:date [ a time:Interval ;
                    time:hasBeginning [ a time:Instant ; time:inDateTime [ a time:DateTimeDescription ; time:unitType time:unitDay ] ; time:inXSDDate "2025-10-12"^^xsd:date ;
                                        blk:earliest "2025-10-12"^^xsd:date ; blk:latest "2025-10-12"^^xsd:date ] ] ;
                blk:earliest "2025-10-12"^^xsd:date ;
                blk:place id:pl-b ; blk:hasParticipant id:state-a, id:group-b ;
                blk:qualifiedParticipation [ a blk:Participation ; blk:agent id:state-a ; blk:role blkv:Authority ; blk:status blkv:Established ] ,
                                           [ a blk:Participation ; blk:agent id:group-b ; blk:role blkv:SubjectRole ; blk:status blkv:Established ] ;
                blk:citedSection id:sec-i .

            id:cl-a-accuses-b a blk:Allegation ; skos:prefLabel "Testland says Group B is sheltered"@en ;
                rdfs:label "Testland says Group B is sheltered"@en ; dct:identifier "cl-a-accuses-b" ;
                blk:claimant id:state-a ; blk:accused id:group-b ; blk:act blkv:Harbouring ; blk:stance blkv:Asserts ;
                blk:content id:tie-a-sanctuary-b ; blk:quote "a test quote of six words"@en ;
                blk:date [ a time:Instant ; time:inDateTime [ a time:DateTimeDescription ; time:unitType time:unitMonth ] ; time:inXSDgYearMonth "2025-11"^^xsd:gYearMonth ;
                           blk:earliest "2025-11-01"^^xsd:date ; blk:latest "2025-11-30"^^xsd:date ] ;
                blk:citedSection id:sec-i-a ; blk:citedFootnote id:fn-1 .
            id:cl-b-denies a blk:Denial ; skos:prefLabel "Group B rejects it"@en ; rdfs:label "Group B rejects it"@en ;
                dct:identifier "cl-b-denies" ; blk:claimant id:group-b ; blk:respondsTo id:cl-a-accuses-b ;
                blk:content id:tie-a-sanctuary-b ; blk:act blkv:Harbouring ; blk:stance blkv:Denies ; blk:quote "not true"@en ; blk:citedSection id:sec-i-a .

            id:fig-killed a blk:CasualtyFigure ; skos:prefLabel "Soldiers killed"@en ; rdfs:label "Soldiers killed"@en ;
                dct:identifier "fig-killed" ; blk:value 11.0 ; blk:qualifier blkv:Exact ; blk:unit blkv:PersonUnit ;
                blk:measure "soldiers killed" ; blk:event id:ev-2025-10-08-attack ; blk:place id:pl-b ;
                blk:reportedBy id:state-a ; blk:citedSection id:sec-i-a ; blk:citedFootnote id:fn-1 .
            id:fig-share a blk:ShareFigure ; skos:prefLabel "Share of something"@en ; rdfs:label "Share of something"@en ;
                dct:identifier "fig-share" ; blk:value 40 ; blk:valueMax 55 ; blk:qualifier blkv:Range ; blk:unit blkv:Percent ;
                blk:measure "share of something" ; blk:reportedBy id:person-c ; blk:citedSection id:sec-i ;
                blk:period [ a time:Instant ; time:inDateTime [ a time:DateTimeDescription ; time:unitType time:unitYear ] ; time:inXSDgYear "2024"^^xsd:gYear ;
                             blk:earliest "2024-01-01"^^xsd:date ; blk:latest "2024-12-31"^^xsd:date ] .

            id:rec-reopen a blk:Recommendation ; skos:prefLabel "Reopen the crossings"@en ; rdfs:label "Reopen the crossings"@en ;
                dct:identifier "rec-reopen" ; blk:addressedTo id:state-a ; blk:recommendedBy id:person-c ;
                blk:concerns id:ev-2025-10-closure ; blk:topic blkv:Trade ; blk:citedSection id:sec-i .
            """;

    static Model ontologyAndVocabulary() {
        return loadJena(ontologyFile, vocabFile);
    }

    static Model validSample() {
        Model m = ModelFactory.createDefaultModel();
        String ttl = PREFIXES.replaceAll("PREFIX (\\S+)\\s+(<[^>]+>)", "@prefix $1 $2 .") + VALID_SAMPLE;
        RDFParser.create().source(new StringReader(ttl)).lang(Lang.TURTLE).parse(m);
        return m;
    }

    /** Data graph as the validate stage sees it: data + ontology + vocabulary (SHACL follows rdfs:subClassOf). */
    static ValidationReport validate(Model data) {
        Model all = ModelFactory.createDefaultModel().add(ontologyAndVocabulary()).add(data);
        return ShaclValidator.get().validate(shapes(), all.getGraph());
    }

    /** Data graph with RDFS inferences materialised (domain/range typing included). */
    static ValidationReport validateWithRdfsInference(Model data) {
        InfModel inf = ModelFactory.createRDFSModel(ontologyAndVocabulary(), data);
        Model materialised = ModelFactory.createDefaultModel().add(inf);
        return ShaclValidator.get().validate(shapes(), materialised.getGraph());
    }

    static String render(ValidationReport report) {
        return report.getEntries().stream()
                .map(e -> e.severity().level().getLocalName() + " " + e.focusNode() + " "
                        + (e.resultPath() == null ? "" : e.resultPath() + " ") + e.message())
                .collect(Collectors.joining("\n  ", "\n  ", ""));
    }

    @Test
    void validSampleConformsWithoutAnyResult() {
        ValidationReport report = validate(validSample());
        assertTrue(report.conforms(), "valid sample does not conform:" + render(report));
    }

    @Test
    void validSampleHasNoViolationUnderRdfsInference() {
        ValidationReport report = validateWithRdfsInference(validSample());
        List<ReportEntry> violations = report.getEntries().stream()
                .filter(e -> e.severity() == Severity.Violation).collect(Collectors.toList());
        assertTrue(violations.isEmpty(), "violations under RDFS inference:" + render(report));
    }

    /** name, SPARQL update applied to the valid sample, focus node (id: local name), path (or null), severity. */
    static Stream<Arguments> brokenSamples() {
        return Stream.of(
                broken("tie without subject", "DELETE WHERE { id:tie-a-sanctuary-b blk:subject ?o }",
                        "tie-a-sanctuary-b", "blk:subject", Severity.Violation),
                broken("tie without object", "DELETE WHERE { id:tie-a-sanctuary-b blk:object ?o }",
                        "tie-a-sanctuary-b", "blk:object", Severity.Violation),
                broken("tie subject is a place", "DELETE WHERE { id:tie-a-sanctuary-b blk:subject ?o } ;"
                        + " INSERT DATA { id:tie-a-sanctuary-b blk:subject id:pl-a }",
                        "tie-a-sanctuary-b", "blk:subject", Severity.Violation),
                broken("tie from an actor to itself", "DELETE WHERE { id:tie-a-sanctuary-b blk:object ?o } ;"
                        + " INSERT DATA { id:tie-a-sanctuary-b blk:object id:state-a }",
                        "tie-a-sanctuary-b", "blk:subject", Severity.Violation),
                broken("tie ends before it starts", "DELETE WHERE { id:tie-a-sanctuary-b blk:validUntil ?o } ;"
                        + " INSERT DATA { id:tie-a-sanctuary-b blk:validUntil \"2020-01-01\"^^xsd:date }",
                        "tie-a-sanctuary-b", "blk:validFrom", Severity.Violation),
                broken("denial without respondsTo", "DELETE WHERE { id:cl-b-denies blk:respondsTo ?o }",
                        "cl-b-denies", "blk:respondsTo", Severity.Violation),
                broken("denial without claimant", "DELETE WHERE { id:cl-b-denies blk:claimant ?o }",
                        "cl-b-denies", "blk:claimant", Severity.Violation),
                broken("claim responds to itself", "INSERT DATA { id:cl-a-accuses-b blk:respondsTo id:cl-a-accuses-b }",
                        "cl-a-accuses-b", null, Severity.Violation),
                broken("quote longer than 20 words", "DELETE WHERE { id:cl-b-denies blk:quote ?q } ;"
                        + " INSERT DATA { id:cl-b-denies blk:quote \"one two three four five six seven eight nine ten"
                        + " eleven twelve thirteen fourteen fifteen sixteen seventeen eighteen nineteen twenty twentyone\"@en }",
                        "cl-b-denies", null, Severity.Violation),
                broken("claim topic that is not a ClaimTopic", "DELETE WHERE { id:cl-b-denies blk:act ?a } ;"
                        + " INSERT DATA { id:cl-b-denies blk:act blkv:Trade }",
                        "cl-b-denies", "blk:act", Severity.Violation),
                broken("figure without value", "DELETE WHERE { id:fig-killed blk:value ?v }",
                        "fig-killed", "blk:value", Severity.Violation),
                broken("figure without unit", "DELETE WHERE { id:fig-killed blk:unit ?v }",
                        "fig-killed", "blk:unit", Severity.Violation),
                broken("figure unit is the class blk:Person, not the unit", "DELETE WHERE { id:fig-killed blk:unit ?v } ;"
                        + " INSERT DATA { id:fig-killed blk:unit blk:Person }",
                        "fig-killed", "blk:unit", Severity.Violation),
                broken("figure without reportedBy", "DELETE WHERE { id:fig-killed blk:reportedBy ?v }",
                        "fig-killed", "blk:reportedBy", Severity.Violation),
                broken("figure value is a string", "DELETE WHERE { id:fig-killed blk:value ?v } ;"
                        + " INSERT DATA { id:fig-killed blk:value \"eleven\" }",
                        "fig-killed", "blk:value", Severity.Violation),
                broken("valueMax without qualifier range", "INSERT DATA { id:fig-killed blk:valueMax 20 }",
                        "fig-killed", null, Severity.Violation),
                broken("range without valueMax", "DELETE WHERE { id:fig-share blk:valueMax ?v }",
                        "fig-share", null, Severity.Violation),
                broken("share above 100 per cent", "DELETE WHERE { id:fig-share blk:value ?v ; blk:valueMax ?m } ;"
                        + " INSERT DATA { id:fig-share blk:value 140 ; blk:valueMax 150 }",
                        "fig-share", "blk:value", Severity.Violation),
                broken("negative casualty figure", "DELETE WHERE { id:fig-killed blk:value ?v } ;"
                        + " INSERT DATA { id:fig-killed blk:value -3 }",
                        "fig-killed", null, Severity.Violation),
                broken("WKT with one coordinate", "DELETE WHERE { id:pl-b-geom geo:asWKT ?w } ;"
                        + " INSERT DATA { id:pl-b-geom geo:asWKT \"POINT(70.1)\"^^geo:wktLiteral }",
                        "pl-b-geom", "geo:asWKT", Severity.Violation),
                broken("WKT latitude out of range (lat/lon swapped)", "DELETE WHERE { id:pl-b-geom geo:asWKT ?w } ;"
                        + " INSERT DATA { id:pl-b-geom geo:asWKT \"POINT(33.2 170.1)\"^^geo:wktLiteral }",
                        "pl-b-geom", null, Severity.Violation),
                broken("WKT as plain string", "DELETE WHERE { id:pl-b-geom geo:asWKT ?w } ;"
                        + " INSERT DATA { id:pl-b-geom geo:asWKT \"POINT(70.1 33.2)\" }",
                        "pl-b-geom", "geo:asWKT", Severity.Violation),
                broken("coordinates without a source", "DELETE WHERE { id:pl-b-geom blk:coordinateSource ?s }",
                        "pl-b-geom", null, Severity.Violation),
                broken("place within itself", "INSERT DATA { id:pl-a geo:sfWithin id:pl-b }",
                        "pl-a", null, Severity.Violation),
                broken("actor whose record cites no section", "DELETE WHERE { ?r foaf:primaryTopic id:state-a ; blk:citedSection ?s }",
                        "state-a", "blk:citedSection", Severity.Violation),
                broken("provenance on the thing instead of its record", "INSERT DATA { id:person-c blk:citedSection id:sec-i }",
                        "person-c", "blk:citedSection", Severity.Violation),
                broken("tie without a status", "DELETE WHERE { id:tie-c-office-b blk:status ?s }",
                        "tie-c-office-b", "blk:status", Severity.Violation),
                broken("claim whose content is an actor", "INSERT DATA { id:cl-a-accuses-b blk:content id:group-b }",
                        "cl-a-accuses-b", "blk:content", Severity.Violation),
                broken("denial that accuses someone", "INSERT DATA { id:cl-b-denies blk:accused id:state-a }",
                        "cl-b-denies", "blk:accused", Severity.Violation),
                broken("event without label", "DELETE WHERE { id:ev-2025-10-09-strike skos:prefLabel ?l }",
                        "ev-2025-10-09-strike", "skos:prefLabel", Severity.Violation),
                broken("label without language tag", "DELETE WHERE { id:group-b rdfs:label ?l } ;"
                        + " INSERT DATA { id:group-b rdfs:label \"Group B\" }",
                        "group-b", "rdfs:label", Severity.Violation),
                broken("identifier with capitals", "DELETE WHERE { id:rec-reopen dct:identifier ?i } ;"
                        + " INSERT DATA { id:rec-reopen dct:identifier \"Rec_Reopen\" }",
                        "rec-reopen", "dct:identifier", Severity.Violation),
                broken("identifier does not match the IRI", "DELETE WHERE { id:rec-reopen dct:identifier ?i } ;"
                        + " INSERT DATA { id:rec-reopen dct:identifier \"rec-other\" }",
                        "rec-reopen", null, Severity.Violation),
                broken("actor that is also a place", "INSERT DATA { id:group-b a blk:District }",
                        "group-b", null, Severity.Violation),
                broken("participation without role", "DELETE WHERE { ?p blk:agent id:group-b ; blk:role blkv:Perpetrator }",
                        null, "blk:role", Severity.Violation),
                broken("role that is not a participant role", "DELETE { ?p blk:role blkv:Perpetrator }"
                        + " INSERT { ?p blk:role blkv:Asserts } WHERE { ?p blk:role blkv:Perpetrator ; blk:agent id:group-b }",
                        null, "blk:role", Severity.Violation),
                broken("participation agent missing from hasParticipant",
                        "DELETE DATA { id:ev-2025-10-08-attack blk:hasParticipant id:group-b }",
                        "ev-2025-10-08-attack", null, Severity.Violation),
                broken("event part of itself", "INSERT DATA { id:ev-2025-10-conflict sem:subEventOf id:ev-2025-10-08-attack }",
                        "ev-2025-10-conflict", null, Severity.Violation),
                broken("event triggered by a later event", "INSERT DATA { id:ev-2025-10-08-attack blk:triggeredBy id:ev-2025-10-09-strike }",
                        "ev-2025-10-08-attack", null, Severity.Violation),
                broken("event triggered by itself", "DELETE WHERE { ?e sem:subEventOf ?p } ;"
                        + " INSERT DATA { id:ev-2025-10-08-attack blk:triggeredBy id:ev-2025-10-08-attack }",
                        "ev-2025-10-08-attack", "blk:triggeredBy", Severity.Violation),
                broken("day-precision date without xsd:date", "DELETE { ?d time:inXSDDate ?x } WHERE"
                        + " { id:ev-2025-10-09-strike blk:date ?d . ?d time:inXSDDate ?x }",
                        null, null, Severity.Violation),
                broken("bounds outside the stated month", "DELETE { ?d blk:latest ?x } INSERT { ?d blk:latest \"2025-12-31\"^^xsd:date }"
                        + " WHERE { id:cl-a-accuses-b blk:date ?d . ?d blk:latest ?x }",
                        null, null, Severity.Violation),
                broken("earliest after latest", "DELETE { id:ev-2025-10-09-strike blk:earliest ?x }"
                        + " INSERT { id:ev-2025-10-09-strike blk:earliest \"2025-10-30\"^^xsd:date }"
                        + " WHERE { id:ev-2025-10-09-strike blk:earliest ?x }",
                        "ev-2025-10-09-strike", "blk:earliest", Severity.Violation),
                broken("date without precision", "DELETE { ?x time:unitType ?u } WHERE { id:fig-share blk:period/time:inDateTime ?x . ?x time:unitType ?u }",
                        null, "time:unitType", Severity.Violation),
                broken("section number does not continue its parent", "DELETE WHERE { id:sec-i-a blk:number ?n } ;"
                        + " INSERT DATA { id:sec-i-a blk:number \"II.A\" }",
                        "sec-i-a", null, Severity.Violation),
                broken("section number in another scheme", "DELETE WHERE { id:sec-i blk:number ?n } ;"
                        + " INSERT DATA { id:sec-i blk:number \"Section 1\" }",
                        "sec-i", "blk:number", Severity.Violation),
                broken("footnote without section", "DELETE WHERE { id:fn-1 blk:referencedIn ?s }",
                        "fn-1", "blk:referencedIn", Severity.Violation),
                broken("interview mode not in-person/telephone", "DELETE WHERE { id:work-interview-1 blk:interviewMode ?m } ;"
                        + " INSERT DATA { id:work-interview-1 blk:interviewMode \"video\" }",
                        "work-interview-1", "blk:interviewMode", Severity.Violation),
                // quality hints
                broken("actor without aliases", "DELETE WHERE { id:group-b skos:altLabel ?a }",
                        "group-b", "skos:altLabel", Severity.Warning),
                broken("event without place", "DELETE WHERE { id:ev-2025-10-09-strike blk:place ?p }",
                        "ev-2025-10-09-strike", "blk:place", Severity.Warning),
                broken("claim without quote", "DELETE WHERE { id:cl-b-denies blk:quote ?q }",
                        "cl-b-denies", "blk:quote", Severity.Warning),
                broken("policy measure without authority", "DELETE { ?p blk:role blkv:Authority } INSERT { ?p blk:role blkv:Participant }"
                        + " WHERE { ?p blk:role blkv:Authority }",
                        "ev-2025-10-closure", "blk:qualifiedParticipation", Severity.Warning),
                broken("district not within anything", "DELETE WHERE { id:pl-b geo:sfWithin ?p ; blk:within ?q }",
                        "pl-b", "geo:sfWithin", Severity.Warning),
                broken("office holding without office", "DELETE WHERE { id:tie-c-office-b blk:office ?o }",
                        "tie-c-office-b", "blk:office", Severity.Warning),
                broken("work cited by no footnote", "DELETE DATA { id:fn-1 blk:cites id:work-interview-1 }",
                        "work-interview-1", null, Severity.Warning),
                broken("tie of no specific kind", "DELETE DATA { id:tie-a-sanctuary-b a blk:Sanctuary } ;"
                        + " INSERT DATA { id:tie-a-sanctuary-b a blk:Tie }",
                        "tie-a-sanctuary-b", null, Severity.Warning),
                broken("denial of one's own claim", "DELETE WHERE { id:cl-b-denies blk:claimant ?c } ;"
                        + " INSERT DATA { id:cl-b-denies blk:claimant id:state-a }",
                        "cl-b-denies", "blk:respondsTo", Severity.Warning),
                broken("sub-event outside the dates of its parent", "DELETE WHERE { id:ev-2025-10-conflict blk:latest ?l } ;"
                        + " INSERT DATA { id:ev-2025-10-conflict blk:latest \"2025-10-08\"^^xsd:date }",
                        "ev-2025-10-09-strike", "sem:subEventOf", Severity.Warning),
                broken("figure anchored neither to event nor period", "DELETE WHERE { id:fig-killed blk:event ?e }",
                        "fig-killed", null, Severity.Warning));
    }

    static Arguments broken(String name, String update, String focus, String path, Severity severity) {
        return Arguments.of(name, update, focus, path, severity);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("brokenSamples")
    void brokenSampleIsReported(String name, String update, String focus, String path, Severity severity) {
        Model data = validSample();
        Model before = ModelFactory.createDefaultModel().add(data);
        UpdateAction.parseExecute(PREFIXES + update, data);
        assertFalse(data.isIsomorphicWith(before), "the update changed nothing: " + update);
        ValidationReport report = validate(data);
        assertFalse(report.conforms(), name + ": expected a result, the graph conforms");
        Node focusNode = focus == null ? null : org.apache.jena.graph.NodeFactory.createURI("https://w3id.org/borderlands-kg/id/" + focus);
        String pathIri = path == null ? null : expand(path);
        boolean found = report.getEntries().stream().anyMatch(e ->
                e.severity() == severity
                        && (focusNode == null || focusNode.equals(e.focusNode()))
                        && (pathIri == null || (e.resultPath() != null && e.resultPath().toString().contains(pathIri))));
        if (!found) {
            fail(name + ": no " + severity.level().getLocalName() + " on " + focus + " / " + path + "; got:" + render(report));
        }
        if (severity == Severity.Warning) {
            List<ReportEntry> violations = report.getEntries().stream()
                    .filter(e -> e.severity() == Severity.Violation).collect(Collectors.toList());
            assertTrue(violations.isEmpty(), name + ": a quality hint must not cause violations:" + render(report));
        }
    }

    static String expand(String curie) {
        String[] parts = curie.split(":", 2);
        String ns = switch (parts[0]) {
            case "blk" -> BLK;
            case "skos" -> SKOS.getURI();
            case "rdfs" -> RDFS.getURI();
            case "dct" -> "http://purl.org/dc/terms/";
            case "geo" -> "http://www.opengis.net/ont/geosparql#";
            case "time" -> "http://www.w3.org/2006/time#";
            case "sem" -> "http://semanticweb.cs.vu.nl/2009/11/sem/";
            default -> throw new IllegalArgumentException(curie);
        };
        return ns + parts[1];
    }

    /** Wrong types hidden by range inference are still caught thanks to the disjointness constraints. */
    @Test
    void placeAsTieSubjectIsCaughtEvenAfterRangeInference() {
        Model data = validSample();
        UpdateAction.parseExecute(PREFIXES + "DELETE WHERE { id:tie-a-sanctuary-b blk:subject ?o } ;"
                + " INSERT DATA { id:tie-a-sanctuary-b blk:subject id:pl-a }", data);
        ValidationReport report = validateWithRdfsInference(data);
        Node plA = org.apache.jena.graph.NodeFactory.createURI("https://w3id.org/borderlands-kg/id/pl-a");
        assertTrue(report.getEntries().stream().anyMatch(e -> e.severity() == Severity.Violation && plA.equals(e.focusNode())),
                "place used as an actor not reported under RDFS inference:" + render(report));
    }
}
