"""h24u: views.upcoming and Tally.of pick in C and give what the Python filters
gave (every state, with and without a limit of days)."""

from __future__ import annotations

import datetime as dt
import pickle
from collections import Counter
from dataclasses import replace

import pytest

from duban.evaluation.evaluate import Evaluation, ItemState, State, evaluate
from duban.site.lights import Tally
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


def test_a_tally_counts_the_silent_ones_as_the_filter_did(demo_model) -> None:
    # h24u: Tally.of picks the occurrences without an entry in C; the same Counter, key order
    # included (pickled tallies are compared across builds)
    evaluation = evaluate(demo_model, dt.date(2024, 4, 15))
    states = list(State)
    items = [
        replace(i, state=states[n % len(states)], entry=None if n % 2 else i.entry)
        for n, i in enumerate(evaluation.items)
    ]
    silent = Counter(
        i.state for i in items if i.entry is None and i.state is not State.NOT_APPLICABLE
    )
    tally = Tally.of(items)
    assert tally.unreported_by == silent
    assert list(tally.unreported_by.items()) == list(silent.items())
    assert tally.unreported == sum(silent.values()) > 0
    assert tally.unreported_overdue == silent[State.OVERDUE]
    assert State.NOT_APPLICABLE not in tally.unreported_by
    assert pickle.dumps(Tally.of(evaluation.items)) == pickle.dumps(Tally.of(evaluation.items))
