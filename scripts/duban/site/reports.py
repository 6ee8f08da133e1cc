"""What holders reported, as dated entries: the feed, 最新进展 and the unit pages' history."""

from __future__ import annotations

import datetime as dt
import heapq
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from operator import itemgetter

from duban.model.model import Model
from duban.model.status import StatusEntry


@dataclass(frozen=True)
class ReportEntry:
    """One dated report by a holder: an update, or the completion of an occurrence."""

    date: dt.date
    holder_id: str
    task_id: str
    due_id: str
    key: str
    text: str | None
    by: str | None
    kind: str  # "update" or "done"
    index: int = 0


def _made(entries: Iterable[StatusEntry], as_of: dt.date) -> list[ReportEntry]:
    """The reports of ``entries`` up to ``as_of``, in the entries' order."""
    result = []
    for entry in entries:
        for index, update in enumerate(entry.updates):
            if update.date <= as_of:
                result.append(
                    ReportEntry(
                        update.date,
                        entry.holder_id,
                        entry.task_id,
                        entry.due_id,
                        entry.period,
                        update.text,
                        update.by,
                        "update",
                        index,
                    )
                )
        done = entry.done_on
        if done is not None and done <= as_of:
            result.append(
                ReportEntry(
                    done,
                    entry.holder_id,
                    entry.task_id,
                    entry.due_id,
                    entry.period,
                    entry.summary,
                    None,
                    "done",
                )
            )
    return result


Order = tuple[dt.date, bool, str, str, str, int]
"""A report's place in :func:`report_entries`' order (newest first when sorted in reverse)."""


def _order(r: ReportEntry) -> Order:
    return (r.date, r.kind == "done", r.holder_id, r.task_id, r.key, r.index)


def report_entries(
    model: Model, as_of: dt.date, entries: Iterable[StatusEntry] | None = None
) -> list[ReportEntry]:
    """Everything holders reported up to ``as_of``, newest first (the feed and 最新进展);
    ``entries`` (h24q): of these status entries only (one holder's, in the model's order)."""
    made = _made(model.status.values() if entries is None else entries, as_of)
    return sorted(made, key=_order, reverse=True)


def newest_reports(model: Model, as_of: dt.date, count: int) -> list[ReportEntry]:
    """h24q: the first ``count`` of :func:`report_entries` (``heapq.nlargest`` is the same as
    the sort's first ones, ties in the same order), without sorting every report."""
    # h24r: the order's keys first (tuples, not entries), the entries only of the newest
    keyed = heapq.nlargest(count, keyed_reports(model.status.values(), as_of), key=itemgetter(0))
    return [made_report(entry, kind, index) for _, entry, kind, index in keyed]


def keyed_reports(
    entries: Iterable[StatusEntry], as_of: dt.date
) -> Iterator[tuple[Order, StatusEntry, str, int]]:
    """The :func:`_order` key of each report :func:`_made` makes, in its order, with what
    makes that report."""
    for entry in entries:
        holder, task, key = entry.holder_id, entry.task_id, entry.period
        for index, update in enumerate(entry.updates):
            if update.date <= as_of:
                yield (update.date, False, holder, task, key, index), entry, "update", index
        done = entry.done_on
        if done is not None and done <= as_of:
            yield (done, True, holder, task, key, 0), entry, "done", 0


def made_report(entry: StatusEntry, kind: str, index: int) -> ReportEntry:
    """The report :func:`_made` makes of ``entry``'s update ``index`` or its completion."""
    if kind == "done":
        return next(r for r in _made((entry,), dt.date.max) if r.kind == "done")
    return next(r for r in _made((entry,), dt.date.max) if r.kind == "update" and r.index == index)
