#!/usr/bin/env bash
# Start-up of distributions side by side (issue 12): each variant started N times, alternating,
# the server on CPU 0 and curl on CPU 1 (taskset), with -XX:MaxRAM=256m and the access log off.
# A variant is a distribution folder (example/target/dist, or a copy made before a change),
# optionally followed by '|' and JVM options for its launcher's JAVA_OPTS.
# Prints CSV: milliseconds from exec to the first 200 on /health, the CPU milliseconds the JVM had
# used by then, the milliseconds of one request to $FIRST_CALL sent right after (default /hello:
# what the work left for after listening costs the first call), the RSS $IDLE seconds later
# (default 5).
#
#   bench/start-ab.sh N VARIANT...
#   e.g. bench/start-ab.sh 5 example/target/dist 'example/target/dist|-XX:TieredStopAtLevel=1'
#        FIRST_CALL=/sandbox/random bench/start-ab.sh 4 /tmp/dist-before example/target/dist
set -euo pipefail
. "$(dirname "$0")/lib/proc.sh"
N=$1; shift
FIRST_CALL=${FIRST_CALL:-/hello} IDLE=${IDLE:-5} PORT=${PORT:-18611}
echo "run,variant,first200_ms,cpu_ms,first_call_ms,idle_rss_kib"
for run in $(seq "$N"); do
  for variant in "$@"; do
    dist=${variant%%|*}
    options=""
    [[ $variant == *"|"* ]] && options=${variant#*|}
    launcher=$(find "$dist/bin" -maxdepth 1 -type f | head -n 1)
    started=$(date +%s%N)
    JAVA_OPTS="-XX:MaxRAM=256m -Dweft.access-log.enabled=false -Dserver.port=$PORT -Dserver.host=127.0.0.1 $options" \
      taskset -c 0 "$launcher" >/dev/null 2>&1 &
    pid=$!
    until [ "$(taskset -c 1 curl -s -o /dev/null -w '%{http_code}' "127.0.0.1:$PORT/health")" = 200 ]; do
      kill -0 "$pid" 2>/dev/null || { echo "$variant exited before answering" >&2; exit 1; }
      sleep 0.005
    done
    answered=$(date +%s%N)
    # The launcher execs the JVM, so $pid is it.
    cpu=$(cpu_ms <"/proc/$pid/stat")
    first_call=$(taskset -c 1 curl -s -o /dev/null -w '%{time_total}' "127.0.0.1:$PORT$FIRST_CALL" | awk '{printf "%.1f", $1 * 1000}')
    sleep "$IDLE"
    rss=$(rss_kib "$pid")
    echo "$run,\"$variant\",$(( (answered - started) / 1000000 )),$cpu,$first_call,$rss"
    kill "$pid"; wait "$pid" 2>/dev/null || true
  done
done
