package kg.borderlands.serve.ontology;

import java.util.List;

/**
 * What the documentation page of one ontology term says: its kind, label, definition, place in the class or
 * property hierarchy, domain and range, and how often the served data uses it.
 *
 * @param localName    the name after {@code #} (also the page {@code /ontology/{localName}} and the anchor)
 * @param kinds        e.g. "class", "object property", "concept"
 * @param usage        counts of use in the data, each with what it counts (never empty for a used term)
 */
public record OntologyTerm(String iri, String localName, List<String> kinds, String label, String definition,
                           String comment, List<Ref> superTerms, List<Ref> subTerms, List<Ref> domain,
                           List<Ref> range, List<Ref> inverseOf, List<Ref> inScheme, List<Ref> types,
                           List<Usage> usage) {
    public OntologyTerm {
        kinds = List.copyOf(kinds);
        superTerms = List.copyOf(superTerms);
        subTerms = List.copyOf(subTerms);
        domain = List.copyOf(domain);
        range = List.copyOf(range);
        inverseOf = List.copyOf(inverseOf);
        inScheme = List.copyOf(inScheme);
        types = List.copyOf(types);
        usage = List.copyOf(usage);
    }

    /**
     * A term named on a page: ours ({@code local} set: linked to its own page) or another vocabulary's (linked to
     * its IRI), or an anonymous class described in words ({@code iri} null).
     */
    public record Ref(String iri, String label, String local) {}

    /** One count: {@code what} says what is counted ("asserted instances", "statements in the data"…). */
    public record Usage(String what, long count) {}
}
