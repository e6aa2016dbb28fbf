#!/usr/bin/env bash
# The synthetic corpus of the benchmarks: N sources, CorpusGenerator --seed 1, written to DIR unless DIR already holds
# one (its SYNTHETIC.md). Compiles the test classes (where CorpusGenerator lives) if needed; the dependencies'
# classpath is kept in $WORK/cp.txt (WORK default /tmp/bkg-bench).
# Usage (from anywhere):  bench/corpus.sh N DIR
set -euo pipefail
N=${1:?N sources}
DIR=${2:?output directory}
ROOT=$(cd "$(dirname "$0")/.." && pwd)
WORK=${WORK:-/tmp/bkg-bench}
[ -f "$DIR/SYNTHETIC.md" ] && exit 0
mkdir -p "$WORK"
cd "$ROOT"
[ -f target/test-classes/kg/borderlands/bench/CorpusGenerator.class ] || mvn -q -B test-compile >/dev/null
[ -s "$WORK/cp.txt" ] || mvn -q dependency:build-classpath -Dmdep.outputFile="$WORK/cp.txt" >/dev/null
java -cp "target/classes:target/test-classes:$(cat "$WORK/cp.txt")" kg.borderlands.bench.CorpusGenerator \
    --sources "$N" --seed 1 --out "$DIR" >&2
