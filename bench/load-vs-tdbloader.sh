#!/usr/bin/env bash
# Measures `load` on a synthetic corpus of N sources against stock tdb2.tdbloader 5.6.0 loading the very same
# quads (the build's own dump, exported with `export --bundle`), in the same run, alternating, REPS times each.
# Usage (from the project root, after `mvn -q test-compile`):  bench/load-vs-tdbloader.sh [N ...]
# Output: one TSV line per run on stdout: N tool rep wall_s user_s sys_s maxrss_kb quads
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/.." && pwd)
WORK=${WORK:-/tmp/bkg-bench}
REPS=${REPS:-3}
SIZES=("${@:-1 8 32}")
mkdir -p "$WORK"
[ -s "$WORK/cp.txt" ] || (cd "$ROOT" && mvn -q dependency:build-classpath -Dmdep.outputFile="$WORK/cp.txt" >/dev/null)
[ -s "$WORK/peer-cp.txt" ] || (cd "$ROOT/bench" && mvn -q dependency:build-classpath -Dmdep.outputFile="$WORK/peer-cp.txt" >/dev/null)
# a private copy of the classes, so that recompiling the project during the run does not change what is measured
rm -rf "$WORK/classes" && cp -r "$ROOT/target/classes" "$WORK/classes" && cp -r "$ROOT/target/test-classes/." "$WORK/classes/"
CP="$WORK/classes:$(cat "$WORK/cp.txt")"
PEER="$(cat "$WORK/peer-cp.txt")"
JAVA=${JAVA:-java}
measure() { # label, command... ; prints wall user sys maxrss
  /usr/bin/time -f "%e %U %S %M" -o "$WORK/time.txt" "$@" >"$WORK/last.out" 2>"$WORK/last.err" || { cat "$WORK/last.err" >&2; return 1; }
  cat "$WORK/time.txt"
}
printf 'N\ttool\trep\twall_s\tuser_s\tsys_s\tmaxrss_kb\tquads\n'
for N in ${SIZES[@]}; do
  CORPUS="$WORK/corpus-$N"
  $JAVA -cp "$CP" kg.borderlands.bench.CorpusGenerator --sources "$N" --seed 1 --out "$CORPUS" >&2
  for rep in $(seq 1 "$REPS"); do
    rm -rf "$WORK/store-$N"
    read -r w u s m < <(measure $JAVA -cp "$CP" kg.borderlands.cli.Main load --data "$CORPUS" --store "$WORK/store-$N" \
        --ontology "$ROOT/ontology" --qc "$ROOT/queries/qc")
    if [ "$rep" = 1 ]; then
      rm -rf "$WORK/bundle-$N"
      $JAVA -cp "$CP" kg.borderlands.cli.Main export --store "$WORK/store-$N" --bundle "$WORK/bundle-$N" 2>/dev/null
      QUADS=$(python3 -c "import json;print(json.load(open('$WORK/bundle-$N/manifest.json'))['quads'])")
    fi
    printf '%s\tload\t%s\t%s\t%s\t%s\t%s\t%s\n' "$N" "$rep" "$w" "$u" "$s" "$m" "$QUADS"
    rm -rf "$WORK/tdb-$N"
    read -r w u s m < <(measure $JAVA -cp "$PEER" tdb2.tdbloader --loc "$WORK/tdb-$N" "$WORK/bundle-$N/dump.nq.gz")
    printf '%s\ttdb2.tdbloader\t%s\t%s\t%s\t%s\t%s\t%s\n' "$N" "$rep" "$w" "$u" "$s" "$m" "$QUADS"
  done
  rm -rf "$WORK/store-$N" "$WORK/tdb-$N"
done
