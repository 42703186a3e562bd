#!/usr/bin/env bash
# Prints one line of versions for the Weft systems, like bench/peers/versions.sh does for the
# peers, e.g. "weft 0.1.0-SNAPSHOT (git 39124e3) / helidon 4.5.0 / chicory 1.7.5 / java 25.0.1+8".
# Reads the jar the benchmark runs (bench/target/weft-example.jar, copied there by run.sh from
# example/target); starts no server.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")"

jar=target/weft-example.jar
java_home="${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}"

# The version in a bundled library's META-INF/maven/<group>/<artifact>/pom.properties.
bundled_version() {
  /usr/bin/python3 - "$jar" "$1" <<'PY'
import sys, zipfile
with zipfile.ZipFile(sys.argv[1]) as jar:
    text = jar.read(f"META-INF/maven/{sys.argv[2]}/pom.properties").decode()
print(next(line[8:] for line in text.splitlines() if line.startswith("version=")))
PY
}

commit="$(git rev-parse --short HEAD 2>/dev/null || echo unknown)"
# Uncommitted changes mean the jar is not exactly that commit: say so.
git diff --quiet HEAD -- 2>/dev/null || commit="$commit+changes"
java_version="$("$java_home/bin/java" -XshowSettings:properties -version 2>&1 \
  | sed -n 's/^ *java.runtime.version = //p')"
echo "weft $(bundled_version dev.weft/weft-example) (git $commit)" \
  "/ helidon $(bundled_version io.helidon.webserver/helidon-webserver)" \
  "/ chicory $(bundled_version com.dylibso.chicory/runtime) / java $java_version"
