#!/usr/bin/env bash
# Issue 13's measurement of the data layer, side by side in one run, on SQLite and on PostgreSQL:
# requests/s of GET /visits/x (Rust guest + key-value increment, a write), GET /orders/{id}
# (Java + one SELECT) and GET /java/hello (the ceiling, no database) under wrk -t1 -c50; then the
# latency of one guest SQL call against the same statement from Java, GET /orders/summary (the
# ledger guest) against GET /orders/summary/java, under wrk -t1 -c1.
#
#   bench/data.sh [seconds=8]
#
# PostgreSQL runs privately (initdb in a temp folder, as the user postgres under root), like the
# tests. Writes bench/results/data-<yyyy-MM-dd-HHmm>/result.md.
set -euo pipefail
cd "$(dirname "$0")/.."
. scripts/lib/toolchain.sh
weft_prepare_build
weft_use_postgresql
command -v wrk >/dev/null || weft_apt_install wrk || weft_die "wrk is needed"
SECONDS_PER_RUN=${1:-8}
KEY=bench-data-key-0123456789
PORT=18193 PG_PORT=18194

JAR=example/target/weft-example.jar
[ -f "$JAR" ] || mvn -B -ntp -q -pl example -am package -Dmaven.test.skip=true -Dweft.distribution.skip=true

WORK=$(mktemp -d)
chmod 755 "$WORK"
PID="" 
AS_PG=()
[ "$(id -u)" -eq 0 ] && { chown postgres "$WORK"; AS_PG=(runuser -u postgres --); }
cleanup() {
  [ -n "$PID" ] && kill "$PID" 2>/dev/null; wait 2>/dev/null || true
  "${AS_PG[@]}" "$WEFT_PG_BIN/pg_ctl" -D "$WORK/pg" -m fast stop >/dev/null 2>&1 || true
  rm -rf "$WORK"
}
trap cleanup EXIT

start_example() { # extra java options...
  EXAMPLE_DATA_DIR="$WORK/sqlite" EXAMPLE_API_KEY=$KEY EXAMPLE_API_KEY_ROLES=user \
    "$JAVA_HOME/bin/java" -Dserver.host=127.0.0.1 -Dserver.port=$PORT -Dweft.access-log.enabled=false "$@" \
    -jar "$JAR" >"$WORK/server.log" 2>&1 &
  PID=$!
  for _ in $(seq 300); do curl -sf 127.0.0.1:$PORT/health >/dev/null && return; sleep 0.1; done
  cat "$WORK/server.log"; weft_die "the example did not start"
}
stop_example() { kill "$PID"; wait "$PID" 2>/dev/null || true; PID=""; }

rate() { wrk -t1 -c"$2" -d"${SECONDS_PER_RUN}s" -H "X-API-Key: $KEY" "http://127.0.0.1:$PORT$1" | awk '/Requests\/sec/ {print $2}'; }
latency() { wrk -t1 -c1 -d"${SECONDS_PER_RUN}s" -H "X-API-Key: $KEY" "http://127.0.0.1:$PORT$1" | awk '/Latency/ {print $2}'; }

measure() { # database name
  local id
  id=$(curl -sf -H "X-API-Key: $KEY" -H 'Content-Type: application/json' -d '{"item":"tea","quantity":3}' \
    127.0.0.1:$PORT/orders | sed 's/.*"id":\([0-9]*\).*/\1/')
  # Warm-up, discarded: the JIT compiles each path.
  for route in /java/hello /visits/x "/orders/$id" /orders/summary /orders/summary/java; do rate "$route" 50 >/dev/null; done
  echo "| $1 | $(rate /java/hello 50) | $(rate /visits/x 50) | $(rate "/orders/$id" 50) | $(latency /orders/summary) | $(latency /orders/summary/java) |" >>"$WORK/rows"
}

: >"$WORK/rows"
start_example
measure SQLite
stop_example

"${AS_PG[@]}" "$WEFT_PG_BIN/initdb" -D "$WORK/pg" -U weft --auth=trust --encoding=UTF8 --locale=C.UTF-8 >/dev/null
"${AS_PG[@]}" "$WEFT_PG_BIN/pg_ctl" -D "$WORK/pg" -l "$WORK/pg.log" -w \
  -o "-p $PG_PORT -k $WORK -c listen_addresses=127.0.0.1" start >/dev/null
start_example -Dweft.datasources.orders.url=jdbc:postgresql://127.0.0.1:$PG_PORT/postgres -Dweft.datasources.orders.user=weft
measure PostgreSQL
stop_example

OUT=bench/results/data-$(date -u +%Y-%m-%d-%H%M)
mkdir -p "$OUT"
cat >"$OUT/result.md" <<MD
# Data layer: guest + key-value, Java + SQL, against the ceiling

\`bench/data.sh $SECONDS_PER_RUN\` at $(git rev-parse --short HEAD) on $(nproc) cores, load average before:
$(cut -d' ' -f1-3 /proc/loadavg). One example server per database, access log off; each route warmed up
by one discarded run. Requests/s under wrk -t1 -c50; latency (mean) under wrk -t1 -c1.
SQLite: WAL, synchronous=FULL (every write is an fsync). PostgreSQL $(basename "$(dirname "$WEFT_PG_BIN")"), private server, default settings (fsync on).

| database | GET /java/hello (ceiling) | GET /visits/x (guest + KV increment) | GET /orders/{id} (Java + SELECT) | guest SQL summary, latency | same SQL from Java, latency |
| --- | --- | --- | --- | --- | --- |
$(cat "$WORK/rows")
MD
cat "$OUT/result.md"
