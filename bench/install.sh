#!/usr/bin/env bash
# Installs what the benchmark needs besides Weft itself: wrk (the load generator) and the five
# peers (peers/install.sh). Idempotent; bench/run.sh and the smoke test call it.
set -euo pipefail
BENCH="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"

if command -v wrk >/dev/null; then
  echo "[bench] wrk: $(wrk -v 2>&1 | head -n 1 | cut -d' ' -f1-2)"
else
  echo "[bench] wrk: installing with apt-get"
  if [ "$(id -u)" -eq 0 ]; then as_root=(); else as_root=(sudo); fi
  "${as_root[@]}" env DEBIAN_FRONTEND=noninteractive apt-get update -qq >/dev/null
  "${as_root[@]}" env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq wrk >/dev/null
  command -v wrk >/dev/null || { echo "[bench] FAILED: wrk did not install; install it (apt-get install wrk) and retry" >&2; exit 1; }
fi

"$BENCH/peers/install.sh"
