#!/usr/bin/env bash
# Measures `load` on a synthetic corpus of N sources against stock tdb2.tdbloader 5.6.0 loading the very same
# quads (the build's own dump, exported with `export --bundle`), in the same run, alternating, REPS times each.
# Per rep: `load` from scratch (empty store, so an empty unit cache), then stock tdbloader on the dump, then —
# INCREMENTAL=1 (default) — one record of one source edited and `load` run again on the same store (an
# incremental build), then the edit undone.
# `load` runs with -Xmx$LOAD_HEAP (default 300m, issue #11); tdbloader with the JVM's default heap (TDB_HEAP to set one).
# LOAD_RUN=jar (default): `load` runs as the README says, `java -Xmx$LOAD_HEAP -jar borderlands-kg.jar load` (a private
# copy of the jar, packaged first), i.e. what users run: a child JVM with the throughput collector, and on an existing
# store (the incremental build) its class archive (cli/LoadLauncher; the first incremental build of a run writes it).
# LOAD_RUN=cp: one JVM, `java -Xmx$LOAD_HEAP -cp classes:deps kg.borderlands.cli.Main load` (no launcher: G1, no archive).
# Usage (from the project root):  bench/load-vs-tdbloader.sh [N ...]
# CQ_RUNS=K (default 0): after the first full load of each size, bench/cq-latency.sh runs every competency question
# K times against `serve` and stock Fuseki on that build; its tables go to $WORK/cq-N.md.
# Each full `load` runs with -Dbkg.profile=true; its phases are kept in $WORK/profile-N-rep.txt.
# Output: one TSV line per run on stdout: N tool rep wall_s user_s sys_s maxrss_kb quads load1 (uptime's 1-min load)
# One command for the final table:  bench/load-growth.sh   (N = 1 8 32 100, then the Markdown table)
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/.." && pwd)
WORK=${WORK:-/tmp/bkg-bench}
REPS=${REPS:-3}
LOAD_HEAP=${LOAD_HEAP:-300m}
LOAD_RUN=${LOAD_RUN:-jar}
case $LOAD_RUN in jar|cp) ;; *) echo "LOAD_RUN must be jar or cp, got $LOAD_RUN" >&2; exit 2 ;; esac
INCREMENTAL=${INCREMENTAL:-1}
SIZES=("${@:-1 8 32}")
mkdir -p "$WORK"
if [ "$LOAD_RUN" = jar ]; then
  (cd "$ROOT" && mvn -q -B -DskipTests package >/dev/null)   # the jar, and the test classes (CorpusGenerator)
  cp "$ROOT/target/borderlands-kg.jar" "$WORK/borderlands-kg.jar"
fi
[ -s "$WORK/cp.txt" ] || (cd "$ROOT" && mvn -q dependency:build-classpath -Dmdep.outputFile="$WORK/cp.txt" >/dev/null)
[ -s "$WORK/peer-cp.txt" ] || (cd "$ROOT/bench" && mvn -q dependency:build-classpath -Dmdep.outputFile="$WORK/peer-cp.txt" >/dev/null)
# a private copy of the classes, so that recompiling the project during the run does not change what is measured
rm -rf "$WORK/classes" && cp -r "$ROOT/target/classes" "$WORK/classes" && cp -r "$ROOT/target/test-classes/." "$WORK/classes/"
CP="$WORK/classes:$(cat "$WORK/cp.txt")"
PEER="$(cat "$WORK/peer-cp.txt")"
JAVA=${JAVA:-java}
TDB_OPTS=()
[ -n "${TDB_HEAP:-}" ] && TDB_OPTS=("-Xmx$TDB_HEAP")
measure() { # command... ; prints wall user sys maxrss
  /usr/bin/time -f "%e %U %S %M" -o "$WORK/time.txt" "$@" >"$WORK/last.out" 2>"$WORK/last.err" || { tail -5 "$WORK/last.err" >&2; return 1; }
  cat "$WORK/time.txt"
}
load1() { cut -d' ' -f1 /proc/loadavg; }
if [ "$LOAD_RUN" = jar ]; then LOAD_CMD=(-jar "$WORK/borderlands-kg.jar"); else LOAD_CMD=(-cp "$CP" kg.borderlands.cli.Main); fi
echo "load runs as: $JAVA -Xmx$LOAD_HEAP -Dbkg.profile=true ${LOAD_CMD[*]} load … (LOAD_RUN=$LOAD_RUN)" >&2
load() { # store
  measure $JAVA "-Xmx$LOAD_HEAP" -Dbkg.profile=true "${LOAD_CMD[@]}" load --data "$CORPUS" --store "$1" \
      --ontology "$ROOT/ontology" --qc "$ROOT/queries/qc"
}
printf 'N\ttool\trep\twall_s\tuser_s\tsys_s\tmaxrss_kb\tquads\tload1\n'
for N in ${SIZES[@]}; do
  CORPUS="$WORK/corpus-$N"
  rm -rf "$WORK/cds-$N"
  $JAVA -cp "$CP" kg.borderlands.bench.CorpusGenerator --sources "$N" --seed 1 --out "$CORPUS" >&2
  # the record edited for the incremental build: the first tie of the middle source
  MID=$(printf 's%04d' $(( (N + 1) / 2 )))
  EDIT=$(ls "$CORPUS/sources/$MID/ties/"*.yaml | head -1)
  for rep in $(seq 1 "$REPS"); do
    rm -rf "$WORK/store-$N"
    L=$(load1); read -r w u s m < <(load "$WORK/store-$N")
    if [ "$rep" = 1 ]; then
      rm -rf "$WORK/bundle-$N"
      $JAVA -cp "$CP" kg.borderlands.cli.Main export --store "$WORK/store-$N" --bundle "$WORK/bundle-$N" 2>/dev/null
      QUADS=$(python3 -c "import json;print(json.load(open('$WORK/bundle-$N/manifest.json'))['quads'])")
    fi
    cp "$WORK/last.err" "$WORK/profile-$N-$rep.txt"
    if [ "$rep" = 1 ] && [ "${CQ_RUNS:-0}" -gt 0 ]; then
      # the competency questions on this build, side by side with stock Fuseki on a copy of its TDB2 database
      SERVE_CP="$CP" WORK="$WORK" "$ROOT/bench/cq-latency.sh" "$WORK/store-$N" "$CORPUS" "$CQ_RUNS" \
          >"$WORK/cq-$N.md" 2>&1 || echo "warning: N=$N: cq-latency failed (see $WORK/cq-$N.md)" >&2
    fi
    printf '%s\tload\t%s\t%s\t%s\t%s\t%s\t%s\t%s\n' "$N" "$rep" "$w" "$u" "$s" "$m" "$QUADS" "$L"
    rm -rf "$WORK/tdb-$N"
    L=$(load1); read -r w u s m < <(measure $JAVA "${TDB_OPTS[@]}" -cp "$PEER" tdb2.tdbloader --loc "$WORK/tdb-$N" "$WORK/bundle-$N/dump.nq.gz")
    printf '%s\ttdb2.tdbloader\t%s\t%s\t%s\t%s\t%s\t%s\t%s\n' "$N" "$rep" "$w" "$u" "$s" "$m" "$QUADS" "$L"
    if [ "$INCREMENTAL" = 1 ]; then
      cp "$EDIT" "$WORK/edit.bak"
      python3 - "$EDIT" "$rep" <<'PY'
import sys
p, rep = sys.argv[1], sys.argv[2]
s = open(p).read()
i = s.index('  label: "') + len('  label: "')
open(p, 'w').write(s[:i] + 'Edited ' + rep + ': ' + s[i:])
PY
      # jar: the class archive of load's child JVM, written by the first incremental build of this size (at its exit,
      # once: rep 1 pays it) and kept for the next reps, whose from-scratch builds delete the store
      if [ "$LOAD_RUN" = jar ] && [ -d "$WORK/cds-$N" ]; then cp -r "$WORK/cds-$N" "$WORK/store-$N/cds"; fi
      L=$(load1); read -r w u s m < <(load "$WORK/store-$N")
      if [ "$LOAD_RUN" = jar ] && [ ! -d "$WORK/cds-$N" ]; then cp -r "$WORK/store-$N/cds" "$WORK/cds-$N"; fi
      grep -q "incremental build" "$WORK/last.err" || echo "warning: N=$N rep $rep: the edit did not give an incremental build" >&2
      printf '%s\tload-incremental\t%s\t%s\t%s\t%s\t%s\t%s\t%s\n' "$N" "$rep" "$w" "$u" "$s" "$m" "$QUADS" "$L"
      cp "$WORK/edit.bak" "$EDIT"
    fi
  done
  rm -rf "$WORK/store-$N" "$WORK/tdb-$N" "$WORK/cds-$N"
done
