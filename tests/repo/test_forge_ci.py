"""The GitLab pipeline (.gitlab-ci.yml) and the Gitea / Forgejo workflow (.gitea/workflows/):
valid by the schemas check-jsonschema ships (GitLab's CI schema, GitHub's workflow schema, which
Gitea's syntax is a subset of), and doing what docs/ci.md says. No GitLab or Gitea runs here:
these checks and the tests of the commands they call are what stands between a typo and a
broken pipeline."""

from __future__ import annotations

import shlex
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

from duban.cli.main import build_parser
from helpers import ROOT

GITLAB = ROOT / ".gitlab-ci.yml"
GITEA = sorted((ROOT / ".gitea" / "workflows").glob("*.yml"))


def _tool(name: str) -> str:
    beside = Path(sys.executable).parent / name  # the venv's, also when it is not activated
    found = str(beside) if beside.exists() else shutil.which(name)
    if found is None:
        pytest.skip(f"{name} is not installed (pip install -e '.[test]')")
    return found


def _check(schema: str, path: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [_tool("check-jsonschema"), "--builtin-schema", schema, str(path)],
        capture_output=True,
        text=True,
        timeout=120,
    )


def test_the_gitlab_pipeline_passes_gitlabs_ci_schema(tmp_path):
    result = _check("vendor.gitlab-ci", GITLAB)
    assert result.returncode == 0, result.stdout + result.stderr
    # and the check is real: a misspelt keyword fails it
    broken = tmp_path / ".gitlab-ci.yml"
    broken.write_text(GITLAB.read_text("utf-8").replace("  script:\n", "  scripts:\n", 1))
    assert _check("vendor.gitlab-ci", broken).returncode != 0


def test_the_gitea_workflows_pass_the_workflow_schema():
    assert [p.name for p in GITEA] == ["ci.yml", "overdue.yml"]
    for path in GITEA:
        result = _check("vendor.github-workflows", path)
        assert result.returncode == 0, result.stdout + result.stderr


def _gitlab() -> dict:
    return yaml.safe_load(GITLAB.read_text(encoding="utf-8"))


def _commands(lines: list[str]) -> list[list[str]]:
    """Each ``duban …`` command of a job's script, split as the shell would."""
    out = []
    for block in lines:
        for line in block.splitlines():
            words = shlex.split(line.strip()) if line.strip().startswith("duban ") else []
            if words:
                out.append(words[1:])
    return out


# what the runner puts for a CI variable: an address where one is expected, else a word
_EXPANDED = {"--site-url": "https://group.gitlab.io/project/", "--as-of": "2024-06-30"}


def _expanded(words: list[str]) -> list[str]:
    return [
        _EXPANDED.get(words[i - 1], "value") if "$" in word and i else word
        for i, word in enumerate(words)
    ]


def test_every_duban_command_of_the_pipeline_parses():
    parser = build_parser()
    jobs = {k: v for k, v in _gitlab().items() if isinstance(v, dict) and "script" in v}
    seen = []
    for job in jobs.values():
        for words in _commands(job["script"]):
            parser.parse_args(_expanded(words))  # SystemExit (a failed test) on a wrong option
            seen.append(words[0])
    assert {"validate", "check", "gitlab-issue", "notify"} <= set(seen)


def test_the_merge_request_shows_the_code_quality_report():
    job = _gitlab()["validate"]
    [command] = [w for w in _commands(job["script"]) if w[0] == "validate"]
    assert command[command.index("--format") + 1] == "gitlab"
    report = command[command.index("-o") + 1]
    assert job["artifacts"]["reports"]["codequality"] == report
    assert job["artifacts"]["when"] == "always"  # kept when the job fails: that is the point
    assert {"if": '$CI_PIPELINE_SOURCE == "merge_request_event"'} in job["rules"]


def test_pages_publishes_public_and_the_scheduled_jobs_are_guarded():
    config = _gitlab()
    pages = config["pages"]
    assert pages["artifacts"]["paths"] == ["public"]
    assert any("--site-dir public" in line for line in pages["script"])
    for rule in config["overdue-issue"]["rules"]:
        assert rule["if"].startswith("$DUBAN_GITLAB_TOKEN && ")  # skipped without the token
    [rule] = config["notify"]["rules"]
    assert rule["exists"] == ["data/notify.yaml"]  # skipped without routes
    for name in ("validate", "pages", "overdue-issue", "notify"):
        assert config[name]["extends"] == ".runtime"
    assert config[".runtime"]["before_script"] == [
        "python -m pip install --require-hashes -r requirements.lock",
        "python -m pip install --no-deps -e .",
    ]


@pytest.mark.parametrize("path", GITEA, ids=lambda p: p.name)
def test_the_gitea_workflows_run_only_what_works_there(path):
    workflow = yaml.safe_load(path.read_text(encoding="utf-8"))
    [job] = workflow["jobs"].values()
    assert isinstance(job["runs-on"], str)  # Gitea reads one plain label
    runs = [step.get("run", "") for step in job["steps"]]
    assert not any("gh " in run or "GITHUB_STEP_SUMMARY" in run for run in runs)
    uses = [step["uses"] for step in job["steps"] if "uses" in step]
    assert all(u.split("@")[0] in ("actions/checkout", "actions/setup-python") for u in uses)
    assert all(len(u.split("@")[1]) == 40 for u in uses)  # pinned by hash
    assert workflow["env"]["TZ"] == "Asia/Shanghai"
    parser = build_parser()
    for words in _commands(runs):
        parser.parse_args([w for w in words if "$" not in w])  # options as the shell passes them
    # an expression only in env:, never spliced into a script (as on GitHub: docs/ci.md)
    assert not any("${{" in run for run in runs)


def test_the_gitea_workflows_are_clean_for_zizmor():
    """The same security audit as the GitHub workflows (tokens, expressions, permissions)."""
    result = subprocess.run(
        [_tool("zizmor"), "--offline", "--persona", "pedantic", *map(str, GITEA)],
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert result.returncode == 0, result.stdout + result.stderr
