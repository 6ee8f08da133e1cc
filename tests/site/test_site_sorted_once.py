"""h24v: the open occurrences sorted once per evaluation with a key made in C, the overdue ones
by two stable sorts: each the same as the Python passes they replace (ties, every state, days
late unknown)."""

from __future__ import annotations

import datetime as dt
from dataclasses import replace
from typing import Any

import pytest

from duban.evaluation.evaluate import Evaluation, ItemState, State, evaluate
from duban.site import views

DATES = ["2010-06-30", "2010-12-15", "2023-06-30"]


def _mixed(evaluation: Evaluation) -> Evaluation:
    """Every state, and many ties of due date, task and holder."""
    states = list(State)
    items = tuple(
        replace(i, state=states[n % len(states)], days_late=n % 3 or None)
        for n, i in enumerate(evaluation.items)
    )
    return replace(evaluation, items=items)


@pytest.mark.parametrize("as_of", DATES)
def test_overdue_is_the_sort_by_days_late_task_and_holder(demo_model, as_of: str) -> None:
    evaluation = evaluate(demo_model, dt.date.fromisoformat(as_of))
    for ev in (evaluation, _mixed(evaluation)):
        want = sorted(
            (i for i in ev.items if i.state is State.OVERDUE),
            key=lambda i: (-(i.days_late or 0), i.task_id, i.holder_id),
        )
        found = views.overdue(ev)
        assert found == want and all(a is b for a, b in zip(found, want, strict=True))
    # with every days late known, the two stable sorts (ties of days late kept in order)
    known = replace(
        evaluation,
        items=tuple(replace(i, state=State.OVERDUE, days_late=3) for i in evaluation.items),
    )
    found = views.overdue(known)
    assert [id(i) for i in found] == [
        id(i) for i in sorted(known.items, key=lambda i: (-3, i.task_id, i.holder_id))
    ]


def test_the_open_occurrences_are_sorted_once_per_evaluation(demo_model, monkeypatch) -> None:
    keyed: list[Any] = []
    real = views._soonest

    def counted(item: ItemState) -> Any:
        keyed.append(item)
        return real(item)

    monkeypatch.setattr(views, "_soonest", counted)
    evaluation = evaluate(demo_model, dt.date(2010, 6, 30))
    want = sorted(
        (i for i in evaluation.items if i.state in (State.DUE_SOON, State.NOT_DUE)),
        key=lambda i: (i.due, i.task_id, i.holder_id),
    )
    assert views.upcoming(evaluation) == want
    sorted_once = len(keyed)
    assert sorted_once == len(want) > 0
    assert views.upcoming(evaluation, 30) == [i for i in want if (i.days_left or 0) <= 30]
    assert [n.items for n in views.next_deadlines(evaluation, 5)]
    assert len(keyed) == sorted_once  # the same evaluation: not sorted again
    other = replace(evaluation, items=tuple(list(evaluation.items)))
    assert views.upcoming(other) == want
    # h24ae: another tuple of the same occurrences is made from the kept one, not sorted
    assert len(keyed) == sorted_once
    views.upcoming(replace(evaluation, items=tuple(reversed(evaluation.items))))
    assert len(keyed) == 2 * sorted_once  # other occurrences at most places: sorted
