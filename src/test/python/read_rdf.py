"""Parses an RDF export with rdflib and prints what it holds, one JSON object on stdout.

usage: read_rdf.py FORMAT FILE      FORMAT: ttl, nt, jsonld, trig or rdfxml
Prints {"triples": n} for triple formats, {"quads": n, "graphs": [names]} for TriG, plus for JSON-LD the
label of the TTP record ({"ttp_label": ...}) so a test can see that the context's terms were understood.
"""
import json
import sys

import rdflib

FORMATS = {"ttl": "turtle", "nt": "nt", "jsonld": "json-ld", "trig": "trig", "rdfxml": "xml"}
SKOS_PREF = rdflib.URIRef("http://www.w3.org/2004/02/skos/core#prefLabel")
TTP = rdflib.URIRef("https://w3id.org/borderlands-kg/id/ttp")


def main():
    fmt, path = sys.argv[1], sys.argv[2]
    out = {"rdflib": rdflib.__version__}
    if fmt == "trig":
        ds = rdflib.Dataset()
        ds.parse(path, format="trig")
        graphs = sorted(str(g.identifier) for g in ds.graphs() if len(g) > 0)
        out["quads"] = sum(len(ds.graph(rdflib.URIRef(g))) for g in graphs)
        out["graphs"] = graphs
    else:
        g = rdflib.Graph()
        g.parse(path, format=FORMATS[fmt])
        out["triples"] = len(g)
        labels = [(str(o), o.language) for o in g.objects(TTP, SKOS_PREF)]
        out["ttp_label"] = labels
    print(json.dumps(out))


if __name__ == "__main__":
    main()
