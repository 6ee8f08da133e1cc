"""A group page's overdue list with one row per overdue occurrence, not per unit (h24i).

A group page lists its units' overdue occurrences of one plan. When many units miss the same
monthly report, each of them was a row repeating the task, its period, its due date, the days
late, the supervisors and the escalation stage: on a province of three years' monthly duties
the overdue lists were four fifths of the group pages. Rows that differ only in their units
(the same task, deadline, period, due date, days late, escalation stage, progress and 未报送
or not) are now one row naming every unit. Nothing a row showed is lost: the row says it of
each unit it names, and the units' own pages list the same occurrences one by one.
"""

from __future__ import annotations

from collections.abc import Hashable, Sequence
from dataclasses import dataclass

from duban.site.status_rows import StatusRow


@dataclass(frozen=True)
class SharedRow:
    first: StatusRow
    """What the rows share (the task, its period, the due date, days late, escalation)."""
    rows: tuple[StatusRow, ...]
    """Every unit's row, in the list's order."""


def shared_key(row: StatusRow) -> tuple[Hashable, ...]:
    """What an overdue row shows besides its units (rows with the same are merged; h24ad: a
    kept row's key reads it, :mod:`.piece_keys`)."""
    item, step = row.item, row.escalation
    stage = (step.stage, step.since, step.next_step) if step is not None else None
    progress = row.entry.progress if row.entry is not None else None
    shown = (item.reported, item.is_shared, progress, row.stage_rank, stage)
    return (row.task.id, item.due_id, item.key, item.due, item.days_late, *shown)


def shared_rows(rows: Sequence[StatusRow]) -> list[SharedRow]:
    """``rows`` merged where only their units differ, in the order of each key's first row."""
    merged: dict[tuple[Hashable, ...], list[StatusRow]] = {}
    for row in rows:
        merged.setdefault(shared_key(row), []).append(row)
    return [SharedRow(group[0], tuple(group)) for group in merged.values()]
