#!/usr/bin/env bash
# Runs every test of Weft: the Rust guests' unit tests (cargo test on the host), Java unit tests,
# annotation processor tests, the Maven plugin's tests on small projects, the end-to-end tests
# against the packaged example server, and the benchmark's smoke profile over all seven systems
# (which installs the peers: wrk, Go, Node, Bun, FastAPI). The data-layer tests run on SQLite and
# on a private PostgreSQL server (Debian's postgresql, installed when missing). The archetype's
# generated project is also built into a container image and run with podman (installed when
# missing; its debian:bookworm-slim base is made locally, no registry is needed).
# Installs what a fresh machine lacks (JDK choice, Rust's wasm toolchain) first.
set -euo pipefail
cd "$(dirname "$0")/.."
. scripts/lib/toolchain.sh
. scripts/lib/rust-tests.sh
. scripts/lib/containers.sh
weft_prepare_build
weft_use_postgresql
weft_use_podman
weft_debian_slim_image
export WEFT_CONTAINER_ENGINE=podman
weft_rust_tests
exec mvn -B -ntp verify -Dbench.smoke "$@"
