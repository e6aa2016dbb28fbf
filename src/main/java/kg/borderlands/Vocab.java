package kg.borderlands;

import org.apache.jena.rdf.model.Property;
import org.apache.jena.rdf.model.Resource;
import org.apache.jena.rdf.model.ResourceFactory;

/** The project's namespaces, defined once. */
public final class Vocab {
    private Vocab() {}

    /** Base of every IRI this project mints. */
    public static final String BASE = "https://w3id.org/borderlands-kg/";
    /** Ontology namespace (prefix {@code blk:}). */
    public static final String BLK = BASE + "ontology#";
    /**
     * Namespace of the controlled vocabularies' SKOS concepts and concept schemes (prefix {@code blkv:}), apart from
     * the class namespace since issue #14 (ontology/vocab.ttl, docs/ontology.md "Controlled vocabularies").
     */
    public static final String VOCAB = BASE + "vocab/";
    /** Namespace of curated records: {@code BASE + "id/" + recordId}. */
    public static final String ID = BASE + "id/";
    /** Named graphs of the store. */
    public static final String GRAPH_ONTOLOGY = BASE + "graph/ontology";
    public static final String GRAPH_DATA = BASE + "graph/data";
    public static final String GRAPH_INFERRED = BASE + "graph/inferred";
    /** Contested content (ties, events, participations stated only on some actor's word) and its inferences. */
    public static final String GRAPH_CLAIMED = BASE + "graph/claimed";

    public static final String SEM = "http://semanticweb.cs.vu.nl/2009/11/sem/";
    public static final String TIME = "http://www.w3.org/2006/time#";
    public static final String GEO = "http://www.opengis.net/ont/geosparql#";
    public static final String ORG = "http://www.w3.org/ns/org#";
    public static final String PROV = "http://www.w3.org/ns/prov#";
    public static final String SOSA = "http://www.w3.org/ns/sosa/";
    public static final String SCHEMA = "https://schema.org/";
    public static final String CITO = "http://purl.org/spar/cito/";
    public static final String DOCO = "http://purl.org/spar/doco/";
    public static final String FABIO = "http://purl.org/spar/fabio/";
    public static final String VOID = "http://rdfs.org/ns/void#";
    public static final String FOAF = "http://xmlns.com/foaf/0.1/";

    /**
     * Licence of the data: the curated records, the ontology and shapes, the SSSOM mapping set and every graph,
     * dump and export built from them (CC BY 4.0, {@code LICENSE-DATA} at the top level). Use it as the object of
     * {@code dct:license} (VoID, ontology header, pages) and as SSSOM's {@code license}.
     */
    public static final String LICENSE_DATA = "https://creativecommons.org/licenses/by/4.0/";
    /** Licence of the code: Java sources, queries, configuration (Apache-2.0, {@code LICENSE} at the top level). */
    public static final String LICENSE_CODE = "https://www.apache.org/licenses/LICENSE-2.0";

    public static Resource blk(String localName) {
        return ResourceFactory.createResource(BLK + localName);
    }

    /** A concept of the controlled vocabularies, {@code blkv:localName}. */
    public static Resource concept(String localName) {
        return ResourceFactory.createResource(VOCAB + localName);
    }

    public static Property blkProp(String localName) {
        return ResourceFactory.createProperty(BLK + localName);
    }

    public static Resource record(String id) {
        return ResourceFactory.createResource(ID + id);
    }

    public static Property time(String localName) {
        return ResourceFactory.createProperty(TIME + localName);
    }

    public static Property prop(String ns, String localName) {
        return ResourceFactory.createProperty(ns + localName);
    }

    /** Prefixes used for output (Turtle, query results). */
    public static org.apache.jena.shared.PrefixMapping prefixes() {
        org.apache.jena.shared.PrefixMapping pm = org.apache.jena.shared.PrefixMapping.Factory.create();
        pm.setNsPrefixes(org.apache.jena.shared.PrefixMapping.Standard);
        pm.setNsPrefix("blk", BLK);
        pm.setNsPrefix("blkv", VOCAB);
        pm.setNsPrefix("bkr", ID);
        pm.setNsPrefix("skos", org.apache.jena.vocabulary.SKOS.uri);
        pm.setNsPrefix("dct", org.apache.jena.vocabulary.DCTerms.NS);
        pm.setNsPrefix("sem", SEM);
        pm.setNsPrefix("time", TIME);
        pm.setNsPrefix("geo", GEO);
        pm.setNsPrefix("org", ORG);
        pm.setNsPrefix("prov", PROV);
        pm.setNsPrefix("sosa", SOSA);
        pm.setNsPrefix("schema", SCHEMA);
        pm.setNsPrefix("foaf", "http://xmlns.com/foaf/0.1/");
        pm.setNsPrefix("void", VOID);
        return pm;
    }
}
