package kg.borderlands.serve.ontology;

import kg.borderlands.serve.ld.Html;
import kg.borderlands.serve.ld.Snapshot;
import kg.borderlands.Vocab;
import kg.borderlands.serve.ontology.OntologyTerm.Ref;
import kg.borderlands.serve.ontology.OntologyTerm.Usage;
import org.apache.jena.rdf.model.RDFNode;
import org.apache.jena.rdf.model.Statement;
import org.apache.jena.shared.PrefixMapping;
import org.apache.jena.vocabulary.OWL;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The ontology's documentation as HTML, in the style of the Linked Data pages: the whole ontology at
 * {@code /ontology} (one section per term, anchored by its local name, so {@code …/ontology#Actor} lands on it)
 * and one page per term at {@code /ontology/{term}}.
 */
public final class OntologyPage {
    /**
     * Style sheets, files of the explorer (no inline style, so a Content-Security-Policy needs no exception): the
     * Linked Data pages' own and the ontology's additions.
     */
    static final String STYLESHEETS = "<link rel=\"stylesheet\" href=\"/explorer/entity.css\">"
            + "<link rel=\"stylesheet\" href=\"/explorer/ontology.css\">";
    /** Order of the sections of the whole ontology, by a term's first kind. */
    private static final List<String> GROUPS = List.of("class", "object property", "datatype property",
            "annotation property", "concept scheme", "concept", "other");

    /** The project prefixes and those the ontology header uses. */
    private static final PrefixMapping PREFIXES = Vocab.prefixes()
            .setNsPrefix("vann", "http://purl.org/vocab/vann/").setNsPrefix("owl", OWL.NS).lock();

    private OntologyPage() {}

    /** The whole ontology: header statements, a table of contents, every term. */
    public static String whole(OntologyCatalogue catalogue) {
        Html h = open("Borderlands KG ontology", "/ontology");
        h.raw("<h1>Borderlands KG ontology</h1><p class=\"meta\"><code>").text(OntologyCatalogue.ONTOLOGY_IRI)
                .raw("</code> · this document as ").link("/ontology.ttl", "Turtle").raw(", ").link("/ontology.jsonld", "JSON-LD")
                .raw(", ").link("/ontology.rdf", "RDF/XML").raw(", ").link("/ontology.nt", "N-Triples").raw("</p>");
        h.raw("<p class=\"meta\">Definitions are given with <code>skos:definition</code> (not the OBO annotation "
                + "<code>IAO:0000115</code>). Usage counts are taken from the data this server publishes.</p>");
        h.raw("<section id=\"about\"><h2>About</h2><table><tr><th>ontology</th><th>property</th><th>value</th></tr>");
        for (Statement st : catalogue.header()) {
            h.raw("<tr><td><code>").text(st.getSubject().getURI()).raw("</code></td><td>").text(PREFIXES.shortForm(st.getPredicate().getURI()))
                    .raw("</td><td>").raw(value(st.getObject())).raw("</td></tr>");
        }
        h.raw("</table></section>");

        Map<String, List<OntologyTerm>> groups = new LinkedHashMap<>();
        for (String g : GROUPS) groups.put(g, new ArrayList<>());
        List<OntologyTerm> all = new ArrayList<>(catalogue.terms().values());
        all.addAll(catalogue.concepts().values());
        for (OntologyTerm t : all) {
            String g = t.kinds().isEmpty() ? "other" : t.kinds().get(0);
            groups.getOrDefault(g, groups.get("other")).add(t);
        }
        h.raw("<nav class=\"toc\">");
        groups.forEach((g, ts) -> {
            if (ts.isEmpty()) return;
            h.raw("<h2>").text(plural(g)).raw(" (").text(Integer.toString(ts.size())).raw(")</h2><p>");
            for (OntologyTerm t : ts) h.link("#" + t.localName(), t.localName());
            h.raw("</p>");
        });
        if (!catalogue.replacements().isEmpty()) {
            h.raw("<h2>Deprecated IRIs (").text(Integer.toString(catalogue.replacements().size())).raw(")</h2><p>");
            catalogue.replacements().forEach((old, by) -> h.text(old).raw(" → ")
                    .link(OntologyCatalogue.page(by), Snapshot.compact(by)).raw(" "));
            h.raw("</p>");
        }
        h.raw("</nav>");
        groups.forEach((g, ts) -> {
            for (OntologyTerm t : ts) term(h, t, true);
        });
        return close(h);
    }

    /** The page of one term. */
    public static String single(OntologyTerm t) {
        String page = OntologyCatalogue.page(t.iri());
        Html h = open((t.label() == null ? t.localName() : t.label()) + " — Borderlands KG ontology", page);
        h.raw("<p class=\"meta\">").link("/ontology#" + t.localName(), "in the whole ontology").raw(" · this term as ")
                .link(page + ".ttl", "Turtle").raw(", ")
                .link(page + ".jsonld", "JSON-LD").raw(", ")
                .link(page + ".rdf", "RDF/XML").raw("</p>");
        term(h, t, false);
        return close(h);
    }

    private static void term(Html h, OntologyTerm t, boolean inWhole) {
        h.raw("<section class=\"term\" id=\"").text(t.localName()).raw("\">");
        h.raw(inWhole ? "<h3>" : "<h1>").text(t.label() == null ? t.localName() : t.label()).raw(inWhole ? "</h3>" : "</h1>");
        h.raw("<p class=\"kinds\">").text(String.join(", ", t.kinds())).raw("</p>");
        h.raw("<p class=\"meta\"><code>").text(t.iri()).raw("</code>");
        if (inWhole) h.raw(" · ").link(OntologyCatalogue.page(t.iri()), "page");
        h.raw("</p>");
        if (t.definition() != null) h.raw("<p class=\"definition\">").text(t.definition()).raw("</p>");
        else h.raw("<p class=\"none\">no definition</p>");
        if (t.comment() != null) h.raw("<p class=\"meta\">").text(t.comment()).raw("</p>");
        h.raw("<table>");
        boolean property = t.kinds().stream().anyMatch(k -> k.endsWith("property"));
        boolean concept = t.kinds().contains("concept");
        row(h, "type", t.types(), inWhole);
        row(h, property ? "super-properties" : concept ? "broader" : "super-classes", t.superTerms(), inWhole);
        row(h, property ? "sub-properties" : concept ? "narrower" : "sub-classes", t.subTerms(), inWhole);
        row(h, "domain", t.domain(), inWhole);
        row(h, "range", t.range(), inWhole);
        row(h, "inverse of", t.inverseOf(), inWhole);
        row(h, "in scheme", t.inScheme(), inWhole);
        for (Usage u : t.usage()) {
            h.raw("<tr><th>").text(u.what()).raw("</th><td class=\"count\">").text(Long.toString(u.count())).raw("</td></tr>");
        }
        h.raw("</table></section>");
    }

    private static void row(Html h, String heading, List<Ref> refs, boolean inWhole) {
        if (refs.isEmpty()) return;
        h.raw("<tr><th>").text(heading).raw("</th><td>");
        for (int i = 0; i < refs.size(); i++) {
            if (i > 0) h.raw(", ");
            Ref r = refs.get(i);
            if (r.local() != null) h.link(inWhole ? "#" + r.local() : OntologyCatalogue.page(r.iri()), r.label());
            else if (r.iri() != null) h.link(r.iri(), r.label());
            else h.text(r.label());
        }
        h.raw("</td></tr>");
    }

    private static String value(RDFNode o) {
        if (o.isLiteral()) return Html.esc(o.asLiteral().getLexicalForm());
        if (o.isURIResource()) {
            String iri = o.asResource().getURI();
            return "<a href=\"" + Html.esc(iri) + "\">" + Html.esc(iri) + "</a>";
        }
        return Html.esc(o.toString());
    }

    private static Html open(String title, String self) {
        return new Html().raw("<!doctype html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">")
                .raw("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">")
                .raw("<title>").text(title).raw("</title>")
                .raw("<link rel=\"alternate\" type=\"text/turtle\" href=\"").text(self + ".ttl").raw("\">")
                .raw("<link rel=\"alternate\" type=\"application/ld+json\" href=\"").text(self + ".jsonld").raw("\">")
                .raw(STYLESHEETS).raw("</head><body>")
                .raw("<header class=\"top\"><a href=\"/\">borderlands-kg</a>").link("/ontology", "ontology").raw("</header><main>");
    }

    private static String close(Html h) {
        return h.raw("<footer class=\"meta\"><p>The ontology, like the data, is published under ")
                .link(Vocab.LICENSE_DATA, "CC BY 4.0").raw(".</p></footer></main></body></html>\n").toString();
    }

    private static String plural(String kind) {
        return switch (kind) {
            case "class" -> "Classes";
            case "other" -> "Other terms";
            default -> Character.toUpperCase(kind.charAt(0)) + (kind.endsWith("property")
                    ? kind.substring(1, kind.length() - 1) + "ies" : kind.substring(1) + "s");
        };
    }
}
