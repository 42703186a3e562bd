#!/usr/bin/env bash
# The JMH benchmarks of the module host (bench/jmh/README.md): installs the project's modules (the
# runtime, processor and plugin this project builds against, and the example's matmul guest),
# builds target/benchmarks.jar, runs it, and writes JMH's results to
# bench/jmh/results/<date-time>/results.json (machine-readable) and results.txt (the commit
# measured, then the whole log, the table at its end). Takes about five minutes.
#
#   bench/jmh/run.sh                                  every benchmark
#   bench/jmh/run.sh CallBenchmark -p stateful=true   any JMH arguments: a regexp, -p, -prof gc, -i 20 …
#   bench/jmh/run.sh --no-build …                     uses the jar already built
set -euo pipefail
JMH_DIR="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
ROOT="$(cd "$JMH_DIR/../.." && pwd)"
cd "$ROOT"
. scripts/lib/toolchain.sh

build=yes
args=()
for arg in "$@"; do
  if [ "$arg" = "--no-build" ]; then build=no; else args+=("$arg"); fi
done

# What is measured: the checkout's commit, and the files of the modules the benchmarks use that
# differ from it, since others may be editing the checkout (with --no-build, the jar may be older).
source_record="# Weft $(git rev-parse HEAD 2>/dev/null || echo '(not a git checkout)')
$(git diff-index --name-only HEAD -- annotations runtime processor wasm-aot-plugin 2>/dev/null | sed 's/^/# changed: /')"

if [ "$build" = yes ]; then
  weft_prepare_build  # a JDK 21+ in JAVA_HOME, Maven, and Rust's wasm toolchain for the example's guests
  echo "[jmh] installing the project's modules (and building example/target/cargo/…/matmul.wasm)"
  mvn -B -ntp -q install -Dmaven.test.skip=true
  echo "[jmh] building bench/jmh/target/benchmarks.jar"
  mvn -B -ntp -q -f bench/jmh/pom.xml package
else
  weft_use_jdk
  [ -f bench/jmh/target/benchmarks.jar ] || weft_die "--no-build: bench/jmh/target/benchmarks.jar is missing; run once without --no-build"
fi

java_options=()
# JMH itself uses sun.misc.Unsafe, which JDK 24+ warns about in every fork (forks inherit these options).
if [ "$(weft_jdk_major "$JAVA_HOME")" -ge 24 ]; then java_options+=(--sun-misc-unsafe-memory-access=allow); fi

out="$JMH_DIR/results/$(date +%Y-%m-%d-%H%M)"
mkdir -p "$out"
echo "[jmh] results go to ${out#"$ROOT"/}"
echo "$source_record" > "$out/results.txt"
# From bench/jmh: the matmul hot-swap benchmark finds the example's guest relative to it.
cd "$JMH_DIR"
"$JAVA_HOME/bin/java" ${java_options[@]+"${java_options[@]}"} -jar target/benchmarks.jar \
  -rf json -rff "$out/results.json" ${args[@]+"${args[@]}"} 2>&1 | tee -a "$out/results.txt"
