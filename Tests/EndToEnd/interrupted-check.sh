#!/usr/bin/env bash
# SIGTERM (what CI sends on cancel) stops a real `readiness check` whose model hangs: the runner, `swift test`
# and the test binary all end within seconds, the exit status is 2, and the previous reports stay as they were.
# Usage: Tests/EndToEnd/interrupted-check.sh BIN_DIR   (needs the IntegrationTests package built, as make test does)
set -euo pipefail
bin=$(cd "$1" && pwd)
root=$(cd "$(dirname "$0")/../.." && pwd)
work=$(mktemp -d "${TMPDIR:-/tmp}/readiness-interrupt.XXXXXX")
sim=""
cleanup() { [ -n "$sim" ] && kill "$sim" 2>/dev/null; rm -rf "$work"; }
trap cleanup EXIT
fail() { echo "interrupted-check: $*" >&2; tail -20 "$work/runner.log" >&2 || true; exit 1; }

cat >"$work/readiness.json" <<'JSON'
{ "thresholds": { "requestTimeoutSeconds": 600 },
  "models": [ { "name": "hanging_model", "prompts": [ { "prompt": "Are you there?", "expect": ["yes"] } ] } ] }
JSON
mkdir -p "$work/out"
echo "the previous report" >"$work/out/report.json"

"$bin/ollama-sim" --scenario "$root/fixtures/scenarios/faults.json" --port 0 >"$work/sim.log" 2>&1 &
sim=$!
for _ in $(seq 1 100); do grep -q "^listening on " "$work/sim.log" && break; sleep 0.1; done
host=$(sed -n 's/^listening on //p' "$work/sim.log")
[ -n "$host" ] || fail "ollama-sim did not start"

"$bin/readiness" check --package-path "$root/IntegrationTests" --config "$work/readiness.json" --ollama "$host" \
  --out "$work/out" >"$work/runner.log" 2>&1 &
runner=$!
# Wait (at most 10 minutes, a cold build included) until the tests run and a generate request hangs.
for _ in $(seq 1 600); do grep -q '"testStarted"' "$work/out/run/events.jsonl" 2>/dev/null && break; sleep 1; done
grep -q '"testStarted"' "$work/out/run/events.jsonl" || fail "the tests never started"
sleep 2
kill -TERM "$runner"
started=$SECONDS
status=0
wait "$runner" || status=$?
elapsed=$((SECONDS - started))
[ "$status" -eq 2 ] || fail "an interrupted check should exit 2, got $status"
[ "$elapsed" -le 10 ] || fail "the runner took ${elapsed}s to stop"
grep -q "^Interrupted by signal 15" "$work/runner.log" || fail "the runner did not say it was interrupted"
[ "$(cat "$work/out/report.json")" = "the previous report" ] || fail "the previous report.json was overwritten"
sleep 1
if ps -eo args | grep -F -- "$work/out/run" | grep -v grep >/dev/null; then fail "a process of the run is still alive"; fi
echo "interrupted-check: SIGTERM stopped the run in ${elapsed}s with exit 2; the previous reports are intact"
