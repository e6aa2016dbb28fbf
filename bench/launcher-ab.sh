#!/usr/bin/env bash
# A/B of the JVM that builds (issue #11, LoadLauncher): `load` from scratch at N sources, -Xmx$LOAD_HEAP, run from
# the jar as the README says, in four variants alternating (the order rotates each round), REPS rounds:
#   child          java -Xmx… -jar JAR load        (this code: a child JVM with -XX:+UseParallelGC; the parent is a
#                                                   JVM start with JDK classes only that waits)
#   one-parallel   java -Xmx… -XX:+UseParallelGC -jar JAR load   (one JVM: the collector is the operator's)
#   one-g1         java -Xmx… -XX:+UseG1GC -jar JAR load         (one JVM, G1: what a build from scratch ran before)
#   child-archive  as child, on a store directory that holds only a class archive written by an earlier load
#                  (store/cds/load-<key>.jsa): what a from-scratch build would gain if it kept one
# child − one-parallel is the parent JVM's cost; one-g1 − one-parallel the collector's gain.
# Usage (from the project root):  bench/launcher-ab.sh [CORPUS_DIR]   (default: a CorpusGenerator corpus of N sources)
# Env: N (32), REPS (3), LOAD_HEAP (300m), WORK (/tmp/bkg-launcher). Prints one TSV line per run, then medians.
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/.." && pwd)
cd "$ROOT"
N=${N:-32}
REPS=${REPS:-3}
LOAD_HEAP=${LOAD_HEAP:-300m}
WORK=${WORK:-/tmp/bkg-launcher}
mkdir -p "$WORK"
[ -s target/borderlands-kg.jar ] || mvn -q -B -DskipTests package >/dev/null
# a private copy of the jar, so that rebuilding the project during the run does not change what is measured
cp target/borderlands-kg.jar "$WORK/borderlands-kg.jar"
JAR="$WORK/borderlands-kg.jar"
CORPUS=${1:-}
if [ -z "$CORPUS" ]; then
  CORPUS="$WORK/corpus-$N"
  WORK="$WORK" "$ROOT/bench/corpus.sh" "$N" "$CORPUS"
fi
echo "machine: $(nproc) CPUs, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs), $(free -g | awk '/Mem:/{print $2}') GB RAM, $(java -version 2>&1 | head -1)" >&2
echo "start: $(date -u +%FT%TZ) $(uptime)" >&2
S="$WORK/store"
run() { # variant: prints wall cpu maxrss_kb parent_hwm_kb
  local v=$1 opts=()
  rm -rf "$S"
  case $v in
    child) ;;
    one-parallel) opts=(-XX:+UseParallelGC) ;;
    one-g1) opts=(-XX:+UseG1GC) ;;
    child-archive) mkdir -p "$S" && cp -r "$WORK/cds" "$S/cds" ;;
  esac
  /usr/bin/time -f "%e %U %S %M" -o "$WORK/time.txt" java "-Xmx$LOAD_HEAP" "${opts[@]}" -Dbkg.profile=true -jar "$JAR" \
      load --data "$CORPUS" --store "$S" --ontology "$ROOT/ontology" --qc "$ROOT/queries/qc" >"$WORK/out.txt" 2>"$WORK/err.txt" &
  local tpid=$! pid="" hwm=0
  # the high-water mark of the resident memory of the JVM started by the command (the parent, for the child variants)
  while kill -0 "$tpid" 2>/dev/null; do
    [ -z "$pid" ] && pid=$(pgrep -P "$tpid" java | head -1 || true)
    if [ -n "$pid" ]; then
      h=$(awk '/VmHWM/{print $2}' "/proc/$pid/status" 2>/dev/null || true)
      [ -n "$h" ] && hwm=$h
    fi
    sleep 0.5
  done
  wait "$tpid" || { tail -5 "$WORK/err.txt" >&2; exit 1; }
  grep -q "^built " "$WORK/out.txt" || { echo "no build: $(cat "$WORK/out.txt")" >&2; exit 1; }
  local collector
  collector=$(sed -n 's/^profile: JVM \([a-z]*\), collectors \[\([^],]*\).*/\1:\2/p' "$WORK/err.txt" | head -1)
  read -r w u s m < "$WORK/time.txt"
  printf '%s %s %s %s %s\n' "$w" "$(echo "$u + $s" | bc)" "$m" "$hwm" "$collector"
}
# the class archive of child-archive: written by one load on a store directory that exists, kept aside
rm -rf "$S" "$WORK/cds" && mkdir -p "$S"
java "-Xmx$LOAD_HEAP" -jar "$JAR" load --data "$CORPUS" --store "$S" --ontology "$ROOT/ontology" --qc "$ROOT/queries/qc" >/dev/null 2>&1
cp -r "$S/cds" "$WORK/cds"
ls "$WORK"/cds/load-*.jsa >/dev/null
VARIANTS=(child one-parallel one-g1 child-archive)
printf 'variant\tround\twall_s\tcpu_s\tmaxrss_kb\tjvm_hwm_kb\tjvm:collector\tload1\n' | tee "$WORK/ab.tsv"
for round in $(seq 1 "$REPS"); do
  for i in 0 1 2 3; do
    v=${VARIANTS[$(( (i + round - 1) % 4 ))]}
    L=$(cut -d' ' -f1 /proc/loadavg)
    read -r w c m h g < <(run "$v")
    printf '%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\n' "$v" "$round" "$w" "$c" "$m" "$h" "$g" "$L" | tee -a "$WORK/ab.tsv"
  done
done
echo "end: $(date -u +%FT%TZ) $(uptime)" >&2
python3 - "$WORK/ab.tsv" <<'PY'
import csv, statistics, sys
rows = list(csv.DictReader(open(sys.argv[1]), delimiter='\t'))
med = lambda v, k: statistics.median(float(r[k]) for r in rows if r['variant'] == v)
print('| variant | wall s (median) | CPU s | max RSS MB | RSS of the first JVM MB | 1-min load |')
print('|---|--:|--:|--:|--:|--:|')
for v in ['child', 'one-parallel', 'one-g1', 'child-archive']:
    print(f"| {v} | {med(v,'wall_s'):.2f} | {med(v,'cpu_s'):.1f} | {med(v,'maxrss_kb')/1024:.0f} | {med(v,'jvm_hwm_kb')/1024:.0f} | {med(v,'load1'):.1f} |")
PY
