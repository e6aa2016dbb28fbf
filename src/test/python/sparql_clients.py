#!/usr/bin/python3
"""Python SPARQL clients from Debian (SPARQLWrapper 1.8, rdflib 6) against our endpoint.

Usage: sparql_clients.py ENDPOINT_URL QUERIES_JSON

QUERIES_JSON names the queries (select, ask_true, ask_false, construct, describe). Prints one JSON object:
{"cases": [{"name", "kind", "aliases" | "boolean" | ("size", "hasLabel"), "contentType", "error"}]}.
The Java test (PythonClientsTest) checks the answers; this script only runs the clients and reports what they
returned. Exit code 3 when a module is missing.
"""
import json
import sys
import warnings

try:
    import rdflib
    from rdflib.plugins.stores.sparqlstore import SPARQLStore
    from SPARQLWrapper import SPARQLWrapper, JSON, XML, CSV, TSV, TURTLE, N3, RDFXML, JSONLD, POST
    from SPARQLWrapper.Wrapper import _allowedFormats
except ImportError as e:  # reported to the Java side, which fails on CI
    print("missing Python module: %s" % e, file=sys.stderr)
    sys.exit(3)

warnings.simplefilter("ignore")

TTP = rdflib.URIRef("https://w3id.org/borderlands-kg/id/ttp")
ALT = rdflib.URIRef("http://www.w3.org/2004/02/skos/core#altLabel")
PREF = rdflib.URIRef("http://www.w3.org/2004/02/skos/core#prefLabel")
LABEL = "Tehreek-e-Taliban Pakistan"


def graph_answer(g):
    aliases = sorted(str(o) for o in g.objects(TTP, ALT))
    has_label = any(str(o) == LABEL and getattr(o, "language", None) == "en" for o in g.objects(TTP, PREF))
    return {"aliases": aliases, "size": len(g), "hasLabel": has_label}


def wrapper_case(endpoint, query, kind, fmt=None, method=None):
    """SPARQLWrapper: fmt None means its default (XML); method None its default (GET)."""
    w = SPARQLWrapper(endpoint)
    if fmt is not None:
        w.setReturnFormat(fmt)
    if method is not None:
        w.setMethod(method)
    w.setQuery(query)
    res = w.query()
    ctype = res.info().get("content-type", "")
    out = res.convert()
    fmt = fmt or XML
    answer = {"contentType": ctype}
    if kind == "select":
        if fmt == JSON:
            vals = [b["alias"]["value"] for b in out["results"]["bindings"]]
        elif fmt == XML:
            vals = [lit.firstChild.data for b in out.getElementsByTagName("binding")
                    if b.getAttribute("name") == "alias" for lit in b.getElementsByTagName("literal")]
        else:  # CSV / TSV come back as text
            text = out.decode("utf-8") if isinstance(out, bytes) else out
            rows = [r for r in text.splitlines()[1:] if r]
            vals = [r.strip().strip('"') for r in rows]
            if fmt == TSV:  # TSV writes terms in Turtle syntax: "x"@en
                vals = [r.rsplit("@", 1)[0].strip('"') for r in rows]
        answer["aliases"] = sorted(vals)
    elif kind == "ask":
        if fmt == JSON:
            answer["boolean"] = bool(out["boolean"])
        else:
            answer["boolean"] = out.getElementsByTagName("boolean")[0].firstChild.data.strip() == "true"
    else:
        g = out
        if not isinstance(g, rdflib.Graph):  # TURTLE / N3 come back as text
            g = rdflib.Graph()
            g.parse(data=out.decode("utf-8") if isinstance(out, bytes) else out, format="turtle")
        answer.update(graph_answer(g))
    return answer


def store_case(endpoint, query, kind, fmt="xml", method="GET"):
    """rdflib's SPARQLStore behind an rdflib Graph."""
    g = rdflib.Graph(store=SPARQLStore(endpoint, returnFormat=fmt, method=method))
    res = g.query(query)
    if kind == "select":
        return {"aliases": sorted(str(r[0]) for r in res)}
    if kind == "ask":
        return {"boolean": bool(res.askAnswer)}
    return graph_answer(res.graph)


def main():
    endpoint = sys.argv[1]
    with open(sys.argv[2], encoding="utf-8") as f:
        q = json.load(f)
    kinds = {"select": "select", "ask_true": "ask", "ask_false": "ask", "construct": "graph", "describe": "graph"}
    cases = []

    def run(name, query_key, fn, *args, url=None):
        case = {"name": name, "query": query_key, "kind": kinds[query_key],
                "format": (args[0] if args and args[0] else "default") if fn is wrapper_case else None}
        try:
            case.update(fn(url or endpoint, q[query_key], kinds[query_key], *args))
        except Exception as e:  # the Java side fails the test with this message
            case["error"] = "%s: %s" % (type(e).__name__, e)
        cases.append(case)

    # SPARQLWrapper with its defaults (XML, GET), then every return format it offers for each query form
    for key in kinds:
        run("SPARQLWrapper defaults " + key, key, wrapper_case)
        run("SPARQLWrapper defaults POST " + key, key, wrapper_case, None, POST)
    dataset_url = endpoint.rsplit("/", 1)[0]  # stock Fuseki answers queries at the dataset URL too
    for key in kinds:
        run("SPARQLWrapper defaults at the dataset URL " + key, key, wrapper_case, url=dataset_url)
    for fmt in (JSON, XML, CSV, TSV):
        run("SPARQLWrapper %s select" % fmt, "select", wrapper_case, fmt)
    for fmt in (JSON, XML):
        run("SPARQLWrapper %s ask_true" % fmt, "ask_true", wrapper_case, fmt)
        run("SPARQLWrapper %s ask_false" % fmt, "ask_false", wrapper_case, fmt)
    graph_formats = [XML, RDFXML, TURTLE, N3] + ([JSONLD] if JSONLD in _allowedFormats else [])
    for fmt in graph_formats:
        run("SPARQLWrapper %s construct" % fmt, "construct", wrapper_case, fmt)
        run("SPARQLWrapper %s describe" % fmt, "describe", wrapper_case, fmt)

    # rdflib SPARQLStore, every results format and request method it has
    for fmt in ("xml", "json", "csv", "tsv"):
        run("rdflib SPARQLStore %s select" % fmt, "select", store_case, fmt)
    for fmt in ("xml", "json"):
        run("rdflib SPARQLStore %s ask_true" % fmt, "ask_true", store_case, fmt)
        run("rdflib SPARQLStore %s ask_false" % fmt, "ask_false", store_case, fmt)
    for method in ("GET", "POST", "POST_FORM"):
        run("rdflib SPARQLStore %s construct" % method, "construct", store_case, "xml", method)
        run("rdflib SPARQLStore %s describe" % method, "describe", store_case, "xml", method)

    # rdflib reading the service description by content negotiation at the endpoint URL
    sd = rdflib.Graph()
    try:
        sd.parse(endpoint)
        sdns = rdflib.Namespace("http://www.w3.org/ns/sparql-service-description#")
        cases.append({"name": "rdflib parses the service description", "query": "service", "kind": "service",
                      "endpoint": [str(o) for o in sd.objects(rdflib.URIRef(endpoint), sdns.endpoint)],
                      "languages": sorted(str(o) for o in sd.objects(rdflib.URIRef(endpoint), sdns.supportedLanguage))})
    except Exception as e:
        cases.append({"name": "rdflib parses the service description", "query": "service", "kind": "service",
                      "error": "%s: %s" % (type(e).__name__, e)})

    json.dump({"cases": cases, "sparqlwrapperFormats": graph_formats}, sys.stdout, indent=1)


if __name__ == "__main__":
    main()
