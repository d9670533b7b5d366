#!/usr/bin/env bash
# A user's own readiness package, end to end: `readiness init` scaffolds it in a temporary folder, pointed at
# this checkout; it gets the Mirador config and the scaffold's example criterion switched on, under a test
# target of another name; then plain `swift test` and `readiness check` run there against ollama-sim.
# Usage: Tests/EndToEnd/scaffolded-package.sh BIN_DIR   (the folder holding `readiness` and `ollama-sim`)
set -euo pipefail
bin=$(cd "$1" && pwd)
root=$(cd "$(dirname "$0")/../.." && pwd)
work=$(mktemp -d "${TMPDIR:-/tmp}/readiness-scaffold.XXXXXX")
trap 'rm -rf "$work"' EXIT
package="$work/fleet"
limit=900   # seconds any one step may take (a cold build of the package included)

fail() { echo "scaffolded-package: $*" >&2; exit 1; }
# expect STATUS WHAT COMMAND...: runs COMMAND under the time limit and fails unless it exits with STATUS.
expect() {
  local want=$1 what=$2; shift 2
  local status=0
  timeout "$limit" "$@" >"$work/last.log" 2>&1 || status=$?
  [ "$status" -eq "$want" ] || { tail -40 "$work/last.log" >&2; fail "$what should exit $want, got $status"; }
}

healthy=("$bin/ollama-sim" --scenario "$root/fixtures/scenarios/healthy.json" --port 0 --)
phase1=("$bin/ollama-sim" --scenario "$root/fixtures/scenarios/phase1.json" --port 0 --)

"$bin/readiness" init "$package" --framework "$root" --test-target FleetChecks --model llama3.2:3b
[ -f "$package/Tests/FleetChecks/FleetCriteria.swift" ] || fail "init did not write the test target"
expect 2 "a second init into the same folder" "$bin/readiness" init "$package" --framework "$root"
grep -q "already has 'Package.swift'" "$work/last.log" || fail "a second init does not name the existing file"

# As scaffolded, with its one-model readiness.json, the package passes on a healthy Ollama at once.
cd "$package"
expect 0 "swift test in the package as scaffolded" "${healthy[@]}" swift test
expect 0 "readiness check of the package as scaffolded" "${healthy[@]}" "$bin/readiness" check --out "$work/scaffolded"
grep -q "^READY: " "$work/last.log" || fail "check of the scaffolded package did not say READY"
# The CI pipeline's dry run: the scenario init wrote serves the example model, so a runner without Ollama passes.
expect 0 "the CI dry run on ci/ollama-sim.json" "$bin/ollama-sim" --scenario ci/ollama-sim.json --port 0 -- "$bin/readiness" check --out "$work/dry-run"

# The Mirador fleet instead of the one-model example (its paths are relative to fixtures/mirador).
config="$root/fixtures/mirador/readiness.json"
rm "$package/readiness.json"
# Switch the scaffold's example criterion on, exactly as its comment tells a user to.
sed -i.bak -e '/An example criterion/,/^    }$/{/An example criterion/!s|^\(        \)//\( \)\{0,1\}|\1|;}' "$package/Tests/FleetChecks/FleetCriteria.swift"
rm "$package/Tests/FleetChecks/FleetCriteria.swift.bak"

expect 0 "swift test on the healthy fleet" env READINESS_CONFIG="$config" "${healthy[@]}" swift test
grep -q "Critical model has a system prompt" "$work/last.log" || fail "swift test did not run the package's own criterion"
grep -q "Critical model is available in Ollama" "$work/last.log" || fail "swift test did not run the built-in criteria"
expect 1 "swift test on phase1" env READINESS_CONFIG="$config" "${phase1[@]}" swift test

expect 0 "readiness check on the healthy fleet" "${healthy[@]}" "$bin/readiness" check --config "$config" --out "$work/healthy"
grep -q "^READY: " "$work/last.log" || fail "check on healthy did not say READY"
expect 1 "readiness check on phase1" "${phase1[@]}" "$bin/readiness" check --config "$config" --out "$work/phase1"
for model in financial_planning_expert_v6 decision_simplifier_v2 enhanced_agent_fast_v6; do
  grep -q "$model" "$work/phase1/report.md" || fail "the phase1 report does not name $model"
done
for run in healthy phase1; do
  for file in report.md report.json junit.xml report.html; do
    grep -q "system-prompt" "$work/$run/$file" || fail "$run/$file does not show the package's own criterion"
  done
done
# Arguments after `--` reach swift test: one criterion alone is a run the phase2 gate cannot decide.
expect 2 "readiness check of one criterion" "${healthy[@]}" "$bin/readiness" check --config "$config" --out "$work/one" -- --filter Availability
grep -q "^UNDECIDED: " "$work/last.log" || fail "a filtered check did not say UNDECIDED"
echo "scaffolded-package: swift test and readiness check work in a package made by readiness init (test target FleetChecks)"
