"""The newest reports (home page, feed) kept from one serve build to the next (h24aa).

:func:`~duban.site.reports.newest_reports` reads every status entry's reports for the first few
(at 1,500 heavy units some 0.4 s, twice an edit: the home page's key and the page). While
serving, an index keeps the reports it found with their keys (:class:`Newest`): the best ones
of every entry, down to a ``floor``: every report whose order key is above the floor is kept.
The next build's index (same date, tasks and status keys in the same order: the model update
keeps an unchanged file's entries as the same objects) drops the kept reports of the entries
that are other objects, adds every report of those entries, and takes the first ones from that;
when fewer than asked are above the floor, every entry is read again. The same reports in the
same order as :func:`~duban.site.reports.newest_reports` (ties in the model's order: each
report carries its entry's place), ``tests/site/test_site_newest_kept.py``.
"""

from __future__ import annotations

import datetime as dt
import heapq
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from itertools import compress, count
from operator import is_not, itemgetter

from duban.model.status import StatusEntry
from duban.site.reports import Order, ReportEntry, keyed_reports, made_report

KEEP = 256
"""How many reports a full read keeps (the home page shows 8, the feed 200): an edit drops
its entry's kept reports, so some room below what is shown spares a full read."""

Kept = tuple[Order, int, int, StatusEntry, str, int]
"""A report kept: its order key, its entry's place in the model, its place among that entry's
reports, the entry, its kind and update index."""

_order = itemgetter(0)


@dataclass(frozen=True)
class Newest:
    """Reports best first; every report whose key is above ``floor`` is among them (``floor``
    None: every report is)."""

    kept: list[Kept]
    floor: Order | None
    entries: list[StatusEntry]
    """The model's entries read (their order), kept alive: compared by identity next time."""
    as_of: dt.date

    def first(self, wanted: int) -> list[ReportEntry] | None:
        """The first ``wanted`` reports, or None when the kept ones cannot tell them."""
        top = self.kept[:wanted]
        if self.floor is not None and (len(top) < wanted or top[-1][0] <= self.floor):
            return None
        return [made_report(entry, kind, index) for _, _, _, entry, kind, index in top]


def read(entries: Iterable[StatusEntry], as_of: dt.date, keep: int = KEEP) -> Newest:
    """Every entry's reports read, the best ``keep`` kept."""
    entries = list(entries)
    kept = heapq.nlargest(keep, _placed(enumerate(entries), as_of), key=_order)
    floor = kept[-1][0] if len(kept) == keep else None
    return Newest(kept, floor, entries, as_of)


def updated(
    before: Newest, entries: Iterable[StatusEntry], as_of: dt.date, keep: int = KEEP
) -> Newest | None:
    """``before`` for these entries, or None when they are not as many or the date is another
    (then :func:`read`). Only the entries that are other objects than ``before``'s at their
    place are read: an entry is immutable, so the same object has the same reports."""
    entries = list(entries)
    if len(entries) != len(before.entries) or as_of != before.as_of:
        return None
    other = list(map(is_not, before.entries, entries))
    places = compress(count(), other)
    candidates = [k for k in before.kept if not other[k[1]]]
    candidates += _placed(((p, entries[p]) for p in places), as_of)
    candidates.sort(key=itemgetter(1, 2))  # the model's order first: ties stay in it
    candidates.sort(key=_order, reverse=True)  # stable: the same as nlargest's ties
    floor = before.floor
    if len(candidates) > keep:  # never below the last floor: what is under it is not here
        cut = candidates[keep - 1][0]
        floor = cut if floor is None or cut > floor else floor
        candidates = [k for k in candidates[:keep] if k[0] > floor]
    return Newest(candidates, floor, entries, as_of)


SERVING = "_dbn_newest_kept"
"""Where a serving index holds its :class:`Carried` (``Index.__dict__``: Index is frozen)."""


class Carried:
    """A serving index's newest reports: made from the last build's when first asked."""

    def __init__(self, last: Carried | None) -> None:
        self.before: Newest | None = None if last is None else (last.now or last.before)
        self.now: Newest | None = None

    def first(
        self, wanted: int, entries: Iterable[StatusEntry], as_of: dt.date
    ) -> list[ReportEntry] | None:
        """The first ``wanted`` reports of ``entries`` (None: more than are kept)."""
        entries = list(entries)
        if self.now is None and self.before is not None:
            self.now = updated(self.before, entries, as_of)
        got = self.now.first(wanted) if self.now is not None else None
        if got is None and (self.now is None or self.now.floor is not None):
            self.now = read(entries, as_of)  # every entry read: the next build starts here
            got = self.now.first(wanted)
        return got


def _placed(entries: Iterable[tuple[int, StatusEntry]], as_of: dt.date) -> Iterator[Kept]:
    for place, entry in entries:
        for seq, (key, _, kind, index) in enumerate(keyed_reports((entry,), as_of)):
            yield key, place, seq, entry, kind, index
