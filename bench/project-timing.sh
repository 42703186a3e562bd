#!/usr/bin/env bash
# Times a new project's life from an empty folder, with Weft installed in the local repository
# (mvn install -DskipTests): archetype:generate, package and the first 200, then mvn package after
# a one-line Java change and after a one-line Rust change, then mvn clean package.
# Usage: bench/project-timing.sh [local repository, default ~/.m2/repository]
set -euo pipefail
cd "$(dirname "$0")/.."
. scripts/lib/toolchain.sh
weft_prepare_build
repo=${1:-$HOME/.m2/repository}
mvn_q() { mvn -B -q -o -Dmaven.repo.local="$repo" "$@"; }
# The archetype plugin and its dependencies once from Central (a machine may not have them yet);
# the timed steps below then run offline.
mvn -B -q -Dmaven.repo.local="$repo" org.apache.maven.plugins:maven-dependency-plugin:3.8.1:get \
  -Dartifact=org.apache.maven.plugins:maven-archetype-plugin:3.4.1:maven-plugin >/dev/null
now() { date +%s.%N; }
since() { echo "$(now) - $1" | bc; }
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
cd "$work"
start=$(now)
mvn_q org.apache.maven.plugins:maven-archetype-plugin:3.4.1:generate -DinteractiveMode=false \
  -DarchetypeGroupId=dev.weft -DarchetypeArtifactId=weft-archetype -DarchetypeVersion=0.1.0-SNAPSHOT \
  -DgroupId=com.example -DartifactId=demo -Dpackage=com.example.demo
generated=$(since "$start")
cd demo
mvn_q package -DskipTests
built=$(since "$start")
port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
java -Dserver.port="$port" -Dserver.host=127.0.0.1 -jar target/demo.jar >run.log 2>&1 &
server=$!
until curl -sf -o /dev/null "localhost:$port/hello/x"; do
  kill -0 "$server" 2>/dev/null || { cat run.log; exit 1; }
  sleep 0.05
done
first=$(since "$start")
kill "$server"; wait "$server" || true
echo "generate: $generated s; + package: $built s; + first 200: $first s"
sed -i 's/"Hello, "/"Hi, "/' src/main/java/com/example/demo/Greetings.java
s=$(now); mvn_q package -DskipTests; echo "package after a one-line Java change: $(since "$s") s"
sed -i 's/format!("{}!"/format!("{}!!"/' src/main/rust/shout/src/lib.rs
s=$(now); mvn_q package -DskipTests; echo "package after a one-line Rust change: $(since "$s") s"
s=$(now); mvn_q clean package -DskipTests; echo "clean package: $(since "$s") s"
