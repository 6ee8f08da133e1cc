"""Implausible reported dates: a completion date more than a year before the plan was signed
(1900-01-01 counted as 按期完成) or more than a week after the day of the report (9999-12-31) is
refused by the workbook, ``duban record`` and the issue form; the validator refuses the first in
a status file edited by hand (it reads no clock, so the second is intake's alone). One rule:
``model.status.earliest_report`` and ``latest_report``."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from duban.cli import main as cli
from duban.i18n.messages import translate
from duban.intake.changes import apply_changes
from duban.intake.rows import Row
from duban.load.project import load_project
from duban.model.status import (
    REPORT_LEAD_YEARS,
    REPORT_SKEW_DAYS,
    earliest_report,
    latest_report,
)
from helpers import CASES, lay_out_case

# the base case's plan was signed on 2010-05-11; alpha reports task 01 (done 2010-06-20)
SIGNED = dt.date(2010, 5, 11)
AS_OF = dt.date(2011, 3, 1)
STATUS = Path("data/status/alpha.yaml")


@pytest.fixture
def base(tmp_path, monkeypatch) -> Path:
    project = lay_out_case(CASES / "valid" / "base", tmp_path / "project")
    monkeypatch.chdir(project)
    return project


def _apply(day: str, as_of: dt.date = AS_OF) -> tuple[str | None, list[str]]:
    model = load_project(Path("data")).model
    assert model is not None
    row = Row(3, {"unit": "alpha", "task": "01", "state": "已完成", "done": day})
    text, _, refused = apply_changes(model, "alpha", STATUS, [row], as_of)
    return text, refused


def test_the_bounds():
    assert (REPORT_LEAD_YEARS, REPORT_SKEW_DAYS) == (1, 7)
    assert earliest_report(SIGNED) == dt.date(2009, 5, 11)
    assert earliest_report(dt.date(2012, 2, 29)) == dt.date(2011, 2, 28)
    assert earliest_report(dt.date(1, 6, 1)) == dt.date.min
    assert latest_report(AS_OF) == dt.date(2011, 3, 8)
    assert latest_report(dt.date.max) == dt.date.max


@pytest.mark.parametrize("day", ["1900-01-01", "1970-01-01", "2009-05-10"])
def test_a_completion_long_before_the_plan_is_refused(base, day, monkeypatch):
    monkeypatch.setenv("DUBAN_LANG", "zh")
    text, refused = _apply(day)
    assert text is None
    assert refused == [
        f"第 3 行：完成日期 {day} 早于 2009-05-11（方案 2010-05-11 印发前一年），"
        "不可能是本方案任务的完成日期：请填写工作实际完成的日期，如 2011-03-01"
    ]


@pytest.mark.parametrize("day", ["9999-12-31", "2011-03-09", "2030-01-01"])
def test_a_completion_after_the_day_of_the_report_is_refused(base, day, monkeypatch):
    monkeypatch.setenv("DUBAN_LANG", "en")
    text, refused = _apply(day)
    assert text is None
    assert refused == [
        f"row 3: 完成日期 {day} is after 2011-03-08, a week after the day of this report "
        "(2011-03-01): write the day the work was done; work not yet done is 推进中"
    ]


@pytest.mark.parametrize("day", ["2009-05-11", "2010-06-01", "2011-03-01", "2011-03-08"])
def test_a_completion_within_the_bounds_is_taken(base, day):
    text, refused = _apply(day)
    assert refused == [] and text is not None and f"done: {day}" in text


def test_duban_record_refuses_1900_and_changes_nothing(base, capsys):
    before = STATUS.read_bytes()
    args = ["--lang", "zh", "record", "alpha", "01", "--state", "已完成", "--date", "1900-01-01"]
    assert cli.main(args) == 1
    err = capsys.readouterr().err
    assert "完成日期 1900-01-01 早于 2009-05-11（方案 2010-05-11 印发前一年）" in err
    args[-1] = "9999-12-31"
    assert cli.main(args) == 1
    assert "完成日期 9999-12-31 晚于" in capsys.readouterr().err
    assert STATUS.read_bytes() == before


FORM = """### 单位标识

alpha

### 任务

01

### 状态

已完成

### 完成日期

1900-01-01
"""


def test_the_issue_form_refuses_1900(base, tmp_path, capsys):
    body = tmp_path / "body.md"
    body.write_text(FORM, encoding="utf-8")
    before = STATUS.read_bytes()
    assert cli.main(["--lang", "zh", "record", "--issue-form", str(body)]) == 1
    assert "完成日期 1900-01-01 早于 2009-05-11" in capsys.readouterr().err
    assert STATUS.read_bytes() == before


@pytest.mark.parametrize(
    ("old", "new", "field"),
    [
        ("done: 2010-06-20", "done: 1900-01-01", "obligations[0].done"),
        ("done: 2010-11-02", "done: 2009-05-10", "obligations[1].done"),
        ("- date: 2011-03-01", "- date: 1900-01-01", "obligations[2].updates[0].date"),
    ],
)
def test_the_validator_refuses_a_date_long_before_the_plan(base, old, new, field):
    text = STATUS.read_text(encoding="utf-8")
    assert old in text
    STATUS.write_text(text.replace(old, new, 1), encoding="utf-8")
    project = load_project(Path("data"))
    assert not project.ok
    [problem] = project.problems
    day = new.rsplit(" ", 1)[1]
    assert (problem.field, problem.message) == (
        field,
        f"{day} is before 2009-05-11, a year before the plan was signed (2010-05-11): "
        "write the day the work was done",
    )
    assert translate(problem.message, "zh").startswith(f"{day} 早于 2009-05-11（方案 2010-05-11")


def test_the_validator_takes_a_date_a_year_before_signing_and_far_future_dates(base):
    """The validator reads no clock: a date after the day of a report is intake's to refuse
    (the evaluation counts a completion only from its date on)."""
    text = STATUS.read_text(encoding="utf-8")
    text = text.replace("done: 2010-06-20", "done: 2009-05-11").replace(
        "done: 2010-11-02", "done: 9999-12-31"
    )
    STATUS.write_text(text, encoding="utf-8")
    assert load_project(Path("data")).ok
