"""h24u: views.upcoming picks the open occurrences in C and gives the list the Python filter
gave (every state, with and without a limit of days)."""

from __future__ import annotations

import datetime as dt
from dataclasses import replace

import pytest

from duban.evaluation.evaluate import Evaluation, ItemState, State, evaluate
from duban.site.views import upcoming


def _filtered(evaluation: Evaluation, limit_days: int | None) -> list[ItemState]:
    items = [i for i in evaluation.items if i.state in (State.DUE_SOON, State.NOT_DUE)]
    if limit_days is not None:
        items = [i for i in items if (i.days_left or 0) <= limit_days]
    return sorted(items, key=lambda i: (i.due, i.task_id, i.holder_id))


@pytest.mark.parametrize("as_of", ["2023-06-30", "2024-04-15", "2025-12-31"])
@pytest.mark.parametrize("limit", [None, 0, 30, 365])
def test_upcoming_is_the_filter(demo_model, as_of: str, limit: int | None) -> None:
    evaluation = evaluate(demo_model, dt.date.fromisoformat(as_of))
    assert upcoming(evaluation, limit) == _filtered(evaluation, limit)


def test_every_state_is_picked_as_before(demo_model) -> None:
    evaluation = evaluate(demo_model, dt.date(2024, 4, 15))
    states = list(State)
    items = [replace(i, state=states[n % len(states)]) for n, i in enumerate(evaluation.items)]
    mixed = replace(evaluation, items=items)
    found = upcoming(mixed)
    assert found == _filtered(mixed, None)
    assert {i.state for i in found} == {State.DUE_SOON, State.NOT_DUE}
