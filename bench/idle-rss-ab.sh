#!/usr/bin/env bash
# Idle memory of two builds of the example's distribution, side by side (issue 12): each started
# N times, alternating, on one CPU (taskset) with -XX:MaxRAM=256m and the access log off; prints
# milliseconds from exec to the first 200 on /health and the RSS 5 s later, as CSV.
#
#   bench/idle-rss-ab.sh <dist-a> <dist-b> [N=3]     e.g. a copy of example/target/dist made before a change
set -euo pipefail
A=$1 B=$2 N=${3:-3} PORT=18610
echo "run,dist,first200_ms,idle_rss_kib"
for i in $(seq "$N"); do
  for d in "$A" "$B"; do
    t0=$(date +%s%N)
    JAVA_OPTS="-XX:MaxRAM=256m -Dweft.access-log.enabled=false -Dserver.port=$PORT -Dserver.host=127.0.0.1" \
      taskset -c 0 "$d/bin/weft-example" >/dev/null 2>&1 &
    pid=$!
    until curl -sf "127.0.0.1:$PORT/health" >/dev/null; do
      kill -0 "$pid" 2>/dev/null || { echo "$d exited before answering" >&2; exit 1; }
      sleep 0.005
    done
    t1=$(date +%s%N)
    sleep 5
    echo "$i,$d,$(( (t1 - t0) / 1000000 )),$(awk '/VmRSS/ {print $2}' "/proc/$pid/status")"
    kill "$pid"; wait "$pid" 2>/dev/null || true
  done
done
