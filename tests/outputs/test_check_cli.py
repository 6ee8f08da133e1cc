"""``duban check``, ``duban report overdue-issue`` and ``duban export ics`` as CI and the
supervising office run them: formats (golden files), exit codes, GitHub files, bad input."""

from __future__ import annotations

import datetime as dt
import json
import os
from pathlib import Path

import pytest

from duban.cli.main import main
from duban.evaluation.check_report import check_report
from duban.evaluation.evaluate import evaluate
from duban.load.project import load_project
from duban.outputs.check_markdown import render_overdue_issue
from helpers import CASES, ROOT, lay_out_case

GOLDEN = ROOT / "tests" / "golden"
AS_OF = "2011-03-15"
SITE = "https://example.org/duban/"


def assert_golden(name: str, text: str) -> None:
    """Compare with tests/golden/<name>; DUBAN_UPDATE_GOLDEN=1 rewrites it (review the diff)."""
    path = GOLDEN / name
    if os.environ.get("DUBAN_UPDATE_GOLDEN"):
        path.parent.mkdir(exist_ok=True)
        path.write_bytes(text.encode("utf-8"))
    assert text == path.read_bytes().decode("utf-8")


@pytest.fixture
def supervision(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    project = lay_out_case(CASES / "valid" / "supervision", tmp_path / "project")
    monkeypatch.chdir(project)
    monkeypatch.delenv("GITHUB_ACTIONS", raising=False)
    monkeypatch.delenv("GITHUB_STEP_SUMMARY", raising=False)
    monkeypatch.delenv("GITHUB_OUTPUT", raising=False)
    return project


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


# -- formats ---------------------------------------------------------------------------------
def test_text_lists_items_by_unit_with_supervisors_and_escalation(supervision, capsys):
    code, out, err = run(capsys, "check", "--as-of", AS_OF)
    assert (code, err) == (0, "")
    assert_golden("check.txt", out)
    last = out.splitlines()[-1]
    assert last.startswith("逾期 5 项（其中未报送 5 项），临期 2 项，标记 1 个（截至 2011-03-15）")


def test_json_has_counts_and_every_item(supervision, capsys):
    code, out, _ = run(capsys, "check", "--as-of", AS_OF, "--format", "json")
    assert code == 0
    assert_golden("check.json", out)
    data = json.loads(out)
    assert data["counts"] == {
        "overdue": 5,
        "overdue_reported": 0,
        "overdue_not_reported": 5,
        "due_soon": 2,
        "flags": 1,
    }
    # 13: shifan-b reported its rectification done on 2011-03-20, after the as-of date
    assert (data["summary"]["nothing_reported"], data["summary"]["reported"]) == (False, 13)
    assert (data["fail_on"], data["fails"]) == ("never", False)
    beta = next(u for u in data["units"] if u["id"] == "beta")
    first = beta["items"][0]
    assert (first["task"], first["days_late"], first["file"], first["line"]) == (
        "01",
        258,
        "plans/test-plan/tasks/01.yaml",
        12,
    )
    assert first["escalation"]["stage"] == "notified"
    assert first["supervisors"] == [{"id": "fagui-chu", "name": "市局法规处"}]


def test_markdown_escapes_data_and_links_the_site(supervision, capsys):
    code, out, _ = run(capsys, "check", "--as-of", AS_OF, "--format", "markdown")
    assert code == 0
    assert_golden("check.md", out)


def test_github_annotations_point_at_the_defining_line(supervision, capsys, tmp_path):
    summary = tmp_path / "summary.md"
    summary.write_text("earlier step\n", encoding="utf-8")
    os.environ["GITHUB_STEP_SUMMARY"] = str(summary)
    try:
        code, out, _ = run(capsys, "check", "--as-of", AS_OF, "--format", "github")
    finally:
        del os.environ["GITHUB_STEP_SUMMARY"]
    assert code == 0
    assert_golden("check-github.txt", out)
    lines = out.splitlines()
    assert sum(line.startswith("::error file=") for line in lines) == 5
    assert sum(line.startswith("::warning file=") for line in lines) == 2
    # with a status entry, the annotation points at it; without, at the task's deadline entry
    assert "::warning file=data/status/shizhi.yaml,line=4," in out
    assert "::error file=data/plans/test-plan/tasks/01.yaml,line=12," in out
    written = summary.read_text(encoding="utf-8")
    assert written.startswith("earlier step\n## 督办检查：截至 2011-03-15")


def test_the_overdue_issue_body_and_its_workflow_outputs(supervision, capsys, tmp_path):
    outputs = tmp_path / "outputs"
    os.environ["GITHUB_OUTPUT"] = str(outputs)
    try:
        code, out, _ = run(capsys, "report", "overdue-issue", "--as-of", AS_OF, "--site-url", SITE)
    finally:
        del os.environ["GITHUB_OUTPUT"]
    assert code == 0
    assert_golden("overdue-issue.md", out)
    assert "https://example.org/duban/units/beta.html" in out
    assert "https://example.org/duban/plans/test-plan/tasks/01.html" in out
    assert "还剩" not in out  # due-soon items are not part of the overdue issue
    assert outputs.read_text(encoding="utf-8").splitlines() == [
        "overdue=5",
        "title=督办：5 项逾期未完成（截至 2011-03-15）",
    ]


def test_nothing_overdue_gives_an_issue_body_with_zero(supervision, capsys, tmp_path):
    code, out, _ = run(capsys, "report", "overdue-issue", "--as-of", "2010-05-01", "-o", "b.md")
    assert (code, out) == (0, "")
    assert "共有 **0** 项逾期未完成" in Path("b.md").read_text(encoding="utf-8")


# -- exit codes ------------------------------------------------------------------------------
@pytest.mark.parametrize(
    ("as_of", "fail_on", "expected"),
    [
        (AS_OF, None, 0),  # the default never blocks a pull request
        (AS_OF, "never", 0),
        (AS_OF, "overdue", 1),
        (AS_OF, "due-soon", 1),
        ("2010-06-15", "overdue", 0),  # only due-soon items then
        ("2010-06-15", "due-soon", 1),
        ("2010-01-01", "due-soon", 0),  # nothing within 30 days
    ],
)
def test_exit_code_follows_fail_on(supervision, capsys, as_of, fail_on, expected):
    argv = ["check", "--as-of", as_of] + (["--fail-on", fail_on] if fail_on else [])
    assert run(capsys, *argv)[0] == expected


def test_due_soon_window_is_configurable(supervision, capsys):
    argv = ("check", "--as-of", "2010-06-15", "--fail-on", "due-soon")
    assert run(capsys, *argv, "--due-soon-days", "10")[0] == 0
    assert run(capsys, *argv, "--due-soon-days", "15")[0] == 1


@pytest.mark.parametrize("bad", ["2011-02-30", "2011-3-15", "tomorrow", "2011-03-15\n"])
def test_an_invalid_as_of_is_one_line_and_exit_2(supervision, capsys, bad):
    code, out, err = run(capsys, "check", "--as-of", bad)
    assert (code, out) == (2, "")
    assert err.splitlines() == [
        f"duban check: --as-of: {bad!r} is not a valid date (write YYYY-MM-DD)"
    ]


def test_invalid_data_exits_2_with_the_validators_messages(supervision, capsys):
    Path("data/records/fagui-chu.yaml").write_text("unit: fagui-chu\nactions: 3\n", "utf-8")
    code, out, err = run(capsys, "check", "--as-of", AS_OF)
    assert (code, out) == (2, "")
    assert err.splitlines() == [
        "data/records/fagui-chu.yaml:2:10: actions: must be a list, not 3",
        "1 problem in 1 file",
    ]
    assert run(capsys, "report", "overdue-issue", "--as-of", AS_OF)[0] == 2


def test_the_shipped_plan_checks_cleanly(capsys, monkeypatch):
    monkeypatch.chdir(ROOT)
    code, out, err = run(capsys, "check", "--as-of", "2010-05-01", "--format", "json")
    assert (code, err) == (0, "")
    data = json.loads(out)
    assert data["counts"]["overdue"] == 0  # nothing in the seed falls due before 2010-05-31
    code, out, _ = run(capsys, "check", "--as-of", "2013-01-01", "--fail-on", "overdue")
    assert code == 1  # no status recorded: everything is late by 2013
    assert "（八）健全内部执法监督机制 · 到期 2010-06-30 · 监督单位：纪检监察室、市局法规处" in out


# -- calendar --------------------------------------------------------------------------------
def test_unit_calendar_golden(supervision, capsys):
    code, out, _ = run(capsys, "export", "ics", "--unit", "beta", "--as-of", AS_OF)
    assert code == 0
    assert_golden("calendar-beta.ics", out.replace("\r\n", "\n"))


def test_export_ics_writes_crlf_files_and_rejects_unknown_units(supervision, capsys):
    assert run(capsys, "export", "ics", "-o", "plan.ics")[0] == 0
    raw = Path("plan.ics").read_bytes()
    assert raw.startswith(b"BEGIN:VCALENDAR\r\n") and raw.endswith(b"END:VCALENDAR\r\n")
    assert b"\n" not in raw.replace(b"\r\n", b"")
    code, out, err = run(capsys, "export", "ics", "--unit", "nobody")
    assert (code, out) == (2, "")
    assert err == "duban export: --unit: 'nobody' is not a unit or group in org.yaml\n"


def test_a_long_overdue_list_stays_under_githubs_issue_size_limit(monkeypatch):
    monkeypatch.chdir(ROOT)
    model = load_project(Path("data")).model
    report = check_report(model, evaluate(model, dt.date(2013, 1, 1)), only_overdue=True)
    whole = render_overdue_issue(report, SITE)
    assert len(whole) < 65_536 and "篇幅所限" not in whole
    short = render_overdue_issue(report, SITE, budget=2_000)
    listed = short.count("\n- **逾期")
    assert 0 < listed < report.overdue
    assert f"……另有 {report.overdue - listed} 项因篇幅所限未列出" in short


def test_the_site_and_the_check_report_name_the_same_supervisors():
    from duban.evaluation.check_report import supervisors_of
    from duban.load.project import load_project
    from duban.site.names import supervisors

    for data in ("tests/fixtures/demo/data", "examples/county/data"):
        model = load_project(ROOT / data).model
        assert model is not None
        for task in model.all_in_order():
            on_site = [r.ref_id for r in supervisors(model, task)]
            in_report = [h.id for h in supervisors_of(model, task)[1]]
            assert on_site == in_report, task.id


def test_the_step_summary_of_a_province_stays_under_githubs_limit(tmp_path, monkeypatch, capsys):
    """GitHub drops a step summary over 1 MiB whole: at province scale the items beyond the
    budget are counted in one line, and the annotations still name every item."""
    from generate import Repository  # tests/benchmarks, on pytest's pythonpath

    data = Repository(160, 2, seed=1).write(tmp_path / "province")
    summary = tmp_path / "summary.md"
    monkeypatch.setenv("GITHUB_STEP_SUMMARY", str(summary))
    monkeypatch.setattr("duban.cli.check.SUMMARY_BUDGET", 20_000)  # 160 units stand in for 1,500
    code, out, _ = run(
        capsys, "check", "--data", str(data), "--as-of", "2024-11-30", "--format", "github"
    )
    assert code == 0
    written = summary.read_text(encoding="utf-8")
    assert len(written) < 20_000 + 1_000
    annotations = sum(line.startswith(("::error ", "::warning ")) for line in out.splitlines())
    listed = written.count("\n- ")
    left_out = int(written.split("……另有 ")[1].split(" 项")[0])
    assert listed + left_out == annotations > 1_000


def test_the_overdue_issue_keeps_flags_within_githubs_limit(supervision):
    project = load_project(Path("data"))
    report = check_report(project.model, evaluate(project.model, dt.date.fromisoformat(AS_OF)))
    assert report.flags, "the supervision case raises flags"
    full = render_overdue_issue(report, SITE)
    tight = render_overdue_issue(report, SITE, budget=len(full) // 3)
    assert len(tight) < len(full) and "因篇幅所限未列出" in tight
