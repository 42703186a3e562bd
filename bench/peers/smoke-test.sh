#!/usr/bin/env bash
# Starts each peer of systems.properties in turn on a free port, checks its answers over HTTP
# against shared/BENCH-CONTRACT.md and reference-checksums.txt, stops it, and prints PASS or FAIL
# per system. Exits non-zero if any failed. Run ./install.sh first.
#
# Usage: ./smoke-test.sh [id...]    (default: every system in systems.properties)
set -uo pipefail  # no -e: a failed check is counted and reported, not fatal

PEERS="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
PROPERTIES="$PEERS/systems.properties"
REFERENCE="$PEERS/reference-checksums.txt"
STARTUP_TIMEOUT_S=60
LOG="$(mktemp)"
server_pid=""

# The value of KEY in systems.properties (ids contain dots and dashes: match them literally).
prop() {
  local key="$1"
  awk -v key="$key" 'index($0, key "=") == 1 { print substr($0, length(key) + 2); exit }' "$PROPERTIES"
}

# True when GET /hello answers 200.
hello_answers() {
  /usr/bin/python3 -c 'import sys, urllib.request
sys.exit(urllib.request.urlopen(f"http://127.0.0.1:{sys.argv[1]}/hello", timeout=5).status != 200)' "$1" 2>/dev/null
}

free_port() {
  /usr/bin/python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'
}

# SIGTERM, then SIGKILL if the server is still there after 5 s.
stop_server() {
  [ -n "$server_pid" ] || return 0
  kill -TERM "$server_pid" 2>/dev/null
  for _ in $(seq 1 50); do
    kill -0 "$server_pid" 2>/dev/null || break
    sleep 0.1
  done
  if kill -0 "$server_pid" 2>/dev/null; then
    echo "  note: still running 5 s after SIGTERM, killed"
    kill -KILL "$server_pid" 2>/dev/null
  fi
  wait "$server_pid" 2>/dev/null
  server_pid=""
}
trap 'stop_server; rm -f "$LOG"' EXIT

# The HTTP checks, in Python for readable JSON comparisons. Prints one line per failed check
# and exits non-zero if there was any.
check_server() {
  /usr/bin/python3 - "$1" "$REFERENCE" <<'PY'
import json, sys, urllib.error, urllib.request

port, reference_file = sys.argv[1], sys.argv[2]
failures = []

def get(path):
    try:
        with urllib.request.urlopen(f"http://127.0.0.1:{port}{path}", timeout=60) as r:
            return r.status, r.headers.get("Content-Type", ""), r.read().decode()
    except urllib.error.HTTPError as e:
        return e.code, e.headers.get("Content-Type", ""), e.read().decode()
    except OSError as e:  # refused, reset or timed out: a failed check, not a crash
        return None, "", f"no answer ({e})"

def check(path, ok, what):
    if not ok:
        failures.append(f"{path}: {what}")
    return ok

def get_json(path, expected_status):
    status, content_type, body = get(path)
    if not check(path, status == expected_status, f"status {status}, expected {expected_status}: {body[:200]!r}"):
        return None
    if not check(path, content_type.startswith("application/json"), f"Content-Type {content_type!r}"):
        return None
    try:
        return json.loads(body)
    except ValueError:
        check(path, False, f"body is not JSON: {body[:200]!r}")
        return None

status, content_type, body = get("/hello")
check("/hello", (status, body) == (200, "hi"), f"status {status}, body {body!r}")
check("/hello", content_type.startswith("text/plain"), f"Content-Type {content_type!r}")

message = get_json("/json", 200)
if message is not None:
    check("/json", message == {"message": "Hello, World!"}, f"body {message!r}")

def check_matmul(path, n, seed, expected):
    result = get_json(path, 200)
    if result is None:
        return
    if not check(path, list(result) == ["n", "seed", "checksum", "computeMs"], f"keys {list(result)}"):
        return
    check(path, (result["n"], result["seed"]) == (n, seed), f"n, seed = {result['n']}, {result['seed']}")
    # Exact equality: every implementation must agree bit for bit on x86-64.
    check(path, result["checksum"] == expected, f"checksum {result['checksum']!r}, expected {expected!r}")
    compute_ms = result["computeMs"]
    check(path, isinstance(compute_ms, (int, float)) and compute_ms >= 0, f"computeMs {compute_ms!r}")

with open(reference_file) as f:
    references = [line.split() for line in f if line.strip() and not line.startswith("#")]
# The larger sizes take minutes in pure Python; the harness checks those against the file.
SMOKE_MAX_N = 500
for n, seed, checksum in references:
    if int(n) > SMOKE_MAX_N:
        continue
    check_matmul(f"/matmul?n={n}&seed={seed}", int(n), int(seed), float(checksum))
n, seed, checksum = references[1]
check_matmul(f"/matmul?n={n}", int(n), 1, float(checksum))  # seed defaults to 1
result = get_json("/matmul?n=1&seed=4294967295", 200)  # the largest seed is valid
if result is not None:
    check("/matmul?n=1&seed=4294967295", result.get("seed") == 4294967295, f"body {result!r}")

bad_requests = {
    "/matmul": "n", "/matmul?seed=1": "n", "/matmul?n=": "n", "/matmul?n=0": "n",
    "/matmul?n=5001": "n", "/matmul?n=abc": "n", "/matmul?n=1.5": "n", "/matmul?n=-2": "n",
    "/matmul?n=2&seed=-1": "seed", "/matmul?n=2&seed=4294967296": "seed",
    "/matmul?n=2&seed=x": "seed", "/matmul?n=2&seed=1.0": "seed",
}
for path, parameter in bad_requests.items():
    error = get_json(path, 400)
    if error is not None:
        check(path, error.get("parameter") == parameter and isinstance(error.get("error"), str),
              f"body {error!r}, expected an error naming {parameter!r}")

status, _, _ = get("/no-such-path")
check("/no-such-path", status == 404, f"status {status}, expected 404")

for failure in failures:
    print(f"  FAIL {failure}")
sys.exit(1 if failures else 0)
PY
}

# test_system ID: starts, checks and stops one peer; returns non-zero on any failure.
test_system() {
  local id="$1" dir start port
  dir="$PEERS/$(prop "$id.dir")"
  start="$(prop "$id.start")"
  if [ -z "$start" ]; then
    echo "  no $id.start in systems.properties"
    return 1
  fi
  port="$(free_port)"
  (cd "$dir" && PORT="$port" exec /bin/sh -c "$start") >"$LOG" 2>&1 &
  server_pid=$!

  local deadline=$((SECONDS + STARTUP_TIMEOUT_S))
  until hello_answers "$port"; do
    if ! kill -0 "$server_pid" 2>/dev/null; then
      echo "  server exited during startup; its output:"
      sed 's/^/    /' "$LOG"
      server_pid=""
      return 1
    fi
    if [ "$SECONDS" -ge "$deadline" ]; then
      echo "  no answer on /hello within $STARTUP_TIMEOUT_S s"
      stop_server
      return 1
    fi
    sleep 0.2
  done

  local failed=0
  check_server "$port" || failed=1
  # Production mode: nothing on stdout or stderr, no request log.
  if [ -s "$LOG" ]; then
    echo "  FAIL the server printed output (expected none in production mode):"
    head -n 20 "$LOG" | sed 's/^/    /'
    failed=1
  fi
  stop_server
  return "$failed"
}

if [ $# -gt 0 ]; then
  systems=("$@")
else
  IFS=, read -r -a systems <<<"$(prop systems)"
fi

failed_systems=()
for id in "${systems[@]}"; do
  echo "== $id ($(cd "$PEERS/$(prop "$id.dir")" && /bin/sh -c "$(prop "$id.version")" 2>&1))"
  if test_system "$id"; then
    echo "PASS $id"
  else
    echo "FAIL $id"
    failed_systems+=("$id")
  fi
done

if [ ${#failed_systems[@]} -gt 0 ]; then
  echo "smoke test: ${#failed_systems[@]} of ${#systems[@]} systems failed: ${failed_systems[*]}"
  exit 1
fi
echo "smoke test: all ${#systems[@]} systems passed"
