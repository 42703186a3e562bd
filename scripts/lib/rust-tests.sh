# Runs the unit tests of the Rust guest SDK, the weft-guest crate, on the host (cargo test). The
# guest crates of the example are tested by the Maven build itself (goal weft-wasm-aot:test, in
# mvn test), with weft-guest resolved to the copy the plugin ships, so they are not run here.
# Sourced by scripts/test.sh after weft_prepare_build.

weft_rust_tests() {
  local cargo crate=guest/rust/weft-guest root=$PWD
  cargo=$(command -v cargo || true)
  [ -n "$cargo" ] || cargo=/usr/bin/cargo
  [ -x "$cargo" ] || weft_die "cargo is missing: it is needed to run the guests' Rust tests"
  echo "[test] cargo test: $crate"
  (cd "$crate" && CARGO_TARGET_DIR="$root/target/rust-host-tests" "$cargo" test --offline --quiet) ||
    weft_die "the Rust tests of $crate failed (output above)"
}
