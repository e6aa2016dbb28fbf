package kg.borderlands.serve.artifacts;

import kg.borderlands.Vocab;
import kg.borderlands.load.StoreManager;
import kg.borderlands.support.ServingArtifactsComparison;
import kg.borderlands.support.TestProject;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.DatasetGraphFactory;
import org.apache.jena.sparql.core.Quad;
import org.apache.jena.sparql.engine.binding.Binding;
import org.apache.jena.sparql.exec.QueryExec;
import org.apache.jena.sparql.exec.RowSet;
import org.apache.jena.system.Txn;
import org.apache.jena.vocabulary.RDF;
import org.apache.jena.vocabulary.SKOS;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.*;

/**
 * The serving artifacts patched from a previous build's by a change of the database are the bytes (the search
 * index: the documents, in order) written from scratch over the changed database — for many kinds of change, made
 * here directly on an in-memory copy of the project's store (the default graph and the named graphs changed
 * together, as a delta does): a tie's endpoint, its type, an event's date, a footnote's number, a participation's
 * agent, an actor that stops being one, an answered claim's claimant, a new answer, a place's geometry, a new
 * record, a removed record, a label. Each change is also checked to have been patched, not recomputed.
 */
class ServingArtifactsDeltaTest {
    private static final Node DATA = NodeFactory.createURI(Vocab.GRAPH_DATA);
    private static final Node DEFAULT = Quad.defaultGraphIRI;
    private static DatasetGraph dsg;

    @TempDir
    static Path tmp;
    private static int builds;
    private static Path previous;

    @BeforeAll
    static void copyTheStore() throws Exception {
        StoreManager store = TestProject.realStore();
        DatasetGraph tdb = store.open();
        dsg = DatasetGraphFactory.createTxnMem();
        try {
            Txn.executeRead(tdb, () -> Txn.executeWrite(dsg, () -> {
                tdb.find().forEachRemaining(dsg::add);
                tdb.getDefaultGraph().find().forEachRemaining(t -> dsg.getDefaultGraph().add(t));
            }));
        } finally {
            StoreManager.close(tdb);
        }
        previous = tmp.resolve("b" + builds++);
        ServingArtifacts.write(dsg, previous.resolve(ServingArtifacts.DIR));
    }

    @Test
    void everyKindOfChangeIsPatchedAsWrittenFromScratch() throws Exception {
        // a tie's object becomes another actor
        Binding tie = one("SELECT ?t ?o WHERE { ?c blk:shortcut ?p . ?t a ?c ; blk:subject ?s ; blk:object ?o . FILTER(?o != id:pakistan-military && ?s != id:pakistan-military) }");
        change("a tie's endpoint", both(tie.get("t"), blk("object"), tie.get("o")), both(tie.get("t"), blk("object"), id("pakistan-military")));
        // a tie no longer of a tie class
        Binding typed = one("SELECT ?t ?c WHERE { ?c blk:shortcut ?p . GRAPH <" + Vocab.GRAPH_DATA + "> { ?t a ?c } }");
        change("a tie's type", both(typed.get("t"), RDF.type.asNode(), typed.get("c")), List.of());
        // an event's date
        Binding ev = one("SELECT ?e ?d WHERE { ?e a blk:Event ; blk:earliest ?d ; blk:qualifiedParticipation ?p }");
        change("an event's date", both(ev.get("e"), blk("earliest"), ev.get("d")),
                both(ev.get("e"), blk("earliest"), NodeFactory.createLiteralDT("1999-01-01", org.apache.jena.datatypes.xsd.XSDDatatype.XSDdate)));
        // a footnote's number (the records citing it change)
        Binding fn = one("SELECT ?f ?n WHERE { ?t a blk:Tie ; blk:citedFootnote ?f . ?f blk:number ?n }");
        change("a footnote's number", both(fn.get("f"), blk("number"), fn.get("n")),
                both(fn.get("f"), blk("number"), NodeFactory.createLiteralDT("9999", org.apache.jena.datatypes.xsd.XSDDatatype.XSDinteger)));
        // a participation's agent
        Binding part = one("SELECT ?p ?a WHERE { ?e blk:qualifiedParticipation ?p . ?p blk:agent ?a ; blk:role ?r }");
        change("a participation's agent", both(part.get("p"), blk("agent"), part.get("a")), both(part.get("p"), blk("agent"), id("qatar")));
        // an actor stops being one (every record naming it changes)
        Binding actor = one("SELECT ?a WHERE { ?t blk:subject ?a . ?a a blk:Actor . FILTER NOT EXISTS { ?a a blk:Place } } ORDER BY ?a");
        List<Quad> types = new ArrayList<>();
        Txn.executeRead(dsg, () -> dsg.find(Node.ANY, actor.get("a"), RDF.type.asNode(), Node.ANY).forEachRemaining(types::add));
        Txn.executeRead(dsg, () -> dsg.getDefaultGraph().find(actor.get("a"), RDF.type.asNode(), Node.ANY)
                .forEachRemaining(t -> types.add(Quad.create(DEFAULT, t))));
        change("an actor stops being one", types, List.of());
        // an answered claim's claimant (the denials answering it change)
        Binding answered = one("SELECT ?c ?w WHERE { ?d blk:respondsTo ?c . ?c blk:claimant ?w }");
        change("an answered claim's claimant", both(answered.get("c"), blk("claimant"), answered.get("w")),
                both(answered.get("c"), blk("claimant"), id("india")));
        // a claim answers another now (events it is about become contested)
        Binding claims = one("SELECT ?a ?b WHERE { ?a blk:claimant ?x ; blk:about ?e . ?e a blk:Event . ?b blk:claimant ?y . FILTER(?a != ?b) FILTER NOT EXISTS { ?b blk:respondsTo ?a } }");
        change("a new answer", List.of(), both(claims.get("b"), blk("respondsTo"), claims.get("a")));
        // a place's geometry
        Binding wkt = one("SELECT ?g ?w WHERE { ?p a blk:Place ; geo:hasGeometry ?g . ?g geo:asWKT ?w }");
        change("a place's geometry", both(wkt.get("g"), geo("asWKT"), wkt.get("w")),
                both(wkt.get("g"), geo("asWKT"), NodeFactory.createLiteralDT("POINT(70 33)", wkt.get("w").getLiteralDatatype())));
        // a new tie
        Node fresh = id("tie-new-in-test");
        List<Quad> tieQuads = new ArrayList<>();
        tieQuads.addAll(both(fresh, RDF.type.asNode(), blk("Hostility")));
        tieQuads.addAll(both(fresh, blk("subject"), id("ttp")));
        tieQuads.addAll(both(fresh, blk("object"), id("qatar")));
        tieQuads.addAll(both(fresh, SKOS.prefLabel.asNode(), NodeFactory.createLiteralLang("A tie made by the test", "en")));
        change("a new record", List.of(), tieQuads);
        // a record removed: every quad of an event
        List<Quad> gone = new ArrayList<>();
        Txn.executeRead(dsg, () -> {
            dsg.find(Node.ANY, ev.get("e"), Node.ANY, Node.ANY).forEachRemaining(gone::add);
            dsg.getDefaultGraph().find(ev.get("e"), Node.ANY, Node.ANY).forEachRemaining(t -> gone.add(Quad.create(DEFAULT, t)));
        });
        change("a removed record", gone, List.of());
        // an actor's label (search, catalogue, network node, story labels)
        Binding label = one("SELECT ?a ?l WHERE { ?a a blk:Actor . GRAPH <" + Vocab.GRAPH_DATA + "> { ?a skos:prefLabel ?l } }");
        change("an actor's label", both(label.get("a"), SKOS.prefLabel.asNode(), label.get("l")),
                both(label.get("a"), SKOS.prefLabel.asNode(), NodeFactory.createLiteralLang("Renamed by the test", "en")));
    }

    @Test
    void aChangeToTheOntologyIsNotPatchedIntoTheNetwork() throws Exception {
        Path before = tmp.resolve("onto-before");
        Path after = tmp.resolve("onto-after");
        ServingArtifacts.write(dsg, before.resolve(ServingArtifacts.DIR));
        Quad q = Quad.create(DEFAULT, blk("Hostility"), SKOS.prefLabel.asNode(), NodeFactory.createLiteralString("x"));
        NetworkDelta d = new NetworkDelta(dsg, List.of(), List.of(q));
        assertFalse(d.patch(before.resolve("serving/network.json"), after.resolve("network.json")));
        assertFalse(Files.exists(after.resolve("network.json")));
    }

    /** Applies a change, patches the previous artifacts, writes them from scratch, and compares. */
    private static void change(String what, List<Quad> remove, List<Quad> add) throws IOException {
        List<Quad> removed = new ArrayList<>();
        List<Quad> added = new ArrayList<>();
        Txn.executeWrite(dsg, () -> {
            for (Quad q : remove) {
                if (contains(q)) {
                    delete(q);
                    removed.add(q);
                }
            }
            for (Quad q : add) {
                if (!contains(q)) {
                    insert(q);
                    added.add(q);
                }
            }
        });
        assertFalse(removed.isEmpty() && added.isEmpty(), what + ": the change changes something");
        Path patched = tmp.resolve("b" + builds++);
        ServingArtifacts.write(dsg, patched.resolve(ServingArtifacts.DIR), new ServingArtifacts.Change(previous, removed, added));
        Map<String, String> how = ServingArtifacts.lastWrite();
        Path scratch = tmp.resolve("b" + builds++);
        ServingArtifacts.write(dsg, scratch.resolve(ServingArtifacts.DIR));
        for (String f : ServingArtifactsComparison.FILES) {
            if (f.equals("format")) continue;
            assertEquals(ServingArtifacts.PATCHED, how.get(f), what + ": " + f + " " + how);
        }
        ServingArtifactsComparison.assertSame(scratch, patched, what);
        boolean changedSomething = false;
        for (String f : ServingArtifactsComparison.FILES) {
            changedSomething |= !Arrays.equals(Files.readAllBytes(scratch.resolve("serving").resolve(f)),
                    Files.readAllBytes(previous.resolve("serving").resolve(f)));
        }
        assertTrue(changedSomething, what + " changes some artifact");
        previous = patched;
    }

    private static boolean contains(Quad q) {
        return q.isDefaultGraph() ? dsg.getDefaultGraph().contains(q.asTriple()) : dsg.contains(q);
    }

    private static void delete(Quad q) {
        if (q.isDefaultGraph()) dsg.getDefaultGraph().delete(q.asTriple());
        else dsg.delete(q);
    }

    private static void insert(Quad q) {
        if (q.isDefaultGraph()) dsg.getDefaultGraph().add(q.asTriple());
        else dsg.add(q);
    }

    /** The quad in the data graph and in the default graph. */
    private static List<Quad> both(Node s, Node p, Node o) {
        return List.of(Quad.create(DATA, s, p, o), Quad.create(DEFAULT, s, p, o));
    }

    private static Node blk(String local) {
        return NodeFactory.createURI(Vocab.BLK + local);
    }

    private static Node geo(String local) {
        return NodeFactory.createURI("http://www.opengis.net/ont/geosparql#" + local);
    }

    private static Node id(String id) {
        return NodeFactory.createURI(Vocab.ID + id);
    }

    /** The first row of a query over the default graph. */
    private static Binding one(String select) {
        String q = "PREFIX blk: <" + Vocab.BLK + "> PREFIX id: <" + Vocab.ID + "> PREFIX skos: <" + SKOS.getURI()
                + "> PREFIX geo: <http://www.opengis.net/ont/geosparql#> " + select + " LIMIT 1";
        return Txn.calculateRead(dsg, () -> {
            try (QueryExec qe = QueryExec.dataset(dsg).query(q).build()) {
                RowSet rs = qe.select();
                assertTrue(rs.hasNext(), "a row for " + select);
                return rs.next();
            }
        });
    }
}
