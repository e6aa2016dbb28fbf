package kg.borderlands.serve.ontology;

import kg.borderlands.Vocab;
import kg.borderlands.load.ProjectInputs;
import kg.borderlands.serve.WebTestServer;
import kg.borderlands.support.Python;
import kg.borderlands.support.TestProject;
import com.fasterxml.jackson.databind.JsonNode;
import org.apache.jena.rdf.model.Model;
import org.apache.jena.rdf.model.ModelFactory;
import org.apache.jena.rdf.model.RDFNode;
import org.apache.jena.rdf.model.Resource;
import org.apache.jena.rdf.model.Statement;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFDataMgr;
import org.apache.jena.riot.RDFLanguages;
import org.apache.jena.riot.RDFParser;
import org.apache.jena.riot.process.normalize.CanonicalizeLiteral;
import org.apache.jena.vocabulary.OWL;
import org.apache.jena.vocabulary.OWL2;
import org.apache.jena.vocabulary.RDF;
import org.apache.jena.vocabulary.RDFS;
import org.apache.jena.vocabulary.SKOS;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.*;

/**
 * The ontology published on our server: its IRI and every term IRI dereference, with content negotiation, to what
 * the ontology files say (checked against the files in {@code ontology/}, read here on their own), and the HTML
 * documentation shows each term's label, definition, hierarchy, domain, range and usage counts.
 */
class OntologyPublishingTest {
    private static WebTestServer server;
    /** The ontology as the files state it (every Turtle file but the shapes), read independently of the server. */
    private static Model files;

    @BeforeAll
    static void start() throws IOException {
        files = ModelFactory.createDefaultModel();
        for (Path f : ProjectInputs.under(TestProject.root()).ontologyFiles()) RDFDataMgr.read(files, f.toString());
        files = canonical(files);
        server = WebTestServer.start(null);
    }

    @AfterAll
    static void stop() {
        if (server != null) server.close();
    }

    /** Our terms: {@code blk:} classes and properties and {@code blkv:} concepts and schemes, not the deprecated IRIs. */
    private static List<Resource> ourTerms() {
        List<Resource> terms = new ArrayList<>();
        files.listSubjects().forEachRemaining(s -> {
            if (s.isURIResource() && local(s) != null && !local(s).isEmpty() && !deprecated(s)) terms.add(s);
        });
        return terms;
    }

    private static boolean deprecated(Resource s) {
        return files.contains(s, OWL2.deprecated, files.createTypedLiteral(true));
    }

    /** The local name in blk: or blkv:, else null. */
    private static String local(Resource s) {
        String u = s.getURI();
        return u.startsWith(Vocab.BLK) ? u.substring(Vocab.BLK.length())
                : u.startsWith(Vocab.VOCAB) ? u.substring(Vocab.VOCAB.length()) : null;
    }

    /** Where a term of ours is documented: /ontology/{local} for blk:, /vocab/{local} for blkv:. */
    private static String page(Resource s) {
        return (s.getURI().startsWith(Vocab.BLK) ? "/ontology/" : "/vocab/") + local(s);
    }

    private static Model parse(HttpResponse<String> r, Lang lang) {
        Model m = ModelFactory.createDefaultModel();
        RDFParser.fromString(r.body(), lang).parse(m);
        return canonical(m);
    }

    /** Literals in canonical form: the store keeps values ("10"^^xsd:decimal comes back as "10.0"). */
    private static Model canonical(Model m) {
        Model out = ModelFactory.createDefaultModel();
        m.getGraph().find().forEachRemaining(t -> out.getGraph().add(org.apache.jena.graph.Triple.create(t.getSubject(),
                t.getPredicate(), CanonicalizeLiteral.get().apply(t.getObject()))));
        return out;
    }

    @Test
    void theOntologyIriServesTheWholeOntologyInEveryRdfSyntax() throws Exception {
        for (String type : List.of("text/turtle", "application/ld+json", "application/rdf+xml", "application/n-triples")) {
            HttpResponse<String> r = server.get("/ontology", type);
            assertEquals(200, r.statusCode(), type);
            assertTrue(r.headers().firstValue("Content-Type").orElse("").startsWith(type), type);
            assertEquals("Accept", r.headers().firstValue("Vary").orElse(""));
            assertTrue(parse(r, RDFLanguages.contentTypeToLang(type)).isIsomorphicWith(files), type + ": the ontology files, no more, no less");
        }
        for (String suffix : List.of("ttl", "jsonld", "rdf", "nt")) {
            HttpResponse<String> r = server.get("/ontology." + suffix, null);
            assertEquals(200, r.statusCode(), suffix);
            assertTrue(parse(r, RDFLanguages.fileExtToLang(suffix)).isIsomorphicWith(files), suffix);
        }
        HttpResponse<String> html = server.get("/ontology", "text/html,application/xhtml+xml,*/*;q=0.8");
        assertEquals(200, html.statusCode());
        assertTrue(html.body().contains("href=\"" + Vocab.LICENSE_DATA + "\""), "the page states the licence");
        assertFalse(html.body().contains("<style"), "no inline style (a Content-Security-Policy can forbid it)");
        for (String css : List.of("/explorer/entity.css", "/explorer/ontology.css")) {
            assertTrue(html.body().contains("href=\"" + css + "\""), css);
            HttpResponse<String> sheet = server.get(css, null);
            assertEquals(200, sheet.statusCode(), css);
            assertTrue(sheet.headers().firstValue("Content-Type").orElse("").startsWith("text/css"), css);
        }
        assertTrue(html.headers().firstValue("Content-Type").orElse("").startsWith("text/html"));
        for (Resource t : ourTerms()) {
            String local = local(t);
            assertTrue(html.body().contains("id=\"" + local + "\""), "the hash IRI …#" + local + " lands on its section");
        }
    }

    @Test
    void everyTermIriDereferencesToItsOwnStatements() throws Exception {
        List<Resource> terms = ourTerms();
        assertTrue(terms.size() > 100, "the ontology has its terms: " + terms.size());
        assertTrue(terms.stream().filter(t -> t.getURI().startsWith(Vocab.VOCAB)).count() > 70, "the concepts are served too");
        for (Resource t : terms) {
            String local = page(t);
            HttpResponse<String> r = server.get(page(t), "text/turtle");
            assertEquals(200, r.statusCode(), local);
            Model m = parse(r, Lang.TURTLE);
            for (Statement st : files.listStatements(t, null, (RDFNode) null).toList()) {
                if (st.getObject().isAnon()) {
                    assertTrue(m.contains(t, st.getPredicate()), local + " " + st.getPredicate());
                } else {
                    assertTrue(m.contains(st), local + ": " + st);
                }
            }
            assertTrue(m.contains(t, RDFS.isDefinedBy, m.getResource(t.getURI().startsWith(Vocab.VOCAB)
                    ? OntologyCatalogue.VOCAB_IRI : OntologyCatalogue.ONTOLOGY_IRI)), local);
        }
    }

    @Test
    void everyTermHasADocumentationPage() throws Exception {
        for (Resource t : ourTerms()) {
            String local = page(t);
            HttpResponse<String> r = server.get(page(t), "text/html");
            assertEquals(200, r.statusCode(), local);
            String page = r.body();
            String label = string(t, RDFS.label, SKOS.prefLabel);
            if (label != null) assertTrue(page.contains("<h1>" + esc(label) + "</h1>"), local + " label " + label);
            String definition = string(t, SKOS.definition);
            if (definition != null) assertTrue(page.contains(esc(definition)), local + " definition");
            boolean isClass = files.contains(t, RDF.type, OWL.Class);
            boolean isConcept = files.contains(t, RDF.type, SKOS.Concept);
            var down = isConcept ? SKOS.broader : isClass ? RDFS.subClassOf : RDFS.subPropertyOf;
            for (Resource sub : files.listSubjectsWithProperty(down, t).toList()) {
                if (local(sub) == null || deprecated(sub)) continue;
                assertTrue(page.contains("href=\"" + page(sub) + "\""), local + " lists its sub-term " + page(sub));
            }
            for (RDFNode b : files.listObjectsOfProperty(t, SKOS.broader).toList()) {
                assertTrue(page.contains("href=\"" + page(b.asResource()) + "\""), local + " links its broader concept");
            }
            for (var p : List.of(RDFS.domain, RDFS.range)) {
                for (RDFNode o : files.listObjectsOfProperty(t, p).toList()) {
                    if (!o.isURIResource()) continue;
                    String href = o.asResource().getURI().startsWith(Vocab.BLK)
                            ? "/ontology/" + o.asResource().getURI().substring(Vocab.BLK.length()) : o.asResource().getURI();
                    assertTrue(page.contains("href=\"" + esc(href) + "\""), local + " " + p.getLocalName() + " " + href);
                }
            }
        }
    }

    @Test
    void usageCountsAreTheData() throws Exception {
        // how many actors the curated files type as MilitantGroup, counted in the YAML itself
        long militantGroups;
        try (Stream<Path> s = Files.walk(TestProject.root().resolve("data"))) {
            militantGroups = s.filter(p -> p.toString().endsWith(".yaml")).mapToLong(p -> {
                try {
                    return Files.readAllLines(p).stream().filter(l -> l.trim().equals("type: MilitantGroup")).count();
                } catch (IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            }).sum();
        }
        assertTrue(militantGroups > 0);
        assertEquals(militantGroups, count("/ontology/MilitantGroup", "instances stated in the data"));

        // the same counts, by SPARQL over the graphs the pages are built from (the served snapshot: curated
        // statements and inferred ones), rather than by the catalogue's own counting
        var snapshot = server.web().snapshot();
        Model data = snapshot.data();
        assertEquals(snapshot.read(() -> count(ModelFactory.createUnion(data, snapshot.inferred()), "SELECT (COUNT(DISTINCT ?s) AS ?n) { ?s a <" + Vocab.BLK + "Actor> }")),
                count("/ontology/Actor", "instances with inferred types"));
        assertEquals(snapshot.read(() -> count(data, "SELECT (COUNT(*) AS ?n) { ?s <" + Vocab.BLK + "subject> ?o }")),
                count("/ontology/subject", "statements in the data"));
        assertEquals(snapshot.read(() -> count(data, "SELECT (COUNT(*) AS ?n) { ?s ?p <" + Vocab.VOCAB + "Perpetrator> }")),
                count("/vocab/Perpetrator", "times used as a value in the data"));
        assertTrue(count("/vocab/Perpetrator", "times used as a value in the data") > 0, "the data uses the blkv: concept");
    }

    private static long count(Model m, String query) {
        try (var qe = org.apache.jena.query.QueryExecution.model(m).query(query).build()) {
            return qe.execSelect().next().getLiteral("n").getLong();
        }
    }

    @Test
    void rdflibReadsTheOntologyAndARecordsJsonLd() throws Exception {
        Python.require("rdflib");
        Python.Result run = Python.script("linked_data_client.py", server.url(""));
        assertEquals(0, run.exit(), run.describe());
        JsonNode report = new com.fasterxml.jackson.databind.ObjectMapper().readTree(run.out());
        List<String> problems = new ArrayList<>();
        for (JsonNode r : report.get("reads")) {
            String what = r.get("url").asText() + " (" + r.get("format").asText() + ")";
            if (r.has("error")) problems.add(what + ": " + r.get("error").asText());
            else {
                String url = r.get("url").asText();
                boolean record = url.endsWith("/id/ttp.jsonld");
                if (!record && !r.get("actorIsClass").asBoolean()) problems.add(what + ": no 'blk:Actor a owl:Class'");
                long expected = record ? parse(server.get("/id/ttp", "text/turtle"), Lang.TURTLE).size()
                        : url.endsWith("/ontology/Actor") ? describedActor() : files.size();
                if (r.get("triples").asLong() != expected) problems.add(what + ": " + r.get("triples").asLong() + " triples, expected " + expected);
            }
        }
        assertEquals(List.of(), problems);
        assertEquals(7, report.get("reads").size());
    }

    /** The statements of blk:Actor in the files, plus its rdfs:isDefinedBy (no blank nodes hang off it). */
    private static long describedActor() {
        return files.listStatements(files.getResource(Vocab.BLK + "Actor"), null, (RDFNode) null).toList().size() + 1;
    }

    /**
     * Terms renamed or moved by issue #14 (found with {@code git log -p -- ontology/}): the case-only pairs renamed,
     * and every concept and concept scheme moved from {@code blk:} to {@code blkv:} under the same local name.
     * Each old IRI is declared deprecated, with the new one as {@code dct:isReplacedBy}, and its page answers a
     * permanent redirect (308) to the new page, keeping the format suffix.
     */
    @Test
    void renamedAndMovedTermsAreDeprecatedAndRedirect() throws Exception {
        java.util.Map<String, String> moved = new java.util.TreeMap<>(java.util.Map.of(
                "country", Vocab.BLK + "homeState",
                "Subject", Vocab.VOCAB + "SubjectRole",
                "Claimant", Vocab.VOCAB + "ClaimantRole"));
        files.listSubjectsWithProperty(RDF.type, SKOS.Concept).forEachRemaining(c -> moved.put(local(c), c.getURI()));
        files.listSubjectsWithProperty(RDF.type, SKOS.ConceptScheme).forEachRemaining(c -> moved.put(local(c), c.getURI()));
        moved.remove("SupportStrengthScheme");   // new with the move: blk:TitleOnly had no scheme, so no old IRI
        assertTrue(moved.size() > 80, "3 renamed terms, 78 concepts and 8 schemes: " + moved.size());
        var replacedBy = files.createProperty("http://purl.org/dc/terms/", "isReplacedBy");
        List<String> problems = new ArrayList<>();
        for (var e : moved.entrySet()) {
            Resource old = files.getResource(Vocab.BLK + e.getKey());
            if (!deprecated(old)) problems.add(e.getKey() + ": not owl:deprecated true");
            if (!files.contains(old, replacedBy, files.getResource(e.getValue()))) problems.add(e.getKey() + ": no dct:isReplacedBy " + e.getValue());
            String target = (e.getValue().startsWith(Vocab.BLK) ? "/ontology/" : "/vocab/") + local(files.getResource(e.getValue()));
            HttpResponse<String> r = server.get("/ontology/" + e.getKey(), "text/html");
            if (r.statusCode() != 308) problems.add("/ontology/" + e.getKey() + ": " + r.statusCode() + ", not 308");
            else if (!target.equals(r.headers().firstValue("Location").orElse(""))) {
                problems.add("/ontology/" + e.getKey() + " → " + r.headers().firstValue("Location").orElse("(none)") + ", not " + target);
            } else if (server.get(target, "text/html").statusCode() != 200) problems.add(target + " is not served");
        }
        assertEquals(List.of(), problems);
        HttpResponse<String> ttl = server.get("/ontology/Subject.ttl", null);
        assertEquals(308, ttl.statusCode());
        assertEquals("/vocab/SubjectRole.ttl", ttl.headers().firstValue("Location").orElse(""));
        // the case-only twin of the old IRI is still its own term, not a redirect
        assertEquals(200, server.get("/ontology/subject", "text/html").statusCode());
        // an old IRI is not a term of the vocabulary namespace, and the new pages list no deprecated term
        assertEquals(404, server.get("/vocab/country", "text/html").statusCode());
        String whole = server.get("/ontology", "text/html").body();
        assertTrue(whole.contains("Deprecated IRIs (" + moved.size() + ")"), "the whole document lists the deprecated IRIs");
    }

    @Test
    void unknownTermsAre404AndUnofferedTypes406() throws Exception {
        assertEquals(404, server.get("/ontology/NoSuchTerm", "text/html").statusCode());
        HttpResponse<String> ttl = server.get("/ontology/NoSuchTerm", "text/turtle");
        assertEquals(404, ttl.statusCode());
        assertTrue(ttl.body().startsWith("# BKG-E101"), ttl.body());
        assertEquals(406, server.get("/ontology", "image/png").statusCode());
        assertEquals(406, server.get("/ontology/Actor", "image/png").statusCode());
    }

    private static long count(String page, String what) throws Exception {
        String body = server.get(page, "text/html").body();
        Matcher m = Pattern.compile("<th>" + Pattern.quote(what) + "</th><td class=\"count\">(\\d+)</td>").matcher(body);
        assertTrue(m.find(), page + " shows '" + what + "'");
        return Long.parseLong(m.group(1));
    }

    private static String string(Resource t, org.apache.jena.rdf.model.Property... ps) {
        for (var p : ps) {
            Statement st = t.getProperty(p, "en");
            if (st == null) st = t.getProperty(p);
            if (st != null && st.getObject().isLiteral()) return st.getString();
        }
        return null;
    }

    private static String esc(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;").replace("'", "&#39;");
    }
}
