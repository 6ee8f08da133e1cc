"""The GitHub workflows: structurally valid, free of zizmor's security findings, every action
pinned to a full commit hash, least permissions. No workflow can run here, so these checks (and
the tests of the commands the workflows call) are what stands between a typo and a broken CI."""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

from helpers import ROOT

WORKFLOWS = sorted((ROOT / ".github" / "workflows").glob("*.yml"))


def _tool(name: str) -> str:
    # Beside the interpreter first: the test extra installs these tools into the same venv,
    # which need not be on PATH when pytest runs as .venv/bin/python -m pytest.
    found = shutil.which(name, path=str(Path(sys.executable).parent)) or shutil.which(name)
    if found is None:
        pytest.skip(f"{name} is not installed (pip install -e '.[test]')")
    return found


def test_the_workflows_exist():
    assert [p.name for p in WORKFLOWS] == [
        "ci.yml",
        "intake.yml",
        "notify.yml",
        "overdue.yml",
        "pages.yml",
    ]


def test_the_issue_form_matches_the_github_issue_forms_schema():
    checker = _tool("check-jsonschema")
    form = ROOT / ".github" / "ISSUE_TEMPLATE" / "report.yml"
    result = subprocess.run(
        [checker, "--builtin-schema", "vendor.github-issue-forms", str(form)],
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 0, result.stdout + result.stderr


def test_the_form_labels_are_the_headings_duban_record_reads():
    from duban.intake.rows import HEADINGS

    form = yaml.safe_load((ROOT / ".github" / "ISSUE_TEMPLATE" / "report.yml").read_text("utf-8"))
    fields = [f for f in form["body"] if f["type"] != "markdown"]
    for f in fields:
        assert HEADINGS[f["attributes"]["label"]] == f["id"]


def test_workflows_match_the_github_workflow_schema():
    checker = _tool("check-jsonschema")
    result = subprocess.run(
        [checker, "--builtin-schema", "vendor.github-workflows", *map(str, WORKFLOWS)],
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 0, result.stdout + result.stderr


def test_zizmor_finds_nothing_even_when_pedantic():
    zizmor = _tool("zizmor")
    result = subprocess.run(
        [zizmor, "--offline", "--persona", "pedantic", str(ROOT / ".github" / "workflows")],
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 0, result.stdout + result.stderr


@pytest.mark.parametrize("path", WORKFLOWS, ids=lambda p: p.name)
def test_actions_are_pinned_by_commit_and_permissions_are_explicit(path):
    text = path.read_text(encoding="utf-8")
    uses = re.findall(r"uses:\s*(\S+)", text)
    assert uses
    for ref in uses:
        # an action of GitHub's own (actions/cache/restore: one of its parts), pinned by commit
        assert re.fullmatch(r"actions/[a-z-]+(?:/[a-z-]+)?@[0-9a-f]{40}", ref), ref
    workflow = yaml.safe_load(text)
    assert workflow["permissions"] in ({}, {"contents": "read"})
    for job in workflow["jobs"].values():
        assert "timeout-minutes" in job
        for step in job["steps"]:
            if "actions/checkout@" in step.get("uses", ""):
                assert step["with"]["persist-credentials"] is False


def test_the_overdue_workflow_uses_the_tested_report_command_and_only_gh():
    text = (ROOT / ".github" / "workflows" / "overdue.yml").read_text(encoding="utf-8")
    assert "duban report overdue-issue --site-url" in text
    assert "GH_TOKEN: ${{ github.token }}" in text
    assert "secrets." not in text
    for command in ("gh issue list --label", "gh issue edit", "gh issue create", "gh issue close"):
        assert command in text


# w-notify
def test_the_notify_workflow_passes_one_secret_to_the_tested_command():
    text = (ROOT / ".github" / "workflows" / "notify.yml").read_text(encoding="utf-8")
    workflow = yaml.safe_load(text)
    (job,) = workflow["jobs"].values()
    assert job["permissions"] == {"contents": "read"}
    assert job["if"] == "vars.DUBAN_NOTIFY_ENABLED == 'true'"
    assert re.findall(r"secrets\.[A-Z_]+", text) == ["secrets.DUBAN_NOTIFY_SECRETS"]
    assert 'duban notify --as-of "$AS_OF" --site-url "$site" --state' in text
