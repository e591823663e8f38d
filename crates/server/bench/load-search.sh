#!/usr/bin/env bash
# Loopback load test of /api/search: ingests the bundled examples into a temporary data directory,
# starts `chancery serve` on a free loopback port, and drives it with wrk (Debian package `wrk`,
# installed here when missing) for a bounded time. Prints wrk's figures, then one line with
# requests per second and the count of failed or non-2xx responses.
#
#   crates/server/bench/load-search.sh [SECONDS] [CONNECTIONS]
#   PROFILE=dev crates/server/bench/load-search.sh   # the dev build (dependencies optimised), no release build
set -euo pipefail
cd "$(dirname "$0")/../../.."
seconds="${1:-10}"
connections="${2:-32}"
if ! command -v wrk >/dev/null; then
  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq wrk >/dev/null
fi
profile="${PROFILE:-release}"
cargo build --profile "$profile" --locked -q -p chancery-cli
bin="${CARGO_TARGET_DIR:-target}/$([ "$profile" = dev ] && echo debug || echo "$profile")/chancery"
data="$(mktemp -d)"
trap 'kill "$server" 2>/dev/null || true; rm -rf "$data"' EXIT
"$bin" --data "$data" ingest --quiet --no-entities examples >/dev/null
"$bin" --data "$data" serve --addr 127.0.0.1:0 >"$data/serve.out" &
server=$!
until grep -q "http://" "$data/serve.out" 2>/dev/null; do sleep 0.1; done
url="$(grep -o 'http://[^ ]*' "$data/serve.out")"
out="$(wrk -t2 -c"$connections" -d"${seconds}s" --latency "${url}api/search?q=Blinken+Asia&language=eng")"
echo "$out"
rps="$(echo "$out" | awk '/Requests\/sec/ {print $2}')"
errors="$(echo "$out" | awk '/Socket errors/ {s=$4+$6+$8+$10} /Non-2xx/ {n=$5} END {print s+n+0}')"
echo "RESULT requests_per_second $rps errors $errors"
