#!/usr/bin/env bash
# The action plan on one ollama-sim, from the Phase 1 fleet, with the tool alone: check (NOT READY), diagnose,
# build, validate, inventory, check again (READY); then the conservative migration starts: back up every
# model, gate step 1, take it, check, mark it done. `make demo` shows it; `make test` holds it to every exit
# status. It works on a copy of fixtures/mirador (backups and migration state go there).
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
"$bin/ollama-sim" --scenario fixtures/scenarios/phase1.json --port 0 >"$out/ollama-sim.log" 2>&1 &
sim=$!
for _ in $(seq 1 100); do grep -q "^listening on " "$out/ollama-sim.log" && break; sleep 0.1; done
export OLLAMA_HOST
OLLAMA_HOST=$(sed -n 's/^listening on //p' "$out/ollama-sim.log")
[ -n "$OLLAMA_HOST" ] || { echo "action-plan: ollama-sim did not start" >&2; exit 1; }

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
step "9. Take step 1: an incremental backup, the gate, the baseline" 0 \
  "$bin/readiness" migrate next --config "$config" --out "$out/ready"
step "10. After migrating it: check again, then mark the step done" 0 \
  "$bin/readiness" check --package-path IntegrationTests --config "$config" --out "$out/ready"
step "10. After migrating it: check again, then mark the step done" 0 \
  "$bin/readiness" migrate done --config "$config" --out "$out/ready"
step "11. Where the migration stands" 0 "$bin/readiness" migrate status --config "$config"
printf '\naction-plan: NOT READY to READY with diagnose, build and validate, then migration step 1 done; output in %s\n' "$out"
