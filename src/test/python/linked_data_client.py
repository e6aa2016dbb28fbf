#!/usr/bin/python3
"""rdflib 6 (Debian) dereferencing our Linked Data: Usage: linked_data_client.py BASE_URL

Reads BASE/ontology by content negotiation (rdflib's own Accept header) and as each suffix variant, and a record
as JSON-LD (compacted with our @context, which it embeds); prints {"reads": [{"url", "format", "triples", "actorIsClass", "error"}]}. The Java test
(OntologyPublishingTest) checks the counts against the ontology files. Exit code 3 when a module is missing.
"""
import json
import sys

try:
    import rdflib
    from rdflib.namespace import OWL, RDF
except ImportError as e:
    print("missing Python module: %s" % e, file=sys.stderr)
    sys.exit(3)

ACTOR = rdflib.URIRef("https://w3id.org/borderlands-kg/ontology#Actor")


def read(url, fmt=None):
    out = {"url": url, "format": fmt or "negotiated"}
    try:
        g = rdflib.Graph()
        g.parse(url, format=fmt) if fmt else g.parse(url)
        out["triples"] = len(g)
        out["actorIsClass"] = (ACTOR, RDF.type, OWL.Class) in g
    except Exception as e:  # reported to the Java side
        out["error"] = "%s: %s" % (type(e).__name__, e)
    return out


def main():
    base = sys.argv[1].rstrip("/")
    reads = [read(base + "/ontology"),
             read(base + "/ontology.ttl", "turtle"),
             read(base + "/ontology.jsonld", "json-ld"),
             read(base + "/ontology.rdf", "xml"),
             read(base + "/ontology.nt", "nt"),
             read(base + "/ontology/Actor", None),
             read(base + "/id/ttp.jsonld", "json-ld")]
    json.dump({"reads": reads}, sys.stdout, indent=1)


if __name__ == "__main__":
    main()
