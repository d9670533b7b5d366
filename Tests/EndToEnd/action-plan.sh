#!/usr/bin/env bash
# The action plan on ollama-sim, from the Phase 1 fleet, with the tool alone: check (NOT READY), diagnose,
# build, validate, inventory, check again (READY); then the conservative migration: back up every model,
# take steps 1 to 4 one model at a time (gate, next, check, done), watch them; then ollama-sim restarts on
# fixtures/scenarios/degraded.json (the same fleet, step 5's model twice as slow after two requests), step 5
# is gated, 'watch' sees it degrade and pauses the migration (exit 3), 'migrate next' is refused, step 5 is
# rolled back, and 'status' and 'history' show where everything stands. `make demo` shows it; `make test`
# holds it to every exit status. It works on a copy of fixtures/mirador (backups and migration state go there).
# Usage: Tests/EndToEnd/action-plan.sh BIN_DIR OUT_DIR
set -euo pipefail
bin=$(cd "$1" && pwd)
out=$2
root=$(cd "$(dirname "$0")/../.." && pwd)
cd "$root"
rm -rf "$out"
mkdir -p "$out"
cp -R fixtures/mirador "$out/mirador"
config=$out/mirador/readiness.json
sim=""
trap '[ -n "$sim" ] && kill "$sim" 2>/dev/null' EXIT

# start_sim SCENARIO LOG [PORT]: starts ollama-sim (on PORT, else a free port) and points OLLAMA_HOST at it.
start_sim() {
  "$bin/ollama-sim" --scenario "$1" --port "${3:-0}" >"$2" 2>&1 &
  sim=$!
  for _ in $(seq 1 100); do grep -q "^listening on " "$2" && break; sleep 0.1; done
  OLLAMA_HOST=$(sed -n 's/^listening on //p' "$2")
  [ -n "$OLLAMA_HOST" ] || { echo "action-plan: ollama-sim did not start (see $2)" >&2; exit 1; }
  export OLLAMA_HOST
}
start_sim fixtures/scenarios/phase1.json "$out/ollama-sim.log"

# step TITLE STATUS COMMAND...: prints the heading and the command, runs it, and stops unless it exits STATUS.
step() {
  local title=$1 want=$2; shift 2
  printf '\n== %s (expect exit %s)\n$ %s\n' "$title" "$want" "${*/#$bin\//}"
  local status=0
  timeout 900 "$@" || status=$?
  [ "$status" -eq "$want" ] || { echo "action-plan: '$title' should exit $want, got $status" >&2; exit 1; }
}

step "1. Phase 1: three of the six Mirador models are missing" 1 \
  "$bin/readiness" check --package-path IntegrationTests --config "$config" --out "$out/phase1"
step "2. Diagnose: what is missing, in which order to build it, and the scripts" 1 \
  "$bin/readiness" diagnose --config "$config" --out "$out/diagnostic_output"
grep -q "financial_planning_expert_v6" "$out/diagnostic_output/model_diagnostic_report.md"
bash -n "$out/diagnostic_output/build_critical_models.sh"
bash -n "$out/diagnostic_output/validate_critical_models.sh"
step "3. Build the missing models (dry run first)" 0 "$bin/readiness" build --config "$config" --dry-run
step "3. Build the missing models" 0 "$bin/readiness" build --config "$config"
step "4. Validate: each critical model answers its first prompt" 0 "$bin/readiness" validate --config "$config"
step "5. Update the model inventory" 0 "$bin/readiness" inventory --config "$config" --write "$out/MODEL_INVENTORY.md"
step "6. Readiness check again" 0 \
  "$bin/readiness" check --package-path IntegrationTests --config "$config" --out "$out/ready"
step "7. Back up every model before any change" 0 "$bin/readiness" backup --config "$config"
step "8. Migration step 1: the first model may go" 0 "$bin/readiness" gate --step 1 --config "$config" --out "$out/ready"
# take N STEP: heading N, migration step STEP: gate it (an incremental backup, the step gate, the baseline), then,
# the model migrated, check again and mark the step done.
take() {
  step "$1. Migration step $2: back up its model, gate the step, record the baseline" 0 \
    "$bin/readiness" migrate next --step "$2" --config "$config" --out "$out/ready"
  step "$1. After migrating the model: check again" 0 \
    "$bin/readiness" check --package-path IntegrationTests --config "$config" --out "$out/ready"
  step "$1. The step gate passes on the newer run: step $2 is done" 0 \
    "$bin/readiness" migrate done --config "$config" --out "$out/ready"
}
take 9 1
take 10 2
take 11 3
take 12 4
step "13. The four migrated models against their baselines: one watch round" 0 \
  "$bin/readiness" watch --once --config "$config"

# Step 5's model degrades: the same server (ollama-sim restarted on its address, so the last check still speaks
# for it) whose decision_simplifier_v2 answers twice as slowly after its first two requests
# (fixtures/scenarios/degraded.json).
kill "$sim"; wait "$sim" 2>/dev/null || true; sim=""
start_sim fixtures/scenarios/degraded.json "$out/ollama-sim-degraded.log" "${OLLAMA_HOST##*:}"
printf '\n(ollama-sim restarted on %s with fixtures/scenarios/degraded.json)\n' "$OLLAMA_HOST"
step "14. Migration step 5: back up decision_simplifier_v2, gate the step" 0 \
  "$bin/readiness" migrate next --step 5 --config "$config" --out "$out/ready"
step "15. Watch: round 1 within tolerance, round 2 degraded, the migration paused (exit 3)" 3 \
  "$bin/readiness" watch --interval 1s --for 1m --config "$config" --out "$out/watch"
# The pause names the degraded model, not a healthy one.
grep -q '"outcome" : "degraded"' "$out/watch/watch.json"
grep -q '"reason" : "watch round [0-9]*: decision_simplifier_v2 (step 5)' "$out/mirador/.readiness/migration.json" ||
  { echo "action-plan: the pause does not name decision_simplifier_v2 (step 5)" >&2; exit 1; }
step "16. While paused, the next step is refused" 2 \
  "$bin/readiness" migrate next --config "$config" --out "$out/ready"
step "17. Roll step 5 back from the backup 'migrate next' took" 0 \
  "$bin/readiness" migrate rollback --step 5 --config "$config"
step "18. Where the migration stands" 0 "$bin/readiness" migrate status --config "$config"
[ "$(grep -c '"status" : "migrated"' "$out/mirador/.readiness/migration.json")" -eq 4 ] &&
  grep -q '"status" : "rolled-back"' "$out/mirador/.readiness/migration.json" ||
  { echo "action-plan: migration.json does not hold steps 1-4 migrated and step 5 rolled back" >&2; exit 1; }
step "19. Every change, with before/after metrics" 0 "$bin/readiness" history --config "$config"
printf '\naction-plan: NOT READY to READY, steps 1-4 migrated, step 5 paused by watch and rolled back; output in %s\n' "$out"
