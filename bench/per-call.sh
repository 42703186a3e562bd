#!/usr/bin/env bash
# Issue 10's per-call measurement: requests/s of the trivial wasm route (GET /hello, a Rust guest
# answering "hi") against the same answer from Java (GET /java/hello), on one example server with
# the access log off. wrk runs alternate between the two routes; the median of each is kept and
# their ratio written. See bench/README.md, "Per-call cost".
#
#   bench/per-call.sh [runs=5] [seconds=6] [connections=50]
#
# Writes bench/results/per-call-<yyyy-MM-dd-HHmm>/: runs.csv (every wrk run) and result.md.
set -euo pipefail
cd "$(dirname "$0")/.."
. scripts/lib/toolchain.sh
weft_prepare_build
command -v wrk >/dev/null || weft_apt_install wrk || weft_die "wrk is needed"
RUNS=${1:-5} SECONDS_PER_RUN=${2:-6} CONNECTIONS=${3:-50}

JAR=example/target/weft-example.jar
[ -f "$JAR" ] || mvn -B -ntp -q -pl example -am package -Dmaven.test.skip=true -Dweft.distribution.skip=true

LOG=$(mktemp)
"$JAVA_HOME/bin/java" -Dserver.host=127.0.0.1 -Dserver.port=18183 -Dweft.access-log.enabled=false \
  -jar "$JAR" >"$LOG" 2>&1 &
PID=$!
trap 'kill $PID 2>/dev/null; wait 2>/dev/null; rm -f "$LOG"' EXIT
for _ in $(seq 300); do curl -sf 127.0.0.1:18183/health >/dev/null && break; sleep 0.1; done
[ "$(curl -sf 127.0.0.1:18183/hello)" = hi ] && [ "$(curl -sf 127.0.0.1:18183/java/hello)" = hi ] ||
  { cat "$LOG"; weft_die "the example did not answer hi on /hello and /java/hello"; }

OUT=bench/results/per-call-$(date -u +%Y-%m-%d-%H%M)
mkdir -p "$OUT"
echo "run,route,requests_per_second" >"$OUT/runs.csv"
rate() { wrk -t1 -c"$CONNECTIONS" -d"${SECONDS_PER_RUN}s" "http://127.0.0.1:18183$1" | awk '/Requests\/sec/ {print $2}'; }
# Warm-up: three runs of each, discarded, so that the JIT has compiled both paths.
for _ in 1 2 3; do rate /hello >/dev/null; rate /java/hello >/dev/null; done
for run in $(seq "$RUNS"); do
  for route in /hello /java/hello; do echo "$run,$route,$(rate "$route")" >>"$OUT/runs.csv"; done
done

median() { grep ",$1," "$OUT/runs.csv" | cut -d, -f3 | sort -n | awk '{a[NR]=$1} END {print (NR%2 ? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2)}'; }
WASM=$(median /hello) JAVA=$(median /java/hello)
RATIO=$(awk -v w="$WASM" -v j="$JAVA" 'BEGIN {printf "%.2f", w/j}')
cat >"$OUT/result.md" <<MD
# Per-call cost: trivial wasm route against Java

\`bench/per-call.sh $RUNS $SECONDS_PER_RUN $CONNECTIONS\` at $(git rev-parse --short HEAD) on $(nproc) cores,
load average before the runs: $(cut -d' ' -f1-3 /proc/loadavg). wrk -t1 -c$CONNECTIONS, ${SECONDS_PER_RUN} s a run,
$RUNS alternating runs per route after 3 discarded warm-up runs each; access log off.

| route | median requests/s |
| --- | --- |
| GET /hello (Rust guest) | $WASM |
| GET /java/hello (Java) | $JAVA |
| **wasm / Java** | **$RATIO** |
MD
cat "$OUT/result.md"
