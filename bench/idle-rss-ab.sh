#!/usr/bin/env bash
# Idle memory of two builds of the example's distribution, side by side (issue 12): each started
# N times, alternating, by bench/start-ab.sh (its CSV: first 200, CPU, first /hello, RSS 5 s later).
#
#   bench/idle-rss-ab.sh <dist-a> <dist-b> [N=3]     e.g. a copy of example/target/dist made before a change
set -euo pipefail
exec "$(dirname "$0")/start-ab.sh" "${3:-3}" "$1" "$2"
