"""``duban validate --format gitlab``: the problems as a GitLab Code Quality report, checked
against the format GitLab documents (tests/outputs/gitlab-code-quality.schema.json)."""

from __future__ import annotations

import json
from pathlib import Path

import jsonschema
import pytest

from duban.cli.main import main
from duban.load.project import load_project
from duban.model.problems import Problem
from duban.outputs.code_quality import code_quality, repository_path
from helpers import CASES, lay_out_case

SCHEMA = json.loads(
    (Path(__file__).parent / "gitlab-code-quality.schema.json").read_text(encoding="utf-8")
)
VALIDATOR = jsonschema.Draft202012Validator(SCHEMA)
INVALID = sorted(p for p in (CASES / "invalid").iterdir() if p.is_dir())


def test_the_schema_refuses_what_gitlab_would_not_read():
    good = {
        "description": "x",
        "check_name": "duban/file",
        "fingerprint": "0" * 64,
        "severity": "critical",
        "location": {"path": "data/org.yaml", "lines": {"begin": 1}},
    }
    assert VALIDATOR.is_valid([good])
    for broken in (
        {**good, "severity": "error"},
        {**good, "location": {"path": "/abs/org.yaml", "lines": {"begin": 1}}},
        {**good, "location": {"path": "data/org.yaml", "lines": {"begin": 0}}},
        {k: v for k, v in good.items() if k != "fingerprint"},
    ):
        assert not VALIDATOR.is_valid([broken]), broken


@pytest.mark.parametrize("case", INVALID[::7], ids=lambda p: p.name)
def test_every_problem_of_an_invalid_case_is_in_the_report(case, tmp_path, monkeypatch, capsys):
    project = lay_out_case(case, tmp_path / "p")
    monkeypatch.chdir(project)
    assert main(["validate", "--format", "gitlab"]) == 1
    out, err = capsys.readouterr()
    report = json.loads(out)  # stdout holds the JSON alone; the lines went to stderr
    VALIDATOR.validate(report)
    loaded = load_project(Path("data"))
    problems = [*loaded.problems, *loaded.warnings]
    assert len(report) == len(problems) > 0
    assert len({issue["fingerprint"] for issue in report}) == len(report)
    for issue, problem in zip(report, problems, strict=True):
        assert issue["location"] == {"path": problem.path, "lines": {"begin": problem.line}}
        assert issue["description"] in err  # the same words as the printed line
        assert issue["severity"] == ("critical" if problem.severity == "error" else "minor")


def test_a_warning_is_minor_and_valid_data_gives_an_empty_report(tmp_path, monkeypatch, capsys):
    project = lay_out_case(CASES / "warnings" / "personal-data", tmp_path / "p")
    monkeypatch.chdir(project)
    out_file = tmp_path / "gl-code-quality-report.json"
    assert main(["validate", "--format", "gitlab", "-o", str(out_file)]) == 0
    report = json.loads(out_file.read_text(encoding="utf-8"))
    VALIDATOR.validate(report)
    assert report and {issue["severity"] for issue in report} == {"minor"}
    assert capsys.readouterr().out == ""  # the "ok" line goes to stderr with --format gitlab
    clean = lay_out_case(CASES / "valid" / "base", tmp_path / "clean")
    monkeypatch.chdir(clean)
    assert main(["validate", "--format", "gitlab"]) == 0
    assert json.loads(capsys.readouterr().out) == []


def test_the_fingerprint_survives_a_moved_line_and_tells_twins_apart():
    one = Problem("data/status/a.yaml", 3, 5, "obligations[0].done", "not a valid date")
    moved = Problem("data/status/a.yaml", 9, 5, "obligations[0].done", "not a valid date")
    twin = Problem("data/status/a.yaml", 12, 5, "obligations[0].done", "not a valid date")
    [first] = json.loads(code_quality([one]))
    [again] = json.loads(code_quality([moved]))
    assert first["fingerprint"] == again["fingerprint"]
    assert first["check_name"] == "duban/obligations[].done"
    both = json.loads(code_quality([one, twin]))
    assert both[0]["fingerprint"] != both[1]["fingerprint"]


def test_paths_are_relative_to_the_repository_root():
    assert repository_path("/srv/repo/data/org.yaml", "/srv/repo") == "data/org.yaml"
    assert repository_path("./data/org.yaml", "/srv/repo") == "data/org.yaml"
    assert repository_path("data\\status\\a.yaml", "/srv/repo") == "data/status/a.yaml"
    hostile = Problem("data/a\nb.yaml", 1, 1, "x\u202e", "m")
    [issue] = json.loads(code_quality([hostile], "/"))
    assert "\u202e" not in issue["check_name"]
