#!/usr/bin/env python3
"""Markdown tables from the output of bench/peer-bench.sh: per round (the servers of a round ran back to back),
then medians over rounds, with the ratios to stock Fuseki of the same round.
usage: summarise.py RESULTS.txt"""
import collections, re, statistics, sys

rounds, cur = [], None
for line in open(sys.argv[1], encoding="utf-8"):
    if line.startswith("# round"):
        cur = collections.defaultdict(dict)
        rounds.append(cur)
        continue
    m = re.match(r"(\S+) (start_s=|FIRSTPASS|c=(\d+))", line)
    if not m or cur is None:
        continue
    name, d = m.group(1), cur[m.group(1)]
    num = lambda key: float(re.search(key + r"=([\d.]+)", line).group(1))
    if "start_s=" in line:
        d["start"], d["load"] = num("start_s"), num("load")
    elif "FIRSTPASS" in line:
        d["first"] = num("total_ms")
    else:
        c = m.group(3)
        for k in ("rps", "p50_ms", "p99_ms", "non2xx", "errors"):
            d[k + c] = num(k)
        if "cpu_ms_per_req=" in line:
            d["cpu" + c] = num("cpu_ms_per_req")

names = ["project-cache", "project-nocache", "baseline-nocache", "fuseki"]
clients = sorted({k[3:] for r in rounds for d in r.values() for k in d if k.startswith("rps")}, key=int)
print("| round | server | load at start | start to first answer (s) | cold first pass (ms) | "
      + " | ".join("c=%s req/s (× Fuseki) | c=%s p50 / p99 (ms) | c=%s non-2xx / socket errors" % (c, c, c) for c in clients) + " |")
print("|" + "---|" * (5 + 3 * len(clients)))
for i, r in enumerate(rounds, 1):
    f = r.get("fuseki", {})
    for n in names:
        d = r.get(n)
        if not d:
            continue
        cells = [str(i), n, "%.1f" % d.get("load", 0), "%.2f (%.2f×)" % (d["start"], d["start"] / f["start"]) if f else "%.2f" % d["start"],
                 "%.0f" % d.get("first", 0)]
        for c in clients:
            ratio = d["rps" + c] / f["rps" + c] if f.get("rps" + c) else float("nan")
            cells += ["%.0f (%.2f×)" % (d["rps" + c], ratio), "%.1f / %.1f" % (d["p50_ms" + c], d["p99_ms" + c]),
                      "%d / %d" % (d["non2xx" + c], d["errors" + c])]
        print("| " + " | ".join(cells) + " |")
print()
print("| server | start (s) | first pass (ms) | " + " | ".join("c=%s req/s | c=%s p99 (ms) | c=%s ratio to Fuseki (median of per-round ratios)" % (c, c, c) for c in clients) + " |")
print("|" + "---|" * (3 + 3 * len(clients)))
med = statistics.median
for n in names:
    ds = [(r[n], r.get("fuseki", {})) for r in rounds if n in r]
    if not ds:
        continue
    cells = [n, "%.2f" % med([d["start"] for d, _ in ds]), "%.0f" % med([d["first"] for d, _ in ds])]
    for c in clients:
        cells += ["%.0f" % med([d["rps" + c] for d, _ in ds]), "%.1f" % med([d["p99_ms" + c] for d, _ in ds]),
                  "%.2f×" % med([d["rps" + c] / f["rps" + c] for d, f in ds if f.get("rps" + c)])]
    print("| " + " | ".join(cells) + " |")

if any("cpu" + c in d for r in rounds for d in r.values() for c in clients):
    print()
    print("Server CPU per request (ms, user + system, over each wrk window), median over rounds; ratio: median of the per-round ratios to Fuseki (below 1: cheaper than Fuseki)")
    print()
    print("| server | " + " | ".join("c=%s CPU ms / request | c=%s × Fuseki" % (c, c) for c in clients) + " |")
    print("|" + "---|" * (1 + 2 * len(clients)))
    for n in names:
        ds = [(r[n], r.get("fuseki", {})) for r in rounds if n in r]
        if not ds:
            continue
        cells = [n]
        for c in clients:
            v = [d["cpu" + c] for d, _ in ds if "cpu" + c in d]
            rs = [d["cpu" + c] / f["cpu" + c] for d, f in ds if f.get("cpu" + c) and "cpu" + c in d]
            cells += ["%.3f" % med(v) if v else "–", "%.2f×" % med(rs) if rs else "–"]
        print("| " + " | ".join(cells) + " |")
