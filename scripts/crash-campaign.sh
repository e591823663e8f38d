#!/usr/bin/env bash
# Crash campaign: kills `chancery ingest` with SIGKILL at random moments and checks the store
# and its search index after each kill and after the re-run that completes it; then kills
# `chancery serve` while it brings an index up to date, and checks again.
#
#   scripts/crash-campaign.sh [KILLS] [SERVE_KILLS]   (default 100 ingest kills, 20 serve kills)
#
# A generated corpus (chancery-eval's generator, the one `bench-ingest` times) is ingested once
# cleanly as the reference. Then, KILLS times: a fresh ingest of the same corpus is killed after a
# random delay within the clean run's duration; the store must pass `PRAGMA integrity_check`, have
# no orphan provenance, and hold only reference articles, each once; the same ingest is run again
# and must exit 0 with exactly the reference's articles and provenance. After every kill and re-run
# `chancery check` must pass (SQLite's integrity check, no dangling provenance, the index never
# ahead of the store and holding each article it covers once), and after a re-run the index must
# cover the whole store.
# Serve kills: the reference store's index is removed, so `chancery serve` rebuilds it before
# serving; it is killed at a random moment of that catch-up, `chancery check` must pass, and the
# next `serve` must bring the index level with the store.
# Prints one line per kill, the counts, and `PASSED n/n` (exit 0) or `FAILED f/n` (exit 1).
#
# Environment: ARTICLES (default 20000), PER_FILE articles per generated file (20), BATCH documents
# per transaction (50), SEED for the kill moments (1), WORK directory (a temporary one, removed
# after a pass), CHANCERY and CHANCERY_EVAL binaries (default: built with `cargo build --release`).
set -euo pipefail

KILLS=${1:-100}
SERVE_KILLS=${2:-20}
[[ $KILLS =~ ^[0-9]+$ && $SERVE_KILLS =~ ^[0-9]+$ ]] || {
    echo "usage: scripts/crash-campaign.sh [KILLS] [SERVE_KILLS]" >&2
    exit 2
}
ARTICLES=${ARTICLES:-20000}
PER_FILE=${PER_FILE:-20}
BATCH=${BATCH:-50}
RANDOM=${SEED:-1}
ROOT="$(cd "$(dirname "$0")/.." && pwd)"

if [[ -z ${CHANCERY:-} || -z ${CHANCERY_EVAL:-} ]]; then
    (cd "$ROOT" && cargo build --release --locked -q -p chancery-cli -p chancery-eval)
    target_dir=${CARGO_TARGET_DIR:-$ROOT/target}
    CHANCERY=${CHANCERY:-$target_dir/release/chancery}
    CHANCERY_EVAL=${CHANCERY_EVAL:-$target_dir/release/chancery-eval}
fi
if [[ -n ${WORK:-} ]]; then
    mkdir -p "$WORK"
    keep_work=1
else
    WORK=$(mktemp -d)
    keep_work=0
fi
echo "work directory: $WORK"

# The reference: the corpus and one clean ingest of it.
"$CHANCERY_EVAL" bench-ingest --articles "$ARTICLES" --per-file "$PER_FILE" \
    --work-dir "$WORK/reference" --chancery "$CHANCERY" | grep -E '^(corpus|ingest)' || true
corpus="$WORK/reference/corpus"

ingest() { # DATA_DIR: the campaign's ingest command, replacing the calling (sub)shell so that
    # the process a background call starts, and the kill reaches, is chancery itself.
    exec "$CHANCERY" --data "$1" ingest --quiet --no-entities --batch "$BATCH" "$corpus"
}

# Every stored article with its provenance, one line each, sorted: what "the same store" means.
contents() {
    sqlite3 -cmd ".timeout 5000" "$1/chancery.db" "SELECT a.id || ' ' || p.path || ' ' || p.byte_offset
        FROM provenance p JOIN articles a ON a.seq = p.article_seq" | LC_ALL=C sort
}

query() {
    sqlite3 -cmd ".timeout 5000" "$1/chancery.db" "$2"
}

# The checks that hold at any moment, killed or not; prints what is wrong, if anything.
sound() {
    local data=$1
    [[ -f $data/chancery.db ]] || return 0
    local integrity orphans bare titles articles
    integrity=$(query "$data" "PRAGMA integrity_check")
    [[ $integrity == ok ]] || echo "integrity_check: $integrity"
    orphans=$(query "$data" "SELECT COUNT(*) FROM provenance
        WHERE article_seq NOT IN (SELECT seq FROM articles)")
    [[ $orphans == 0 ]] || echo "$orphans orphan provenance rows"
    bare=$(query "$data" "SELECT COUNT(*) FROM articles
        WHERE seq NOT IN (SELECT article_seq FROM provenance)")
    [[ $bare == 0 ]] || echo "$bare articles without provenance"
    articles=$(query "$data" "SELECT COUNT(*) FROM articles")
    titles=$(query "$data" "SELECT COUNT(DISTINCT title) FROM articles")
    [[ $titles == "$articles" ]] || echo "$((articles - titles)) articles stored twice"
    local checked
    checked=$("$CHANCERY" --data "$data" check 2>&1) || echo "chancery check: ${checked//$'\n'/ }"
    local extra
    extra=$(LC_ALL=C comm -13 "$WORK/reference.rows" <(contents "$data") | wc -l)
    [[ $extra == 0 ]] || echo "$extra provenance rows the reference does not have"
}

# After a completed run the index covers the whole store.
level() {
    local report
    report=$("$CHANCERY" --data "$1" check 2>&1) || true
    [[ $report != *behind* ]] || echo "index not caught up: ${report//$'\n'/ }"
}

contents "$WORK/reference/data" >"$WORK/reference.rows"
ref_articles=$(query "$WORK/reference/data" "SELECT COUNT(*) FROM articles")
ref_rows=$(wc -l <"$WORK/reference.rows")
problems=$(sound "$WORK/reference/data")
if [[ -n $problems ]]; then
    echo "the reference store is not sound: $problems" >&2
    exit 1
fi

# How long a clean run of the campaign's ingest takes: the window the kills fall in.
start=$(date +%s%N)
(ingest "$WORK/timing" >/dev/null)
window_ms=$((($(date +%s%N) - start) / 1000000))
if ! diff -q "$WORK/reference.rows" <(contents "$WORK/timing") >/dev/null; then
    echo "two clean runs stored different articles" >&2
    exit 1
fi
rm -rf "$WORK/timing"
echo "reference: $ref_articles articles, $ref_rows provenance rows; clean run ${window_ms} ms (batch $BATCH)"

passed=0
for ((kill = 1; kill <= KILLS; kill++)); do
    data="$WORK/run"
    rm -rf "$data"
    delay_ms=$(((RANDOM * 32768 + RANDOM) % (window_ms + 1)))
    ingest "$data" >/dev/null 2>&1 &
    pid=$!
    sleep "$(printf '%d.%03d' $((delay_ms / 1000)) $((delay_ms % 1000)))"
    if kill -KILL "$pid" 2>/dev/null; then
        outcome=killed
    else
        outcome="finished first"
    fi
    wait "$pid" 2>/dev/null || true
    at_kill=0
    [[ -f $data/chancery.db ]] && at_kill=$(query "$data" "SELECT COUNT(*) FROM articles")
    problems=$(sound "$data")
    rerun=0
    (ingest "$data" >/dev/null 2>&1) || rerun=$?
    [[ $rerun == 0 ]] || problems+=" re-run exited $rerun"
    problems+=$(sound "$data")
    problems+=$(level "$data")
    after=$(query "$data" "SELECT COUNT(*) FROM articles")
    missing=$(LC_ALL=C comm -23 "$WORK/reference.rows" <(contents "$data") | wc -l)
    [[ $missing == 0 ]] || problems+=" $missing reference provenance rows missing after the re-run"
    if [[ -z ${problems// /} ]]; then
        passed=$((passed + 1))
        verdict=ok
    else
        verdict="FAILED:$problems"
    fi
    echo "kill $kill/$KILLS at ${delay_ms} ms ($outcome): $at_kill articles stored; after the re-run $after/$ref_articles; $verdict"
done

# Serve kills: serve rebuilds a removed index before serving; kill it during that catch-up.
serve_until_ready() { # DATA_DIR: starts serve, returns once it serves (or has died)
    # A fresh file each time: the redirect below happens in the background, so a file left from
    # the previous serve could still show its address to the wait below.
    rm -f "$WORK/serve.out"
    "$CHANCERY" --data "$1" serve --addr 127.0.0.1:0 >"$WORK/serve.out" 2>&1 &
    serve_pid=$!
    until grep -q "http://" "$WORK/serve.out" 2>/dev/null || ! kill -0 "$serve_pid" 2>/dev/null; do
        sleep 0.02
    done
}
fresh_serve_store() { # DATA_DIR: the reference store without its index
    rm -rf "$1"
    mkdir -p "$1"
    cp "$WORK/reference/data/chancery.db" "$1/"
}
serve_passed=0
if ((SERVE_KILLS > 0)); then
    fresh_serve_store "$WORK/serve-timing"
    start=$(date +%s%N)
    serve_until_ready "$WORK/serve-timing"
    serve_window_ms=$((($(date +%s%N) - start) / 1000000))
    kill "$serve_pid" 2>/dev/null || true
    wait "$serve_pid" 2>/dev/null || true
    rm -rf "$WORK/serve-timing"
    echo "serve rebuilds the index of $ref_articles articles in ${serve_window_ms} ms"
fi
for ((kill = 1; kill <= SERVE_KILLS; kill++)); do
    data="$WORK/serve"
    fresh_serve_store "$data"
    delay_ms=$(((RANDOM * 32768 + RANDOM) % (serve_window_ms + 1)))
    "$CHANCERY" --data "$data" serve --addr 127.0.0.1:0 >/dev/null 2>&1 &
    pid=$!
    sleep "$(printf '%d.%03d' $((delay_ms / 1000)) $((delay_ms % 1000)))"
    kill -KILL "$pid" 2>/dev/null || true
    wait "$pid" 2>/dev/null || true
    problems=$(sound "$data")
    at_kill=$("$CHANCERY" --data "$data" check 2>/dev/null | awk '/^index:/ {print $2}')
    serve_until_ready "$data"
    kill "$serve_pid" 2>/dev/null || true
    wait "$serve_pid" 2>/dev/null || true
    problems+=$(sound "$data")
    problems+=$(level "$data")
    if [[ -z ${problems// /} ]]; then
        serve_passed=$((serve_passed + 1))
        verdict=ok
    else
        verdict="FAILED:$problems"
    fi
    echo "serve kill $kill/$SERVE_KILLS at ${delay_ms} ms: ${at_kill:-0} documents indexed; after the next serve level with the store; $verdict"
done

echo "ingest kills: $passed/$KILLS passed; serve kills: $serve_passed/$SERVE_KILLS passed"
if [[ $passed == "$KILLS" && $serve_passed == "$SERVE_KILLS" ]]; then
    [[ $keep_work == 1 ]] || rm -rf "$WORK"
    echo "PASSED $((passed + serve_passed))/$((KILLS + SERVE_KILLS))"
else
    echo "FAILED $((KILLS - passed + SERVE_KILLS - serve_passed))/$((KILLS + SERVE_KILLS)) (stores kept in $WORK)"
    exit 1
fi
