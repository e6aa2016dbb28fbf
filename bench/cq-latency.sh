#!/usr/bin/env bash
# Competency-question latency on a built store, side by side with stock Fuseki 5.6.0 on a copy of the same TDB2
# build: starts `serve` on STORE (answer cache off, --cache-mb 0, so that every run is evaluated; timeout raised
# to 300 s like stock Fuseki's none) and `jena-fuseki-server --tdb2 --loc <copy of the build's tdb>`, then runs
# every queries/cq-*.rq K times against each, alternating (bench/cq-latency.py), and prints the per-query row
# counts and p50/p99 and the overall p50/p99 with ratios to the project's server. Stops both servers.
# usage (from the project root, jar built): bench/cq-latency.sh STORE DATA [K=20]
#   STORE  a store built by `load --data DATA` with this jar (otherwise serve would rebuild it first)
#   Env: JAR (default target/borderlands-kg.jar), SERVE_CP (a classpath to run serve from instead of the jar, with
#        -Xmx1g as serve's own child JVM: use the classpath `load` ran from, or serve would rebuild), PORT_BASE (two ports from it; default: free ports found),
#        SERVE_OPTS (more serve options), WORK (scratch for the TDB2 copy; default a temporary directory)
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/.." && pwd)
cd "$ROOT"
STORE=$1; DATA=$2; K=${3:-20}
JAR=${JAR:-target/borderlands-kg.jar}
FJ=$HOME/.m2/repository/org/apache/jena/jena-fuseki-server/5.6.0/jena-fuseki-server-5.6.0.jar
[ -f "$FJ" ] || mvn -q dependency:get -Dartifact=org.apache.jena:jena-fuseki-server:5.6.0 >/dev/null
free_port() { python3 -c 'import socket,sys
for p in range(int(sys.argv[1]), 65000):
    s=socket.socket()
    try: s.bind(("0.0.0.0",p)); s.close(); print(p); break
    except OSError: pass' "$1"; }
P1=$(free_port "${PORT_BASE:-41801}"); P2=$(free_port $((P1 + 1)))
SCRATCH=${WORK:-$(mktemp -d)}
mkdir -p "$SCRATCH"
PEER="$SCRATCH/cq-peer-tdb"
rm -rf "$PEER"; cp -r "$STORE/builds/$(cat "$STORE/CURRENT")/tdb" "$PEER"; rm -f "$PEER/tdb.lock"
ready() { curl -sf -o /dev/null "http://127.0.0.1:$1/kg/sparql" --data-urlencode 'query=ASK{?s ?p ?o}'; }
PIDS=()
cleanup() { for p in "${PIDS[@]}"; do kill "$p" 2>/dev/null || true; wait "$p" 2>/dev/null || true; done; rm -rf "$PEER"; }
trap cleanup EXIT
SERVE=(java -jar "$JAR" serve)
[ -n "${SERVE_CP:-}" ] && SERVE=(java -Xmx1g -cp "$SERVE_CP" kg.borderlands.cli.Main serve)
"${SERVE[@]}" --port "$P1" --store "$STORE" --data "$DATA" --reload-interval 0 --cache-mb 0 --timeout 300 \
    ${SERVE_OPTS:-} >"$SCRATCH/cq-serve.log" 2>&1 &
PIDS+=($!)
env FUSEKI_BASE="$SCRATCH/cq-fuseki-base" java -jar "$FJ" --tdb2 --loc="$PEER" --port "$P2" /kg >"$SCRATCH/cq-fuseki.log" 2>&1 &
PIDS+=($!)
for p in "$P1" "$P2"; do
  for _ in $(seq 1 3000); do ready "$p" && break; sleep 0.2; done
  ready "$p" || { echo "server on port $p did not answer; logs in $SCRATCH" >&2; tail -5 "$SCRATCH"/cq-*.log >&2; exit 1; }
done
echo "cq latency: store $STORE, $(ls queries/cq-*.rq | wc -l) queries × $K runs, $(date -u +%FT%TZ), load $(cut -d' ' -f1-3 /proc/loadavg)"
python3 bench/cq-latency.py "$K" queries "serve=http://127.0.0.1:$P1/kg/sparql" "fuseki=http://127.0.0.1:$P2/kg/sparql"
echo "end $(date -u +%FT%TZ), load $(cut -d' ' -f1-3 /proc/loadavg)"
