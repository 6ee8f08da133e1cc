"""The shipped data/rules.yaml states the seed's escalation rules (tasks 十四, 十七, 十八), and they
work on the shipped plan when a supervisor records something (in a copy: data/ stays empty)."""

from __future__ import annotations

import datetime as dt
import shutil
from pathlib import Path

import pytest

from duban.evaluation.evaluate import evaluate
from duban.load.project import load_project
from helpers import ROOT

PLAN = "xian-sfj-2010-zfgfh/"  # the shipped plan's id: tasks are keyed by plan

SEED = ROOT.parent / "shared" / "seed" / "000_f572bcd16cf0a2fa.txt"
D = dt.date


@pytest.fixture(scope="module")
def model():
    loaded = load_project(ROOT / "data")
    assert loaded.model is not None, loaded.problems
    return loaded.model


def test_one_ladder_covers_every_task_as_task_14_states_it(model):
    (ladder,) = model.rules.ladders
    assert (ladder.task_ids, ladder.stated_in) == ((), PLAN + "14")
    assert [(s.id, s.action, s.lapses) for s in ladder.stages] == [
        ("overdue", None, None),
        ("reminded", "reminder", None),
        ("reminder-lapsed", None, "reminded"),
        ("notified", "notice", None),
    ]
    assert all(model.rules.ladder_for(task_id) is ladder for task_id in model.tasks)


def test_task_17_ranking_flags_last_place_twice_in_a_row(model):
    (rule,) = model.rules.rankings
    assert (rule.task_id, rule.every, rule.consecutive, rule.better) == (
        PLAN + "17",
        "half-year",
        2,
        "higher",
    )


def test_task_18_grading_rectifies_removes_and_proposes_after_three_years(model):
    (rule,) = model.rules.gradings
    assert (rule.task_id, rule.follow_up, rule.failing_years) == (PLAN + "18", "rectification", 3)
    assert rule.grades == ("优秀", "先进", "达标", "不合格")
    assert rule.failing == ("不合格",)
    assert model.tasks[PLAN + "18"].due_item("rectification").kind == "follow-up"


@pytest.mark.skipif(not SEED.exists(), reason="the seed text is not beside the repository")
def test_the_rules_quote_the_plan_verbatim(model):
    text = SEED.read_text(encoding="utf-8")
    rules = model.rules
    for rule in (*rules.ladders, *rules.rankings, *rules.gradings):
        assert rule.as_written and rule.as_written in text, rule.id


def test_the_shipped_records_record_nothing(model):
    records = model.records
    assert (records.actions, records.follow_ups, records.rankings, records.gradings) == (
        (),
        (),
        (),
        (),
    )


def test_a_recorded_reminder_escalates_an_overdue_task_of_the_real_plan(tmp_path, monkeypatch):
    copy = tmp_path / "repo"
    shutil.copytree(ROOT / "data", copy / "data")
    # fagui-chu supervises task 08: only a task's supervisors (or the office) record actions
    (copy / "data" / "records" / "fagui-chu.yaml").write_text(
        "unit: fagui-chu\n"
        "actions:\n"
        "  - action: reminder\n"
        "    date: 2010-07-05\n"
        "    unit: 灞桥区司法局\n"
        "    task: 8\n"
        "    respond_by: 2010-07-20\n",
        encoding="utf-8",
    )
    monkeypatch.chdir(copy)
    loaded = load_project(Path("data"))
    assert loaded.problems == []
    key = (PLAN + "08", "baqiao", "main", "")
    escalations = evaluate(loaded.model, D(2010, 7, 10)).escalations
    assert (escalations[key].stage, escalations[key].respond_by) == ("reminded", D(2010, 7, 20))
    later = evaluate(loaded.model, D(2010, 7, 21)).escalations[key]
    assert (later.stage_name, later.next_step) == ("经督办、催办仍未按时完成", "通报批评")
