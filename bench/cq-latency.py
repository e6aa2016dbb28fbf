#!/usr/bin/env python3
"""Competency-question latency, side by side: runs every queries/cq-*.rq K times against each SPARQL endpoint given,
alternating endpoints query by query (so both see the same machine load), one request at a time, after one
untimed warm-up pass. Prints per query the row count per endpoint (they must agree) and p50 / p99 in ms, then the
p50 / p99 over all runs and the ratios to the first endpoint, as Markdown.
Usage: bench/cq-latency.py K QUERIES_DIR NAME=URL [NAME=URL ...]   (URL: the SPARQL query endpoint)"""
import glob, json, os, statistics, sys, time, urllib.parse, urllib.request

def pct(xs, p):
    xs = sorted(xs)
    if not xs:
        return float('nan')
    k = (len(xs) - 1) * p / 100
    f = int(k)
    return xs[f] if f + 1 >= len(xs) else xs[f] + (xs[f + 1] - xs[f]) * (k - f)

def ask(url, query):
    body = urllib.parse.urlencode({'query': query}).encode()
    req = urllib.request.Request(url, data=body, headers={
        'Content-Type': 'application/x-www-form-urlencoded', 'Accept': 'application/sparql-results+json'})
    t0 = time.perf_counter()
    with urllib.request.urlopen(req, timeout=600) as r:
        data = r.read()
    ms = (time.perf_counter() - t0) * 1000
    res = json.loads(data)
    rows = len(res['results']['bindings']) if 'results' in res else int(bool(res.get('boolean')))
    return ms, rows

def main():
    k, qdir = int(sys.argv[1]), sys.argv[2]
    eps = [a.split('=', 1) for a in sys.argv[3:]]
    names = [n for n, _ in eps]
    files = sorted(glob.glob(os.path.join(qdir, 'cq-*.rq')))
    times = {(f, n): [] for f in files for n in names}
    rows = {}
    errors = []
    for f in files:
        q = open(f).read()
        for n, u in eps:   # warm-up, untimed
            try:
                rows[(f, n)] = ask(u, q)[1]
            except Exception as e:
                errors.append(f'{os.path.basename(f)} on {n}: {e}')
                rows[(f, n)] = None
        for _ in range(k):
            for n, u in eps:
                if rows[(f, n)] is None:
                    continue
                times[(f, n)].append(ask(u, q)[0])
    head = '| query | ' + ' | '.join(f'{n} rows | {n} p50 ms | {n} p99 ms' for n in names) + ' |'
    print(head)
    print('|' + '---|' * (1 + 3 * len(names)))
    for f in files:
        cells = []
        for n in names:
            t = times[(f, n)]
            cells.append(f'{rows[(f, n)]} | {pct(t, 50):.1f} | {pct(t, 99):.1f}' if t else 'error | – | –')
        print(f'| {os.path.basename(f)[:-3]} | ' + ' | '.join(cells) + ' |')
    print()
    print(f'| endpoint | queries × runs | p50 ms (all runs) | p99 ms (all runs) | median of the per-query p50s | p50 ratio to {names[0]} | p99 ratio |')
    print('|---|--:|--:|--:|--:|--:|--:|')
    base = None
    for n in names:
        alls = [x for f in files for x in times[(f, n)]]
        p50s = [pct(times[(f, n)], 50) for f in files if times[(f, n)]]
        s = (pct(alls, 50), pct(alls, 99))
        base = base or s
        print(f'| {n} | {len(p50s)} × {k} | {s[0]:.1f} | {s[1]:.1f} | {statistics.median(p50s):.1f} | {s[0] / base[0]:.2f}× | {s[1] / base[1]:.2f}× |')
    mism = [os.path.basename(f) for f in files if len({rows[(f, n)] for n in names}) > 1]
    if mism:
        print(f'\nrow counts differ between endpoints: {", ".join(mism)}')
    for e in errors:
        print('error: ' + e)

main()
