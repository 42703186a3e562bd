#!/usr/bin/env bash
# Checks the example's container deployment (example/Dockerfile, example/compose.yaml) on a
# machine without a Docker engine, with podman and podman-compose: builds the jar and the image,
# starts it with compose, calls it over HTTP (health, a wasm route, a JWT-protected route), and
# stops it with SIGTERM. On demand, not part of scripts/test.sh (it downloads a Debian base).
#
# No registry is reachable here, so the image is built on a local Java base instead of the
# Dockerfile's default (debian:bookworm-slim): a Debian minbase made by debootstrap, with wget
# (and this machine's JDK, which the image does not use: it runs the distribution's own
# runtime). Podman's settings (runc, cgroupfs, vfs storage, ulimits a container may set here)
# live in target/containers/, not in /etc.
set -euo pipefail
cd "$(dirname "$0")/.."
. scripts/lib/toolchain.sh
weft_prepare_build

work="$PWD/target/containers"
base_image=localhost/weft-check-jre:latest
port=${WEFT_EXAMPLE_PORT:-18080}
mkdir -p "$work"

for tool in podman podman-compose runc debootstrap; do
  command -v "$tool" >/dev/null || weft_apt_install podman podman-compose runc debootstrap ||
    weft_die "$tool is missing: install podman, podman-compose, runc and debootstrap"
done

cat > "$work/containers.conf" <<CONF
[containers]
default_ulimits = ["nofile=1024:1024", "nproc=1024:1024"]
[engine]
runtime = "runc"
cgroup_manager = "cgroupfs"
CONF
cat > "$work/storage.conf" <<CONF
[storage]
driver = "vfs"
runroot = "/run/containers/storage"
graphroot = "/var/lib/containers/storage"
CONF
export CONTAINERS_CONF="$work/containers.conf" CONTAINERS_STORAGE_CONF="$work/storage.conf"

if ! podman image exists "$base_image"; then
  weft_say "making the local Java base image (debootstrap, about two minutes)"
  rootfs="$work/rootfs"
  rm -rf "$rootfs"
  debootstrap --variant=minbase stable "$rootfs" http://deb.debian.org/debian >"$work/debootstrap.log"
  cp /etc/resolv.conf "$rootfs/etc/resolv.conf"
  chroot "$rootfs" apt-get install -y -q wget >>"$work/debootstrap.log"
  chroot "$rootfs" apt-get clean
  cp -a "$JAVA_HOME" "$rootfs/opt/java"
  ln -sf /opt/java/bin/java "$rootfs/usr/bin/java"
  tar -C "$rootfs" -cf "$work/rootfs.tar" .
  podman import -q "$work/rootfs.tar" "$base_image" >/dev/null
  rm -rf "$rootfs" "$work/rootfs.tar"
fi

mvn -B -ntp -q -pl example -am package -DskipTests
podman build -q --build-arg BASE_IMAGE="$base_image" -t weft-example:0.1.0 example >/dev/null

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
weft_say "container check passed: image built, compose up, health, wasm matmul, JWT, AOT cache used, graceful stop"
