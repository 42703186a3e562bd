#!/usr/bin/env bash
# The benchmark in one command (see bench/README.md): installs wrk and the peers, builds Weft's
# example jar and the harness, then runs the harness with the arguments given.
#
#   bench/run.sh quick                         sizes 100, 200; 5 repetitions (about 5 minutes)
#   bench/run.sh paper                         the paper's sizes and 30 repetitions (long)
#   bench/run.sh smoke                         one size, 2 repetitions: checks that all works
#   bench/run.sh --sizes 100,500 --reps 10 --systems weft-wasm,gin
#   bench/run.sh --help                        every option
#   bench/run.sh --report-only bench/results/paper-2026-11-25-1357
#                                              renders an earlier run's summary.csv, charts and
#                                              report.md again from its data; measures nothing
#
# --no-build skips the installs and builds and uses the jars already built.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"
. scripts/lib/toolchain.sh

build=yes
args=()
for arg in "$@"; do
  case "$arg" in
    --no-build) build=no ;;
    --help | -h) build=help; args+=("$arg") ;;
    --report-only) build=harness; args+=("$arg") ;;
    *) args+=("$arg") ;;
  esac
done

if [ "$build" = harness ]; then
  weft_use_jdk  # no peers, no example: only the harness, rebuilt so that its current text is used
  mvn -B -ntp -q -f bench/pom.xml package -DskipTests
elif [ "$build" = help ]; then
  weft_use_jdk
  [ -f bench/target/weft-bench.jar ] || mvn -B -ntp -q -f bench/pom.xml package -DskipTests
elif [ "$build" = yes ]; then
  weft_prepare_build  # a JDK 21+ in JAVA_HOME, Maven, and Rust's wasm toolchain for the example's guests
  bench/install.sh
  echo "[bench] building the Weft example jar (example/target/weft-example.jar)"
  # The benchmark needs no test classes, and runs the fat jar, not the small-device distribution.
  mvn -B -ntp -q -pl example -am package -Dmaven.test.skip=true -Dweft.distribution.skip=true
  echo "[bench] building the harness (bench/target/weft-bench.jar)"
  mvn -B -ntp -q -f bench/pom.xml package -DskipTests
  # The servers run this copy (bench/systems.properties): a rebuild or clean of the example
  # during a long run cannot change or remove it.
  cp example/target/weft-example.jar bench/target/weft-example.jar
else
  weft_use_jdk
  for jar in bench/target/weft-example.jar bench/target/weft-bench.jar; do
    [ -f "$jar" ] || weft_die "--no-build: $jar is missing; run once without --no-build"
  done
fi

# JAVA_HOME (set above) is also the JDK that the Weft and Spring servers run on.
exec "$JAVA_HOME/bin/java" -Djava.awt.headless=true -Dbench.dir="$ROOT/bench" -jar bench/target/weft-bench.jar ${args[@]+"${args[@]}"}
