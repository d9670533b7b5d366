#!/usr/bin/env bash
# The pipelines as a CI system runs them: every job starts from a fresh clone in the same workspace path, and
# gets from earlier jobs only what it declares (the report artifact, the state folder, the .build cache).
# One ollama-sim stands for the production Ollama across all jobs.
#   migration: job 1 check -> job 2 backup, gate --step 1, migrate next --step 1 -> job 3 check, migrate done;
#              a job 3 that is not handed the state folder is refused (exit 2), never a fresh start.
#   shards:    three check --shard K/3 jobs, then a merge job handed only their report folders.
# Usage: Tests/EndToEnd/ci-simulation.sh BIN_DIR OUT_DIR
set -euo pipefail
bin=$(cd "$1" && pwd)
root=$(cd "$(dirname "$0")/../.." && pwd)
out="$2"
rm -rf "$out" && mkdir -p "$out"
out=$(cd "$out" && pwd)
origin="$out/origin" workspace="$out/workspace" artifacts="$out/artifacts" cache="$out/cache"
mkdir -p "$artifacts"
fail() { echo "ci-simulation: $*" >&2; exit 1; }

# The repository a team would have: a package made by `readiness init`, with the Mirador fleet as readiness.json.
"$bin/readiness" init "$origin" --framework "$root" --test-target FleetChecks >/dev/null
cp -R "$root/fixtures/mirador/." "$origin/"
git -C "$origin" init -q
git -C "$origin" add -A
git -C "$origin" -c user.name=ci -c user.email=ci@example.com commit -q -m "readiness package"

# Production Ollama for the whole simulation.
"$bin/ollama-sim" --scenario "$root/fixtures/scenarios/healthy.json" --port 0 >"$out/ollama.log" 2>&1 &
simulator=$!
trap 'kill "$simulator" 2>/dev/null || true' EXIT
for _ in $(seq 100); do grep -q '^listening on ' "$out/ollama.log" && break; sleep 0.1; done
export OLLAMA_HOST
OLLAMA_HOST=$(sed -n 's/^listening on //p' "$out/ollama.log")
[ -n "$OLLAMA_HOST" ] || fail "ollama-sim did not start"

# job NAME STATUS COMMAND...: a fresh clone in the workspace, the .build cache restored, then COMMAND there,
# which must exit with STATUS; the cache is saved after it and the workspace removed.
job() {
  local name=$1 want=$2; shift 2
  rm -rf "$workspace"
  git clone -q "$origin" "$workspace"
  [ -d "$cache/.build" ] && cp -a "$cache/.build" "$workspace/.build"
  local status=0
  (cd "$workspace" && "$@") >"$out/$name.log" 2>&1 || status=$?
  [ "$status" -eq "$want" ] || { tail -30 "$out/$name.log" >&2; fail "job $name should exit $want, got $status"; }
  rm -rf "$cache" && mkdir -p "$cache" && { [ ! -d "$workspace/.build" ] || mv "$workspace/.build" "$cache/.build"; }
  rm -rf "$workspace"
}
# upload NAME FOLDER / download NAME FOLDER, inside a job: the declared artifacts, and nothing else.
upload() { rm -rf "$artifacts/$1"; cp -R "$2" "$artifacts/$1"; }
download() { [ -d "$artifacts/$1" ] || { echo "artifact $1 was never uploaded" >&2; return 2; }; cp -R "$artifacts/$1" "$2"; }
export -f upload download
export artifacts bin
export READINESS_STATE_DIR=readiness-state
first=matthew_context_provider_v2

job 1-check 0 bash -c '"$bin/readiness" check --out readiness-report && upload report-1 readiness-report'
job 2-migrate-next 0 bash -c "download report-1 readiness-report &&
  \"\$bin/readiness\" backup --model $first &&
  \"\$bin/readiness\" gate --step 1 &&
  \"\$bin/readiness\" migrate next --step 1 &&
  upload state-2 readiness-state"
job 3-without-state 2 bash -c '"$bin/readiness" migrate done'
grep -q "no migration state at .*readiness-state/migration.json" "$out/3-without-state.log" || fail "a job without the state was not refused for it"
job 3-check-and-done 0 bash -c '"$bin/readiness" check --out readiness-report &&
  download state-2 readiness-state && "$bin/readiness" migrate done && upload state-3 readiness-state'
grep -q '"status" : "migrated"' "$artifacts/state-3/migration.json" || fail "step 1 is not migrated in the state job 3 handed on"
[ -n "$(ls "$artifacts/state-3/backups")" ] || fail "the state handed on holds no backup"

for shard in 1 2 3; do
  job "shard-$shard" 0 bash -c "\"\$bin/readiness\" check --shard $shard/3 --out shard && upload shard-$shard shard"
done
job merge 0 bash -c 'download shard-1 s1 && download shard-2 s2 && download shard-3 s3 && "$bin/readiness" merge s1 s2 s3 --out merged'
echo "ci-simulation: check -> backup, gate, migrate next -> check, migrate done across fresh clones; a job without the state refused; three shards merged READY"
