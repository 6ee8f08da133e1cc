"""The example plans' expected states (examples/expected-states.yaml, written by hand from
their text) against the engine: every deadline form and role as of several dates."""

from __future__ import annotations

import datetime as dt
from functools import cache
from pathlib import Path

import pytest
import yaml

from duban.evaluation.evaluate import evaluate
from duban.load.project import load_project
from duban.model.model import Model
from helpers import ROOT

EXPECTED = yaml.safe_load((ROOT / "examples" / "expected-states.yaml").read_text(encoding="utf-8"))


@cache
def model_of(data: str) -> Model:
    loaded = load_project(ROOT / data)
    assert loaded.problems == [], [str(p) for p in loaded.problems]
    assert loaded.model is not None
    return loaded.model


def _key(case: dict) -> str:
    key = f"{case['plan']}/{case['task']}"
    return f"{key}/{case['item']}" if case.get("item") else key


def _day(value) -> dt.date:
    return value if isinstance(value, dt.date) else dt.date.fromisoformat(str(value))


def _case_id(case: dict) -> str:
    parts = [case["plan"].split("-")[-1], _key(case).split("/", 1)[1], case["unit"], case["due"]]
    return "-".join([*parts, str(case.get("period") or "once"), str(case["as_of"])])


@pytest.mark.parametrize("case", EXPECTED["cases"], ids=_case_id)
def test_expected_state(case):
    model = model_of(case["data"])
    evaluation = evaluate(model, _day(case["as_of"]), 30)
    found = [
        i
        for i in evaluation.items
        if i.task_id == _key(case)
        and case["unit"] in i.holders
        and i.due_id == case["due"]
        and i.key == str(case.get("period") or "")
    ]
    assert len(found) == 1, f"{case['why']}: {len(found)} occurrences found"
    item = found[0]
    got = (
        item.state.value,
        item.days_late if item.state.value in ("overdue", "done-late") else None,
    )
    want = (case["state"], case.get("days_late"))
    assert got == want, case["why"]
    if case.get("due_date") and item.state.value != "ongoing":
        assert item.due == _day(case["due_date"]), case["why"]


@pytest.mark.parametrize("case", EXPECTED["no_obligation"], ids=lambda c: f"{_key(c)}-{c['unit']}")
def test_units_named_without_a_duty_hold_nothing(case):
    # evaluated after the plan period: a follow-up duty no record has set holds nothing either
    model = model_of(case["data"])
    end = max(p.period_end for p in model.plans.values())
    held = [
        i
        for i in evaluate(model, end + dt.timedelta(days=400), 30).items
        if i.task_id == _key(case)
        and case["unit"] in i.holders
        and (not case.get("due") or case["due"] == i.due_id)
    ]
    assert held == [], case.get("why")


def test_every_example_builds_and_the_county_plan_names_nothing_of_the_seed():
    county = (ROOT / "examples" / "county").rglob("*")
    words = ("西安", "灞桥", "司法行政系统", "执法规范化", "2010")
    for path in county:
        if path.is_file() and "site" not in path.relative_to(ROOT).parts:
            text = path.read_text(encoding="utf-8")
            assert not [w for w in words if w in text], path
    assert len(model_of("examples/office/data").plans) == 2


def test_shared_duty_is_counted_once():
    model = model_of("examples/county/data")
    shared = [o for o in model.obligations if o.shared]
    assert shared and all(len(o.holders) > 1 for o in shared)
    evaluation = evaluate(model, dt.date(2024, 1, 31), 30)
    items = [i for i in evaluation.items if i.is_shared]
    keys = [(i.task_id, i.due_id, i.key) for i in items]
    assert len(keys) == len(set(keys))


__all__ = ["Path"]
