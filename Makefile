# Readiness — build, test, demo and benchmark.
# `make test` is the command CI runs (.ci/run); `make demo` walks the seed's plan on ollama-sim.

SWIFT    ?= swift
# The Mirador readiness package (made by `readiness init`) and the fleet config it checks.
MIRADOR  := IntegrationTests
CONFIG   ?= fixtures/mirador/readiness.json
HEALTHY  := fixtures/scenarios/healthy.json
PHASE1   := fixtures/scenarios/phase1.json
BIN       = $(shell $(SWIFT) build --show-bin-path)
SIM       = $(BIN)/ollama-sim
RUNNER    = $(BIN)/readiness
E2E_OUT  := .build/e2e

# $(call check_on,SCENARIO,OUT): `readiness check` of the Mirador package against ollama-sim serving SCENARIO.
check_on = $(SIM) --scenario $(1) --port 0 -- $(RUNNER) check --package-path $(MIRADOR) --config $(CONFIG) --out $(2)
# $(call suites_on,SCENARIO): plain `swift test` in the Mirador package against ollama-sim serving SCENARIO.
suites_on = READINESS_CONFIG=$(abspath $(CONFIG)) $(SIM) --scenario $(1) --port 0 -- $(SWIFT) test --package-path $(MIRADOR)
# $(call expect_exit,STATUS,WHAT,COMMAND): runs COMMAND and fails, naming WHAT, unless it exits with STATUS.
expect_exit = status=0; $(3) || status=$$?; \
	[ $$status -eq $(1) ] || { echo "$(2) should exit $(1), got $$status" >&2; exit 1; }

SHELL := /bin/bash
.SHELLFLAGS := -eu -o pipefail -c

# `make install PREFIX=…`: where the tools go, and the revision they report (git's, marked -dirty for local changes).
PREFIX   ?= /usr/local
REVISION ?= $(shell git rev-parse --short=12 HEAD 2>/dev/null)$(shell git diff --quiet HEAD 2>/dev/null || echo -dirty)
RELEASE_FLAGS = $(if $(REVISION),-Xcc -DREADINESS_REVISION='"$(REVISION)"')
RELEASE_BIN   = $(shell $(SWIFT) build -c release --show-bin-path)

# The man page readiness(1), from the commands' declarations; read it with `man -l .build/man/readiness.1`.
MAN_PAGE := .build/man/readiness.1

.PHONY: man build test unit-tests readiness-suites end-to-end action-plan interrupted-check scaffolded-package hosts-and-shards ci-pipelines ci-simulation installed demo bench client-compat install uninstall clean

build:
	$(SWIFT) build

man: build
	mkdir -p $(dir $(MAN_PAGE))
	$(RUNNER) --generate-man-page > $(MAN_PAGE).partial
	mv $(MAN_PAGE).partial $(MAN_PAGE)
	@echo "man: wrote $(MAN_PAGE)"

## Unit tests (no simulator), the readiness check as plain `swift test`, the runner end to end, a package
## scaffolded by `readiness init`, and a fleet on several hosts checked whole and in shards.
test: unit-tests readiness-suites end-to-end action-plan interrupted-check scaffolded-package hosts-and-shards ci-pipelines ci-simulation installed

unit-tests: build
	$(SWIFT) test

## `swift test` in the Mirador package is the readiness check: it passes on healthy and fails on phase1.
readiness-suites: build
	$(call suites_on,$(HEALTHY))
	$(call expect_exit,1,readiness-suites: swift test on phase1,$(call suites_on,$(PHASE1)) >/dev/null 2>&1)
	@echo "readiness-suites: swift test passes on healthy and fails on phase1 as expected"

## The runner for real (it spawns `swift test`, so it runs here, not inside the unit tests):
## healthy must be READY (exit 0), phase1 NOT READY (exit 1) naming the three missing models.
end-to-end: build
	rm -rf $(E2E_OUT)
	$(call check_on,$(HEALTHY),$(E2E_OUT)/healthy)
	$(call expect_exit,1,end-to-end: phase1 (NOT READY),$(call check_on,$(PHASE1),$(E2E_OUT)/phase1))
	for model in financial_planning_expert_v6 decision_simplifier_v2 enhanced_agent_fast_v6; do \
	  grep -q "$$model" $(E2E_OUT)/phase1/report.md || { echo "end-to-end: phase1 report does not name $$model" >&2; exit 1; }; \
	done
	for file in report.md report.json junit.xml report.html; do \
	  test -s $(E2E_OUT)/phase1/$$file || { echo "end-to-end: phase1 did not write $$file" >&2; exit 1; }; \
	done
	@echo "end-to-end: healthy READY, phase1 NOT READY as expected"

## The action plan, Phase 1 to READY and through the migration (steps 1-4, watch pausing on step 5's degraded
## model, rollback, status, history) with the tool alone, every exit status checked.
action-plan: build
	Tests/EndToEnd/action-plan.sh $(BIN) $(E2E_OUT)/action-plan >/dev/null

## SIGTERM stops a real check whose model hangs within seconds, exit 2, previous reports intact.
interrupted-check: build
	Tests/EndToEnd/interrupted-check.sh $(BIN)

## A user's package made by `readiness init` in a temporary folder, with a test target of its own name.
scaffolded-package: build
	Tests/EndToEnd/scaffolded-package.sh $(BIN)

## The CI pipelines `readiness init` writes and the workflows the docs show: schemas, bash -n, no ${{ }} in scripts.
ci-pipelines: build
	Tests/EndToEnd/ci-pipelines.sh $(BIN) $(E2E_OUT)/ci-pipelines

## The pipelines as CI runs them: each job a fresh clone, only declared artifacts and the state folder between
## jobs: check, then backup + gate + migrate next, then check + migrate done; a shard matrix and its merge.
ci-simulation: build
	Tests/EndToEnd/ci-simulation.sh $(BIN) $(E2E_OUT)/ci-simulation

## `make install` into a scratch prefix: both tools run from there and name the revision they were built from.
installed:
	rm -rf $(E2E_OUT)/prefix
	$(MAKE) --no-print-directory install PREFIX=$(abspath $(E2E_OUT))/prefix REVISION=e2e-check
	[ "$$($(E2E_OUT)/prefix/bin/readiness --version)" = "readiness $$(sed -n 's/.*release = "\(.*\)"/\1/p' Sources/OllamaKit/Client/ToolVersion.swift)+e2e-check" ]
	$(E2E_OUT)/prefix/bin/ollama-sim --version | grep -q '+e2e-check'
	grep -q '^.TH READINESS 1' $(E2E_OUT)/prefix/share/man/man1/readiness.1
	@echo "installed: readiness and ollama-sim run from the prefix and name their revision"

## Three simulators as three hosts (healthy, Phase 1, down), then three shards merged, and merges that must fail.
hosts-and-shards: build
	Tests/EndToEnd/hosts-and-shards.sh $(BIN) $(E2E_OUT)/hosts-and-shards

## The seed's story on ollama-sim, from the Phase 1 fleet: check (NOT READY), diagnose, build, validate, update
## the inventory, check again (READY); back up, take migration steps 1-4, watch; step 5's model degrades on
## a restarted ollama-sim (degraded.json): watch pauses (exit 3), rollback, status, history. Output in readiness-report/.
DEMO_OUT := readiness-report
demo: build
	@Tests/EndToEnd/action-plan.sh $(BIN) $(DEMO_OUT)
	@echo "demo: reports in $(DEMO_OUT)/phase1 and $(DEMO_OUT)/ready (open report.html in a browser)"

bench:
	$(SWIFT) build -c release --product readiness-bench
	$$($(SWIFT) build -c release --show-bin-path)/readiness-bench

## Optional (needs PyPI): the official ollama Python client, unchanged, against ollama-sim.
COMPAT_VENV := .build/compat-venv
client-compat: build
	test -x $(COMPAT_VENV)/bin/python || python3 -m venv $(COMPAT_VENV)
	$(COMPAT_VENV)/bin/pip install -q 'ollama>=0.6,<0.7'
	$(SIM) --scenario $(HEALTHY) --port 0 -- $(COMPAT_VENV)/bin/python Tests/ClientCompatibility/ollama_python.py

## Release builds of `readiness` and `ollama-sim` into $(PREFIX)/bin, readiness(1) into $(PREFIX)/share/man/man1;
## `readiness --version` then names the git revision too (e.g. 0.2.0+1a2b3c4d5e6f). DESTDIR is honoured.
install:
	$(SWIFT) build -c release --product readiness $(RELEASE_FLAGS)
	$(SWIFT) build -c release --product ollama-sim $(RELEASE_FLAGS)
	install -d $(DESTDIR)$(PREFIX)/bin $(DESTDIR)$(PREFIX)/share/man/man1
	install -m 755 $(RELEASE_BIN)/readiness $(RELEASE_BIN)/ollama-sim $(DESTDIR)$(PREFIX)/bin/
	$(RELEASE_BIN)/readiness --generate-man-page > $(DESTDIR)$(PREFIX)/share/man/man1/readiness.1
	@echo "install: $$($(DESTDIR)$(PREFIX)/bin/readiness --version) in $(DESTDIR)$(PREFIX)/bin"

uninstall:
	rm -f $(DESTDIR)$(PREFIX)/bin/readiness $(DESTDIR)$(PREFIX)/bin/ollama-sim $(DESTDIR)$(PREFIX)/share/man/man1/readiness.1

clean:
	rm -rf .build readiness-report
