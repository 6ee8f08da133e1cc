"""Follow-up deadlines (限期整改) reach the clerk: a deadline the office's records set for a unit is
a row of its workbook, a ``duban record --period`` and an issue form, and once reported it is no
longer overdue in ``duban check``. What a unit can report is, occurrence for occurrence, what the
evaluation counts for it (one enumeration: ``evaluation.evaluate.occurrences_of``)."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest
from openpyxl import load_workbook

from duban.cli import main as cli
from duban.evaluation.evaluate import evaluate
from duban.intake.changes import apply_changes
from duban.intake.rows import Row
from duban.intake.targets import report_targets
from duban.load.project import load_project
from helpers import CASES, lay_out_case

# In the supervision case 丙示范单位 (shifan-c) failed the 2010 and 2011 inspections: the grades
# in data/records/bangongshi.yaml set its 限期整改 deadlines 2011-02-28 (period 2010, set on
# 2010-12-15) and 2012-02-29 (period 2011, set on 2011-12-15). It has reported neither.
UNIT = "shifan-c"
STATUS = Path("data/status/shifan-c.yaml")
AS_OF = "2012-06-01"


@pytest.fixture
def supervision(tmp_path, monkeypatch) -> Path:
    project = lay_out_case(CASES / "valid" / "supervision", tmp_path / "project")
    monkeypatch.chdir(project)
    STATUS.write_text(f"unit: {UNIT}\nobligations: []\n", encoding="utf-8")
    return project


def _overdue(capsys) -> set[tuple[str, str, str]]:
    """(task, due, period) of what ``duban check`` lists as overdue for the unit."""
    capsys.readouterr()
    cli.main(["check", "--format", "json", "--as-of", AS_OF])
    report = json.loads(capsys.readouterr().out)
    items = [i for u in report["units"] if u["id"] == UNIT for i in u["items"]]
    return {(i["task"], i["due"], i["period"]) for i in items if i["state"] == "overdue"}


FOLLOW_UPS = {("05", "rectification", "2010"), ("05", "rectification", "2011")}


def test_a_follow_up_is_reported_through_the_workbook(supervision, tmp_path, capsys):
    assert _overdue(capsys) >= FOLLOW_UPS
    path = tmp_path / f"{UNIT}.xlsx"
    assert cli.main(["export", "xlsx", "--unit", UNIT, "-o", str(path)]) == 0
    book = load_workbook(path)
    sheet = book["进展填报"]
    rows = {
        tuple(sheet.cell(row=r, column=c).value for c in (17, 19, 20)): r
        for r in range(2, sheet.max_row + 1)
    }
    assert set(rows) == {("05", "rectification", "2010"), ("05", "rectification", "2011")}
    first = rows["05", "rectification", "2010"]
    # 事项, 时段, 完成时限 in words; the ids (任务, 时限标识, 期次) are hidden at the end
    shown = [sheet.cell(row=first, column=c).value for c in (3, 4, 5)]
    assert shown == ["限期整改", "2010年", "2011年2月28日"]
    sheet.cell(row=first, column=7).value = "已完成"
    sheet.cell(row=first, column=8).value = dt.datetime(2011, 2, 20)
    sheet.cell(row=first, column=10).value = "已整改并申请复查。"
    second = rows["05", "rectification", "2011"]
    sheet.cell(row=second, column=7).value = "推进中"
    sheet.cell(row=second, column=9).value = 50
    book.save(path)
    capsys.readouterr()
    assert cli.main(["import", str(path)]) == 0, capsys.readouterr().err
    text = STATUS.read_text(encoding="utf-8")
    assert '    period: "2010"\n    state: done\n    done: 2011-02-20\n' in text
    assert '    period: "2011"\n    state: in-progress\n    progress: 50\n' in text
    assert load_project(Path("data")).ok
    assert _overdue(capsys) & FOLLOW_UPS == {("05", "rectification", "2011")}
    assert cli.main(["import", str(path)]) == 0
    assert "no changes" in capsys.readouterr().out
    assert STATUS.read_text(encoding="utf-8") == text


def test_a_follow_up_is_reported_with_duban_record(supervision, capsys):
    record = ["record", UNIT, "05", "--due", "rectification", "--state", "已完成"]
    assert cli.main(["--lang", "zh", *record, "--date", "2012-03-10"]) == 1
    err = capsys.readouterr().err
    assert "限期整改须填写期次（--period）" in err and "2010、2011" in err
    assert cli.main(["--lang", "zh", *record, "--period", "2012", "--date", "2012-03-10"]) == 1
    assert "期次“2012”不对" in capsys.readouterr().err
    assert STATUS.read_text(encoding="utf-8") == f"unit: {UNIT}\nobligations: []\n"
    assert cli.main([*record, "--period", "2011", "--date", "2012-03-10"]) == 0
    assert '    period: "2011"\n    state: done\n' in STATUS.read_text(encoding="utf-8")
    assert load_project(Path("data")).ok
    assert _overdue(capsys) & FOLLOW_UPS == {("05", "rectification", "2010")}


FORM = """### 单位标识

shifan-c

### 任务

05

### 时限标识

rectification

### 期次

2010

### 状态

已完成

### 完成日期

2011-02-25

### 工作进展

已按检查意见整改完毕。
"""


def test_a_follow_up_is_reported_with_the_issue_form(supervision, tmp_path, capsys):
    body = tmp_path / "body.md"
    body.write_text(FORM, encoding="utf-8")
    assert cli.main(["record", "--issue-form", str(body)]) == 0, capsys.readouterr().err
    assert "    done: 2011-02-25\n" in STATUS.read_text(encoding="utf-8")
    assert load_project(Path("data")).ok
    assert _overdue(capsys) & FOLLOW_UPS == {("05", "rectification", "2011")}


def test_a_follow_up_exists_for_the_clerk_from_the_day_it_is_set(supervision):
    model = load_project(Path("data")).model

    def periods(day: dt.date) -> list[str]:
        return [t.period for t, _ in report_targets(model, UNIT, day)]

    assert periods(dt.date(2010, 12, 14)) == []
    assert periods(dt.date(2010, 12, 15)) == ["2010"]
    assert periods(dt.date(2011, 12, 15)) == ["2010", "2011"]
    row = Row(0, {"unit": UNIT, "task": "05", "state": "done", "done": "2011-02-20"})
    text, _, refused = apply_changes(model, UNIT, STATUS, [row], dt.date(2010, 12, 1))
    assert text is None and len(refused) == 1
    assert "no follow-up deadline" in refused[0] and "nothing to report" in refused[0]


@pytest.mark.parametrize("case", ["base", "supervision"])
def test_what_a_unit_can_report_is_what_the_evaluation_counts(case, tmp_path):
    model = load_project(lay_out_case(CASES / "valid" / case, tmp_path / "p") / "data").model
    for day in (dt.date(2010, 6, 1), dt.date(2011, 6, 1), dt.date(2013, 1, 1)):
        evaluation = evaluate(model, day)
        for unit in [*model.units, *model.groups]:
            counted = {(i.task_id, i.due_id, i.key) for i in evaluation.for_holder(unit)}
            reported = {
                (t.task.id, t.due_id, t.period) for t, _ in report_targets(model, unit, day)
            }
            assert reported == counted, (unit, day)


def test_a_unit_without_a_status_file_is_told_how_to_start_one(supervision, capsys):
    STATUS.unlink()
    args = ["record", UNIT, "05", "--due", "rectification", "--period", "2010", "--state", "推进中"]
    assert cli.main(["--lang", "zh", *args]) == 2
    assert f"请先建立该文件，写入两行“unit: {UNIT}”和“obligations: []”" in capsys.readouterr().err
    STATUS.write_text(f"unit: {UNIT}\nobligations: []\n", encoding="utf-8")
    assert cli.main(args) == 0
    assert load_project(Path("data")).ok
