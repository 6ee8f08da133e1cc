"""h24ae: serve's sorted picks of occurrences (the open ones soonest first, the overdue ones
longest overdue first) made from the last build's (``site/kept_sorted.py``): after random
edits of a few places, at several sizes and with many ties of key, each equals a stable sort of
every item, object for object, and is made without sorting the whole."""

from __future__ import annotations

import datetime as dt
import random
from typing import Any

import pytest

from duban.evaluation.evaluate import Evaluation, ItemState, State
from duban.site import kept_sorted, views

DAY = dt.date(2024, 1, 1)
OPEN = (State.DUE_SOON, State.NOT_DUE)


def _item(rng: random.Random, n: int) -> ItemState:
    """An occurrence with a key drawn from few values: many ties of due date, task, holder."""
    state = rng.choice(list(State))
    return ItemState(
        task_id=f"p/{rng.randint(1, 4)}",
        holder_id=f"u{rng.randint(1, 5)}",
        due_id=f"d{n}",
        key="",
        due=DAY + dt.timedelta(days=rng.randint(0, 6)),
        state=state,
        days_late=rng.choice([None, 1, 2, 3]) if rng.random() < 0.2 else rng.randint(1, 3),
    )


def _want_open(items: tuple[ItemState, ...]) -> list[ItemState]:
    return sorted(
        (i for i in items if i.state in OPEN), key=lambda i: (i.due, i.task_id, i.holder_id)
    )


def _want_late(items: tuple[ItemState, ...]) -> list[ItemState]:
    return sorted(
        (i for i in items if i.state is State.OVERDUE),
        key=lambda i: (-(i.days_late or 0), i.task_id, i.holder_id),
    )


def _same(found: list[ItemState], want: list[ItemState]) -> bool:
    return len(found) == len(want) and all(a is b for a, b in zip(found, want, strict=True))


@pytest.mark.parametrize("size", [3, 40, 400, 4000])
def test_picks_made_from_the_last_build_are_the_whole_sorted(size: int, monkeypatch) -> None:
    rng = random.Random(size)
    made: list[Any] = []
    real = kept_sorted.resorted

    def counted(*args: Any) -> list[ItemState]:
        made.append(args[3])
        return real(*args)

    monkeypatch.setattr(kept_sorted, "resorted", counted)
    items = tuple(_item(rng, n) for n in range(size))
    for _ in range(30):
        evaluation = Evaluation(as_of=DAY, due_soon_days=30, items=items)
        assert _same(views.upcoming(evaluation), _want_open(items))
        assert _same(views.overdue(evaluation), _want_late(items))
        edited = list(items)
        for n in rng.sample(range(size), k=min(size, rng.randint(1, 3))):
            edited[n] = _item(rng, n)  # a unit's report: its places hold other objects
        items = tuple(edited)
    assert len(made) >= 2 * 29  # both kinds, every edit after the first build
    assert all(0 < len(changed) <= 3 for changed in made)


def test_another_length_or_many_changes_sort_the_whole(monkeypatch) -> None:
    rng = random.Random(7)
    items = tuple(_item(rng, n) for n in range(200))
    views.upcoming(Evaluation(as_of=DAY, due_soon_days=30, items=items))
    made: list[Any] = []
    monkeypatch.setattr(kept_sorted, "resorted", lambda *a: made.append(a) or [])
    longer = (*items, _item(rng, 200))
    assert _same(views.upcoming(Evaluation(DAY, 30, longer)), _want_open(longer))
    redrawn = tuple(_item(rng, n) for n in range(200))  # every place changed
    assert _same(views.overdue(Evaluation(DAY, 30, redrawn)), _want_late(redrawn))
    assert not made
    assert kept_sorted.few(items, redrawn) is None
    assert kept_sorted.few(items, longer) is None
    assert kept_sorted.few(items, items) == []
    # half the places changed, none of those probed first: too many to put in one by one
    halved = tuple(_item(rng, n) if n % 2 else i for n, i in enumerate(items))
    assert kept_sorted.few(items, halved) is None
    assert _same(views.upcoming(Evaluation(DAY, 30, halved)), _want_open(halved))
    assert not made


def test_an_edit_at_a_tie_keeps_the_places_order() -> None:
    """Equal keys: the item put in goes between the equal ones by its place."""
    same = [ItemState("p/1", "u1", f"d{n}", "", DAY, State.NOT_DUE) for n in range(5)]
    before = tuple(same)
    found = _want_open(before)
    edited = list(before)
    edited[2] = ItemState("p/1", "u1", "new", "", DAY, State.DUE_SOON)
    picked = kept_sorted.resorted(
        tuple(edited), before, found, [2], lambda i: i.state in OPEN, views._soonest
    )
    assert _same(picked, _want_open(tuple(edited)))
    assert [i.due_id for i in picked] == ["d0", "d1", "new", "d3", "d4"]
