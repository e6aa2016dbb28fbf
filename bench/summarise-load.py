#!/usr/bin/env python3
"""Medians per corpus size and tool of bench/load-vs-tdbloader.sh's TSV — `load` from scratch, stock tdbloader on
the same quads, and the incremental `load` after one edited record — with the ratios load / tdbloader, as a
Markdown table. Usage: bench/summarise-load.py results.tsv"""
import csv, statistics, sys
from collections import defaultdict

runs = defaultdict(list)
quads = {}
loads = defaultdict(list)
with open(sys.argv[1]) as f:
    for r in csv.DictReader(f, delimiter='\t'):
        n = int(r['N'])
        runs[(n, r['tool'])].append((float(r['wall_s']), float(r['user_s']) + float(r['sys_s']), int(r['maxrss_kb']) / 1024))
        quads[n] = int(r['quads'])
        if r.get('load1'):
            loads[n].append(float(r['load1']))

def med(xs, i):
    return statistics.median(x[i] for x in xs)

print('| N | quads | runs | load wall s | tdbloader wall s | wall ratio | load CPU s | tdbloader CPU s | CPU ratio | load max RSS MB | tdbloader max RSS MB | incremental load wall s | incremental CPU s | incremental max RSS MB | 1-min load avg |')
print('|--:|------:|-----:|------------:|-----------------:|-----------:|-----------:|----------------:|----------:|----------------:|---------------------:|------------------------:|------------------:|-----------------------:|---------------:|')
for n in sorted(quads):
    a, b = runs.get((n, 'load'), []), runs.get((n, 'tdb2.tdbloader'), [])
    k = min(len(a), len(b))
    if k == 0:
        continue
    a, b = a[:k], b[:k]
    inc = runs.get((n, 'load-incremental'), [])
    incs = f'{med(inc,0):.1f} | {med(inc,1):.1f} | {med(inc,2):.0f}' if inc else '– | – | –'
    la = f'{min(loads[n]):.1f}–{max(loads[n]):.1f}' if loads[n] else '–'
    print(f'| {n} | {quads[n]:,} | {k} | {med(a,0):.1f} | {med(b,0):.1f} | {med(a,0)/med(b,0):.1f}× | {med(a,1):.1f} | {med(b,1):.1f} | '
          f'{med(a,1)/med(b,1):.1f}× | {med(a,2):.0f} | {med(b,2):.0f} | {incs} | {la} |')
