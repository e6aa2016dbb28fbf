package kg.borderlands.link;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Which Wikidata classes (P31, or a subclass of them via P279) a candidate must belong to for each of our
 * classes, so that reconciliation never proposes a person for a party or a city for a militant group.
 * Ordered from specific to general: the first of our classes an entity has decides. Each Wikidata class id was
 * checked against public SPARQL code that names it (see docs/linking.md, "Reconciliation").
 */
public final class WikidataClasses {
    public static final String HUMAN = "Q5";
    public static final String POLITICAL_PARTY = "Q7278";
    public static final String POLITICAL_ORGANIZATION = "Q7210356";
    public static final String ORGANIZATION = "Q43229";
    public static final String INTERNATIONAL_ORGANIZATION = "Q484652";
    public static final String GOVERNMENT_AGENCY = "Q327333";
    /** Weaker evidence than the others: seen only in a class table in public code. */
    public static final String NEWSPAPER = "Q11032";
    public static final String NEWS_MEDIA = "Q1193236";
    public static final String COUNTRY = "Q6256";
    public static final String SOVEREIGN_STATE = "Q3624078";
    public static final String CITY = "Q515";
    /** Weaker evidence than the others: seen only in class lists in public code, without a comment. */
    public static final String ADMINISTRATIVE_TERRITORIAL_ENTITY = "Q56061";

    /** English names of the classes above, for printing. */
    public static final Map<String, String> NAMES = Map.ofEntries(
            Map.entry(HUMAN, "human"), Map.entry(POLITICAL_PARTY, "political party"),
            Map.entry(POLITICAL_ORGANIZATION, "political organization"), Map.entry(ORGANIZATION, "organization"),
            Map.entry(INTERNATIONAL_ORGANIZATION, "international organization"),
            Map.entry(GOVERNMENT_AGENCY, "government agency"), Map.entry(NEWSPAPER, "newspaper"),
            Map.entry(NEWS_MEDIA, "news media"), Map.entry(COUNTRY, "country"),
            Map.entry(SOVEREIGN_STATE, "sovereign state"), Map.entry(CITY, "city"),
            Map.entry(ADMINISTRATIVE_TERRITORIAL_ENTITY, "administrative territorial entity"));

    private static final Map<String, List<String>> TABLE = new LinkedHashMap<>();

    static {
        TABLE.put("Person", List.of(HUMAN));
        TABLE.put("PoliticalParty", List.of(POLITICAL_PARTY));
        TABLE.put("InternationalOrganisation", List.of(INTERNATIONAL_ORGANIZATION));
        TABLE.put("State", List.of(SOVEREIGN_STATE, COUNTRY));
        TABLE.put("Country", List.of(SOVEREIGN_STATE, COUNTRY));
        TABLE.put("MediaOutlet", List.of(NEWSPAPER, NEWS_MEDIA, ORGANIZATION));
        TABLE.put("GovernmentBody", List.of(GOVERNMENT_AGENCY, ORGANIZATION));
        TABLE.put("SecurityForce", List.of(GOVERNMENT_AGENCY, ORGANIZATION));
        TABLE.put("MilitantGroup", List.of(POLITICAL_ORGANIZATION, ORGANIZATION));
        TABLE.put("Organisation", List.of(ORGANIZATION));
        TABLE.put("Capital", List.of(CITY));
        TABLE.put("City", List.of(CITY));
        TABLE.put("Town", List.of(CITY, ADMINISTRATIVE_TERRITORIAL_ENTITY));
        TABLE.put("Province", List.of(ADMINISTRATIVE_TERRITORIAL_ENTITY));
        TABLE.put("District", List.of(ADMINISTRATIVE_TERRITORIAL_ENTITY));
        TABLE.put("Region", List.of(ADMINISTRATIVE_TERRITORIAL_ENTITY));
        TABLE.put("Place", List.of(ADMINISTRATIVE_TERRITORIAL_ENTITY, CITY));
    }

    private WikidataClasses() {}

    /** The whole table, our class local name to Wikidata class ids (unmodifiable). */
    public static Map<String, List<String>> table() {
        return java.util.Collections.unmodifiableMap(TABLE);
    }

    /**
     * The Wikidata classes allowed for an entity with these blk: types (local names, including inferred
     * super-classes), or an empty list if none of our classes is in the table.
     */
    public static List<String> forTypes(Set<String> blkTypes) {
        for (Map.Entry<String, List<String>> e : TABLE.entrySet()) {
            if (blkTypes.contains(e.getKey())) return e.getValue();
        }
        return List.of();
    }

    /** The first of our classes in the table that the entity has (the one that decided), or null. */
    public static String decidingClass(Set<String> blkTypes) {
        for (String k : TABLE.keySet()) if (blkTypes.contains(k)) return k;
        return null;
    }
}
