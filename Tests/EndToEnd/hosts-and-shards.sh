#!/usr/bin/env bash
# A fleet behind several Ollama hosts, and a check sharded across CI jobs, against real simulators started as
# the README tells users to (`ollama-sim --scenario X --port 0 &`, reading its "listening on" line).
#  - Three hosts: healthy, Phase 1 (three models missing) and one that is down; financial_planning_expert_v6 is
#    served by the healthy host alone. NOT READY, naming the Phase 1 host and its missing models and failing every
#    pair of the host that is down; the model served by the healthy host alone is ready.
#  - Three shards against the healthy host merge to READY; a missing shard, a repeated one, or a merge under
#    another readiness.json is UNDECIDED; a shard run against Phase 1 makes the merge NOT READY, and editing its
#    report.json into a pass is refused.
# Usage: Tests/EndToEnd/hosts-and-shards.sh BIN_DIR OUT_DIR
set -euo pipefail
bin=$(cd "$1" && pwd)
out=$2
root=$(cd "$(dirname "$0")/../.." && pwd)
cd "$root"
rm -rf "$out"
mkdir -p "$out"
sims=()
trap 'for pid in "${sims[@]}"; do kill "$pid" 2>/dev/null || true; done' EXIT

fail() { echo "hosts-and-shards: $*" >&2; exit 1; }
# start NAME SCENARIO: starts ollama-sim in the background on a free port and sets NAME to its URL.
start() {
  "$bin/ollama-sim" --scenario "fixtures/scenarios/$2.json" --port 0 >"$out/$1.log" 2>&1 &
  sims+=($!)
  for _ in $(seq 1 100); do grep -q "^listening on " "$out/$1.log" && break; sleep 0.1; done
  printf -v "$1" '%s' "$(sed -n 's/^listening on //p' "$out/$1.log")"
  [ -n "${!1}" ] || fail "ollama-sim with $2 did not start"
}
# expect STATUS WHAT COMMAND...: runs COMMAND (output in $out/last.log) and fails unless it exits with STATUS.
expect() {
  local want=$1 what=$2; shift 2
  local status=0
  timeout 900 "$@" >"$out/last.log" 2>&1 || status=$?
  [ "$status" -eq "$want" ] || { tail -30 "$out/last.log" >&2; fail "$what should exit $want, got $status"; }
}
contains() { grep -qF -- "$2" "$1" || fail "$1 does not say: $2"; }

start healthy healthy
start phase1 phase1
down=http://127.0.0.1:9   # the discard port: nothing answers Ollama there

# The two-host Mirador config gains a third host; its copy keeps the Modelfiles, scripts and docs beside it.
cp -R fixtures/mirador "$out/mirador"
sed -e 's|"http://127.0.0.1:11502"$|"http://127.0.0.1:11502", "http://127.0.0.1:11503"|' fixtures/mirador/two-hosts.json >"$out/mirador/hosts.json"
check=("$bin/readiness" check --package-path IntegrationTests)

expect 2 "one --ollama for three hosts" "${check[@]}" --config "$out/mirador/hosts.json" --ollama "$healthy" --out "$out/miscounted"
contains "$out/miscounted/report.md" "1 host is given (one per --ollama) but readiness.json lists 3"
expect 2 "--shard 4/3" "${check[@]}" --shard 4/3
contains "$out/last.log" "Error: --shard '4/3' is not K/N"

expect 1 "the three-host check" "${check[@]}" --config "$out/mirador/hosts.json" \
  --ollama "$healthy" --ollama "$phase1" --ollama "$down" --out "$out/hosts"
report=$out/hosts/report.md
for model in decision_simplifier_v2 enhanced_agent_fast_v6; do
  contains "$report" "on $phase1: $model is missing"
  contains "$report" "| $model | ✅ PASS | ❌ FAIL"
done
contains "$report" "| financial_planning_expert_v6 | ✅ PASS | — | — |"
contains "$report" "Ollama is not reachable at $down"
contains "$out/hosts/report.json" '"host" : "'"$down"'"'
contains "$out/last.log" "$down: 0 of 5 models pass"
contains "$out/last.log" "$healthy: 6 of 6 models pass"
grep -q "^NOT READY: " "$out/last.log" || fail "the three-host check did not say NOT READY"

config=fixtures/mirador/readiness.json
merge=("$bin/readiness" merge --ollama "$healthy")
for k in 1 2 3; do
  expect 0 "shard $k/3 on healthy" "${check[@]}" --config "$config" --ollama "$healthy" --shard "$k/3" --out "$out/shard$k"
done
contains "$out/last.log" "READY: Shard 3/3 alone ('readiness merge' decides on all 3): Gate 'phase2'"
expect 0 "the merge of three healthy shards" "${merge[@]}" "$out/shard1" "$out/shard2" "$out/shard3" --config "$config" --out "$out/merged"
contains "$out/last.log" "READY: Gate 'phase2': all 9 required criteria passed."
contains "$out/merged/report.md" "Merged from 3 shards"

expect 2 "a merge without shard 3" "${merge[@]}" "$out/shard1" "$out/shard2" --config "$config" --out "$out/bad"
contains "$out/bad/report.md" "the merge lacks shard 3/3 of 3"
expect 2 "a merge with shard 2 twice" "${merge[@]}" "$out/shard1" "$out/shard2" "$out/shard2" "$out/shard3" --config "$config" --out "$out/bad"
contains "$out/bad/report.md" "shard 2/3 is given twice"
sed -e 's/"successRate": 0.80/"successRate": 0.81/' "$config" >"$out/mirador/other.json"
expect 2 "a merge under another readiness.json" "${merge[@]}" "$out/shard1" "$out/shard2" "$out/shard3" --config "$out/mirador/other.json" --out "$out/bad"
contains "$out/bad/report.md" "was made from another readiness.json"

# Shard 1/3 holds decision_simplifier_v2 and financial_planning_expert_v6, both missing in Phase 1.
expect 1 "shard 1/3 on Phase 1" "${check[@]}" --config "$config" --ollama "$phase1" --shard 1/3 --out "$out/phase1-shard1"
expect 1 "the merge with a Phase 1 shard" "${merge[@]}" "$out/phase1-shard1" "$out/shard2" "$out/shard3" --config "$config" --out "$out/mixed"
grep -q "^NOT READY: " "$out/last.log" || fail "the merge with a Phase 1 shard did not say NOT READY"
contains "$out/mixed/report.md" "decision_simplifier_v2 is missing"
contains "$out/mixed/report.md" "shard 1/3 ('$out/phase1-shard1') checked $phase1, not $healthy"
# Editing that shard's report.json into a pass is refused: it no longer matches its report.complete.
cp -R "$out/phase1-shard1" "$out/edited"
sed -i.bak -e 's/"passed" : false/"passed" : true/g' -e 's/"verdict" : "not-ready"/"verdict" : "ready"/' "$out/edited/report.json"
expect 2 "a merge with an edited shard" "${merge[@]}" "$out/edited" "$out/shard2" "$out/shard3" --config "$config" --out "$out/bad"
contains "$out/bad/report.md" "differs from report.complete"
echo "hosts-and-shards: three hosts NOT READY naming host and models; three shards READY; bad merges UNDECIDED; a Phase 1 shard NOT READY"
