#!/usr/bin/env python3
"""One pass over the competency questions, one at a time (the cold pass): POSTs each *.rq once as a query
form, as wrk-sparql.lua does, and prints the total and the median time per query in ms.
usage: first-pass.py URL QUERIES_DIR"""
import glob, statistics, sys, time, urllib.parse, urllib.request

url, qdir = sys.argv[1], sys.argv[2]
times, bad, failed = [], 0, []
for f in sorted(glob.glob(qdir + "/*.rq")):
    body = urllib.parse.urlencode({"query": open(f, encoding="utf-8").read()}).encode()
    req = urllib.request.Request(url, data=body, headers={
        "Content-Type": "application/x-www-form-urlencoded", "Accept": "application/sparql-results+json"})
    t0 = time.perf_counter()
    try:
        with urllib.request.urlopen(req, timeout=60) as r:
            r.read()
            if r.status != 200:
                bad += 1
                failed.append(f.rsplit("/", 1)[-1])
    except Exception:
        bad += 1
        failed.append(f.rsplit("/", 1)[-1])
    times.append((time.perf_counter() - t0) * 1000)
print("FIRSTPASS queries=%d total_ms=%.0f median_ms=%.1f max_ms=%.1f non2xx=%d%s"
      % (len(times), sum(times), statistics.median(times), max(times), bad, (" failed=" + ",".join(failed)) if failed else ""))
