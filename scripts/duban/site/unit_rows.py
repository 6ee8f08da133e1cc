"""Which occurrences a unit page lists at province scale (h24i).

Three years of monthly duties give a unit hundreds of occurrences; listed one row each, a
province's unit pages were most of its site (about 190 KB a page on the heavy profile). Where
the site summarises by group, a unit page lists of each obligation (task, due rule, holder):

* every open occurrence (overdue, due soon, ongoing, waiting): what is to be done now;
* the next one not yet due, and any not-due one already reported (it has content to show);
* the latest ``keep_closed`` closed ones (done, missed, not applicable); the older ones go.

What it leaves out is counted in a note under the table: the later periods are in the unit's
calendar (its open occurrences and future ones, ``duban.site.calendars``) and every occurrence,
with its state, in the open data. The counts on the page (整体记录) still count every one.
Below the province threshold every occurrence keeps its row.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from duban.evaluation.evaluate import State
from duban.site.status_rows import StatusRow

CLOSED = frozenset(
    {State.DONE_ON_TIME, State.DONE_LATE, State.DONE_EARLY, State.MISSED, State.NOT_APPLICABLE}
)


@dataclass(frozen=True)
class Listed:
    rows: list[StatusRow]
    """The rows to list, in the order given."""
    later: int = 0
    """Occurrences not yet due left out: a later period of an obligation already listed."""
    earlier: int = 0
    """Closed occurrences left out: older than an obligation's latest ``keep_closed``."""

    @property
    def left_out(self) -> int:
        return self.later + self.earlier


def listed(rows: Sequence[StatusRow], keep_closed: int) -> Listed:
    """``rows`` without the later not-due periods and the older closed ones of each
    obligation (see the module's docstring), in their order."""
    by_obligation: dict[tuple[str, str, str], list[StatusRow]] = {}
    for row in rows:
        item = row.item
        by_obligation.setdefault((item.task_id, item.due_id, item.holder_id), []).append(row)
    dropped: set[int] = set()
    later = earlier = 0
    for group in by_obligation.values():
        not_due = sorted(
            (r for r in group if r.item.state is State.NOT_DUE),
            key=lambda r: (r.item.due, r.item.key),
        )
        for row in not_due[1:]:
            if not row.item.reported:
                dropped.add(id(row))
                later += 1
        closed = sorted(
            (r for r in group if r.item.state in CLOSED),
            key=lambda r: (r.item.due, r.item.key),
            reverse=True,
        )
        for row in closed[max(keep_closed, 0) :]:
            dropped.add(id(row))
            earlier += 1
    return Listed([r for r in rows if id(r) not in dropped], later, earlier)
