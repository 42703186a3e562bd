#!/usr/bin/env bash
# Issue 11's soak: the example jar with its shipped settings under wrk -t2 -c64 for ten minutes
# (by default) of mixed wasm, Java and POST routes (bench/soak/mixed.lua), measured in 30-second
# windows: requests, non-2xx answers, socket errors, p99 latency, and the server's RSS at the end
# of each window. See bench/README.md, "Soak".
#
#   bench/soak.sh [windows=20] [seconds-per-window=30]
#
# Writes bench/results/soak-<yyyy-MM-dd-HHmm>/: windows.csv and result.md.
set -euo pipefail
cd "$(dirname "$0")/.."
. scripts/lib/toolchain.sh
weft_prepare_build
command -v wrk >/dev/null || weft_apt_install wrk || weft_die "wrk is needed"
WINDOWS=${1:-20} SECONDS_PER_WINDOW=${2:-30}

JAR=example/target/weft-example.jar
[ -f "$JAR" ] || mvn -B -ntp -q -pl example -am package -Dmaven.test.skip=true -Dweft.distribution.skip=true

LOG=$(mktemp)
"$JAVA_HOME/bin/java" -Dserver.host=127.0.0.1 -Dserver.port=18184 -jar "$JAR" >"$LOG" 2>&1 &
PID=$!
trap 'kill $PID 2>/dev/null; wait 2>/dev/null; rm -f "$LOG"' EXIT
for _ in $(seq 300); do curl -sf 127.0.0.1:18184/health >/dev/null && break; sleep 0.1; done
curl -sf 127.0.0.1:18184/health >/dev/null || { cat "$LOG"; weft_die "the example did not start"; }

OUT=bench/results/soak-$(date -u +%Y-%m-%d-%H%M)
mkdir -p "$OUT"
echo "window,requests,non_2xx,socket_errors,p99_ms,rss_mib" >"$OUT/windows.csv"
rss() { awk '/VmRSS/ {printf "%.1f", $2 / 1024}' "/proc/$PID/status"; }
ms() { # wrk's latency (e.g. 12.34ms, 850.00us, 1.20s) in milliseconds
  awk -v v="$1" 'BEGIN { n = v + 0; if (v ~ /us$/) n /= 1000; else if (v ~ /s$/ && v !~ /ms$/) n *= 1000; printf "%.2f", n }'
}
for window in $(seq "$WINDOWS"); do
  report=$(wrk -t2 -c64 -d"${SECONDS_PER_WINDOW}s" --latency -s bench/soak/mixed.lua http://127.0.0.1:18184)
  requests=$(awk '/requests in/ {print $1}' <<<"$report")
  non2xx=$(awk '/Non-2xx or 3xx responses/ {print $5}' <<<"$report"); non2xx=${non2xx:-0}
  socket=$(awk -F'[ ,]+' '/Socket errors/ {print $4 + $6 + $8 + $10}' <<<"$report"); socket=${socket:-0}
  p99=$(ms "$(awk '$1 == "99%" {print $2}' <<<"$report")")
  kill -0 $PID 2>/dev/null || { cat "$LOG"; weft_die "the server died in window $window"; }
  echo "$window,$requests,$non2xx,$socket,$p99,$(rss)" | tee -a "$OUT/windows.csv"
done

read -r total errors maxp99 maxrss < <(awk -F, 'NR > 1 { r += $2; e += $3 + $4; if ($5 > p) p = $5; if ($6 > m) m = $6 }
  END { print r, e, p, m }' "$OUT/windows.csv")
cat >"$OUT/result.md" <<MD
# Soak: $WINDOWS windows of ${SECONDS_PER_WINDOW} s

\`bench/soak.sh $WINDOWS $SECONDS_PER_WINDOW\` at $(git rev-parse --short HEAD) on $(nproc) cores: the example jar with its
shipped settings (access log on), wrk -t2 -c64 with bench/soak/mixed.lua (GET /hello, /java/hello,
/matmul?n=40, /java/matmul?n=40, POST /echo, POST /stats in turn). Load average at the end:
$(cut -d' ' -f1-3 /proc/loadavg).

- requests: $total; errors (non-2xx answers and socket errors): $errors
- worst window p99: $maxp99 ms; highest RSS at a window's end: $maxrss MiB
- server log: $(wc -l <"$LOG") lines, $(grep -c 'SEVERE\|ERROR' "$LOG" || true) at SEVERE/ERROR

Every window: [windows.csv](windows.csv).
MD
cat "$OUT/result.md"
