#!/usr/bin/env bash
# Builds the example application into one fat jar and runs it: http://localhost:8080
# (SERVER_PORT=9090 or -Dserver.port=9090 picks another port). Extra arguments go to java.
set -euo pipefail
cd "$(dirname "$0")/.."
. scripts/lib/toolchain.sh
weft_prepare_build
mvn -B -ntp -q -pl example -am package -DskipTests
exec java "$@" -jar example/target/weft-example.jar
