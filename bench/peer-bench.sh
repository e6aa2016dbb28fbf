#!/usr/bin/env bash
# Side by side, alternating in one run: the project's server (answer cache on, and off) and stock Fuseki 5.6.0
# on the same triples and the same competency questions. Extends ../shared/tools/peer-bench.sh with 64 clients,
# a cold first pass, and the cache switched off.
#
# usage (in the project checkout, jar built, store built at STORE): bench/peer-bench.sh STORE DUMP.nt QUERIES_DIR [seconds] [rounds] [clients...]
#   STORE    a built store directory (serve reuses it; nothing is rebuilt when inputs are unchanged)
#   DUMP.nt  the same triples for stock Fuseki (java -jar target/borderlands-kg.jar export --format nt --store STORE)
# For each round and each server: start-to-first-answer (the ASK below answered), one cold pass over the
# queries one at a time (bench/first-pass.py), then wrk for SECONDS with each client count (2 threads), with the
# server's CPU time (process and children, user + system) per request over that window: on a shared machine the
# requests per second swing with everything else running, the CPU a request costs the server much less.
# Lines: "<server> <what> ..." ; the summary is left to the reader (medians over rounds).
set -u
# JAR: the project jar (default target/borderlands-kg.jar). BASELINE_JAR and BASELINE_STORE: also run that jar (cache off) on
# that store in each round, as "baseline-nocache". PROJECT_JAVA_OPTS: JVM options for the project's server, e.g. -Xmx1g (then serve does not re-execute itself
# in a child JVM to set its heap: see HeapLimit)
here=$(cd "$(dirname "$0")" && pwd)
STORE=$1; DUMP=$2; QDIR=$3; SECS=${4:-15}; ROUNDS=${5:-3}; shift 5 2>/dev/null || shift $#
CLIENTS=${*:-8 64}
FJ=$HOME/.m2/repository/org/apache/jena/jena-fuseki-server/5.6.0/jena-fuseki-server-5.6.0.jar
[ -f "$FJ" ] || mvn -q dependency:get -Dartifact=org.apache.jena:jena-fuseki-server:5.6.0 >/dev/null
# odd ports: Linux hands out even ephemeral ports to outgoing connections, which may hold an even port
port() { python3 -c 'import socket
for p in range(int(__import__("os").environ.get("PORT_FROM","41701")), 65000, 2):
    s=socket.socket()
    try: s.bind(("0.0.0.0",p)); s.close(); print(p); break
    except OSError: pass'; }
ready() { curl -sf -o /dev/null "http://127.0.0.1:$1/kg/sparql" --data-urlencode 'query=ASK{?s ?p ?o}'; }
# CPU time (ms, user + system) of a process and all its descendants (serve may re-execute itself in a child JVM)
cpu_ms() { python3 - "$1" <<'PY'
import os, sys
kids, cpu = {}, {}
for p in filter(str.isdigit, os.listdir("/proc")):
    try: st = open("/proc/%s/stat" % p).read()
    except OSError: continue
    f = st[st.rindex(")") + 2:].split()
    kids.setdefault(f[1], []).append(p); cpu[p] = int(f[11]) + int(f[12])
todo, total = [sys.argv[1]], 0
while todo:
    p = todo.pop(); total += cpu.get(p, 0); todo += kids.get(p, [])
print(total * 1000 // os.sysconf("SC_CLK_TCK"))
PY
}
LOGS=$(mktemp -d)
run_one() {  # name, command...
  local name=$1; shift; local p; p=$(port)
  local t0; t0=$(date +%s.%N)
  "${@//PORT/$p}" >"$LOGS/$name.log" 2>&1 & local pid=$!
  until ready "$p"; do kill -0 $pid 2>/dev/null || { echo "$name died"; tail -3 "$LOGS/$name.log"; return 1; }; sleep 0.02; done
  local t1; t1=$(date +%s.%N)
  echo "$name start_s=$(python3 -c "print(round($t1-$t0,2))") load=$(cut -d' ' -f1 /proc/loadavg)"
  echo "$name $(python3 "$here/first-pass.py" "http://127.0.0.1:$p/kg/sparql" "$QDIR")"
  for c in $CLIENTS; do
    local c0; c0=$(cpu_ms $pid)
    local r; r=$(QUERIES_DIR=$QDIR wrk -t2 -c"$c" -d"${SECS}s" -s "$here/wrk-sparql.lua" "http://127.0.0.1:$p/kg/sparql" | grep RESULT)
    local c1; c1=$(cpu_ms $pid)
    local n; n=$(echo "$r" | sed -n 's/.*requests=\([0-9]*\).*/\1/p')
    echo "$name c=$c $r load=$(cut -d' ' -f1 /proc/loadavg) server_cpu_ms=$((c1 - c0)) cpu_ms_per_req=$(python3 -c "print(round(($c1 - $c0) / max(1, ${n:-0}), 3))")"
  done
  kill $pid; wait $pid 2>/dev/null
}
echo "machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs), $(java -version 2>&1 | head -1)"
for i in $(seq 1 "$ROUNDS"); do
  echo "# round $i"
  run_one project-cache java ${PROJECT_JAVA_OPTS:-} -jar "${JAR:-target/borderlands-kg.jar}" serve --port PORT --store "$STORE"
  run_one project-nocache java ${PROJECT_JAVA_OPTS:-} -jar "${JAR:-target/borderlands-kg.jar}" serve --port PORT --store "$STORE" --cache-mb 0
  # optional: another version of the project (e.g. main before a change), cache off, on its own store (a store is
  # rebuilt when the jar changes)
  if [ -n "${BASELINE_JAR:-}" ]; then
    run_one baseline-nocache java ${PROJECT_JAVA_OPTS:-} -jar "$BASELINE_JAR" serve --port PORT --store "$BASELINE_STORE" --cache-mb 0
  fi
  run_one fuseki env FUSEKI_BASE="$LOGS/fuseki-base" java -jar "$FJ" --file="$DUMP" --port PORT /kg
done
rm -rf "$LOGS"
