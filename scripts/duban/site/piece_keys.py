"""The keys of the rows kept as pieces (h24ad, :mod:`.kept_pieces`).

Each key is every value its row's markup reads that can differ within one build: the tallies,
lights, counts, ranks and dates it prints, and the ids that name what the build's base gives
(a task's citation and link, a group's name). What is the same for the whole build (the
templates, words, settings, plan and org) is in the page keys' base, which the kept pieces are
dropped with; the page's path is added by ``kept`` itself. A row template that reads a new value
must read it here too: ``tests/site/test_site_kept_rows.py`` compares every page of serve and
CI builds assembled from kept rows with a fresh build's.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from duban.evaluation.evaluate import State
from duban.site.group_rows import SharedRow, shared_key
from duban.site.groups import Bucket
from duban.site.holder_records import HolderRecord
from duban.site.lights import Tally
from duban.site.status_rows import StatusRow
from duban.site.views import DeadlineRow, GroupRow

_STATES = tuple(State)


def tally(counted: Tally) -> tuple[object, ...]:
    """Every field of a tally (every count a row or its bar can print)."""
    return (
        tuple(map(counted.counts.__getitem__, _STATES)),
        counted.unreported,
        counted.unreported_overdue,
        tuple(map(counted.unreported_by.__getitem__, _STATES)),
    )


def bucket(plan_id: str, anchor: str, bucket: Bucket, states: Sequence[State]) -> tuple:
    """A group's row of a list by group (``ui.group_summary``: task pages)."""
    shown = (bucket.slug, len(bucket.holders), bucket.light, tally(bucket.tally))
    return ("bucket", plan_id, anchor, tuple(states), *shown)


def group(row: GroupRow, states: Sequence[State]) -> tuple:
    """A group's row of the progress page's table by group."""
    return ("group", row.group.id, row.members, tuple(states), tally(row.tally))


def ranked(record: HolderRecord, states: Sequence[State]) -> tuple:
    """A unit's row of the progress page's ranking."""
    shown = (record.rank, record.holder.id, record.light, tally(record.tally))
    return ("ranked", tuple(states), *shown)


def deadline(row: DeadlineRow, states: Sequence[State]) -> tuple:
    """A deadline's row of the progress page (its task's citation and link, its item's label,
    its date and period, its counts)."""
    shown = (row.task.id, row.due.label, row.date, row.key, tally(row.tally))
    return ("deadline", tuple(states), *shown)


def overdue_group(row: dict[str, Any], plan_id: str | None) -> tuple:
    """A group's row of the 督办清单 by group (:func:`.page_overdue.overdue_groups`)."""
    counts = (row["overdue"], row["unreported"], row["longest"], row["soon"])
    return ("overdue group", plan_id, row["bucket"].slug, *counts, tuple(row["plans"]))


def member(cell: dict[str, Any], place: object, states: Sequence[State]) -> tuple:
    """A unit's row of a group page's members (``place``: its rank, or the token put in for
    it, :mod:`.kept_group_pages`)."""
    shown = (cell["holder_id"], place, cell["light"], tally(cell["tally"]))
    return ("member", tuple(states), *shown)


def task_unit(entry: dict[str, Any], cell: dict[str, Any]) -> tuple:
    """A unit's row of a task's table on a group page (its deliverables done when the task
    lists deliverables)."""
    holder = cell["holder_id"]
    delivered = entry["delivered"].get(holder, 0) if entry["task"].deliverables else None
    return ("task unit", entry["task"].id, holder, cell["light"], tally(cell["tally"]), delivered)


def overdue_row(row: StatusRow | SharedRow) -> tuple:
    """A row of an overdue table: one occurrence, or on a group page one shared by its units
    (what the units' rows have in common, :func:`.group_rows.shared_key`, and each unit's
    holders)."""
    first, units = (row.first, row.rows) if isinstance(row, SharedRow) else (row, (row,))
    holders = tuple(tuple(each.item.holders) for each in units)
    shown = (first.item.state, first.escalation, first.label, holders)
    return ("overdue", shared_key(first), *shown)


def soon_row(row: StatusRow) -> tuple:
    """A row of a due-soon table (its occurrence's days left, date, state, holders, progress)."""
    item = row.item
    progress = row.entry.progress if row.entry is not None else None
    shown = (item.due, item.days_left, item.state, tuple(item.holders), item.is_shared)
    return ("soon", row.task.id, item.due_id, item.key, row.label, *shown, progress)
