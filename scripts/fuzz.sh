#!/usr/bin/env bash
# Runs cargo-fuzz targets for a while each and prints, per target, how many inputs it executed, for
# how long (a crash stops a target early) and
# how many crashes (panics, timeouts, out-of-memory) it found.
#
#   scripts/fuzz.sh TARGET SECONDS     one target: text_dump html warc warc_gzip jsonl ecbplus charset
#                                      http_api
#   scripts/fuzz.sh all SECONDS        every target, one after the other
#
# Needs nightly Rust and cargo-fuzz (`cargo install cargo-fuzz`). Seed corpora are copied from the
# repository's test fixtures into fuzz/corpus/TARGET/ (ignored by git) before each run; what the
# fuzzer adds there is kept for the next run. Crashing inputs land in fuzz/artifacts/TARGET/; replay
# one with `cargo +nightly fuzz run TARGET fuzz/artifacts/TARGET/crash-...`.
# The fuzz crate builds in $CARGO_TARGET_DIR when set, else in fuzz/target.
# Exit status: 0 when no target crashed, 1 when one did, 2 on bad usage.
set -euo pipefail

TARGETS=(text_dump html warc warc_gzip jsonl ecbplus charset http_api)
ROOT="$(cd "$(dirname "$0")/.." && pwd)"

usage() {
    echo "usage: scripts/fuzz.sh TARGET|all SECONDS (targets: ${TARGETS[*]})" >&2
    exit 2
}

[[ $# -eq 2 && $2 =~ ^[0-9]+$ && $2 -gt 0 ]] || usage
if [[ $1 == all ]]; then
    selected=("${TARGETS[@]}")
elif [[ " ${TARGETS[*]} " == *" $1 "* ]]; then
    selected=("$1")
else
    usage
fi
seconds=$2

# The fixtures each target starts from.
seeds_for() {
    local fixtures="$ROOT/crates/ingest/tests/fixtures"
    case $1 in
        text_dump) echo "$ROOT"/examples/*.txt "$fixtures"/*.txt ;;
        html) echo "$fixtures"/*.html ;;
        warc | warc_gzip) echo "$fixtures"/*.warc ;;
        jsonl) echo "$fixtures"/*.jsonl ;;
        ecbplus) echo "$fixtures"/ecbplus*.xml ;;
        charset) echo "$fixtures"/latin1*.* "$fixtures"/article.txt "$fixtures"/page.html ;;
        # Method byte, path and query, newline, body: requests the API documents, and bad ones.
        http_api) echo "$ROOT"/fuzz/seeds/http_api/* ;;
    esac
}

cd "$ROOT"
failed=0
for target in "${selected[@]}"; do
    corpus="fuzz/corpus/$target"
    artifacts="fuzz/artifacts/$target"
    mkdir -p "$corpus" "$artifacts"
    for seed in $(seeds_for "$target"); do
        cp "$seed" "$corpus/seed-$(basename "$seed")"
    done
    before=$(find "$artifacts" -type f | wc -l)
    log=$(mktemp)
    # Built first, so the time below is the fuzzer's own.
    cargo +nightly fuzz build "$target" >"$log" 2>&1 || {
        echo "$target: the fuzz target did not build; its output:" >&2
        tail -20 "$log" >&2
        failed=1
        rm -f "$log"
        continue
    }
    started=$SECONDS
    # libFuzzer exits non-zero on a crash; the count below reports it.
    cargo +nightly fuzz run "$target" "$corpus" -- \
        -max_total_time="$seconds" -timeout=10 -rss_limit_mb=2048 -print_final_stats=1 \
        >"$log" 2>&1 || true
    runs=$(grep -oE '^stat::number_of_executed_units: *[0-9]+' "$log" | grep -oE '[0-9]+$' | tail -1 || true)
    if [[ -z $runs ]]; then
        runs=$(grep -oE 'Done [0-9]+ runs' "$log" | grep -oE '[0-9]+' | tail -1 || true)
    fi
    elapsed=$((SECONDS - started))
    after=$(find "$artifacts" -type f | wc -l)
    crashes=$((after - before))
    if ! grep -qE 'Done [0-9]+ runs|stat::number_of_executed_units' "$log" && [[ $crashes -eq 0 ]]; then
        echo "$target: the fuzzer did not run; its output:" >&2
        tail -20 "$log" >&2
        failed=1
        rm -f "$log"
        continue
    fi
    echo "$target: ${runs:-0} executions in ${elapsed}s (of ${seconds}s asked), $crashes crashes, corpus $(find "$corpus" -type f | wc -l) inputs"
    if [[ $crashes -gt 0 ]]; then
        grep -m1 -E 'panicked at|ERROR: libFuzzer|SUMMARY' "$log" | sed "s/^/  $target: /" || true
        find "$artifacts" -type f -newer "$log" | sed "s/^/  $target: /"
        failed=1
    fi
    rm -f "$log"
done
exit $failed
