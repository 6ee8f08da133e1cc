"""The names the site reads from an Evaluation (published contract: do not rename)."""

from __future__ import annotations

import dataclasses
import datetime as dt

from duban.evaluation.evaluate import Escalation, Evaluation, Flag, IndicatorResult, evaluate
from duban.load.project import load_project
from helpers import BASE


def test_public_fields_exist_with_their_published_names():
    assert {f.name for f in dataclasses.fields(Evaluation)} >= {
        "as_of",
        "due_soon_days",
        "items",
        "indicators",
        "escalations",
        "flags",
    }
    assert [f.name for f in dataclasses.fields(IndicatorResult)] == [
        "task_id",
        "due_id",
        "indicator",
        "target",
        "actual",
        "numerator",
        "denominator",
        "status",
    ]
    assert [f.name for f in dataclasses.fields(Escalation)][:4] == [
        "stage",
        "stage_name",
        "next_step",
        "since",
    ]
    assert [f.name for f in dataclasses.fields(Flag)][:5] == [
        "rule_id",
        "holder_id",
        "task_id",
        "message",
        "since",
    ]


def test_base_plan_without_rules_has_indicators_but_no_escalations():
    model = load_project(BASE / "data").model
    assert model is not None
    evaluation = evaluate(model, dt.date(2011, 1, 15))
    rates = [r for r in evaluation.indicators if r.task_id == "test-plan/03"]
    # nobody has reported anything for task 03: no data (无数据), not 0 of 2
    assert [(r.target.date, r.status, r.actual, r.numerator, r.denominator) for r in rates] == [
        (dt.date(2010, 12, 31), "no-data", None, None, None),
        (dt.date(2011, 12, 31), "pending", None, None, None),
    ]
    assert evaluation.escalations == {}
    assert evaluation.flags == ()
