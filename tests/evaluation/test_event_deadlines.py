"""Deadlines counted from an event (kind: after), windows (kind: window), working days with the
official make-up days, and nothing owed before the plan was signed (issue 19, parts 4, 6, 8).

The expected dates below were computed by hand from the State Council notice before the code
was run: 国务院办公厅关于2024年部分节假日安排的通知 (国办发明电〔2023〕7号, 2023-10-25):
春节 2月10日至17日放假调休，2月4日（星期日）、2月18日（星期日）上班; 国庆节 10月1日至7日放假调休，
9月29日（星期日）、10月12日（星期六）上班. The event's own day is never counted.
"""

from __future__ import annotations

import datetime as dt
import shutil
import textwrap
from pathlib import Path

import pytest

from duban.cli.main import main
from duban.evaluation.evaluate import ItemState, State, evaluate
from duban.i18n.messages import translate
from duban.intake.targets import report_targets
from duban.intake.workbook_export import deadline_words
from duban.load.project import load_project
from duban.model import deadlines
from duban.model.model import Model
from duban.model.plan import After
from helpers import BASE

D = dt.date

PLAN = """\
id: test-plan
title: 测试实施方案
issuer: 市局
signed: 2024-02-01
{published}period:
  start: 2024-01-01
  end: 2024-12-31
sections:
  - number: 1
    numeral: 一
    title: 第一部分
  - number: 2
    numeral: 二
    title: 第二部分
"""

TASK = """\
id: "01"
number: 1
section: 1
title: 落实
text: 各区县司法局落实。
roles:
  responsible: [各区县司法局]
due:
  - id: published-30
    kind: after
    as_written: 自印发之日起30日内
    after: {event: published, days: 30}
  - id: signed-2wd
    kind: after
    as_written: 成文后2个工作日内
    after: {event: signed, days: 2, working_days: true}
  - id: signed-3m
    kind: after
    as_written: 本方案印发后3个月内
    after: {event: signed, months: 3}
  - id: notice
    kind: date
    date: 2024-02-08
  - id: notice-5wd
    kind: after
    as_written: 收到通知后5个工作日内
    after: {event: notice, days: 5, working_days: true}
  - id: notice-15wd
    kind: after
    after: {event: notice, days: 15, working_days: true}
  - id: week
    kind: window
    as_written: 12月4日前后
    around: {date: 2024-12-04, days: 3}
  - id: fair
    kind: window
    window: {from: 2024-09-01, to: 2024-09-30}
  - id: monthly
    kind: recurring
    every: month
"""


def _project(tmp_path: Path, status: str = "", published: str = "", task: str = TASK) -> Path:
    project = tmp_path / "project"
    shutil.copytree(BASE, project)
    plan = project / "data" / "plans" / "test-plan"
    (plan / "plan.yaml").write_text(PLAN.format(published=published), "utf-8")
    for old in (plan / "tasks").iterdir():
        old.unlink()
    (plan / "tasks" / "01.yaml").write_text(task, "utf-8")
    for old in (project / "data" / "status").iterdir():
        old.unlink()
    if status:
        body = "unit: beta\nobligations:\n" + textwrap.indent(textwrap.dedent(status), "  ")
        (project / "data" / "status" / "beta.yaml").write_text(body, "utf-8")
    return project


def _model(project: Path) -> Model:
    loaded = load_project(project / "data")
    assert [p.message for p in loaded.problems] == []
    assert loaded.model is not None
    return loaded.model


def _item(model: Model, as_of: D, due: str, key: str = "") -> ItemState:
    found = [
        i
        for i in evaluate(model, as_of).items
        if (i.holder_id, i.due_id, i.key) == ("beta", due, key)
    ]
    assert len(found) == 1, found
    return found[0]


# -- working days, by hand from the 2024 notice ------------------------------------------------
@pytest.mark.parametrize(
    ("event", "count", "expected"),
    [
        # Fri 2 Feb is the 1st; Sat 3 Feb is off; Sun 4 Feb is a make-up working day: the 2nd
        (D(2024, 2, 1), 2, D(2024, 2, 4)),
        # Fri 9 Feb (除夕, a working day) the 1st; 10-17 Feb off; Sun 18 Feb (make-up) the 2nd;
        # 19, 20, 21 Feb the 3rd to 5th
        (D(2024, 2, 8), 5, D(2024, 2, 21)),
        # 2 (1), 4 (2), 5-9 (3-7), 18 (8), 19-23 (9-13), 26 (14), 27 Feb (15)
        (D(2024, 2, 1), 15, D(2024, 2, 27)),
        # Sun 29 Sep (make-up) the 1st, Mon 30 Sep the 2nd, 1-7 Oct off, Tue 8 Oct the 3rd
        (D(2024, 9, 27), 3, D(2024, 10, 8)),
        # Sat 12 Oct 2024 is a make-up working day: the 1st after Fri 11 Oct
        (D(2024, 10, 11), 1, D(2024, 10, 12)),
    ],
)
def test_working_days_follow_the_official_notice(event, count, expected):
    assert deadlines.add_working_days(event, count) == expected


def test_a_year_the_calendar_does_not_know_is_an_error_not_a_guess():
    late = D(deadlines.LAST_YEAR, 12, 30)
    with pytest.raises(deadlines.WorkingDaysUnknown, match=str(deadlines.LAST_YEAR + 1)):
        deadlines.add_working_days(late, 10)
    # calendar days need no holiday calendar
    assert deadlines.due_after(late, After("signed", days=10)) == late + dt.timedelta(days=10)


def test_months_after_an_event_keep_the_day_or_take_the_month_end():
    assert deadlines.due_after(D(2024, 2, 1), After("signed", months=3)) == D(2024, 5, 1)
    assert deadlines.due_after(D(2024, 11, 30), After("signed", months=3)) == D(2025, 2, 28)


# -- states of event-relative deadlines ---------------------------------------------------------
def test_counted_from_publication_waits_until_the_plan_says_when(tmp_path):
    model = _model(_project(tmp_path))
    item = _item(model, D(2024, 12, 31), "published-30")
    assert item.state is State.WAITING
    assert (item.days_late, item.days_left) == (None, None)


def test_counted_from_publication_once_the_date_is_written(tmp_path):
    model = _model(_project(tmp_path, published="published: 2024-02-05\n"))
    # 5 Feb + 30 days = 6 Mar 2024 (29 days in February)
    assert _item(model, D(2024, 2, 4), "published-30").state is State.WAITING  # not yet issued
    item = _item(model, D(2024, 3, 6), "published-30")
    assert (item.due, item.state, item.days_left) == (D(2024, 3, 6), State.DUE_SOON, 0)
    item = _item(model, D(2024, 3, 7), "published-30")
    assert (item.state, item.days_late) == (State.OVERDUE, 1)


def test_working_days_from_signing_land_on_a_make_up_sunday(tmp_path):
    model = _model(_project(tmp_path))
    item = _item(model, D(2024, 2, 4), "signed-2wd")
    assert (item.due, item.state, item.days_left) == (D(2024, 2, 4), State.DUE_SOON, 0)
    assert _item(model, D(2024, 2, 5), "signed-2wd").state is State.OVERDUE
    item = _item(model, D(2024, 5, 2), "signed-3m")
    assert (item.due, item.state, item.days_late) == (D(2024, 5, 1), State.OVERDUE, 1)


def test_a_step_counted_from_another_waits_for_it_then_counts_across_spring_festival(tmp_path):
    waiting = _model(_project(tmp_path / "a"))
    assert _item(waiting, D(2024, 6, 1), "notice-5wd").state is State.WAITING
    assert _item(waiting, D(2024, 6, 1), "notice").state is State.OVERDUE
    done = _model(
        _project(
            tmp_path / "b",
            """\
            - {task: "01", due: notice, state: done, done: 2024-02-08}
            - {task: "01", due: notice-5wd, state: done, done: 2024-02-21}
            - {task: "01", due: notice-15wd, state: done, done: 2024-02-28}
            """,
        )
    )
    # the step's report is not known before its date: still waiting on 7 Feb
    assert _item(done, D(2024, 2, 7), "notice-5wd").state is State.WAITING
    soon = _item(done, D(2024, 2, 9), "notice-5wd")
    assert (soon.due, soon.state, soon.days_left) == (D(2024, 2, 21), State.DUE_SOON, 12)
    assert _item(done, D(2024, 3, 1), "notice-5wd").state is State.DONE_ON_TIME
    late = _item(done, D(2024, 3, 1), "notice-15wd")
    # 9 (1), 18 (2), 19-23 (3-7), 26 Feb-1 Mar (8-12), 4, 5, 6 Mar (13-15)
    assert (late.due, late.state) == (D(2024, 3, 6), State.DONE_ON_TIME)


def test_a_step_event_in_a_year_without_holidays_stops_the_command_with_one_line(tmp_path, capsys):
    year = deadlines.LAST_YEAR + 1
    plan = PLAN.replace("2024-02-01", f"{year - 1}-11-01").replace("2024-", f"{year - 1}-")
    plan = plan.replace(f"{year - 1}-12-31", f"{year}-12-31")
    task = TASK.replace("2024-", f"{year}-")
    project = _project(
        tmp_path,
        f'- {{task: "01", due: notice, state: done, done: {year}-02-08}}\n',
        task=task,
    )
    (project / "data" / "plans" / "test-plan" / "plan.yaml").write_text(
        plan.format(published=""), "utf-8"
    )
    data = str(project / "data")
    code = main(["check", "--lang", "zh", "--data", data, "--as-of", f"{year}-03-01"])
    err = capsys.readouterr().err
    assert code == 1
    assert err.count("\n") == 1, err
    assert f"{year} 年的法定节假日和调休安排" in err and "01.yaml:" in err
    assert "Traceback" not in err


def test_validate_reports_a_signing_date_in_a_year_the_calendar_lacks(tmp_path):
    year = deadlines.LAST_YEAR
    project = _project(tmp_path)
    # signed on 30 Dec: the 1st working day is the 31st, the 2nd falls in a year it lacks
    plan = PLAN.replace("signed: 2024-02-01", f"signed: {year}-12-30")
    plan = plan.replace("end: 2024-12-31", f"end: {year + 1}-12-31")
    (project / "data" / "plans" / "test-plan" / "plan.yaml").write_text(
        plan.format(published=""), "utf-8"
    )
    loaded = load_project(project / "data")
    found = [p for p in loaded.problems if f"working days in {year + 1}" in p.message]
    assert len(found) == 1, [p.message for p in loaded.problems]
    assert found[0].path.endswith("01.yaml") and found[0].line == 16
    assert found[0].field.endswith("after.working_days"), found[0].field


def test_a_step_must_be_another_one_off_deadline_of_the_task(tmp_path):
    task = TASK.replace("after: {event: notice, days: 15", "after: {event: monthly, days: 15")
    task = task.replace("after: {event: published, days: 30}", "after: {event: nothing, days: 30}")
    loaded = load_project(_project(tmp_path, task=task) / "data")
    messages = sorted(p.message for p in loaded.problems)
    assert len(messages) == 2, messages
    assert "'nothing' is not signed, published or another deadline of this task" in messages[0]
    assert messages[1] == "deadline 'monthly' is recurring: count only from a one-off step"


# -- windows ---------------------------------------------------------------------------------
@pytest.mark.parametrize(
    ("done", "state", "late"),
    [
        ("2024-11-30", State.DONE_EARLY, None),
        ("2024-12-01", State.DONE_ON_TIME, None),
        ("2024-12-07", State.DONE_ON_TIME, None),
        ("2024-12-08", State.DONE_LATE, 1),
    ],
)
def test_around_a_day_inside_is_on_time_before_is_early_after_is_late(tmp_path, done, state, late):
    status = f'- {{task: "01", due: week, state: done, done: {done}}}\n'
    model = _model(_project(tmp_path, status))
    item = _item(model, D(2024, 12, 31), "week")
    assert (item.due, item.state, item.days_late) == (D(2024, 12, 7), state, late)


def test_an_open_window_is_due_at_its_end(tmp_path):
    model = _model(_project(tmp_path))
    assert _item(model, D(2024, 9, 15), "fair").state is State.DUE_SOON
    assert _item(model, D(2024, 10, 1), "fair").days_late == 1


# -- nothing owed before the plan was signed --------------------------------------------------
def test_monthly_duties_start_at_signing(tmp_path):
    model = _model(_project(tmp_path))
    keys = [i.key for i in evaluate(model, D(2024, 12, 31)).items if i.due_id == "monthly"]
    assert keys[:2] == ["2024-02", "2024-03"]  # signed 1 Feb: no January report
    assert len(keys) == 2 * 11  # two county bureaus, February to December


def test_an_earlier_from_keeps_the_occurrences_but_none_before_signing_is_overdue(tmp_path):
    task = TASK.replace("every: month", "every: month\n    from: 2024-01-01")
    model = _model(_project(tmp_path, task=task))
    january = _item(model, D(2024, 6, 1), "monthly", "2024-01")
    assert (january.state, january.days_late) == (State.NOT_APPLICABLE, None)
    assert _item(model, D(2024, 6, 1), "monthly", "2024-02").state is State.OVERDUE
    done = _model(
        _project(
            tmp_path / "done",
            '- {task: "01", due: monthly, period: "2024-01", state: done, done: 2024-02-20}\n',
            task=task,
        )
    )
    assert _item(done, D(2024, 6, 1), "monthly", "2024-01").state is State.DONE_LATE


def test_a_waiting_occurrence_shows_no_placeholder_date_to_the_clerk(tmp_path):
    model = _model(_project(tmp_path))
    targets = report_targets(model, "beta", D(2024, 3, 1))
    words = {t.due.id: deadline_words(t) for t, _ in targets if t.due.kind == "after"}
    assert words == {
        "published-30": "自印发之日起30日内",  # its words, not the placeholder (the plan's end)
        "signed-2wd": "2024年2月4日",
        "signed-3m": "2024年5月1日",
        "notice-5wd": "收到通知后5个工作日内",
        "notice-15wd": "待触发（起算事件未发生）",  # no words written: the state's
    }


def test_a_plan_published_before_it_was_signed_is_refused_in_chinese(tmp_path):
    project = _project(tmp_path, published="published: 2024-01-20\n")
    loaded = load_project(project / "data")
    assert [(p.field, p.message) for p in loaded.problems] == [
        ("published", "is earlier than the date signed 2024-02-01")
    ]
    assert translate(loaded.problems[0].message, "zh") == "早于成文日期 2024-02-01"
    step = "deadline 'monthly' is recurring: count only from a one-off step"
    assert translate(step, "zh") == "时限 'monthly' 的类型是 recurring：只能从一次性的步骤起算"
