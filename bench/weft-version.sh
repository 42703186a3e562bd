#!/usr/bin/env bash
# Prints one line of versions for the Weft systems, like bench/peers/versions.sh does for the
# peers, e.g. "weft 0.1.0-SNAPSHOT (git 39124e3) / helidon 4.5.0 / chicory 1.7.5 / java 25.0.1+8
# / rustc 1.96.0 (ac68faa20 2026-05-25)". Reads the jar the benchmark runs
# (bench/target/weft-example.jar, copied there by run.sh from example/target) and, for the rustc
# that compiled the guests, the "producers" section that rustc writes into each .wasm it builds
# (example/target/cargo, beside the jar's build); starts no server.
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

# The rustc version(s) named in the guests' wasm producers sections, one line, or "unknown".
guest_rustc() {
  /usr/bin/python3 - ../example/target/cargo <<'PY'
import glob, sys

def leb(data, i):
    value = shift = 0
    while True:
        byte = data[i]
        i += 1
        value |= (byte & 0x7F) << shift
        shift += 7
        if byte < 0x80:
            return value, i

def name(data, i):
    length, i = leb(data, i)
    return data[i:i + length].decode(), i + length

def rustc_of(path):
    """The rustc in a wasm module's producers custom section (tool-conventions/ProducersSection.md)."""
    data = open(path, "rb").read()
    i = 8  # magic and version
    while i < len(data):
        section, i = data[i], i + 1
        size, i = leb(data, i)
        end = i + size
        if section == 0:
            section_name, j = name(data, i)
            if section_name == "producers":
                fields, j = leb(data, j)
                for _ in range(fields):
                    _, j = name(data, j)
                    count, j = leb(data, j)
                    for _ in range(count):
                        tool, j = name(data, j)
                        version, j = name(data, j)
                        if tool == "rustc":
                            return version
        i = end
    return None

versions = {rustc_of(p) for p in glob.glob(sys.argv[1] + "/*/release/*.wasm")} - {None}
print(" + ".join(sorted(versions)) if versions else "unknown (no guest .wasm in example/target/cargo)")
PY
}

commit="$(git rev-parse --short HEAD 2>/dev/null || echo unknown)"
# Uncommitted changes mean the jar is not exactly that commit: say so.
git diff --quiet HEAD -- 2>/dev/null || commit="$commit+changes"
java_version="$("$java_home/bin/java" -XshowSettings:properties -version 2>&1 \
  | sed -n 's/^ *java.runtime.version = //p')"
echo "weft $(bundled_version dev.weft/weft-example) (git $commit)" \
  "/ helidon $(bundled_version io.helidon.webserver/helidon-webserver)" \
  "/ chicory $(bundled_version com.dylibso.chicory/runtime) / java $java_version" \
  "/ rustc $(guest_rustc)"
