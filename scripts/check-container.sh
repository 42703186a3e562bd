#!/usr/bin/env bash
# Checks the container deployments on a machine without a Docker engine, with podman and
# podman-compose. The example's (example/Dockerfile, example/compose.yaml): builds the jar and the
# image, starts it with compose, calls it over HTTP (health, a wasm route, a JWT-protected route),
# and stops it with SIGTERM. Then the archetype's: GeneratedProjectIT with WEFT_CONTAINER_ENGINE
# set generates a project, builds its distribution and its Dockerfile's image, runs it and calls
# both its routes (scripts/test.sh runs that part too). On demand, not part of scripts/test.sh.
#
# No registry is reachable here, so the image both Dockerfiles start FROM, debian:bookworm-slim,
# is made locally (scripts/lib/containers.sh: debootstrap, then podman import). Podman's settings
# (runc, cgroupfs, vfs storage, ulimits a container may set here) live in target/containers/.
set -euo pipefail
cd "$(dirname "$0")/.."
. scripts/lib/toolchain.sh
. scripts/lib/containers.sh
weft_prepare_build

work="$PWD/target/containers"
port=${WEFT_EXAMPLE_PORT:-18080}
mkdir -p "$work"

weft_use_podman
command -v podman-compose >/dev/null || weft_apt_install podman-compose || weft_die "podman-compose is missing: install it"
weft_debian_slim_image

mvn -B -ntp -q -pl example -am package -DskipTests
podman build -q -t weft-example:0.1.0 example >/dev/null

compose() { podman-compose -f example/compose.yaml "$@" >>"$work/compose.log" 2>&1; }
export EXAMPLE_JWT_SECRET
EXAMPLE_JWT_SECRET=$(openssl rand -hex 32)
export WEFT_EXAMPLE_PORT=$port
compose down || true
compose up -d
trap 'compose down || true' EXIT

for _ in $(seq 60); do
  curl -fs -o /dev/null "localhost:$port/health" && break
  sleep 1
done
fail() { podman logs example_weft-example_1 2>&1 | tail -20; weft_die "container check: $*"; }

curl -fs "localhost:$port/health" | grep -q '"status":"UP"' || fail "/health is not UP"
curl -fs "localhost:$port/matmul?n=100&seed=1" | grep -q '"checksum":249252.8425196466' ||
  fail "/matmul?n=100&seed=1 did not answer the reference checksum"

b64url() { openssl base64 -A | tr '+/' '-_' | tr -d '='; }
header=$(printf '{"alg":"HS256","typ":"JWT"}' | b64url)
payload=$(printf '{"sub":"ada","roles":["admin"],"exp":%d}' $(($(date +%s) + 300)) | b64url)
signature=$(printf '%s.%s' "$header" "$payload" |
  openssl dgst -sha256 -mac HMAC -macopt "key:$EXAMPLE_JWT_SECRET" -binary | b64url)
curl -fs -H "Authorization: Bearer $header.$payload.$signature" "localhost:$port/me" |
  grep -q '"subject":"ada"' || fail "/me did not accept a token signed with EXAMPLE_JWT_SECRET"
[ "$(curl -s -o /dev/null -w '%{http_code}' "localhost:$port/me")" = 401 ] || fail "/me without a token is not 401"
podman exec example_weft-example_1 bash -c "exec 3<>/dev/tcp/127.0.0.1/8080 && printf 'GET /health HTTP/1.1\\r\\nHost: localhost\\r\\nConnection: close\\r\\n\\r\\n' >&3 && head -n 1 <&3 | grep -q ' 200 '" ||
  fail "the compose healthcheck command fails inside the container"
# The image's JVM loads the application from the AOT cache the build trained (COPY kept the jar's time).
aot=$(podman run --rm -e JAVA_OPTS="-Xlog:class+load=info -Dserver.port=0" --entrypoint sh weft-example:0.1.0 \
  -c 'timeout 15 /app/bin/weft-example 2>&1 | grep -m1 " dev.weft.example.ExampleApplication "' || true)
echo "$aot" | grep -q "source: shared objects file" || fail "the container does not use the AOT cache: $aot"

podman stop -t 15 example_weft-example_1 >/dev/null
podman logs example_weft-example_1 2>&1 | grep -q 'Weft stopped' || fail "SIGTERM did not stop Weft gracefully"
weft_say "example container check passed: image built, compose up, health, wasm matmul, JWT, AOT cache used, graceful stop"

# The archetype's Dockerfile, through the IT that generates a project and runs it as a user would.
WEFT_CONTAINER_ENGINE=podman mvn -B -ntp -q -pl archetype -am verify -Dit.test=GeneratedProjectIT \
  -Dtest=none -Dsurefire.failIfNoSpecifiedTests=false -Dit.failIfNoSpecifiedTests=false ||
  weft_die "the generated project's container check failed; see archetype/target/failsafe-reports"
weft_say "generated project container check passed: distribution, image, both routes over HTTP"
