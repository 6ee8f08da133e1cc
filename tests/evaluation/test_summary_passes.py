"""h24u: the check report's summary counted in C passes (check_report.summarize) says what the
one Python loop over every occurrence said, on every example, at several dates, for the whole
model and each plan."""

from __future__ import annotations

import datetime as dt
from collections import Counter
from dataclasses import replace
from pathlib import Path

import pytest

from duban.evaluation.check_report import _SETTLED, Summary, summarize
from duban.evaluation.evaluate import Evaluation, State, evaluate, reporters
from duban.load.project import load_project
from duban.model.model import Model

EXAMPLES = Path(__file__).resolve().parents[2] / "examples"


def _loop(model: Model, evaluation: Evaluation) -> Summary:
    """The summary as main counted it before h24u (one pass, item by item)."""
    by_state: Counter[State] = Counter()
    reported = overdue_reported = due_soon_not_reported = 0
    all_on_time: dict[str, bool] = {}
    for item in evaluation.items:
        state = item.state
        by_state[state] += 1
        if state is State.NOT_APPLICABLE or not item.reported:
            if state is State.DUE_SOON:
                due_soon_not_reported += 1
        else:
            reported += 1
            overdue_reported += state is State.OVERDUE
        if state in _SETTLED:
            on_time = state is State.DONE_ON_TIME
            for holder in item.holders:
                all_on_time[holder] = all_on_time.get(holder, True) and on_time
    reported_by = reporters(model, evaluation.as_of)
    return Summary(
        total=len(evaluation.items) - by_state[State.NOT_APPLICABLE],
        states={state.value: by_state[state] for state in State},
        reported=reported,
        overdue_reported=overdue_reported,
        overdue_not_reported=by_state[State.OVERDUE] - overdue_reported,
        due_soon_not_reported=due_soon_not_reported,
        units_on_time=tuple(h for h in model.holders if all_on_time.get(h, False)),
        units_reported=tuple(h for h in {**model.holders, **model.groups} if h in reported_by),
        plans_ended=tuple(p.id for p in model.plans_in_order() if p.period_end < evaluation.as_of),
    )


@pytest.mark.parametrize("example", ["county", "office"])
@pytest.mark.parametrize("as_of", ["2023-06-30", "2024-04-15", "2025-12-31"])
def test_the_summary_is_the_loops(example: str, as_of: str) -> None:
    data = EXAMPLES / example / "data"
    if not data.is_dir():
        pytest.skip(f"{example} has no data folder")
    model = load_project(data).model
    assert model is not None
    evaluation = evaluate(model, dt.date.fromisoformat(as_of))
    assert summarize(model, evaluation) == _loop(model, evaluation)
    for plan_id in model.plans:
        part, seen = model.for_plan(plan_id), evaluation.for_plan(plan_id)
        assert summarize(part, seen) == _loop(part, seen)


def test_every_kind_of_occurrence_counts_as_before(demo_model) -> None:
    # each occurrence given each state in turn, reported or not: every branch of the loop
    evaluation = evaluate(demo_model, dt.date(2024, 6, 30))
    states = list(State)
    items = [
        replace(item, state=states[n % len(states)], entry=None if n % 3 == 0 else item.entry)
        for n, item in enumerate(evaluation.items)
    ]
    mixed = replace(evaluation, items=items)
    found = summarize(demo_model, mixed)
    assert found == _loop(demo_model, mixed)
    assert found.units_on_time or found.states[State.DONE_LATE.value]
