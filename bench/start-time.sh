#!/usr/bin/env bash
# Start to first answer, alternating: the project's server on a built store, and stock Fuseki 5.6.0 on the
# same build. "First answer" = the first 200 to an ASK on /kg/sparql (polled every 20 ms); for the project also
# the first web answer (/api/search, polled the same way once SPARQL answers). RSS = resident memory of the
# server's whole process tree (serve's parent + child JVM when it re-executes itself, see HeapLimit) at first answer.
# usage (in the project checkout, jar built): bench/start-time.sh LABEL STORE PEER [rounds] [JAR] [-- SERVE OPTIONS]
#   STORE must already hold the build the jar would make (run `load` with the same inputs and jar first)
#   PEER  a TDB2 directory (stock Fuseki serves it with --tdb2 --loc) or an .nt file (--file, in memory);
#         several, comma-separated, run one after the other
# Output: one tab-separated line per start: label server round start_s first_web_s rss_mb load1 detail
# PROJECT_JAVA_OPTS: JVM options for the project's server, e.g. -Xmx1g (then serve does not re-execute itself
# in a child JVM to set its heap); PROJECT_MODES="child xmx" runs both ways in each round; mode "noarchive" is
# "child" with --no-class-archive (the child JVM without the class archive of store/cds/: a first start).
# Before the rounds, one untimed `serve` in child mode writes the class archive if there is none yet.
set -u
LABEL=$1; STORE=$2; PEERS=$3; ROUNDS=${4:-5}; JAR=${5:-target/borderlands-kg.jar}; shift $(( $# < 5 ? $# : 5 ))
[ "${1:-}" = "--" ] && shift
SERVE_OPTS=("$@")
FJ=$HOME/.m2/repository/org/apache/jena/jena-fuseki-server/5.6.0/jena-fuseki-server-5.6.0.jar
[ -f "$FJ" ] || mvn -q dependency:get -Dartifact=org.apache.jena:jena-fuseki-server:5.6.0 >/dev/null
port() { python3 -c 'import socket
for p in range(41701, 65000, 2):
    s=socket.socket()
    try: s.bind(("0.0.0.0",p)); s.close(); print(p); break
    except OSError: pass'; }
ready() { curl -sf -o /dev/null "http://127.0.0.1:$1/kg/sparql" --data-urlencode 'query=ASK{?s ?p ?o}'; }
web() { curl -sf -o /dev/null "http://127.0.0.1:$1/api/search?q=taliban"; }
tree_rss_mb() { # resident memory of a process and its children, MB
  local pids="$1 $(pgrep -P "$1" | tr '\n' ' ')"; local kb=0
  for p in $pids; do kb=$((kb + $(awk '/VmRSS/{print $2}' /proc/$p/status 2>/dev/null || echo 0))); done
  echo $((kb / 1024)); }
LOGS=$(mktemp -d)
one() {
  local name=$1 round=$2 webcheck=$3; shift 3; local p; p=$(port); local t0; t0=$(date +%s.%N)
  "${@//PORT/$p}" >"$LOGS/$name.log" 2>&1 & local pid=$!
  until ready "$p"; do kill -0 $pid 2>/dev/null || { echo "$name died"; tail -3 "$LOGS/$name.log"; return 1; }; sleep 0.02; done
  local t1; t1=$(date +%s.%N); local rss; rss=$(tree_rss_mb $pid); local tw=""
  if [ "$webcheck" = web ]; then until web "$p"; do sleep 0.02; done; tw=$(python3 -c "print(round($(date +%s.%N)-$t0,2))"); fi
  printf '%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\n' "$LABEL" "$name" "$round" "$(python3 -c "print(round($t1-$t0,2))")" "${tw:--}" \
    "$rss" "$(cut -d' ' -f1 /proc/loadavg)" "$(grep -o 'start-up:.*' "$LOGS/$name.log" | head -1)"
  kill $pid; wait $pid 2>/dev/null
}
case " ${PROJECT_MODES:-} " in *" child "*)
  one "priming" 0 - java -jar "$JAR" serve --port PORT --store "$STORE" --reload-interval 0 "${SERVE_OPTS[@]}" >/dev/null
  sleep 1; ls "$STORE"/cds/*.jsa >/dev/null 2>&1 || echo "note: no class archive in $STORE/cds after the priming run" >&2 ;;
esac
for i in $(seq 1 "$ROUNDS"); do
  for mode in ${PROJECT_MODES:-default}; do
    extra=()
    case $mode in
      child) opts="" ;; noarchive) opts=""; extra=(--no-class-archive) ;; xmx) opts="-Xmx1g" ;; *) opts="${PROJECT_JAVA_OPTS:-}" ;;
    esac
    one "project${mode:+-$mode}" "$i" web java $opts -jar "$JAR" serve --port PORT --store "$STORE" --reload-interval 0 "${extra[@]}" "${SERVE_OPTS[@]}"
  done
  IFS=, read -ra peers <<< "$PEERS"
  for peer in "${peers[@]}"; do
    if [ -d "$peer" ]; then
      rm -f "$peer/tdb.lock"
      one fuseki-tdb2 "$i" - env FUSEKI_BASE="$LOGS/fuseki-base" java -jar "$FJ" --tdb2 --loc="$peer" --port PORT /kg
    else
      one fuseki-mem "$i" - env FUSEKI_BASE="$LOGS/fuseki-base" java -jar "$FJ" --file="$peer" --port PORT /kg
    fi
  done
done
rm -rf "$LOGS"
