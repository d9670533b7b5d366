#!/usr/bin/env bash
# The action plan's steps 1-5 on one ollama-sim from the Phase 1 fleet, with the tool alone: check (NOT READY),
# diagnose, build, validate, inventory, check again (READY). `make demo` shows it; `make test` holds it to
# every exit status. Usage: Tests/EndToEnd/repair-loop.sh BIN_DIR OUT_DIR
set -euo pipefail
bin=$(cd "$1" && pwd)
out=$2
root=$(cd "$(dirname "$0")/../.." && pwd)
config=fixtures/mirador/readiness.json
cd "$root"
rm -rf "$out"
mkdir -p "$out"
sim=""
trap '[ -n "$sim" ] && kill "$sim" 2>/dev/null' EXIT
"$bin/ollama-sim" --scenario fixtures/scenarios/phase1.json --port 0 >"$out/ollama-sim.log" 2>&1 &
sim=$!
for _ in $(seq 1 100); do grep -q "^listening on " "$out/ollama-sim.log" && break; sleep 0.1; done
export OLLAMA_HOST
OLLAMA_HOST=$(sed -n 's/^listening on //p' "$out/ollama-sim.log")
[ -n "$OLLAMA_HOST" ] || { echo "repair-loop: ollama-sim did not start" >&2; exit 1; }

# step TITLE STATUS COMMAND...: prints the heading and the command, runs it, and stops unless it exits STATUS.
step() {
  local title=$1 want=$2; shift 2
  printf '\n== %s (expect exit %s)\n$ %s\n' "$title" "$want" "${*/#$bin\//}"
  local status=0
  timeout 900 "$@" || status=$?
  [ "$status" -eq "$want" ] || { echo "repair-loop: '$title' should exit $want, got $status" >&2; exit 1; }
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
printf '\nrepair-loop: NOT READY to READY with readiness diagnose, build and validate; reports in %s\n' "$out"
