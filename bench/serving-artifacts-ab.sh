#!/usr/bin/env bash
# Issue #11, serving artifacts: the serving-artifacts stage of `load` alone (kg.borderlands.bench.ServingArtifactsBench),
# before (A: the code at a git ref, default the merge base with main) and after (B: this working tree), alternating,
# on the same database. Per N (default 32): the synthetic corpus (CorpusGenerator --seed 1), one `load` with B to
# make the build, then REPS times (default 3): A full, B full (the artifacts of the whole database), A incremental,
# B incremental (the build's database copied, the label of its middle tie edited in every graph, the artifacts
# written from the previous build's with that change — each version from a previous build of its own).
# Every run in its own JVM with -Dbkg.profile=true, heap HEAP_A / HEAP_B (default 300m); a run that fails (BKG-E208,
# OutOfMemoryError) is reported as such. Output: one TSV line per run:  N variant mode rep wall_ms cpu_ms peak_heap_mb load1
# Usage (from the project root):  bench/serving-artifacts-ab.sh [N ...]     Env: REF, REPS, WORK (/tmp/bkg-art), HEAP_A, HEAP_B
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/.." && pwd)
cd "$ROOT"
REF=${REF:-$(git merge-base HEAD main 2>/dev/null || git rev-parse HEAD~1)}
REPS=${REPS:-3}
WORK=${WORK:-/tmp/bkg-art}
HEAP_A=${HEAP_A:-300m}
HEAP_B=${HEAP_B:-300m}
SIZES=("${@:-32}")
mkdir -p "$WORK"
mvn -q -B -DskipTests package >/dev/null && mvn -q -B test-compile >/dev/null
[ -s "$WORK/cp.txt" ] || mvn -q dependency:build-classpath -Dmdep.outputFile="$WORK/cp.txt" >/dev/null
DEPS=$(cat "$WORK/cp.txt")
# B: private copies of this tree's classes; A: the classes of REF, built in a worktree, with the harness compiled against them
rm -rf "$WORK/B" && cp -r target/classes "$WORK/B" && cp -r target/test-classes/. "$WORK/B/"
if [ "$(cat "$WORK/A-src/REF" 2>/dev/null)" != "$(git rev-parse "$REF")" ]; then
  rm -rf "$WORK/A-src" && mkdir -p "$WORK/A-src" && git archive "$REF" | tar -x -C "$WORK/A-src"
  (cd "$WORK/A-src" && mvn -q -B -o -DskipTests compile >/dev/null)
  git rev-parse "$REF" > "$WORK/A-src/REF"
fi
rm -rf "$WORK/A" && cp -r "$WORK/A-src/target/classes" "$WORK/A"
javac -d "$WORK/A" -cp "$WORK/A:$DEPS" src/test/java/kg/borderlands/bench/ServingArtifactsBench.java
echo "machine: $(nproc) CPUs, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs), $(free -g | awk '/Mem:/{print $2}') GB RAM; A = $(git rev-parse --short "$REF"), B = working tree" >&2
echo "start: $(date -u +%FT%TZ) $(uptime)" >&2
run() { # variant mode in out rep
  local v=$1 mode=$2 in=$3 out=$4 rep=$5 heap
  heap=$([ "$v" = A ] && echo "$HEAP_A" || echo "$HEAP_B")
  if java "-Xmx$heap" -Dbkg.profile=true -cp "$WORK/$v:$DEPS" kg.borderlands.bench.ServingArtifactsBench "$mode" "$in" "$out" \
      >"$WORK/run.out" 2>"$WORK/run.err"; then
    sed -n 's/^rep 1: \([0-9]*\) ms wall, \([0-9]*\) ms CPU, peak heap \([0-9]*\) MB, load \(.*\)$/\1\t\2\t\3\t\4/p' "$WORK/run.out" \
        | sed "s/^/$N\t$v\t$mode\t$rep\t/"
    grep '^phase   serving' "$WORK/run.err" | sed "s/^/# $v $mode $rep: /" >&2 || true
  else
    printf '%s\t%s\t%s\t%s\tfailed (%s)\t\t\t%s\n' "$N" "$v" "$mode" "$rep" \
        "$(grep -o 'OutOfMemoryError[^ ]*\|BKG-E[0-9]*' "$WORK/run.err" | head -1)" "$(cut -d' ' -f1 /proc/loadavg)"
  fi
}
printf 'N\tvariant\tmode\trep\twall_ms\tcpu_ms\tpeak_heap_mb\tload1\n'
for N in ${SIZES[@]}; do
  CORPUS="$WORK/corpus-$N"
  [ -f "$CORPUS/SYNTHETIC.md" ] || java -cp "$WORK/B:$DEPS" kg.borderlands.bench.CorpusGenerator --sources "$N" --seed 1 --out "$CORPUS" >&2
  if [ ! -f "$WORK/build-$N/tdb/tdb.lock" ] && [ ! -d "$WORK/build-$N/tdb/Data-0001" ]; then
    rm -rf "$WORK/store-$N" "$WORK/build-$N"
    java -Xmx1g -cp "$WORK/B:$DEPS" kg.borderlands.cli.Main load --data "$CORPUS" --store "$WORK/store-$N" \
        --ontology "$ROOT/ontology" --qc "$ROOT/queries/qc" >/dev/null 2>&1
    mkdir -p "$WORK/build-$N" && cp -r "$WORK/store-$N/builds/$(cat "$WORK/store-$N/CURRENT")/tdb" "$WORK/build-$N/tdb"
    rm -rf "$WORK/store-$N"
  fi
  # a previous build per variant: the database, and that variant's artifacts of it
  for v in A B; do
    rm -rf "$WORK/prev$v-$N" && mkdir -p "$WORK/prev$v-$N" && cp -r "$WORK/build-$N/tdb" "$WORK/prev$v-$N/tdb"
    java -Xmx1g -cp "$WORK/$v:$DEPS" kg.borderlands.bench.ServingArtifactsBench full "$WORK/prev$v-$N/tdb" "$WORK/prev$v-$N/serving" >/dev/null 2>&1
  done
  for rep in $(seq 1 "$REPS"); do
    for v in A B; do run "$v" full "$WORK/build-$N/tdb" "$WORK/out-$v" "$rep"; done
    for v in A B; do run "$v" incremental "$WORK/prev$v-$N" "$WORK/inc-$v" "$rep"; done
  done
  rm -rf "$WORK/out-A" "$WORK/out-B" "$WORK/inc-A" "$WORK/inc-B"
done
echo "end: $(date -u +%FT%TZ) $(uptime)" >&2
