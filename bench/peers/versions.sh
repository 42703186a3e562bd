#!/usr/bin/env bash
# Prints one line with the framework and runtime versions of one peer, e.g.
#   ./versions.sh gin   ->   gin 1.8.1 / go1.19.8
# Reads the installed artefacts (run ./install.sh first); starts no server.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")"

java_home="${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}"

# The version of a library bundled in the Spring jar, from its file name under BOOT-INF/lib.
jar_lib_version() {
  "$java_home/bin/jar" tf spring/target/spring-peer.jar \
    | sed -nE "s#^BOOT-INF/lib/$1-([0-9][^-]*)\.jar\$#\1#p"
}

express_version() {
  node -p 'require("./express/node_modules/express/package.json").version'
}

case "${1:-}" in
  spring)
    java_version="$("$java_home/bin/java" -XshowSettings:properties -version 2>&1 \
      | sed -n 's/^ *java.runtime.version = //p')"
    echo "spring-boot $(jar_lib_version spring-boot) / tomcat $(jar_lib_version tomcat-embed-core) / java $java_version"
    ;;
  gin)
    gin_version="$(sed -n 's/^const Version = "v\(.*\)"$/\1/p' \
      /usr/share/gocode/src/github.com/gin-gonic/gin/version.go)"
    # The Go version recorded in the binary is the one that built it.
    echo "gin $gin_version / $(go version gin/gin-peer | cut -d' ' -f2)"
    ;;
  express-node)
    echo "express $(express_version) / node $(node --version)"
    ;;
  express-bun)
    echo "express $(express_version) / bun $(express/node_modules/.bin/bun --version)"
    ;;
  fastapi)
    /usr/bin/python3 -c 'import fastapi, httptools, platform, starlette, uvicorn, uvloop
print(f"fastapi {fastapi.__version__} / starlette {starlette.__version__}"
      f" / uvicorn {uvicorn.__version__} (uvloop {uvloop.__version__}, httptools {httptools.__version__})"
      f" / python {platform.python_version()}")'
    ;;
  *)
    echo "usage: $0 spring|gin|express-node|express-bun|fastapi" >&2
    exit 2
    ;;
esac
