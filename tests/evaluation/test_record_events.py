"""Deadlines counted from a supervisor's records (after: {event: record, record: <kind>}):
每次检查后10个工作日内通报 gets one occurrence per recorded check, keyed by its date; none before
the first check (nothing owed, nothing overdue).

Dates computed by hand before the code ran, from 国办发明电〔2023〕7号 (2024 holidays: 国庆节
10月1日至7日放假，9月29日（星期日）、10月12日（星期六）上班): a check on Friday 2024-03-15 is due
10 working days later on 2024-03-29; a check on Friday 2024-09-27 is due on 2024-10-16
(9/29, 9/30, 10/8, 10/9, 10/10, 10/11, 10/12, 10/14, 10/15, 10/16)."""

from __future__ import annotations

import datetime as dt
import shutil
from pathlib import Path

from duban.evaluation.evaluate import evaluate
from duban.i18n.messages import translate
from duban.load.project import load_project
from helpers import ROOT

D = dt.date
PLAN = "qingshan-fzzf-2023"
TASK = f"{PLAN}/8-6"
DUE = """- id: tongbao
  label: 检查后通报
  kind: after
  as_written: 每次检查后10个工作日内通报检查情况
  after: {event: record, record: jiancha, days: 10, working_days: true}
"""
EVENTS = """events:
- event: jiancha
  date: "2024-03-15"
  task: "8-6"
  text: 检查配套细则落实情况。
- event: jiancha
  date: "2024-09-27"
  text: 全县法治政府建设督察检查。
"""
DONE = """- task: "8-6"
  due: tongbao
  period: "2024-03-15"
  state: done
  done: "2024-03-27"
"""


def _county(tmp_path: Path, *, events: str = EVENTS, done: str = DONE, due: str = DUE) -> Path:
    data = tmp_path / "data"
    shutil.copytree(ROOT / "examples" / "county" / "data", data)
    task = data / "plans" / PLAN / "tasks" / "8-6.yaml"
    text = task.read_text(encoding="utf-8")
    task.write_text(text.replace("note: 合成示例", due + "note: 合成示例"), encoding="utf-8")
    records = data / "records" / "yifa-ban.yaml"
    records.write_text(records.read_text(encoding="utf-8") + events, encoding="utf-8")
    status = data / "status" / "sifaju.yaml"
    status.write_text(status.read_text(encoding="utf-8") + done, encoding="utf-8")
    return data


def _states(data: Path, as_of: dt.date) -> list[tuple[str, str, dt.date, int | None]]:
    project = load_project(data)
    assert project.ok, [str(p) for p in project.problems]
    assert project.model is not None
    return [
        (i.key, i.state.value, i.due, i.days_late if i.state.value == "overdue" else None)
        for i in evaluate(project.model, as_of, 30).items
        if i.task_id == TASK and i.due_id == "tongbao"
    ]


def test_one_occurrence_per_recorded_check_none_before_the_first(tmp_path: Path) -> None:
    data = _county(tmp_path)
    assert _states(data, D(2024, 3, 14)) == []  # no check yet: nothing owed
    assert _states(data, D(2024, 3, 20)) == [("2024-03-15", "due-soon", D(2024, 3, 29), None)]
    assert _states(data, D(2024, 9, 26)) == [("2024-03-15", "done-on-time", D(2024, 3, 29), None)]
    # the plan-wide check (no task named) concerns 八（六） too; due after the National Day break
    assert _states(data, D(2024, 10, 20)) == [
        ("2024-03-15", "done-on-time", D(2024, 3, 29), None),
        ("2024-09-27", "overdue", D(2024, 10, 16), 4),
    ]


def _messages(data: Path) -> list[str]:
    return [f"{Path(p.path).name}: {p.field}: {p.message}" for p in load_project(data).problems]


def test_a_kind_no_deadline_counts_from_is_reported(tmp_path: Path) -> None:
    data = _county(
        tmp_path,
        events=EVENTS.replace('event: jiancha\n  date: "2024-09', 'event: ducha\n  date: "2024-09'),
    )
    found = _messages(data)
    message = (
        "yifa-ban.yaml: events[1].event: no deadline of this plan counts from records of kind "
        "'ducha' (write after.record: ducha on the deadline that does)"
    )
    assert message in found, found
    assert translate(message.partition("event: ")[2], "zh").startswith(
        "本方案没有从 'ducha' 类记录起算"
    )


def test_a_report_on_a_check_that_was_not_recorded_is_reported(tmp_path: Path) -> None:
    data = _county(tmp_path, done=DONE.replace('"2024-03-15"', '"2024-03-16"'))
    found = _messages(data)
    assert (
        "sifaju.yaml: period: no record of kind 'jiancha' dated '2024-03-16' concerns task 8-6 "
        "(data/records: events)"
    ) in found, found


def test_event_record_needs_its_kind(tmp_path: Path) -> None:
    data = _county(tmp_path, due=DUE.replace(", record: jiancha", ""), events="", done="")
    found = _messages(data)
    assert any(
        m.endswith("after.event: record needs after.record: the kind of record it counts from")
        for m in found
    ), found


def test_an_event_of_an_unknown_plan_is_reported(tmp_path: Path) -> None:
    events = 'events:\n- event: jiancha\n  date: "2024-09-27"\n  plan: other-plan\n'
    found = _messages(_county(tmp_path, events=events, done=""))
    assert (
        "yifa-ban.yaml: events[0].plan: names no task: write the plan it concerns "
        "(qingshan-fzzf-2023)"
    ) in found, found
