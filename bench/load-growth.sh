#!/usr/bin/env bash
# The growth curve of issue #11 in one command: builds the project, then measures `load` (-Xmx$LOAD_HEAP), an
# incremental `load` after editing one record, and stock tdb2.tdbloader on the same quads, for N = 1 8 32 100
# sources (SIZES="1 8 32 100 1000" for the 1,000-source run: ~15M triples, hours on 2 cores), and prints the
# machine, its load and the Markdown table of medians. LOAD_HEAP: `load`'s heap (default here 2g, see below).
# With each size's first build it runs the competency questions (bench/cq-latency.sh, CQ_RUNS times each, default
# 20) against `serve` and stock Fuseki on that build and prints their p50/p99 tables.
# Usage (from the project root): bench/load-growth.sh        Env: SIZES, REPS (default 3), WORK, LOAD_HEAP, CQ_RUNS
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/.." && pwd)
cd "$ROOT"
WORK=${WORK:-/tmp/bkg-bench}
mkdir -p "$WORK"
mvn -q -B -DskipTests package >/dev/null && mvn -q -B test-compile >/dev/null
echo "machine: $(nproc) CPUs, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs), $(free -g | awk '/Mem:/{print $2}') GB RAM, $(java -version 2>&1 | head -1)"
echo "start: $(date -u +%FT%TZ) $(uptime)"
# the growth curve is measured with a 2 GB heap for `load` (LOAD_HEAP=300m is the N = 32 target of issue #11; on
# main 52b2c70 it ran out of heap at N = 32 in TDB2's bulk loader, see docs/benchmarks.md, and a failed size stops the run)
LOAD_HEAP=${LOAD_HEAP:-2g} CQ_RUNS=${CQ_RUNS:-20} bench/load-vs-tdbloader.sh ${SIZES:-1 8 32 100} | tee "$WORK/results.tsv"
echo "end: $(date -u +%FT%TZ) $(uptime)"
bench/summarise-load.py "$WORK/results.tsv"
for N in ${SIZES:-1 8 32 100}; do
  [ -s "$WORK/cq-$N.md" ] && { echo; echo "### competency questions at N = $N"; tail -6 "$WORK/cq-$N.md"; }
done
