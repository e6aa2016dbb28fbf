#!/usr/bin/env bash
# One command for the serving figures of issue #13: builds the jar, a store and its N-Triples dump in a scratch
# directory, then runs bench/peer-bench.sh (per round, back to back: `serve` with the answer cache, `serve --cache-mb 0`,
# stock jena-fuseki-server 5.6.0 on the same triples; start to first answer, the cold first pass, wrk with each
# client count) and prints the tables of bench/summarise.py (per round, then medians and ratios to Fuseki).
#
# usage (from anywhere): bench/cache-off.sh [seconds=15] [rounds=3] [clients="8 64"]
#   BENCH_DIR  scratch directory (default: a new temporary one; the store is reused if it is already there)
#   JAR        a built project jar to use instead of building one (mvn -q -o package -DskipTests); it must be built
#              from this checkout: the store is built from this checkout's data/ with that jar
#   BASELINE_JAR  another build of the project (e.g. of main before a change): also run, cache off, in every round
#   PROJECT_JAVA_OPTS  JVM options of the project's server (default -Xmx1g, as serve's own child JVM)
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root"
SECS=${1:-15}; ROUNDS=${2:-3}; CLIENTS=${3:-8 64}
if [ -z "${JAR:-}" ]; then
  mvn -q -o package -DskipTests 2>/dev/null || mvn -q package -DskipTests
  JAR=target/borderlands-kg.jar
fi
W=${BENCH_DIR:-$(mktemp -d)}
mkdir -p "$W"
echo "scratch: $W; jar: $JAR ($(git rev-parse --short HEAD 2>/dev/null || echo '?'))"
java -Xmx1g -jar "$JAR" load --store "$W/store" | tail -1
java -Xmx1g -jar "$JAR" export --format nt --store "$W/store" > "$W/dump.nt"
echo "dump: $(wc -l < "$W/dump.nt") triples; queries: $(ls queries/*.rq | wc -l)"
if [ -n "${BASELINE_JAR:-}" ]; then
  export BASELINE_JAR BASELINE_STORE="$W/store-baseline"
  java -Xmx1g -jar "$BASELINE_JAR" load --store "$BASELINE_STORE" | tail -1
fi
echo "before: $(uptime)"
# shellcheck disable=SC2086
JAR=$JAR PROJECT_JAVA_OPTS=${PROJECT_JAVA_OPTS:--Xmx1g} bash bench/peer-bench.sh "$W/store" "$W/dump.nt" queries "$SECS" "$ROUNDS" $CLIENTS \
  | tee "$W/results.txt"
echo "after: $(uptime)"
python3 bench/summarise.py "$W/results.txt"
