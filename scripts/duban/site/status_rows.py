"""One occurrence as a row shows it: on status tables (unit and task pages), on the 督办清单
and on the group pages.

A :class:`StatusRow` holds what the row prints besides the occurrence itself, computed once:
templates read its attributes (``r.item``, ``r.label`` …) and :mod:`duban.site.row_printer`
prints the status tables' rows from it.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from duban.evaluation.check_report import stage_rank
from duban.evaluation.escalation import Escalation
from duban.evaluation.evaluate import ItemState
from duban.i18n.locale import Locale
from duban.model.plan import Due, Task
from duban.model.status import StatusEntry
from duban.site import views
from duban.site.context import Context


@dataclass(frozen=True, slots=True)
class StatusRow:
    """An occurrence with what a table row shows about it."""

    item: ItemState
    task: Task
    """The task or sub-item the occurrence belongs to."""
    due: Due | None
    """Its deadline (None if the task no longer has it)."""
    label: str | None
    """What the deadline is about, when the task has several (:func:`views.due_label`)."""
    entry: StatusEntry | None
    """What the holder recorded for it (the occurrence's own entry)."""
    last_update: dt.date | None
    """The latest date the holder reported anything for it (``StatusEntry.last_reported``)."""
    escalation: Escalation | None
    """Where it stands on its escalation ladder, when overdue and the task has one."""
    stage_rank: int
    """The escalation stage's place on the ladder (the 督办清单 sorts by it); -1 without one."""
    ongoing: bool
    """A duty that goes on (长期坚持, no check-in): the row says so instead of a due date."""
    ids: str
    """What a clerk writes to name the obligation (:func:`obligation_ids`)."""
    report: str | None
    """The issue form prefilled for this occurrence, when the site has a repository."""

    @classmethod
    def of(cls, ctx: Context, item: ItemState) -> StatusRow:
        full = ctx.full or ctx.model
        task = full.tasks[item.task_id]
        due = task.due_item(item.due_id)
        escalation = ctx.evaluation.escalations.get(item.ref)
        return cls(
            item=item,
            task=task,
            due=due,
            label=views.due_label(task, due) if due is not None else None,
            entry=item.entry,
            last_update=item.entry.last_reported(ctx.evaluation.as_of) if item.entry else None,
            escalation=escalation,
            stage_rank=stage_rank(full, item, escalation),
            ongoing=due is not None and due.is_ongoing and not due.check_in,
            ids=obligation_ids(task, item, len(full.plans) > 1),
            report=ctx.report_link(item),
        )


def obligation_ids(task: Task, item: ItemState, several_plans: bool = False) -> str:
    """What a clerk writes to name this obligation: ``task: 02 · due: training · period: 2011``
    (the task's id, its sub-item, the deadline's id and the period), for the YAML file, the
    spreadsheet and ``duban record``."""
    top, _, sub = task.local_id.partition("/")
    parts = [f"plan: {task.plan_id}"] if several_plans else []
    parts.append(f"task: {top}")
    if sub:
        parts.append(f"item: {sub}")
    if len(task.due) > 1:
        parts.append(f"due: {item.due_id}")
    if item.key:
        parts.append(f"period: {item.key}")
    return " · ".join(parts)


def count_text(row: StatusRow, t: Locale) -> str | None:
    """How far a count duty is: 1/2 次, 16/40 学时 (None for other duties)."""
    item, due = row.item, row.due
    if due is None or item.count is None or not due.is_count:
        return None
    if due.amount is not None:
        unit = due.amount_unit or ""
        return f"{_num(item.count)}/{_num(due.amount)} {unit}".rstrip()
    return f"{_num(item.count)}/{due.times} {t.times_unit}"


def _num(value: float) -> str:
    return str(int(value)) if float(value).is_integer() else f"{value:g}"
