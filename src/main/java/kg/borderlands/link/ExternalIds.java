package kg.borderlands.link;

import org.apache.jena.rdf.model.Property;
import org.apache.jena.vocabulary.OWL;
import org.apache.jena.vocabulary.SKOS;

import java.util.Locale;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * The external datasets we link to and the mapping predicates we allow: how an identifier is written in
 * curated data (a CURIE such as {@code wikidata:Q843}), which shapes are accepted, and the IRI it stands for.
 * One place for this so that the loader, the SSSOM writer and the VoID linksets never disagree.
 */
public final class ExternalIds {
    private ExternalIds() {}

    /** An external dataset. */
    public enum Target {
        WIKIDATA("wikidata", "http://www.wikidata.org/entity/", "", "^wikidata:Q[1-9][0-9]*$",
                "^http://www[.]wikidata[.]org/entity/Q[1-9][0-9]*$", "https://www.wikidata.org/", "Wikidata"),
        /** GeoNames concept IRIs end with a slash: https://sws.geonames.org/1168579/ */
        GEONAMES("geonames", "https://sws.geonames.org/", "/", "^geonames:[1-9][0-9]*$",
                "^https://sws[.]geonames[.]org/[1-9][0-9]*/$", "https://www.geonames.org/", "GeoNames"),
        DBPEDIA("dbpedia", "http://dbpedia.org/resource/", "", "^dbpedia:[^\\s]+$",
                "^http://dbpedia[.]org/resource/[^ ]+$", "https://dbpedia.org/", "DBpedia");

        private final String prefix;
        private final String namespace;
        private final String suffix;
        private final Pattern pattern;
        private final String iriRegex;
        private final String datasetIri;
        private final String title;

        Target(String prefix, String namespace, String suffix, String regex, String iriRegex, String datasetIri,
               String title) {
            this.prefix = prefix;
            this.namespace = namespace;
            this.suffix = suffix;
            this.pattern = Pattern.compile(regex);
            this.iriRegex = iriRegex;
            this.datasetIri = datasetIri;
            this.title = title;
        }

        /** The CURIE prefix, e.g. {@code wikidata}. */
        public String prefix() {
            return prefix;
        }

        /** What the prefix expands to (the SSSOM curie_map entry). */
        public String namespace() {
            return namespace;
        }

        /** The regular expression a CURIE of this dataset must match. */
        public String regex() {
            return pattern.pattern();
        }

        /** A regular expression (no backslashes, usable in SPARQL) that the IRIs of this dataset match. */
        public String iriRegex() {
            return iriRegex;
        }

        /** The dataset as a whole (the target of our VoID linkset). */
        public String datasetIri() {
            return datasetIri;
        }

        public String title() {
            return title;
        }

        boolean owns(String iri) {
            return iri.startsWith(namespace) && iri.endsWith(suffix) && iri.length() > namespace.length() + suffix.length();
        }
    }

    /** The mapping predicates a curator may use, as written in data ({@code predicate:}). */
    public enum Predicate {
        EXACT_MATCH("exactMatch", SKOS.exactMatch, "skos:exactMatch", true),
        CLOSE_MATCH("closeMatch", SKOS.closeMatch, "skos:closeMatch", false),
        SAME_AS("sameAs", OWL.sameAs, "owl:sameAs", true);

        private final String token;
        private final Property property;
        private final String curie;
        private final boolean identity;

        Predicate(String token, Property property, String curie, boolean identity) {
            this.token = token;
            this.property = property;
            this.curie = curie;
            this.identity = identity;
        }

        public String token() {
            return token;
        }

        public Property property() {
            return property;
        }

        /** As SSSOM writes it (predicate_id). */
        public String curie() {
            return curie;
        }

        /** True for the predicates that claim the two sides are the same thing (exactMatch, sameAs). */
        public boolean identity() {
            return identity;
        }

        public static Predicate byToken(String token) {
            for (Predicate p : values()) if (p.token.equals(token)) return p;
            return null;
        }

        public static Predicate byIri(String iri) {
            for (Predicate p : values()) if (p.property.getURI().equals(iri)) return p;
            return null;
        }
    }

    /** The dataset a CURIE belongs to (by prefix), or null. The CURIE may still be malformed. */
    public static Target targetOf(String curie) {
        if (curie == null) return null;
        int colon = curie.indexOf(':');
        if (colon < 0) return null;
        String prefix = curie.substring(0, colon).toLowerCase(Locale.ROOT);
        for (Target t : Target.values()) if (t.prefix.equals(prefix)) return t;
        return null;
    }

    /** Null if the CURIE is a well-formed identifier of a known dataset, else why not (one sentence). */
    public static String problem(String curie) {
        if (curie == null || curie.isBlank()) return "an external identifier is required";
        Target t = targetOf(curie);
        if (t == null) return "'" + curie + "' has no known prefix; use wikidata:, geonames: or dbpedia:";
        if (!t.pattern.matcher(curie).matches()) {
            return "'" + curie + "' is not a well-formed " + t.title + " identifier (expected " + t.regex() + ")";
        }
        return null;
    }

    /** The IRI a well-formed CURIE stands for. */
    public static String toIri(String curie) {
        String p = problem(curie);
        if (p != null) throw new IllegalArgumentException(p);
        Target t = targetOf(curie);
        return t.namespace + curie.substring(t.prefix.length() + 1) + t.suffix;
    }

    /** The CURIE of an external IRI, or null if the IRI is not in a dataset we link to. */
    public static String toCurie(String iri) {
        Objects.requireNonNull(iri, "iri");
        for (Target t : Target.values()) {
            if (t.owns(iri)) {
                String curie = t.prefix + ":" + iri.substring(t.namespace.length(), iri.length() - t.suffix.length());
                return problem(curie) == null ? curie : null;
            }
        }
        return null;
    }

    /** The dataset an external IRI belongs to, or null. */
    public static Target targetOfIri(String iri) {
        String curie = toCurie(iri);
        return curie == null ? null : targetOf(curie);
    }
}
