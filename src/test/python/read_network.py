"""Reads a network export with networkx and prints what it found, one JSON object on stdout.

usage: read_network.py graphml|gexf|cytoscape FILE, or read_network.py csv DIR (nodes.csv, edges.csv)
Prints {"graph": class name, "nodes": n, "edges": m, "edge_attrs": {name: sorted type names},
"node_attrs": {...}, "edges_by_id": {id: {attribute: value}}} so the Java test can compare with the CSV export.
"""
import csv
import json
import os
import sys

import networkx as nx


def type_names(items):
    types = {}
    for data in items:
        for k, v in data.items():
            types.setdefault(k, set()).add(type(v).__name__)
    return {k: sorted(v) for k, v in types.items()}


def read_csv(directory):
    """networkx has no reader for a CSV node and edge list: Python's csv module reads it into a MultiDiGraph."""
    g = nx.MultiDiGraph()
    with open(os.path.join(directory, "nodes.csv"), newline="", encoding="utf-8") as f:
        for row in csv.DictReader(f):
            g.add_node(row.pop("id"), **row)
    with open(os.path.join(directory, "edges.csv"), newline="", encoding="utf-8") as f:
        for row in csv.DictReader(f):
            g.add_edge(row.pop("source"), row.pop("target"), key=row["id"], **row)
    return g


def main():
    fmt, path = sys.argv[1], sys.argv[2]
    if fmt == "graphml":
        g = nx.read_graphml(path)
    elif fmt == "gexf":
        g = nx.read_gexf(path)
    elif fmt == "cytoscape":
        with open(path, encoding="utf-8") as f:
            g = nx.cytoscape_graph(json.load(f))
    else:
        g = read_csv(path)
    edges = list(g.edges(keys=True, data=True)) if g.is_multigraph() else [(u, v, None, d) for u, v, d in g.edges(data=True)]
    by_id = {}
    for u, v, k, d in edges:
        eid = d.get("id", k)
        rec = {key: val for key, val in d.items() if key != "id"}
        rec["source"], rec["target"] = u, v
        by_id[eid] = rec
    print(json.dumps({
        "graph": type(g).__name__,
        "mode": g.graph.get("mode"),
        "nodes": g.number_of_nodes(),
        "edges": g.number_of_edges(),
        "node_ids": sorted(g.nodes()),
        "node_attrs": type_names(d for _, d in g.nodes(data=True)),
        "edge_attrs": type_names(d for *_, d in edges),
        "edges_by_id": by_id,
    }))


if __name__ == "__main__":
    main()
