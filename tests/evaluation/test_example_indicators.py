"""The example plans' expected indicator results (examples/expected-states.yaml ``indicators``,
written by hand): each target as of a date, against the figures reported for its own period."""

from __future__ import annotations

import datetime as dt

import pytest
import yaml

from duban.evaluation.evaluate import evaluate
from duban.load.project import load_project
from helpers import ROOT

EXPECTED = yaml.safe_load((ROOT / "examples" / "expected-states.yaml").read_text(encoding="utf-8"))


def _day(value) -> dt.date:
    return value if isinstance(value, dt.date) else dt.date.fromisoformat(str(value))


def _id(case: dict) -> str:
    return f"{case['task']}-{case['indicator']}-{case['target_date']}-as-of-{case['as_of']}"


@pytest.mark.parametrize("case", [pytest.param(c, id=_id(c)) for c in EXPECTED["indicators"]])
def test_expected_indicator(case):
    loaded = load_project(ROOT / case["data"])
    assert loaded.model is not None and loaded.problems == []
    found = [
        r
        for r in evaluate(loaded.model, _day(case["as_of"]), 30).indicators
        if r.task_id == f"{case['plan']}/{case['task']}"
        and r.due_id == case["due"]
        and r.indicator.id == case["indicator"]
        and r.target.date == _day(case["target_date"])
    ]
    assert len(found) == 1, f"{case['why']}: {len(found)} results found"
    result = found[0]
    actual = None if result.actual is None else round(result.actual, 2)
    got = (result.status, actual, result.numerator, result.denominator, result.target.min)
    want = (case["status"], case.get("actual"), case.get("numerator"), case.get("denominator"))
    assert got[:4] == want, case["why"]
    assert got[4] == case["min"], case["why"]
