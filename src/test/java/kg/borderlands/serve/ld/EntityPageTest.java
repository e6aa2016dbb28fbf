package kg.borderlands.serve.ld;

import org.apache.jena.rdf.model.Model;
import org.apache.jena.rdf.model.ModelFactory;
import org.apache.jena.rdf.model.Resource;
import org.apache.jena.vocabulary.DCTerms;
import org.apache.jena.vocabulary.RDF;
import org.apache.jena.vocabulary.SKOS;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.*;

/** The HTML page escapes whatever the data hold. */
class EntityPageTest {
    private static final String ID = "https://w3id.org/borderlands-kg/id/";
    private static final String BLK = "https://w3id.org/borderlands-kg/ontology#";

    @Test
    void everyDataValueIsEscaped() {
        Model data = ModelFactory.createDefaultModel();
        Model inferred = ModelFactory.createDefaultModel();
        Resource a = actor(data, inferred, "evil", "<script>alert('x')</script> & co");
        a.addProperty(SKOS.altLabel, "\"quoted\" <b>bold</b>", "en");
        a.addProperty(DCTerms.description, "<img src=x onerror=alert(1)>", "en");
        Resource b = actor(data, inferred, "other", "Other <i>actor</i>");
        Resource tie = data.createResource(ID + "tie-1");
        tie.addProperty(RDF.type, data.createResource(BLK + "Hostility"));
        tie.addProperty(SKOS.prefLabel, "tie <label>", "en");
        tie.addProperty(data.createProperty(BLK + "subject"), a);
        tie.addProperty(data.createProperty(BLK + "object"), b);
        tie.addProperty(data.createProperty(BLK + "office"), "</td><script>", "en");
        inferred.add(tie, RDF.type, inferred.createResource(BLK + "Tie"));

        EntityDescriber d = new EntityDescriber(Snapshot.of(data, inferred, ModelFactory.createDefaultModel()));
        String html = EntityPage.render(d.describe("evil").orElseThrow());
        assertFalse(html.contains("<script>"), html);
        assertFalse(html.contains("<img"), html);
        assertFalse(html.contains("<i>actor"), html);
        assertFalse(html.contains("<b>bold"), html);
        assertTrue(html.contains("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &amp; co"), html);
        assertTrue(html.contains("&quot;quoted&quot;"), html);
        assertTrue(html.contains("Other &lt;i&gt;actor&lt;/i&gt;"), "the other end of the tie, escaped");
        assertTrue(html.contains("&lt;/td&gt;&lt;script&gt;"), "the office, escaped");

        String other = EntityPage.render(d.describe("other").orElseThrow());
        assertTrue(other.contains("id=\"incoming\""), "the tie shows as incoming on the object's page");
        assertTrue(other.contains("&lt;script&gt;alert"), other);
    }

    @Test
    void errorPageEscapesTheMessage() {
        String html = EntityPage.error(404, "BKG-E101", "no record with id '<x>'");
        assertTrue(html.contains("&lt;x&gt;"));
        assertFalse(html.contains("<x>"));
    }

    private static Resource actor(Model data, Model inferred, String id, String label) {
        Resource r = data.createResource(ID + id);
        r.addProperty(RDF.type, data.createResource(BLK + "MilitantGroup"));
        r.addProperty(SKOS.prefLabel, label, "en");
        inferred.add(r, RDF.type, inferred.createResource(BLK + "Actor"));
        return r;
    }
}
