"""h24ae, serving: a sorted pick of an evaluation's occurrences made from the last build's.

Serve's evaluation (:mod:`duban.evaluation.update`) keeps every unchanged obligation's
occurrences as the same objects at the same places, and a plan's items are picked from the
whole in order, so after one unit's report two tuples of items of the same length differ only
at that unit's places. Then a sorted pick (the open occurrences soonest first, the overdue ones
longest overdue first: :mod:`.views`) is the last one without the occurrences of the changed
places, with the changed places' picked occurrences put in where a stable sort of the whole
would put them: after every occurrence of a smaller key, and among equal keys by their place.
Each list so made equals ``sorted(pick)`` (``tests/site/test_site_kept_sorted.py``); where the
tuples differ in length or in many places, the caller sorts the whole as before.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections.abc import Callable, Sequence
from itertools import compress
from operator import is_not, not_
from typing import Any

from duban.evaluation.evaluate import ItemState

Key = Callable[[ItemState], Any]

KEPT = 8
"""Sorted picks remembered per kind (the whole evaluation's and each plan's, two builds)."""


_FEW: list[tuple[Sequence[ItemState], Sequence[ItemState], list[int] | None]] = []
"""The last few :func:`few` answers (both kinds of pick ask for the same two tuples)."""


def few(before: Sequence[ItemState], items: Sequence[ItemState]) -> list[int] | None:
    """The places where ``items`` holds another object than ``before``; None when their
    lengths differ or more than a few places changed (sorting the whole is then as cheap)."""
    size = len(items)
    if len(before) != size:
        return None
    # another plan's items of the same length: other objects at (nearly) every place
    probes = range(0, size, max(1, size // 8))
    if size >= 64 and sum(before[n] is items[n] for n in probes) * 2 < len(probes):
        return None
    for seen, now, changed in _FEW:
        if seen is before and now is items:
            return changed
    changed = list(compress(range(size), map(is_not, before, items)))
    found = changed if len(changed) <= max(64, size // 16) else None
    _FEW[:] = [(before, items, found), *_FEW[: KEPT - 1]]
    return found


def resorted(
    items: Sequence[ItemState],
    before: Sequence[ItemState],
    found: list[ItemState],
    changed: list[int],
    picked: Callable[[ItemState], bool],
    key: Key,
) -> list[ItemState]:
    """``sorted(filter(picked, items), key=key)`` (a stable sort) from ``found``, that of
    ``before``, which differs from ``items`` only at the places ``changed`` (:func:`few`)."""
    gone = {id(before[n]) for n in changed}
    result = list(compress(found, map(not_, map(gone.__contains__, map(id, found)))))
    places: dict[int, int] | None = None
    for n in changed:  # in place order: an equal key's earlier place is already in
        item = items[n]
        if not picked(item):
            continue
        value = key(item)
        low = bisect_left(result, value, key=key)
        high = bisect_right(result, value, lo=low, key=key)
        if low < high:  # equal keys: a stable sort keeps their places' order
            if places is None:
                places = {id(x): p for p, x in enumerate(items)}
            low += sum(1 for x in result[low:high] if places[id(x)] < n)
        result.insert(low, item)
    return result


class SortedPicks:
    """The last few sorted picks of one kind, by their tuple of items (kept by its object)."""

    def __init__(self, picked: Callable[[ItemState], bool], key: Key) -> None:
        self.picked, self.key = picked, key
        self.kept: list[tuple[tuple[ItemState, ...], list[ItemState]]] = []

    def of(
        self, items: tuple[ItemState, ...], whole: Callable[[], list[ItemState]]
    ) -> list[ItemState]:
        """The pick of ``items`` sorted: found before, made from one found before, or
        ``whole()`` (the caller's sort of every item). Callers must not change it."""
        for seen, found in self.kept:
            if seen is items:
                return found
        made = None
        for seen, found in self.kept:
            changed = few(seen, items)
            if changed is not None:
                made = resorted(items, seen, found, changed, self.picked, self.key)
                break
        if made is None:
            made = whole()
        self.kept[:] = [(items, made), *self.kept[: KEPT - 1]]
        return made
