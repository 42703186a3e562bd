#!/usr/bin/env bash
# Issue 3's measurement, the cost of Weft's middleware chain: requests/s of GET /java/hello on a
# server as bare as the runtime allows, against the same route with the access log on and a bearer
# JWT verified on every request. Both servers run the example jar side by side; wrk runs alternate
# between them, and the median of each is kept. See bench/README.md, "Chain cost".
#
#   bench/chain-cost.sh [runs=3] [seconds=6] [connections=50]
#
# Writes bench/results/chain-cost-<yyyy-MM-dd-HHmm>/: runs.csv (every wrk run) and result.md.
set -euo pipefail
cd "$(dirname "$0")/.."
. scripts/lib/toolchain.sh
weft_prepare_build
command -v wrk >/dev/null || weft_apt_install wrk || weft_die "wrk is needed"
command -v openssl >/dev/null || weft_die "openssl is needed to sign the test token"
RUNS=${1:-3} SECONDS_PER_RUN=${2:-6} CONNECTIONS=${3:-50}

JAR=example/target/weft-example.jar
[ -f "$JAR" ] || mvn -B -ntp -q -pl example -am package -Dmaven.test.skip=true -Dweft.distribution.skip=true

SECRET=chain-cost-secret-0123456789-abcdefgh
b64url() { openssl base64 -A | tr '+/' '-_' | tr -d '='; }
header=$(printf '{"alg":"HS256","typ":"JWT"}' | b64url)
payload=$(printf '{"sub":"bench","roles":["user"],"exp":%d}' $(( $(date +%s) + 3600 )) | b64url)
signature=$(printf '%s.%s' "$header" "$payload" | openssl dgst -sha256 -hmac "$SECRET" -binary | b64url)
TOKEN="$header.$payload.$signature"

# Settings of both servers. System properties outrank everything else in WeftConfig, and an
# empty value switches a feature off where the runtime allows it:
#   CORS off (no allowed origin; the example's application.properties sets one),
#   no handler timeout (PT0S), no API key (EXAMPLE_API_KEY unset).
# The runtime has no switch for its HTTP metrics, request ids, error rendering and body limit:
# those stay on in both.
COMMON=(-Dserver.host=127.0.0.1 -Dweft.cors.allowed-origins= -Dweft.http.handler-timeout=PT0S)
# bare: no access log and no authentication at all (the example's JWT secret emptied).
BARE=(-Dweft.access-log.enabled=false -Dweft.security.jwt.secret=)
# chain: the access log on, and HS256 JWT authentication with the secret that signed TOKEN.
CHAIN=(-Dweft.access-log.enabled=true -Dweft.security.jwt.secret="$SECRET")

LOGS=$(mktemp -d)
start() { # name port java-options...
  local name=$1 port=$2; shift 2
  env -u EXAMPLE_API_KEY -u EXAMPLE_JWT_SECRET "$JAVA_HOME/bin/java" "${COMMON[@]}" "$@" \
    -Dserver.port="$port" -jar "$JAR" >"$LOGS/$name.log" 2>&1 &
  echo $!
}
BARE_PID=$(start bare 18181 "${BARE[@]}")
CHAIN_PID=$(start chain 18182 "${CHAIN[@]}")
trap 'kill $BARE_PID $CHAIN_PID 2>/dev/null; wait 2>/dev/null; rm -rf "$LOGS"' EXIT
for port in 18181 18182; do
  for _ in $(seq 300); do curl -sf "127.0.0.1:$port/health" >/dev/null && break; sleep 0.1; done
  curl -sf "127.0.0.1:$port/health" >/dev/null || { cat "$LOGS"/*.log; weft_die "the server on $port did not start"; }
done

# Each server must be what it claims. status URL [curl options...]
status() { local url=$1; shift; curl -s -o /dev/null -w '%{http_code}' "$@" "$url"; }
[ "$(status 127.0.0.1:18182/me -H "Authorization: Bearer $TOKEN")" = 200 ] ||
  weft_die "chain: the signed token was not accepted"
[ "$(status 127.0.0.1:18182/me -H "Authorization: Bearer ${TOKEN}x")" = 401 ] ||
  weft_die "chain: a forged token was accepted"
[ "$(status 127.0.0.1:18181/me -H "Authorization: Bearer $TOKEN")" = 401 ] ||
  weft_die "bare: a token was accepted, so authentication is still configured"
for port in 18181 18182; do
  headers=$(curl -s -D - -o /dev/null -H 'Origin: http://localhost:3000' "127.0.0.1:$port/java/hello")
  if grep -qi '^access-control-allow-origin' <<<"$headers"; then weft_die "port $port: CORS is still on"; fi
done

rps() { wrk -t1 -c"$CONNECTIONS" -d"${SECONDS_PER_RUN}s" "$@" | awk '/Requests\/sec/ {print $2}'; }
BARE_URL=http://127.0.0.1:18181/java/hello CHAIN_URL=http://127.0.0.1:18182/java/hello
# Warm both JITs before measuring: three unrecorded runs each (one was not enough for the JWT
# variant, whose first measured runs still sped up).
for _ in 1 2 3; do
  rps "$BARE_URL" >/dev/null
  rps -H "Authorization: Bearer $TOKEN" "$CHAIN_URL" >/dev/null
done
OUT="bench/results/chain-cost-$(date +%Y-%m-%d-%H%M)"
mkdir -p "$OUT"
echo "variant,run,requests_per_sec" >"$OUT/runs.csv"
bare=() chained=()
for run in $(seq "$RUNS"); do
  bare+=("$(rps "$BARE_URL")")
  chained+=("$(rps -H "Authorization: Bearer $TOKEN" "$CHAIN_URL")")
  printf 'bare,%s,%s\nchain,%s,%s\n' "$run" "${bare[-1]}" "$run" "${chained[-1]}" >>"$OUT/runs.csv"
  echo "run $run: bare ${bare[-1]} req/s, access log + JWT ${chained[-1]} req/s"
done
median() { printf '%s\n' "$@" | sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }
b=$(median "${bare[@]}") c=$(median "${chained[@]}")
ratio=$(awk -v c="$c" -v b="$b" 'BEGIN {printf "%.3f", c/b}')
access_lines=$(grep -c 'weft.access' "$LOGS/chain.log" || true)
cat >"$OUT/result.md" <<MD
# Chain cost, $(date -u '+%Y-%m-%d %H:%M UTC')

Command: \`bench/chain-cost.sh $RUNS $SECONDS_PER_RUN $CONNECTIONS\`: GET /java/hello of the example jar,
wrk -t1 -c$CONNECTIONS, $RUNS run(s) of $SECONDS_PER_RUN s per variant, alternating, after three unrecorded runs each.

| variant | median requests/s | runs |
| --- | --- | --- |
| bare: no access log, no authentication | $b | ${bare[*]} |
| chain: access log + HS256 JWT verified on every request | $c | ${chained[*]} |

Chain over bare: $ratio. Access log lines the chain server wrote: $access_lines.

Both: CORS off, no handler timeout, no API key. Always on (the runtime has no switch): HTTP
metrics, request id, error rendering, body limit, routing; and the example's own global middleware
(a Server-Timing entry, ServerTiming.named("total")). Machine: $(nproc) cores, load average
at the end (this script's own work included) $(cut -d' ' -f1-3 /proc/loadavg); the client runs on
the same cores.
MD
echo "median: bare $b req/s, access log + JWT $c req/s, ratio $ratio"
echo "access log lines written: $access_lines"
echo "written: $OUT/result.md"
