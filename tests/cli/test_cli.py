"""The command line as a user meets it: exit codes, one line per problem, never a traceback."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from jsonschema import Draft202012Validator

from duban.cli.main import main
from helpers import CASES, ROOT, lay_out_case


def run(*args: str, cwd: Path, env: dict[str, str] | None = None) -> subprocess.CompletedProcess:
    environment = {k: v for k, v in os.environ.items() if k != "GITHUB_ACTIONS"}
    environment.update(env or {})
    return subprocess.run(
        [sys.executable, "-m", "duban", *args],
        cwd=cwd,
        env=environment,
        capture_output=True,
        text=True,
        timeout=120,
    )


def test_validate_the_shipped_data_succeeds():
    result = run("validate", cwd=ROOT)
    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith("ok: ")
    assert "17 tasks" in result.stdout


def test_validate_reports_every_problem_of_every_file_and_exits_1(tmp_path):
    project = lay_out_case(CASES / "invalid" / "unknown-unit", tmp_path / "p")
    # break a second, unrelated file as well: both must be reported in one run
    status = project / "data" / "status" / "alpha.yaml"
    status.write_text(status.read_text(encoding="utf-8").replace("2010-06-20", "2010-02-30"))
    result = run("validate", cwd=project)
    assert result.returncode == 1
    assert result.stdout == ""
    assert result.stderr.splitlines() == [
        "data/plans/test-plan/tasks/01.yaml:9:32: roles.responsible[2]: '丙区司法局' is not a "
        "unit, group or body in org.yaml",
        "data/status/alpha.yaml:6:11: obligations[0].done: '2010-02-30' is not a real date",
        "2 problems in 2 files",
    ]


def test_in_github_actions_problems_are_also_annotations(tmp_path):
    project = lay_out_case(CASES / "invalid" / "http-link", tmp_path / "p")
    result = run("validate", cwd=project, env={"GITHUB_ACTIONS": "true"})
    assert result.returncode == 1
    assert result.stdout.splitlines() == [
        "::error file=data/status/alpha.yaml,line=9,col=14::obligations[0].evidence[0].url: "
        "must be an https:// link without spaces or quotes (got 'http://example.org/a.pdf')"
    ]


@pytest.mark.parametrize("case", sorted(p.name for p in (CASES / "invalid").iterdir()))
def test_no_broken_input_produces_a_traceback(case, tmp_path, monkeypatch, capsys):
    """Every invalid case through the command's entry point, in this process (an exception
    escaping main() fails the test); the next test holds one case to the same promise in a
    real process."""
    project = lay_out_case(CASES / "invalid" / case, tmp_path / "p")
    monkeypatch.chdir(project)
    monkeypatch.delenv("GITHUB_ACTIONS", raising=False)
    assert main(["validate"]) == 1
    captured = capsys.readouterr()
    assert captured.out == ""
    assert "Traceback" not in captured.err
    lines = captured.err.splitlines()
    assert lines[-1].endswith(("file", "files"))
    assert all(line.startswith("data") for line in lines[:-1]), lines
    assert main(["export", "json"]) == 1  # export refuses invalid data the same way
    captured = capsys.readouterr()
    assert captured.out == ""
    assert captured.err.splitlines() == lines


def test_an_invalid_case_in_a_real_process_is_exit_1_and_one_line_per_problem(tmp_path):
    """End to end, as a user runs it: a real process, its real stderr, nothing escaping as a
    traceback; one line per problem of the case's expected.en.txt, then the count."""
    case = CASES / "invalid" / "records-ranking-grading-mistakes"  # 14 problems in 2 files
    project = lay_out_case(case, tmp_path / "p")
    result = run("validate", cwd=project)
    assert result.returncode == 1, result.stderr
    assert "Traceback" not in result.stderr
    assert result.stdout == ""
    expected = (case / "expected.en.txt").read_text(encoding="utf-8").splitlines()
    assert result.stderr.splitlines() == [*expected, "14 problems in 2 files"]


def test_a_missing_data_folder_is_one_line(tmp_path):
    result = run("validate", "--data", "nowhere", cwd=tmp_path)
    assert result.returncode == 1
    assert result.stderr.splitlines() == [
        "nowhere:1:1: is not a data folder",
        "1 problem in 1 file",
    ]


def test_a_wrong_command_line_exits_2_with_usage(tmp_path):
    result = run("frobnicate", cwd=tmp_path)
    assert result.returncode == 2
    assert "usage: duban" in result.stderr
    assert "Traceback" not in result.stderr


def test_export_json_matches_its_schema_and_resolves_roles():
    result = run("export", "json", cwd=ROOT)
    assert result.returncode == 0, result.stderr
    data = json.loads(result.stdout)
    schema = json.loads((ROOT / "schemas" / "export.schema.json").read_text(encoding="utf-8"))
    errors = [e.message for e in Draft202012Validator(schema).iter_errors(data)]
    assert errors == []
    task8 = next(t for t in data["tasks"] if t["number"] == 8)
    assert task8["roles"]["supervise"]["ref_ids"] == ["jijian-jiancha", "fagui-chu"]
    assert len(task8["roles"]["responsible"]["unit_ids"]) == 15  # 13 bureaus + office + divisions
    obligation = next(o for o in data["obligations"] if o["task_id"] == "xian-sfj-2010-zfgfh/08")
    assert "due" not in obligation  # format 3: the deadlines are the task's, named by due_ids
    task = next(t for t in data["tasks"] if t["id"] == obligation["task_id"])
    dues = {d["id"]: d for d in task["due"]}
    assert [dues[i]["occurrences"] for i in obligation["due_ids"]] == [
        [
            {
                "key": "",
                "due": "2010-06-30",
                "starts": "2010-01-01",
                "ends": None,
                "opens": None,
                "waiting": False,
            }
        ]
    ]
    assert data["plans"][0]["signed"] == "2010-05-11"


def test_export_to_a_file_writes_it_whole(tmp_path, monkeypatch, capsys):
    monkeypatch.chdir(ROOT)
    target = tmp_path / "out" / "plan.json"
    assert main(["export", "json", "-o", str(target)]) == 0
    assert json.loads(target.read_text(encoding="utf-8"))["format"] == "duban-export/4"
    assert [p.name for p in target.parent.iterdir()] == ["plan.json"]  # no temporary left over


def test_an_internal_error_is_one_line_not_a_traceback(monkeypatch, capsys):
    import duban.cli.common as common

    def explode(*args, **kwargs):
        raise RuntimeError("boom")

    monkeypatch.setattr(common, "load_project", explode)
    monkeypatch.delenv("DUBAN_DEBUG", raising=False)
    assert main(["validate", "--data", str(ROOT / "data")]) == common.EXIT_INTERNAL
    err = capsys.readouterr().err
    assert err.splitlines()[0] == "duban: internal error: RuntimeError: boom"
    assert "Traceback" not in err


def test_a_folder_in_the_first_layout_is_told_what_to_move_where(tmp_path):
    data = tmp_path / "data"
    (data / "tasks").mkdir(parents=True)
    for name in ("plan.yaml", "org.yaml", "rules.yaml", "tasks/01.yaml"):
        (data / name).write_text("id: x\n", encoding="utf-8")
    result = run("validate", cwd=tmp_path)
    assert result.returncode == 1
    hint = "(<plan-id> is the plan's id; see docs/data-format.md)"
    assert result.stderr.splitlines() == [
        f"data/plan.yaml:1:1: this data folder uses the first layout: move it to "
        f"plans/<plan-id>/plan.yaml {hint}",
        f"data/tasks:1:1: this data folder uses the first layout: move it to "
        f"plans/<plan-id>/tasks/ {hint}",
        f"data/rules.yaml:1:1: this data folder uses the first layout: move it to "
        f"plans/<plan-id>/rules.yaml {hint}",
        "3 problems in 3 files",
    ]


def test_the_export_formats_offered_are_the_formats_exported():
    """cli/main.py names the formats without importing cli/export.py (whose writers load the
    spreadsheet libraries): the two lists must stay the same."""
    from duban.cli.export import EXPORTERS
    from duban.cli.office_arguments import EXPORT_FORMATS

    assert sorted(EXPORT_FORMATS) == sorted(EXPORTERS)
