#!/usr/bin/env bash
# The cost of Weft's middleware chain: requests/s of GET /java/hello with nothing configured,
# against the same route with the access log on and a bearer JWT verified on every request.
# Both servers run side by side on this machine; runs alternate, and the median of each is kept.
#
#   bench/chain-cost.sh [runs=3] [seconds=6] [connections=50]
set -euo pipefail
cd "$(dirname "$0")/.."
. scripts/lib/toolchain.sh
weft_prepare_build
command -v wrk >/dev/null || weft_apt_install wrk || weft_die "wrk is needed"
command -v openssl >/dev/null || weft_die "openssl is needed to sign the test token"
RUNS=${1:-3} SECONDS_PER_RUN=${2:-6} CONNECTIONS=${3:-50}

JAR=example/target/weft-example.jar
[ -f "$JAR" ] || mvn -B -ntp -q -pl example -am package -DskipTests

SECRET=chain-cost-secret-0123456789-abcdefgh
b64url() { openssl base64 -A | tr '+/' '-_' | tr -d '='; }
header=$(printf '{"alg":"HS256","typ":"JWT"}' | b64url)
payload=$(printf '{"sub":"bench","roles":["user"],"exp":%d}' $(( $(date +%s) + 3600 )) | b64url)
signature=$(printf '%s.%s' "$header" "$payload" | openssl dgst -sha256 -hmac "$SECRET" -binary | b64url)
TOKEN="$header.$payload.$signature"

LOGS=$(mktemp -d)
start() { # name port extra-java-options...
  local name=$1 port=$2; shift 2
  EXAMPLE_JWT_SECRET=$SECRET java "$@" -Dserver.host=127.0.0.1 -Dserver.port="$port" -jar "$JAR" \
    >"$LOGS/$name.log" 2>&1 &
  echo $!
}
PLAIN=$(start plain 18181 -Dweft.access-log.enabled=false)
CHAIN=$(start chain 18182 -Dweft.access-log.enabled=true)
trap 'kill $PLAIN $CHAIN 2>/dev/null; wait 2>/dev/null; rm -rf "$LOGS"' EXIT
for port in 18181 18182; do
  for _ in $(seq 100); do curl -sf "localhost:$port/health" >/dev/null && break; sleep 0.1; done
done
# The chained route must really verify the token: a forged one is refused on an authenticated route.
[ "$(curl -s -o /dev/null -w '%{http_code}' -H "Authorization: Bearer $TOKEN" localhost:18182/me)" = 200 ] ||
  weft_die "the signed token was not accepted"
[ "$(curl -s -o /dev/null -w '%{http_code}' -H "Authorization: Bearer ${TOKEN}x" localhost:18182/me)" = 401 ] ||
  weft_die "a forged token was accepted"

rps() { wrk -t1 -c"$CONNECTIONS" -d"${SECONDS_PER_RUN}s" "$@" | awk '/Requests\/sec/ {print $2}'; }
# Warm both JITs before measuring.
rps http://127.0.0.1:18181/java/hello >/dev/null
rps -H "Authorization: Bearer $TOKEN" http://127.0.0.1:18182/java/hello >/dev/null
plain=() chained=()
for run in $(seq "$RUNS"); do
  plain+=("$(rps http://127.0.0.1:18181/java/hello)")
  chained+=("$(rps -H "Authorization: Bearer $TOKEN" http://127.0.0.1:18182/java/hello)")
  echo "run $run: plain ${plain[-1]} req/s, access log + JWT ${chained[-1]} req/s"
done
median() { printf '%s\n' "$@" | sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }
p=$(median "${plain[@]}") c=$(median "${chained[@]}")
echo "median: plain $p req/s, access log + JWT $c req/s, ratio $(awk -v c="$c" -v p="$p" 'BEGIN {printf "%.3f", c/p}')"
echo "access log lines written: $(grep -c 'weft.access' "$LOGS/chain.log")"
