#!/usr/bin/env bash
# An emulated small device (issue 12): each server pinned to one CPU (taskset) with its JVM sized
# for 256 MiB of memory (-XX:MaxRAM=256m), side by side:
#
#   weft-dist      example/target/dist/bin/weft-example (jlinked runtime, AOT cache, small-device flags)
#   weft-dist-lazy the same with -Dweft.wasm.prestart=false (each module's first instance made by
#                  its first call, not in the background once listening); start-up and idle only
#   weft-dist-c1   the same with -XX:TieredStopAtLevel=1 (C1 only, no C2): what the JIT costs
#                  start-up on one CPU, and what giving up C2 costs throughput
#   helidon-dist   a bare Helidon SE hello server built the same way (bench/small-device/helidon-hello)
#   weft-jar       java -jar example/target/weft-example.jar on the full JDK, default flags
#
# Records: time from exec to the first 200 on /health and, in another fresh process, on a wasm
# route (/hello); the CPU time the server had used by its first 200 on /health, and the part of it
# spent by the JIT compiler threads; idle RSS 5 s after the first 200; requests/s, peak and final RSS under
# wrk -t1 -c16 on /hello, /java/hello and /matmul?n=100; the size on disk of each artefact.
#
#   bench/small-device.sh [--starts N] [--duration S] [--no-build] [--out DIR]
#
# Writes bench/results/small-device-<yyyy-MM-dd-HHmm>/{result.md,starts.csv,load.csv,sizes.csv}.
# Every server listens on 127.0.0.1 and is stopped by this script (also on Ctrl-C).
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
source "$ROOT/scripts/lib/toolchain.sh"

STARTS=5 DURATION=10 WARMUP=5 BUILD=1 OUT="" MAXRAM=256m
while [ $# -gt 0 ]; do
  case "$1" in
    --starts) STARTS=$2; shift 2 ;;
    --duration) DURATION=$2; shift 2 ;;
    --warmup) WARMUP=$2; shift 2 ;;
    --no-build) BUILD=0; shift ;;
    --out) OUT=$2; shift 2 ;;
    -h|--help) sed -n '2,/^set -euo/{/^set -euo/!p}' "$0"; exit 0 ;;
    *) echo "unknown option $1 (see --help)" >&2; exit 2 ;;
  esac
done
OUT=${OUT:-$ROOT/bench/results/small-device-$(date +%Y-%m-%d-%H%M)}
mkdir -p "$OUT/logs"

weft_use_jdk
if [ "$(weft_jdk_major "$JAVA_HOME")" -lt 25 ]; then weft_die "the distribution's AOT cache needs JDK 25 or newer"; fi
command -v wrk >/dev/null || "$ROOT/bench/install.sh" >/dev/null 2>&1 || weft_apt_install wrk || weft_die "wrk is missing"
command -v taskset >/dev/null || weft_die "taskset (util-linux) is missing"
command -v curl >/dev/null || weft_apt_install curl || weft_die "curl is missing"

# The server gets one CPU, the client (curl, wrk) another, when there are two.
CPUS=$(nproc)
SERVER_CPU=0
CLIENT_CPU=$(( CPUS > 1 ? 1 : 0 ))

if [ "$BUILD" = 1 ]; then
  weft_prepare_build
  (cd "$ROOT" && mvn -B -q -pl example -am package -DskipTests ${MVN_ARGS:-})
  (cd "$ROOT" && mvn -B -q -P small-device -pl bench/small-device/helidon-hello -am package -DskipTests ${MVN_ARGS:-})
fi

WEFT_DIST=$ROOT/example/target/dist
HELIDON_DIST=$ROOT/bench/small-device/helidon-hello/target/dist
FAT_JAR=$ROOT/example/target/weft-example.jar
for f in "$WEFT_DIST/bin/weft-example" "$HELIDON_DIST/bin/helidon-hello" "$FAT_JAR"; do
  [ -e "$f" ] || weft_die "$f is missing: run without --no-build"
done
# "Built the same way": both launchers must pass the JVM the same options.
flags() { sed -n 's/.*\.aot" \(.*\) \$JAVA_OPTS.*/\1/p' "$1" | head -n 1; }
[ "$(flags "$WEFT_DIST/bin/weft-example")" = "$(flags "$HELIDON_DIST/bin/helidon-hello")" ] ||
  weft_die "the two distributions' launchers have different JVM options: $(flags "$WEFT_DIST/bin/weft-example") vs $(flags "$HELIDON_DIST/bin/helidon-hello")"
SMALL_FLAGS=$(flags "$WEFT_DIST/bin/weft-example")

SYSTEMS=(weft-dist weft-dist-lazy weft-dist-c1 helidon-dist weft-jar)
LOAD_SYSTEMS=(weft-dist weft-dist-c1 helidon-dist weft-jar)

SERVER_PID=""
stop_server() {
  if [ -n "$SERVER_PID" ] && kill -0 "$SERVER_PID" 2>/dev/null; then
    kill -TERM "$SERVER_PID" 2>/dev/null || true
    for _ in $(seq 100); do kill -0 "$SERVER_PID" 2>/dev/null || break; sleep 0.1; done
    kill -KILL "$SERVER_PID" 2>/dev/null || true
    wait "$SERVER_PID" 2>/dev/null || true
  fi
  SERVER_PID=""
}
trap stop_server EXIT INT TERM

free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'; }

# start_server SYSTEM PORT LOG: execs the server on SERVER_CPU; sets SERVER_PID and START_NS.
start_server() {
  local system=$1 port=$2 log=$3 props
  props="-XX:MaxRAM=$MAXRAM -Dserver.host=127.0.0.1 -Dserver.port=$port -Dweft.access-log.enabled=false"
  START_NS=$(date +%s%N)
  case "$system" in
    weft-dist) JAVA_OPTS="$props" taskset -c "$SERVER_CPU" "$WEFT_DIST/bin/weft-example" >"$log" 2>&1 & ;;
    weft-dist-lazy) JAVA_OPTS="$props -Dweft.wasm.prestart=false" taskset -c "$SERVER_CPU" "$WEFT_DIST/bin/weft-example" >"$log" 2>&1 & ;;
    weft-dist-c1) JAVA_OPTS="$props -XX:TieredStopAtLevel=1" taskset -c "$SERVER_CPU" "$WEFT_DIST/bin/weft-example" >"$log" 2>&1 & ;;
    helidon-dist) JAVA_OPTS="$props" taskset -c "$SERVER_CPU" "$HELIDON_DIST/bin/helidon-hello" >"$log" 2>&1 & ;;
    weft-jar) taskset -c "$SERVER_CPU" "$JAVA_HOME/bin/java" $props -jar "$FAT_JAR" >"$log" 2>&1 & ;;
  esac
  SERVER_PID=$!
}

# Milliseconds from START_NS to the first 200 on PATH, polled every 5 ms from CLIENT_CPU.
await_200() {
  local port=$1 path=$2 code
  for _ in $(seq 6000); do
    code=$(taskset -c "$CLIENT_CPU" curl -s -o /dev/null -w '%{http_code}' "http://127.0.0.1:$port$path" 2>/dev/null || true)
    if [ "$code" = 200 ]; then echo $(( ($(date +%s%N) - START_NS) / 1000000 )); return 0; fi
    kill -0 "$SERVER_PID" 2>/dev/null || { echo "server exited" >&2; return 1; }
    sleep 0.005
  done
  return 1
}

# rss_kib, hwm_kib, proc_stats, cpu_ms. The launchers exec the JVM, so SERVER_PID is the JVM itself.
. "$(dirname "$0")/lib/proc.sh"

LOAD_BEFORE=$(cut -d' ' -f1-3 /proc/loadavg)
echo "system,run,path,first_200_ms,idle_rss_kib,next_hello_ms,cpu_ms,jit_cpu_ms" >"$OUT/starts.csv"
echo "system,path,requests_per_s,p50_ms,p99_ms,errors,peak_rss_kib,rss_after_kib" >"$OUT/load.csv"

weft_say "start-up: $STARTS fresh starts per system and route, systems interleaved"
for run in $(seq "$STARTS"); do
  for path in /health /hello; do
    for system in "${SYSTEMS[@]}"; do
      port=$(free_port)
      start_server "$system" "$port" "$OUT/logs/$system-start-$run$(echo "$path" | tr / -).log"
      ms=$(await_200 "$port" "$path") || { stop_server; weft_die "$system did not answer $path; see $OUT/logs"; }
      idle="" next="" cpu="" jit=""
      if [ "$path" = /health ]; then
        stats=$(proc_stats "$SERVER_PID")
        # The first call of a wasm route right after the first 200: what deferred work costs it.
        next=$(taskset -c "$CLIENT_CPU" curl -s -o /dev/null -w '%{time_total}' "http://127.0.0.1:$port/hello" | awk '{printf "%.1f", $1*1000}')
        # The process's own line comes first; the JIT's are its C1 and C2 compiler threads.
        cpu=$(head -n 1 <<<"$stats" | cpu_ms); jit=$({ grep -E '\((C1|C2) Compiler' <<<"$stats" || true; } | cpu_ms)
        sleep 5; idle=$(rss_kib "$SERVER_PID")
      fi
      stop_server
      echo "$system,$run,$path,$ms,$idle,$next,$cpu,$jit" >>"$OUT/starts.csv"
      printf '  %-14s run %s %-8s first 200 %5s ms  CPU %5s ms (JIT %5s)  then /hello %6s ms  idle RSS %s KiB\n' \
        "$system" "$run" "$path" "$ms" "${cpu:--}" "${jit:--}" "${next:--}" "${idle:--}"
    done
  done
done

weft_say "load: wrk -t1 -c16, ${WARMUP} s warm-up then ${DURATION} s measured, per route"
for system in "${LOAD_SYSTEMS[@]}"; do
  port=$(free_port)
  start_server "$system" "$port" "$OUT/logs/$system-load.log"
  await_200 "$port" /health >/dev/null || { stop_server; weft_die "$system did not start for the load test"; }
  paths=(/hello /java/hello "/matmul?n=100")
  [ "$system" = helidon-dist ] && paths=(/hello)
  for path in "${paths[@]}"; do
    url="http://127.0.0.1:$port$path"
    taskset -c "$CLIENT_CPU" wrk -t1 -c16 -d"${WARMUP}s" "$url" >/dev/null
    echo 5 >"/proc/$SERVER_PID/clear_refs" 2>/dev/null || true
    result=$(taskset -c "$CLIENT_CPU" wrk -t1 -c16 -d"${DURATION}s" --latency "$url")
    rps=$(echo "$result" | awk '/^Requests\/sec:/ {print $2}')
    p50=$(echo "$result" | awk '$1=="50%" {print $2}')
    p99=$(echo "$result" | awk '$1=="99%" {print $2}')
    errors=$(echo "$result" | awk '/Non-2xx|Socket errors/ {n++} END {print n+0}')
    peak=$(hwm_kib "$SERVER_PID"); after=$(rss_kib "$SERVER_PID")
    echo "$system,$path,$rps,$p50,$p99,$errors,$peak,$after" >>"$OUT/load.csv"
    printf '  %-13s %-15s %9s req/s  p50 %-8s p99 %-8s peak RSS %s KiB\n' "$system" "$path" "$rps" "$p50" "$p99" "$peak"
  done
  stop_server
done

echo "artefact,bytes" >"$OUT/sizes.csv"
size_of() { du -sb "$1" | cut -f1; }
{
  echo "weft-dist,$(size_of "$WEFT_DIST")"
  echo "weft-dist runtime,$(size_of "$WEFT_DIST/runtime")"
  echo "weft-dist jar,$(size_of "$WEFT_DIST/lib/weft-example.jar")"
  echo "weft-dist AOT cache,$(size_of "$WEFT_DIST/lib/weft-example.aot")"
  echo "helidon-dist,$(size_of "$HELIDON_DIST")"
  echo "weft-jar (fat jar alone),$(size_of "$FAT_JAR")"
} >>"$OUT/sizes.csv"

{
  echo "# Small device, $(date '+%Y-%m-%d %H:%M')"
  echo
  echo "Command: \`bench/small-device.sh --starts $STARTS --duration $DURATION --warmup $WARMUP\`."
  echo "Server on CPU $SERVER_CPU, curl and wrk on CPU $CLIENT_CPU (taskset); every JVM with -XX:MaxRAM=$MAXRAM,"
  echo "the access log off. Distribution launcher flags: \`$SMALL_FLAGS\` (weft-jar: the JDK's defaults)."
  echo "Machine: $(nproc) CPUs shared with other work (load average $LOAD_BEFORE before the run, $(cut -d' ' -f1-3 /proc/loadavg) at the end: absolute times are inflated, compare ratios); $(uname -r); $("$JAVA_HOME/bin/java" -version 2>&1 | sed -n 2p)."
  echo
  echo "## Start-up (median of $STARTS fresh processes each)"
  echo
  echo "| system | first 200 /health ms | CPU ms by then | of it JIT threads | then first /hello ms | first 200 /hello ms (wasm for Weft) | idle RSS after 5 s MiB |"
  echo "| --- | --- | --- | --- | --- | --- | --- |"
  # median SYSTEM PATH COLUMN: the median of one column of starts.csv
  median() { awk -F, -v s="$1" -v p="$2" -v c="$3" '$1==s && $3==p {print $c}' "$OUT/starts.csv" | sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }
  for system in "${SYSTEMS[@]}"; do
    r=$(median "$system" /health 5 | awk '{printf "%.1f", $1/1024}')
    echo "| $system | $(median "$system" /health 4) | $(median "$system" /health 7) | $(median "$system" /health 8) | $(median "$system" /health 6) | $(median "$system" /hello 4) | $r |"
  done
  echo
  echo "## Load (wrk -t1 -c16, ${DURATION} s after ${WARMUP} s of warm-up)"
  echo
  echo "| system | route | requests/s | p50 | p99 | errors | peak RSS MiB | RSS after MiB |"
  echo "| --- | --- | --- | --- | --- | --- | --- | --- |"
  awk -F, 'NR>1 {printf "| %s | %s | %s | %s | %s | %s | %.1f | %.1f |\n", $1, $2, $3, $4, $5, $6, $7/1024, $8/1024}' "$OUT/load.csv"
  echo
  echo "## Size on disk"
  echo
  echo "| artefact | MB |"
  echo "| --- | --- |"
  awk -F, 'NR>1 {printf "| %s | %.1f |\n", $1, $2/1e6}' "$OUT/sizes.csv"
} >"$OUT/result.md"
cat "$OUT/result.md"
weft_say "results in $OUT"
