#!/usr/bin/env bash
# SHACL in `load`, before and after a change, in the same run: the project at BEFORE (a commit, default main) and the
# working tree, alternating, REPS times each (default 2), at N sources (default 32, CorpusGenerator --seed 1), each
# `load` with -Xmx$LOAD_HEAP (default 300m) and -Dbkg.profile=true: a full build from scratch (empty store), then one
# record edited (the label of the first tie of the middle source) and `load` again on the same store (an incremental
# build), the edit undone. Prints per run wall / CPU (/usr/bin/time) and the 1-minute load, then the profile summary
# (bench/summarise-profile.py: phases in s, per-unit steps in ms of CPU, median over the units).
# Usage (from the project root):  bench/shacl-before-after.sh [BEFORE]      Env: N, REPS, WORK (/tmp/bkg-shacl), LOAD_HEAP
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/.." && pwd)
cd "$ROOT"
BEFORE=${1:-main}
N=${N:-32}
REPS=${REPS:-2}
WORK=${WORK:-/tmp/bkg-shacl}
LOAD_HEAP=${LOAD_HEAP:-300m}
mkdir -p "$WORK"
mvn -q -B -DskipTests package >/dev/null && mvn -q -B test-compile >/dev/null
[ -s "$WORK/cp.txt" ] || mvn -q dependency:build-classpath -Dmdep.outputFile="$WORK/cp.txt" >/dev/null
rm -rf "$WORK/after" "$WORK/before-src" && cp -r target/classes "$WORK/after" && cp -r target/test-classes/. "$WORK/after/"
mkdir -p "$WORK/before-src" && git archive "$BEFORE" | tar -x -C "$WORK/before-src"
(cd "$WORK/before-src" && mvn -q -B -o -DskipTests test-compile >/dev/null)
rm -rf "$WORK/before" && cp -r "$WORK/before-src/target/classes" "$WORK/before" && cp -r "$WORK/before-src/target/test-classes/." "$WORK/before/"
echo "machine: $(nproc) CPUs, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs), $(java -version 2>&1 | head -1); before = $BEFORE ($(git rev-parse --short "$BEFORE")), after = working tree ($(git rev-parse --short HEAD))"
CORPUS="$WORK/corpus-$N"
rm -rf "$CORPUS"
java -cp "$WORK/after:$(cat "$WORK/cp.txt")" kg.borderlands.bench.CorpusGenerator --sources "$N" --seed 1 --out "$CORPUS" >&2
EDIT=$(ls "$CORPUS/sources/$(printf 's%04d' $(( (N + 1) / 2 )))/ties/"*.yaml | head -1)
cp "$EDIT" "$WORK/edit.bak"
run() { # which kind rep
  local which=$1 kind=$2 rep=$3 load1
  load1=$(cut -d' ' -f1 /proc/loadavg)
  /usr/bin/time -f "%e %U %S %M" -o "$WORK/time.txt" java "-Xmx$LOAD_HEAP" -Dbkg.profile=true -cp "$WORK/$which:$(cat "$WORK/cp.txt")" \
      kg.borderlands.cli.Main load --data "$CORPUS" --store "$WORK/store-$which" --ontology ontology --qc queries/qc \
      >"$WORK/out.txt" 2>"$WORK/profile-$which-$kind-$rep.txt" || { tail -5 "$WORK/profile-$which-$kind-$rep.txt" >&2; exit 1; }
  read -r w u s m < "$WORK/time.txt"
  printf '%s\t%s\t%s\twall %s s\tCPU %.1f s\tmax RSS %d MB\tload %s\n' "$which" "$kind" "$rep" "$w" "$(echo "$u + $s" | bc)" $(( m / 1024 )) "$load1"
}
for rep in $(seq 1 "$REPS"); do
  for which in before after; do
    rm -rf "$WORK/store-$which"
    run "$which" full "$rep"
    python3 - "$EDIT" "$rep" <<'PY'
import sys
p, rep = sys.argv[1], sys.argv[2]
s = open(p).read()
i = s.index('  label: "') + len('  label: "')
open(p, 'w').write(s[:i] + 'Edited ' + rep + ': ' + s[i:])
PY
    run "$which" incremental "$rep"
    cp "$WORK/edit.bak" "$EDIT"
  done
done
python3 bench/summarise-profile.py "$WORK"/profile-*-full-*.txt
python3 bench/summarise-profile.py "$WORK"/profile-*-incremental-*.txt
