#!/usr/bin/env bash
# The CI pipelines as a CI system would read them: the GitHub workflow and GitLab pipeline `readiness init`
# writes, and every workflow shown in README.md and docs/, pass the GitHub-workflow and GitLab-CI schemas
# (check-jsonschema's vendored SchemaStore copies, pinned below), every shell step passes `bash -n`, and no
# GitHub step interpolates `${{ … }}` into a script (pass values through env instead).
# actionlint itself is not used: its PyPI package downloads the binary from GitHub, which CI here cannot reach.
set -euo pipefail
bin="$1" out="$2"
root="$(cd "$(dirname "$0")/../.." && pwd)"
venv="$root/.build/ci-venv"
checker_version="0.33.0"

if ! "$venv/bin/check-jsonschema" --version 2>/dev/null | grep -q "$checker_version"; then
  python3 -m venv "$venv"
  "$venv/bin/pip" install -q "check-jsonschema==$checker_version"
fi

rm -rf "$out" && mkdir -p "$out"
"$bin/readiness" init "$out/github" --framework "$root" --ci github >/dev/null
"$bin/readiness" init "$out/gitlab" --framework "$root" --ci gitlab >/dev/null

# Workflows shown in the docs: each ```yaml block that has `jobs:` and `on:` is a whole workflow.
"$venv/bin/python" - "$root" "$out/docs" <<'PY'
import pathlib, re, sys
root, out = pathlib.Path(sys.argv[1]), pathlib.Path(sys.argv[2])
out.mkdir(parents=True, exist_ok=True)
pages = [root / "README.md", *sorted((root / "docs").glob("*.md"))]
for page in pages:
    for number, block in enumerate(re.findall(r"```ya?ml\n(.*?)```", page.read_text(), re.S)):
        if re.search(r"^on:", block, re.M) and re.search(r"^jobs:", block, re.M):
            (out / f"{page.stem}-{number}.yml").write_text(block)
PY

shopt -s nullglob
workflows=("$out/github/.github/workflows/readiness.yml" "$out"/docs/*.yml)
"$venv/bin/check-jsonschema" --builtin-schema vendor.github-workflows "${workflows[@]}"
"$venv/bin/check-jsonschema" --builtin-schema vendor.gitlab-ci "$out/gitlab/.gitlab-ci.yml"

# Every script step through bash -n; no ${{ }} inside a GitHub script.
"$venv/bin/python" - "$out/gitlab/.gitlab-ci.yml" "${workflows[@]}" <<'PY'
import subprocess, sys
from ruamel.yaml import YAML
failures = []
for path in sys.argv[1:]:
    document = YAML(typ="safe").load(open(path))
    scripts = []
    if path.endswith(".gitlab-ci.yml"):
        for name, job in document.items():
            if isinstance(job, dict) and "script" in job:
                scripts += [(name, line) for line in job["script"]]
    else:
        for name, job in document["jobs"].items():
            for step in job.get("steps", []):
                if "run" in step:
                    scripts.append((name, step["run"]))
                    if "${{" in step["run"]:
                        failures.append(f"{path}: job {name}: a run step interpolates ${{{{ }}}}; pass it through env")
    for name, script in scripts:
        check = subprocess.run(["bash", "-n"], input=script, text=True, capture_output=True)
        if check.returncode != 0:
            failures.append(f"{path}: job {name}: bash -n: {check.stderr.strip()}")
if failures:
    sys.exit("\n".join(failures))
PY
echo "ci-pipelines: the generated GitHub and GitLab pipelines and ${#workflows[@]} workflows in all pass their schemas and bash -n"
