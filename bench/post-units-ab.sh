#!/usr/bin/env bash
# Issue #11, the stages a full build runs on the database after the units (shared unit's shapes, quality checks,
# VoID): before (A: the jar of a git ref, default the merge base with main) and after (B: this working tree's jar),
# alternating, each a from-scratch `java -Xmx300m -Dbkg.profile=true -jar … load` of the same corpus into a fresh store.
# Corpus: DATA if set (read only), else the synthetic corpus CorpusGenerator --sources N --seed 1 (N default 32).
# Output: one TSV line per run (wall, stage-thread CPU and process CPU ms of each stage — process CPU includes the JIT
# compiler and GC threads —, whole load wall ms, 1-minute load average), then the medians per variant.   Usage (from the project root):  bench/post-units-ab.sh      Env: REF, REPS (3), N, DATA, WORK
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/.." && pwd)
cd "$ROOT"
REF=${REF:-$(git merge-base HEAD main 2>/dev/null || git rev-parse HEAD~1)}
REPS=${REPS:-3}
N=${N:-32}
WORK=${WORK:-/tmp/bkg-post}
mkdir -p "$WORK"
mvn -q -B -DskipTests package >/dev/null
cp target/borderlands-kg.jar "$WORK/B.jar"
if [ "$(cat "$WORK/A.ref" 2>/dev/null)" != "$(git rev-parse "$REF")" ]; then
  rm -rf "$WORK/A-src" && mkdir -p "$WORK/A-src" && git archive "$REF" | tar -x -C "$WORK/A-src"
  (cd "$WORK/A-src" && mvn -q -B -o -DskipTests package >/dev/null)
  cp "$WORK/A-src/target/borderlands-kg.jar" "$WORK/A.jar" && git rev-parse "$REF" > "$WORK/A.ref"
fi
if [ -z "${DATA:-}" ]; then
  DATA="$WORK/corpus-$N"
  WORK="$WORK" "$ROOT/bench/corpus.sh" "$N" "$DATA"
fi
echo "machine: $(nproc) CPUs, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs), $(free -g | awk '/Mem:/{print $2}') GB RAM; A = $(git rev-parse --short "$REF"), B = working tree; data $DATA" >&2
echo "start: $(date -u +%FT%TZ) $(uptime)" >&2
STAGES=("shared unit's shapes" "quality checks" "VoID")
printf 'variant\trep\tshapes_wall\tshapes_thread\tshapes_cpu\tqc_wall\tqc_thread\tqc_cpu\tvoid_wall\tvoid_thread\tvoid_cpu\tload_wall\tload1\n' | tee "$WORK/runs.tsv"
for rep in $(seq 1 "$REPS"); do
  for v in A B; do
    rm -rf "$WORK/store"
    start=$(date +%s%N)
    java -Xmx300m -Dbkg.profile=true -jar "$WORK/$v.jar" load --data "$DATA" --store "$WORK/store" \
        --ontology "$ROOT/ontology" --qc "$ROOT/queries/qc" >"$WORK/run.out" 2>"$WORK/run.err"
    wall=$(( ($(date +%s%N) - start) / 1000000 ))
    row="$v\t$rep"
    for s in "${STAGES[@]}"; do
      line=$(grep -F "phase $s" "$WORK/run.err" | head -1)
      row="$row\t$(sed -n 's/.* \([0-9]*\) ms$/\1/p' <<<"$line")\t$(sed -n 's/.*thread \([0-9]*\),.*/\1/p' <<<"$line")"
      row="$row\t$(sed -n 's/.*process \([0-9]*\)).*/\1/p' <<<"$line")"
    done
    printf "$row\t$wall\t$(cut -d' ' -f1 /proc/loadavg)\n" | tee -a "$WORK/runs.tsv"
  done
done
rm -rf "$WORK/store"
python3 - "$WORK/runs.tsv" <<'PY'
import csv, statistics, sys
rows = list(csv.DictReader(open(sys.argv[1]), delimiter='\t'))
cols = [c for c in rows[0] if c not in ('variant', 'rep', 'load1')]
print('median\t' + '\t'.join(cols))
for v in ('A', 'B'):
    rs = [r for r in rows if r['variant'] == v]
    print(v + '\t' + '\t'.join(str(int(statistics.median(int(r[c]) for r in rs if r[c]))) for c in cols))
PY
