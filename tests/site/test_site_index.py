"""The index's groupings (``Index.of``): each occurrence under each of its holders, its task and
its top task, every list and every mapping in the order of the evaluation's occurrences (the
pages iterate them). h24ag finds a task's top list once a task: the same groupings as a look-up
for every occurrence, on fixtures with sub-items, shared duties and several plans."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from duban.evaluation.evaluate import Evaluation, evaluate
from duban.model.model import Model
from duban.site.index import Index
from helpers import loaded_model
from sitekit import DEMO, DEMO_AS_OF

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures"
COUNTY = Path(__file__).resolve().parents[2] / "examples" / "county" / "data"
OFFICE = COUNTY.parents[1] / "office" / "data"


def _each_looked_up(model: Model, evaluation: Evaluation) -> tuple[dict, dict, dict]:
    by_holder: dict = {}
    by_task: dict = {}
    by_top: dict = {}
    for item in evaluation.items:
        for holder_id in item.holders:
            by_holder.setdefault(holder_id, []).append(item)
        by_task.setdefault(item.task_id, []).append(item)
        task = model.tasks.get(item.task_id)
        by_top.setdefault(task.top_id if task is not None else item.task_id, []).append(item)
    return by_holder, by_task, by_top


def _same(one: dict, two: dict) -> bool:
    """The same keys in the same order, each list the same objects in the same order."""
    return list(one) == list(two) and all(
        [id(i) for i in one[k]] == [id(i) for i in two[k]] for k in one
    )


@pytest.mark.parametrize(
    ("data", "as_of"),
    [
        (DEMO / "data", dt.date.fromisoformat(DEMO_AS_OF)),
        (FIXTURES / "cascade" / "data", dt.date(2024, 9, 30)),
        (COUNTY, dt.date(2024, 3, 31)),  # shared duties and sub-items
        (OFFICE, dt.date(2024, 6, 30)),  # the same, two plans
    ],
)
def test_the_groupings_are_a_look_up_for_every_occurrence(data, as_of):
    model = loaded_model(data)
    evaluation = evaluate(model, as_of)
    scopes = [(model, evaluation)]
    scopes += [(model.for_plan(p), evaluation.for_plan(p)) for p in model.plans]
    for scoped, scoped_evaluation in scopes:
        index = Index.of(scoped, scoped_evaluation)
        expected = _each_looked_up(scoped, scoped_evaluation)
        found = (index.by_holder, index.by_task, index.by_top)
        assert all(_same(a, b) for a, b in zip(found, expected, strict=True))
