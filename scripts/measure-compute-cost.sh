#!/usr/bin/env bash
# What @Compute costs a trivial route over HTTP: the example's /java/matmul?n=1 (a 1x1 product:
# the route is all parameter binding and JSON) from two jars, one without @Compute on it and one
# with, served in turn on the same port and loaded by wrk, alternating, several rounds.
#   scripts/measure-compute-cost.sh BEFORE.jar AFTER.jar [rounds] [seconds]
set -euo pipefail
before=$1 after=$2 rounds=${3:-3} seconds=${4:-5}
java=${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}/bin/java
port=18093
run() {
    local jar=$1
    "$java" -Dserver.port=$port -Dserver.host=127.0.0.1 -Dweft.access-log.enabled=false -jar "$jar" > /dev/null 2>&1 &
    local pid=$!
    for _ in $(seq 100); do curl -fs "localhost:$port/health" > /dev/null && break; sleep 0.1; done
    wrk -t1 -c32 -d2s "http://127.0.0.1:$port/java/matmul?n=1" > /dev/null      # warm-up
    wrk -t1 -c32 -d"${seconds}s" "http://127.0.0.1:$port/java/matmul?n=1" | awk '/Requests\/sec/ {print $2}'
    kill "$pid"; wait "$pid" 2>/dev/null || true
}
for round in $(seq "$rounds"); do
    echo "round $round: without @Compute $(run "$before") req/s, with @Compute $(run "$after") req/s"
done
