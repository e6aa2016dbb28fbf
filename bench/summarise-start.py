#!/usr/bin/env python3
"""Medians of bench/start-time.sh output (tab-separated: label server round start_s web_s rss_mb load detail),
and each server's median ratio to stock Fuseki over the same TDB2 build (per round, then the median)."""
import statistics
import sys
from collections import defaultdict

rows = [l.rstrip("\n").split("\t") for l in open(sys.argv[1]) if l.count("\t") >= 6]
by = defaultdict(list)
for label, server, rnd, start, web, rss, load, *_ in rows:
    by[(label, server)].append((int(rnd), float(start), None if web == "-" else float(web), int(rss), float(load)))
print("| corpus | server | runs | start to first answer, median (s) | × stock Fuseki (TDB2), median of rounds | first web answer (s) | RSS at first answer (MB) | load (1 min) |")
print("|---|---|--:|--:|--:|--:|--:|--:|")
for (label, server), runs in sorted(by.items()):
    peer = {r: s for r, s, *_ in by.get((label, "fuseki-tdb2"), [])}
    ratios = [s / peer[r] for r, s, *_ in runs if r in peer]
    webs = [w for _, _, w, _, _ in runs if w is not None]
    print("| %s | %s | %d | %.2f | %s | %s | %d | %.1f–%.1f |" % (
        label, server, len(runs), statistics.median(s for _, s, *_ in runs),
        "%.2f×" % statistics.median(ratios) if ratios else "—",
        "%.2f" % statistics.median(webs) if webs else "—",
        statistics.median(r for *_, r, _ in runs), min(l for *_, l in runs), max(l for *_, l in runs)))
