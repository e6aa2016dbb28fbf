#!/usr/bin/env bash
# Issue #11 "after editing one record, rebuild <= 5 s": the one-record rebuild (an incremental `load`) of two builds of
# the project side by side, in the same run — BEFORE (a jar: e.g. the previous commit's) and AFTER (this tree's jar)
# — at N sources (CorpusGenerator --seed 1). Per N: one corpus, one store per side, each made by a full `load`;
# then REPS times, alternating the two sides: one record edited (the label of the first tie of the middle source),
# `load` on that side's store, the edit undone. Every `load` runs as the README says, `java -Xmx$LOAD_HEAP -jar JAR
# load`, with -Dbkg.profile=true; /usr/bin/time gives the wall time, user + system CPU and the maximum resident set
# of the whole process tree. Prints one TSV line per run, then per N the medians (wall, CPU, phases) of both sides.
# Before the timed runs, one rebuild per side (rep "first", in the TSV, not in the medians): the first rebuild of a
# jar on a store writes its class archive at exit (AFTER only; docs/store.md "Incremental builds"), a few seconds once.
# Usage (from the project root):  BEFORE=/path/to/before.jar bench/rebuild-before-after.sh [N ...]   (default 32)
# Env: AFTER (target/borderlands-kg.jar), REPS (3), WORK (/tmp/bkg-rebuild), LOAD_HEAP (300m),
#      BEFORE_OPTS / AFTER_OPTS (extra JVM options of one side, e.g. -Dbkg.keepC2=true)
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/.." && pwd)
cd "$ROOT"
: "${BEFORE:?BEFORE=path of the jar to compare with}"
AFTER=${AFTER:-$ROOT/target/borderlands-kg.jar}
REPS=${REPS:-3}
WORK=${WORK:-/tmp/bkg-rebuild}
HEAP=${LOAD_HEAP:-300m}
SIZES=("${@:-32}")
mkdir -p "$WORK"
# private copies: rebuilding the project during the run does not change what is measured
cp "$BEFORE" "$WORK/before.jar"
cp "$AFTER" "$WORK/after.jar"
[ -s "$WORK/cp.txt" ] || mvn -q dependency:build-classpath -Dmdep.outputFile="$WORK/cp.txt" >/dev/null
[ -d target/test-classes/kg/borderlands/bench ] || mvn -q -B test-compile >/dev/null
GEN_CP="$ROOT/target/test-classes:$ROOT/target/classes:$(cat "$WORK/cp.txt")"
echo "# machine: $(nproc) CPUs, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs), $(free -g | awk '/Mem:/{print $2}') GB RAM, $(java -version 2>&1 | head -1)" >&2
echo "# start: $(date -u +%FT%TZ) $(uptime)" >&2
OUT="$WORK/runs.tsv"
printf 'N\tside\trep\twall_s\tuser_s\tsys_s\tmaxrss_kb\tload1\tphases\n' | tee "$OUT"
run() { # N side rep corpus store -> one TSV line
  local n=$1 side=$2 rep=$3 corpus=$4 store=$5 opts
  if [ "$side" = before ]; then opts=${BEFORE_OPTS:-}; else opts=${AFTER_OPTS:-}; fi
  local l; l=$(cut -d' ' -f1 /proc/loadavg)
  # shellcheck disable=SC2086
  /usr/bin/time -f "%e %U %S %M" -o "$WORK/time.txt" java "-Xmx$HEAP" -Dbkg.profile=true $opts -jar "$WORK/$side.jar" load \
      --data "$corpus" --store "$store" --ontology "$ROOT/ontology" --qc "$ROOT/queries/qc" >"$WORK/out.txt" 2>&1 \
      || { tail -5 "$WORK/out.txt" >&2; return 1; }
  cp "$WORK/out.txt" "$WORK/profile-$n-$side-$rep.txt"
  [ "$rep" = full ] || grep -q "incremental build" "$WORK/out.txt" || echo "warning: N=$n $side rep $rep: not an incremental build" >&2
  local phases
  phases=$(sed -n 's/^phase \(.*\): \([0-9]*\) ms$/\1=\2/p' "$WORK/out.txt" | sed 's/ (CPU ms: [^)]*)//; s/ ([^=]*)//' | paste -sd';' -)
  read -r w u s m < "$WORK/time.txt"
  printf '%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\n' "$n" "$side" "$rep" "$w" "$u" "$s" "$m" "$l" "$phases" | tee -a "$OUT"
}
for N in ${SIZES[@]}; do
  CORPUS="$WORK/corpus-$N"
  rm -rf "$CORPUS" "$WORK/store-$N-before" "$WORK/store-$N-after"
  java -cp "$GEN_CP" kg.borderlands.bench.CorpusGenerator --sources "$N" --seed 1 --out "$CORPUS" >&2
  EDIT=$(ls "$CORPUS/sources/$(printf 's%04d' $(( (N + 1) / 2 )))/ties/"*.yaml | head -1)
  cp "$EDIT" "$WORK/edit.bak"
  for side in before after; do run "$N" "$side" full "$CORPUS" "$WORK/store-$N-$side"; done
  for rep in first $(seq 1 "$REPS"); do
    for side in before after; do
      python3 - "$EDIT" "$side $rep" <<'PY'
import sys
p, tag = sys.argv[1], sys.argv[2]
s = open(p).read()
i = s.index('  label: "') + len('  label: "')
open(p, 'w').write(s[:i] + 'Edited ' + tag + ': ' + s[i:])
PY
      run "$N" "$side" "$rep" "$CORPUS" "$WORK/store-$N-$side" || { cp "$WORK/edit.bak" "$EDIT"; exit 1; }
      cp "$WORK/edit.bak" "$EDIT"
    done
  done
done
echo "# end: $(date -u +%FT%TZ) $(uptime)" >&2
python3 - "$OUT" <<'PY'
import csv, statistics, sys
from collections import defaultdict, OrderedDict
rows = [r for r in csv.DictReader(open(sys.argv[1]), delimiter='\t') if r['rep'] not in ('full', 'first')]
for n in OrderedDict.fromkeys(r['N'] for r in rows):
    v = defaultdict(list); order = ['wall', 'CPU (user + sys)', 'max RSS MB', '1-min load avg']
    for r in (r for r in rows if r['N'] == n):
        s = r['side']
        v[(s, 'wall')].append(float(r['wall_s']))
        v[(s, 'CPU (user + sys)')].append(float(r['user_s']) + float(r['sys_s']))
        v[(s, 'max RSS MB')].append(int(r['maxrss_kb']) / 1024)
        v[(s, '1-min load avg')].append(float(r['load1']))
        for p in filter(None, r['phases'].split(';')):
            name, ms = p.rsplit('=', 1)
            if name not in order: order.append(name)
            v[(s, name)].append(int(ms) / 1000)
    print(f'\nN = {n}, medians of {len(v[("after", "wall")])} runs per side (s unless said)\n')
    print('| | before | after |')
    print('|---|--:|--:|')
    for p in order:
        f = lambda s: '' if not v[(s, p)] else (f'{statistics.median(v[(s, p)]):.0f}' if p == 'max RSS MB' else f'{statistics.median(v[(s, p)]):.2f}')
        print(f'| {p} | {f("before")} | {f("after")} |')
PY
