# Runs the unit tests of the Rust guest code on the host (cargo test): the weft-guest helper crate
# and every example guest crate that has tests. The Maven build only compiles guests to wasm,
# where their #[test] functions cannot run. Sourced by scripts/test.sh after weft_prepare_build.

weft_rust_tests() {
  local cargo crate root=$PWD
  cargo=$(command -v cargo || true)
  [ -n "$cargo" ] || cargo=/usr/bin/cargo
  [ -x "$cargo" ] || weft_die "cargo is missing: it is needed to run the guests' Rust tests"
  for crate in guest/rust/weft-guest example/src/main/rust/*/; do
    crate=${crate%/}
    # Only crates with tests: compiling the others for the host proves nothing new.
    grep -rqs '#\[test\]' "$crate/src" "$crate/tests" || continue
    echo "[test] cargo test: $crate"
    # One target folder for all: weft-guest is compiled once.
    (cd "$crate" && CARGO_TARGET_DIR="$root/target/rust-host-tests" "$cargo" test --offline --quiet) ||
      weft_die "the Rust tests of $crate failed (output above)"
  done
}
