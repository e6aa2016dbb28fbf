#!/usr/bin/env bash
# One command, end to end: start to first answer of `serve` against stock Fuseki 5.6.0 on the same build, for
# Report N°354 (data/) and a 32-source synthetic corpus (CorpusGenerator, seed 1), then the medians.
#   bench/start-time-all.sh [rounds]        (default 5; run from the project checkout on a quiet machine)
# Work files go to target/bench-start/ (kept between runs: the stores are built once per jar).
# Peers: stock Fuseki over a copy of the build's TDB2 database (--tdb2 --loc), and for N°354 also stock
# Fuseki parsing the build's triples into memory (--file, as the earlier #13 figures did).
# serve runs as `java -jar` (re-executes itself in a child JVM with -Xmx1g, HeapLimit, which maps the class archive
# kept in the store: "child"; without it, as at the very first start of a new jar: "noarchive") and as
# `java -Xmx1g -jar` (one JVM: "xmx").
set -eu
ROUNDS=${1:-5}
cd "$(dirname "$0")/.."
W=target/bench-start; mkdir -p "$W"
[ -f "${JAR:-target/borderlands-kg.jar}" ] || mvn -q package -DskipTests
[ -f target/test-classes/kg/borderlands/bench/CorpusGenerator.class ] || mvn -q test-compile
JAR=${JAR:-target/borderlands-kg.jar}   # e.g. a copy, while target/ is rebuilt
echo "# $(date -u +%FT%TZ) $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs), $(java -version 2>&1 | head -1); uptime: $(uptime)" >&2
[ -d "$W/corpus-32" ] || java -cp target/test-classes:$JAR kg.borderlands.bench.CorpusGenerator --sources 32 --seed 1 --out "$W/corpus-32" >&2
java -jar $JAR load --store "$W/store-354" >&2
java -jar $JAR load --data "$W/corpus-32" --store "$W/store-32" >&2
peer() { # copy of the published build's TDB2 database, for stock Fuseki
  local b; b="$1/builds/$(cat "$1/CURRENT")"; rm -rf "$2"; cp -r "$b/tdb" "$2"; rm -f "$2/tdb.lock"; }
peer "$W/store-354" "$W/peer-354-tdb"; peer "$W/store-32" "$W/peer-32-tdb"
[ -f "$W/peer-354.nt" ] && [ "$W/peer-354.nt" -nt "$W/store-354/CURRENT" ] || java -jar $JAR export --store "$W/store-354" --format nt --out "$W/peer-354.nt" >&2
OUT="$W/start-$(date -u +%Y%m%dT%H%M%SZ).tsv"
{
  PROJECT_MODES="child noarchive xmx" bench/start-time.sh n354 "$W/store-354" "$W/peer-354-tdb,$W/peer-354.nt" "$ROUNDS" "$JAR"
  PROJECT_MODES="child noarchive xmx" bench/start-time.sh s32 "$W/store-32" "$W/peer-32-tdb" "$ROUNDS" "$JAR" -- --data "$W/corpus-32"
} | tee "$OUT"
python3 bench/summarise-start.py "$OUT"
