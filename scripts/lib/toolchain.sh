# Sourced by the scripts in scripts/: finds what the build needs, and installs what a fresh
# Debian or Ubuntu machine lacks. Nothing here must be done by hand first.

weft_say() { printf 'weft: %s\n' "$*" >&2; }
weft_die() { weft_say "error: $*"; exit 1; }

# Runs a command as root: directly when we are root, through sudo when it exists.
weft_as_root() {
  if [ "$(id -u)" -eq 0 ]; then "$@"
  elif command -v sudo >/dev/null 2>&1; then sudo "$@"
  else return 1
  fi
}

weft_apt_install() {
  command -v apt-get >/dev/null 2>&1 || return 1
  weft_say "installing $* with apt-get"
  weft_as_root env DEBIAN_FRONTEND=noninteractive apt-get update -qq >/dev/null &&
    weft_as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "$@" >/dev/null
}

# The major version of a JDK's java, or nothing.
weft_jdk_major() {
  "$1/bin/java" -version 2>&1 | sed -n 's/.*version "\([0-9]*\).*/\1/p' | head -n 1
}

# Sets JAVA_HOME to a JDK 21 or newer: the one in JAVA_HOME if it fits, else the newest in /usr/lib/jvm.
weft_use_jdk() {
  local candidate best="" best_major=0 major
  for candidate in "${JAVA_HOME:-}" /usr/lib/jvm/*; do
    [ -n "$candidate" ] && [ -x "$candidate/bin/javac" ] || continue
    major=$(weft_jdk_major "$candidate")
    [ -n "$major" ] || continue
    if [ "$candidate" = "${JAVA_HOME:-}" ] && [ "$major" -ge 21 ]; then best=$candidate; best_major=$major; break; fi
    if [ "$major" -ge 21 ] && [ "$major" -gt "$best_major" ]; then best=$candidate; best_major=$major; fi
  done
  [ -n "$best" ] || weft_die "Weft needs a JDK 21 or newer and found none (JAVA_HOME=${JAVA_HOME:-unset}, /usr/lib/jvm). Install one, e.g. 'apt-get install openjdk-21-jdk-headless' or Temurin 21+, and set JAVA_HOME."
  export JAVA_HOME=$best
  export PATH="$JAVA_HOME/bin:$PATH"
  # Maven's own libraries use sun.misc.Unsafe, which JDK 24+ warns about on every run.
  if [ "$best_major" -ge 24 ]; then export MAVEN_OPTS="${MAVEN_OPTS:-} --sun-misc-unsafe-memory-access=allow"; fi
  weft_say "using JDK $best_major at $JAVA_HOME"
}

weft_use_maven() {
  command -v mvn >/dev/null 2>&1 && return 0
  weft_apt_install maven || weft_die "Maven 3.8.7 or newer is needed: install it ('apt-get install maven') and put mvn on PATH."
}

# Whether some rustc on this machine can build guests for wasm32-unknown-unknown and, for the
# guests that use std's I/O through WASI, wasm32-wasip1.
weft_has_rust_wasm() {
  local sysroot
  if command -v rustc >/dev/null 2>&1; then
    sysroot=$(rustc --print sysroot 2>/dev/null)
    ls "$sysroot"/lib/rustlib/wasm32-unknown-unknown/lib/libstd-* >/dev/null 2>&1 &&
      ls "$sysroot"/lib/rustlib/wasm32-wasip1/lib/libstd-* >/dev/null 2>&1 && return 0
  fi
  # Debian's route: rustc-web plus the standard library's source, built offline (see TOOLCHAIN),
  # and Debian's wasi-libc for wasm32-wasip1.
  [ -x /usr/bin/cargo ] && [ -x /usr/bin/rustc ] && [ -d /usr/lib/rustlib/src/rust/library/vendor ] &&
    [ -d /usr/lib/wasm32-wasi ] &&
    { command -v rust-lld >/dev/null 2>&1 || [ -x /usr/bin/lld-22 ] || ls /usr/lib/llvm-*/bin/lld >/dev/null 2>&1; }
}

# Makes sure the Rust guests can be built: the wasm targets through rustup, or Debian's packages.
weft_use_rust_wasm() {
  weft_has_rust_wasm && return 0
  if command -v rustup >/dev/null 2>&1 && rustup target add wasm32-unknown-unknown wasm32-wasip1 >/dev/null 2>&1; then
    weft_has_rust_wasm && return 0
  fi
  weft_apt_install rustc-web cargo-web rust-web-src lld-22 wasi-libc ||
    weft_die "cannot build Rust guests: no Rust toolchain for wasm32. Run 'rustup target add wasm32-unknown-unknown wasm32-wasip1', or on Debian/Ubuntu 'apt-get install rustc-web cargo-web rust-web-src lld-22 wasi-libc'."
  weft_has_rust_wasm || weft_die "the Rust packages installed, but no wasm32 toolchain works; see ../shared/TOOLCHAIN.md"
  weft_say "installed Debian's Rust toolchain for wasm32 (rustc-web)"
}

# Everything the build needs.
# A PostgreSQL server's binaries (initdb, pg_ctl) for the data-layer tests, which start a private
# server in a temporary folder: Debian's postgresql when /usr/lib/postgresql has none. Exports
# WEFT_PG_BIN, the newest version's bin folder. No system service is needed or used.
weft_use_postgresql() {
  local bin
  bin=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1)
  if [ -z "$bin" ] || [ ! -x "$bin/initdb" ]; then
    weft_apt_install postgresql || weft_die "PostgreSQL is missing and could not be installed: apt-get install postgresql"
    bin=$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -n 1)
  fi
  export WEFT_PG_BIN="$bin"
}

weft_prepare_build() {
  weft_use_jdk
  weft_use_maven
  weft_use_rust_wasm
}
