#!/usr/bin/env bash
# Issue #11 "after editing one record, rebuild <= 5 s": at N sources (default 32, CorpusGenerator --seed 1), one full
# `load` from scratch, then REPS times (default 3), alternating: one record edited (the label of the first tie of the
# middle source) and `load` again on the same store (an incremental build), then a full `load` from scratch (empty
# store, so no unit cache) of the same edited inputs (the peer: what the incremental build replaces), the edit undone. Every run with
# -Dbkg.profile=true; prints the machine, its load, and per phase the median of the incremental and the full builds.
# LOAD_RUN=jar (default): `load` runs as the README says, `java [-Xmx$LOAD_HEAP] -jar borderlands-kg.jar load` (a private
# copy of the jar): a child JVM with the throughput collector, and on the existing store its class archive
# (cli/LoadLauncher; the first load on the store writes it, so the incremental builds map it). LOAD_RUN=cp: one JVM,
# `java -cp classes:deps kg.borderlands.cli.Main load` (no launcher: G1, no archive).
# Usage (from the project root):  bench/incremental-phases.sh        Env: N (32), REPS (3), WORK (/tmp/bkg-inc), LOAD_HEAP, LOAD_RUN
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/.." && pwd)
cd "$ROOT"
N=${N:-32}
REPS=${REPS:-3}
WORK=${WORK:-/tmp/bkg-inc}
HEAP=()
[ -n "${LOAD_HEAP:-}" ] && HEAP=("-Xmx$LOAD_HEAP")
LOAD_RUN=${LOAD_RUN:-jar}
case $LOAD_RUN in jar|cp) ;; *) echo "LOAD_RUN must be jar or cp, got $LOAD_RUN" >&2; exit 2 ;; esac
mkdir -p "$WORK"
mvn -q -B -DskipTests package >/dev/null && mvn -q -B test-compile >/dev/null
# a private copy of the classes, so that recompiling the project during the run does not change what is measured
rm -rf "$WORK/classes" && cp -r target/classes "$WORK/classes" && cp -r target/test-classes/. "$WORK/classes/"
[ -s "$WORK/cp.txt" ] || mvn -q dependency:build-classpath -Dmdep.outputFile="$WORK/cp.txt" >/dev/null
CP="$WORK/classes:$(cat "$WORK/cp.txt")"
cp target/borderlands-kg.jar "$WORK/borderlands-kg.jar"
if [ "$LOAD_RUN" = jar ]; then LOAD_CMD=(-jar "$WORK/borderlands-kg.jar"); else LOAD_CMD=(-cp "$CP" kg.borderlands.cli.Main); fi
echo "machine: $(nproc) CPUs, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs), $(free -g | awk '/Mem:/{print $2}') GB RAM, $(java -version 2>&1 | head -1)"
echo "start: $(date -u +%FT%TZ) $(uptime)"
echo "load runs as: java ${HEAP[*]} -Dbkg.profile=true ${LOAD_CMD[*]} load … (LOAD_RUN=$LOAD_RUN)"
CORPUS="$WORK/corpus-$N"
rm -rf "$CORPUS" "$WORK/store" "$WORK/peer"
java -cp "$CP" kg.borderlands.bench.CorpusGenerator --sources "$N" --seed 1 --out "$CORPUS" >&2
EDIT=$(ls "$CORPUS/sources/$(printf 's%04d' $(( (N + 1) / 2 )))/ties/"*.yaml | head -1)
load() { # kind store [--force]
  local kind=$1 store=$2; shift 2
  /usr/bin/time -f "%e %M" -o "$WORK/time.txt" java "${HEAP[@]}" -Dbkg.profile=true "${LOAD_CMD[@]}" load \
      --data "$CORPUS" --store "$store" --ontology "$ROOT/ontology" --qc "$ROOT/queries/qc" "$@" >"$WORK/out.txt" 2>&1 \
      || { tail -5 "$WORK/out.txt" >&2; exit 1; }
  read -r wall rss < "$WORK/time.txt"
  if [ "$kind" = incremental ] && ! grep -q "incremental build" "$WORK/out.txt"; then echo "warning: not an incremental build" >&2; fi
  printf '%s\twall\t%s\n' "$kind" "$(echo "$wall * 1000" | bc | cut -d. -f1)" >> "$WORK/phases.tsv"
  printf '%s\tmax RSS MB\t%s\n' "$kind" "$(( rss / 1024 ))" >> "$WORK/phases.tsv"
  sed -n 's/^phase \(.*\): \([0-9]*\) ms$/\1\t\2/p' "$WORK/out.txt" | sed 's/ (.*)//' | sed "s/^/$kind\t/" >> "$WORK/phases.tsv"
  printf '%s\t1-min load avg\t%s\n' "$kind" "$(cut -d' ' -f1 /proc/loadavg)" >> "$WORK/phases.tsv"
}
: > "$WORK/phases.tsv"
# the store directory exists: from the jar, this first build writes the class archive the incremental builds map
mkdir -p "$WORK/store"
load first "$WORK/store"
cp "$EDIT" "$WORK/edit.bak"
for rep in $(seq 1 "$REPS"); do
  python3 - "$EDIT" "$rep" <<'PY'
import sys
p, rep = sys.argv[1], sys.argv[2]
s = open(p).read()
i = s.index('  label: "') + len('  label: "')
open(p, 'w').write(s[:i] + 'Edited ' + rep + ': ' + s[i:])
PY
  load incremental "$WORK/store"
  rm -rf "$WORK/peer"
  load full "$WORK/peer"
  cp "$WORK/edit.bak" "$EDIT"
done
echo "end: $(date -u +%FT%TZ) $(uptime)"
python3 - "$WORK/phases.tsv" <<'PY'
import csv, statistics, sys
from collections import defaultdict
v = defaultdict(list); order = []
for kind, phase, ms in csv.reader(open(sys.argv[1]), delimiter='\t'):
    if kind == 'first': continue
    if phase not in order: order.append(phase)
    v[(kind, phase)].append(float(ms))
med = lambda k, p: statistics.median(v[(k, p)]) if v[(k, p)] else None
fmt = lambda x, p: '' if x is None else (f'{x:.0f}' if p in ('max RSS MB',) else (f'{x:.2f}' if 'load avg' in p else f'{x/1000:.2f}'))
print('| phase (s, median) | incremental | full from scratch (same edited inputs) |')
print('|---|--:|--:|')
for p in order:
    print(f'| {p} | {fmt(med("incremental", p), p)} | {fmt(med("full", p), p)} |')
PY
