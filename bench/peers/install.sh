#!/usr/bin/env bash
# Installs and builds the five benchmark peers (see README.md). Idempotent: each step does
# nothing when its result is already there and up to date. Prints one line per step; on a
# failure prints the step's log and exits non-zero.
set -euo pipefail

PEERS="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
LOG="$(mktemp)"
trap 'rm -f "$LOG"' EXIT

# Debian packages: Go and Gin for the Gin peer; FastAPI and uvicorn for the FastAPI peer, with
# uvloop and httptools, the event loop and HTTP parser of a production uvicorn ("uvicorn[standard]").
APT_PACKAGES=(golang-go golang-github-gin-gonic-gin-dev
  python3-fastapi python3-uvicorn python3-uvloop python3-httptools)
TEMURIN_25=/usr/lib/jvm/temurin-25-jdk-amd64

say() { printf '[peers] %s\n' "$*"; }

fail() {
  say "FAILED: $*"
  if [ -s "$LOG" ]; then
    say "last lines of its output:"
    tail -n 30 "$LOG" | sed 's/^/    /'
  fi
  exit 1
}

# run STEP DIR CMD...: runs CMD in DIR with its output in $LOG, and fails naming STEP.
run() {
  local step="$1" dir="$2"
  shift 2
  (cd "$dir" && "$@") >"$LOG" 2>&1 || fail "$step (exit $?: $*)"
}

# Root runs apt-get directly (CI does); anyone else needs sudo.
as_root() {
  if [ "$(id -u)" -eq 0 ]; then
    "$@"
  elif command -v sudo >/dev/null; then
    sudo "$@"
  else
    echo "not root and sudo is not installed: cannot run $*"
    return 1
  fi
}

# Another apt-get or dpkg may hold the locks: retry for about 10 minutes rather than fail.
apt_get() {
  for _ in $(seq 1 30); do
    if as_root env DEBIAN_FRONTEND=noninteractive apt-get -o DPkg::Lock::Timeout=10 "$@" >"$LOG" 2>&1; then
      return 0
    fi
    grep -qiE 'could not get lock|unable to acquire|is another process using it' "$LOG" || return 1
    sleep 10
  done
  return 1
}

# newer_than OUTPUT SOURCE...: true when OUTPUT is missing or a SOURCE file is newer.
newer_than() {
  local output="$1"
  shift
  [ ! -e "$output" ] || [ -n "$(find "$@" -newer "$output" -print -quit)" ]
}

elapsed() { echo "$(( $(date +%s) - $1 )) s"; }

# 1. Debian packages.
start=$(date +%s)
missing=()
for package in "${APT_PACKAGES[@]}"; do
  dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q 'install ok installed' \
    || missing+=("$package")
done
command -v mvn >/dev/null || missing+=(maven)  # Debian's Maven builds the Spring peer
# Node.js and npm for the Express peers (npm also installs Bun): Debian's, when none is installed.
# A Node.js from elsewhere (NodeSource's bundles its npm) is used as it is.
command -v node >/dev/null || missing+=(nodejs)
command -v npm >/dev/null || missing+=(npm)
if [ ${#missing[@]} -eq 0 ]; then
  say "apt packages: nothing missing (${APT_PACKAGES[*]}, mvn, node, npm)"
else
  apt_get update || fail "apt-get update"
  apt_get install -y "${missing[@]}" || fail "apt-get install ${missing[*]}"
  say "apt packages: installed ${missing[*]} ($(elapsed "$start"))"
fi

# 2. Express (Node.js and Bun): npm ci when node_modules is missing or older than the lock file.
start=$(date +%s)
command -v npm >/dev/null || fail "npm not found: the Express peers need Node.js 18+ with npm"
express="$PEERS/express"
if newer_than "$express/node_modules/.package-lock.json" "$express/package.json" "$express/package-lock.json"; then
  run "npm ci" "$express" npm ci --omit=dev --no-audit --no-fund
  [ -x "$express/node_modules/.bin/bun" ] || fail "npm ci did not install node_modules/.bin/bun"
  say "express: npm ci done ($(elapsed "$start"))"
else
  say "express: node_modules up to date"
fi

# 3. Spring Boot: the jar, with a JDK 21+ from JAVA_HOME or else the Temurin 25 JDK.
start=$(date +%s)
spring="$PEERS/spring"
if newer_than "$spring/target/spring-peer.jar" "$spring/pom.xml" "$spring/src"; then
  java_home="${JAVA_HOME:-$TEMURIN_25}"
  [ -x "$java_home/bin/javac" ] || fail "no JDK at $java_home (set JAVA_HOME to a JDK 21+)"
  java_major="$("$java_home/bin/java" -XshowSettings:properties -version 2>&1 \
    | sed -n 's/^ *java.specification.version = //p')"
  [ "${java_major:-0}" -ge 21 ] 2>/dev/null \
    || fail "the JDK at $java_home is Java ${java_major:-unknown}; the Spring peer needs 21+ (set JAVA_HOME)"
  run "Spring build" "$spring" env JAVA_HOME="$java_home" mvn -B -q package -DskipTests
  say "spring: built target/spring-peer.jar with Java $java_major ($(elapsed "$start"))"
else
  say "spring: target/spring-peer.jar up to date"
fi

# 4. Gin: the binary, in GOPATH mode against Debian's Go packages (no module proxy here).
start=$(date +%s)
gin="$PEERS/gin"
if newer_than "$gin/gin-peer" "$gin/main.go"; then
  run "Gin build" "$gin" env GO111MODULE=off GOPATH=/usr/share/gocode go build -o gin-peer .
  say "gin: built gin-peer ($(elapsed "$start"))"
else
  say "gin: gin-peer up to date"
fi

# 5. FastAPI: nothing to build; check that Debian's interpreter sees the packages.
run "FastAPI import check" "$PEERS/fastapi" /usr/bin/python3 -c 'import app, uvicorn, uvloop, httptools'
say "fastapi: /usr/bin/python3 imports app.py, uvicorn, uvloop and httptools"
