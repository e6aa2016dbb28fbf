#!/usr/bin/env bash
# Start to first answer, alternating: the project's server on a built store, and stock Fuseki 5.6.0 on the
# same triples. "First answer" = the first 200 to an ASK on /kg/sparql (polled every 20 ms).
# usage (in the project checkout, jar built): bench/start-time.sh STORE DUMP.nt [rounds] [JAR]
#   STORE must already hold the build the jar would make (run `serve` or `load` once with that jar)
set -u
# PROJECT_JAVA_OPTS: JVM options for the project's server, e.g. -Xmx1g (then serve does not re-execute itself
# in a child JVM to set its heap: see HeapLimit)
STORE=$1; DUMP=$2; ROUNDS=${3:-5}; JAR=${4:-target/borderlands-kg.jar}
FJ=$HOME/.m2/repository/org/apache/jena/jena-fuseki-server/5.6.0/jena-fuseki-server-5.6.0.jar
port() { python3 -c 'import socket
for p in range(41701, 65000, 2):
    s=socket.socket()
    try: s.bind(("0.0.0.0",p)); s.close(); print(p); break
    except OSError: pass'; }
ready() { curl -sf -o /dev/null "http://127.0.0.1:$1/kg/sparql" --data-urlencode 'query=ASK{?s ?p ?o}'; }
LOGS=$(mktemp -d)
one() {
  local name=$1; shift; local p; p=$(port); local t0; t0=$(date +%s.%N)
  "${@//PORT/$p}" >"$LOGS/$name.log" 2>&1 & local pid=$!
  until ready "$p"; do kill -0 $pid 2>/dev/null || { echo "$name died"; tail -3 "$LOGS/$name.log"; return 1; }; sleep 0.02; done
  local t1; t1=$(date +%s.%N)
  echo "$name start_s=$(python3 -c "print(round($t1-$t0,2))") load=$(cut -d' ' -f1 /proc/loadavg) $(grep -o 'start-up:.*' "$LOGS/$name.log" | head -1)"
  kill $pid; wait $pid 2>/dev/null
}
for i in $(seq 1 "$ROUNDS"); do
  one project java ${PROJECT_JAVA_OPTS:-} -jar "$JAR" serve --port PORT --store "$STORE"
  one fuseki env FUSEKI_BASE="$LOGS/fuseki-base" java -jar "$FJ" --file="$DUMP" --port PORT /kg
done
rm -rf "$LOGS"
