"""Which obligation occurrences a unit reports on, and which one a row names.

One :class:`ReportTarget` per occurrence a unit answers for: the workbook has a row for each, and
a row the clerk fills in (or ``duban record``, or an issue form) is matched back to one by its
(plan, task, item, due, period).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from duban.i18n.messages import say
from duban.intake.rows import RowProblem, cell_text
from duban.model.model import Model
from duban.model.plan import Task
from duban.model.status import StatusEntry


@dataclass(frozen=True)
class ReportTarget:
    """The obligation occurrence a row reports on (not an indicator's ``model.plan.Target``)."""

    task: Task
    due_id: str
    period: str
    several_dues: bool


def report_targets(model: Model, unit_id: str) -> list[tuple[ReportTarget, StatusEntry | None]]:
    """Every obligation occurrence of the unit, in task order, with what is recorded for it."""
    result = []
    tasks = sorted(
        {o.task_id for o in model.obligations if unit_id in o.holders},
        key=lambda t: (model.tasks[t].plan_id, model.tasks[t].order),
    )
    for task_id in tasks:
        task = model.tasks[task_id]
        due_ids = {
            d
            for o in model.obligations
            if unit_id in o.holders and o.task_id == task_id
            for d in o.due_ids
        }
        mine = [d for d in task.due if d.id in due_ids]
        for due in mine:
            periods = (
                [o.key for o in due.occurrences]
                if due.kind == "recurring" or (due.kind == "follow-up" and due.occurrences)
                else [""]
            )
            for period in periods:
                target = ReportTarget(task, due.id, period, len(mine) > 1)
                result.append((target, model.status_of(unit_id, task.id, due.id, period)))
    return result


def find_target(model: Model, unit_id: str, cells: dict[str, Any]) -> ReportTarget:
    """The obligation occurrence named by a row's (plan, task, item, due, period)."""
    rows = report_targets(model, unit_id)
    plan = cell_text(cells.get("plan", "")) or (
        next(iter(model.plans)) if len(model.plans) == 1 else ""
    )
    task = cell_text(cells.get("task", ""))
    item = cell_text(cells.get("item", ""))
    due = cell_text(cells.get("due", ""))
    period = cell_text(cells.get("period", ""))
    if task.isdigit() and len(task) == 1:
        task = task.zfill(2)  # Excel turns the text 01 into the number 1
    local = f"{task}/{item}" if item else task
    found = [
        target
        for target, _ in rows
        if target.task.plan_id == plan
        and (target.task.local_id == local or _number_matches(target.task, local))
        and (not due or target.due_id == due)
        and target.period == period
    ]
    where = "/".join(p for p in (plan, local, due, period) if p)
    if len(found) == 1 and not (found[0].several_dues and not due):
        return found[0]
    dues = sorted(
        {t.due_id for t, _ in rows if t.task.plan_id == plan and t.task.local_id == local}
    )
    if not due and len(dues) > 1:
        raise RowProblem(
            say(
                f"task {local} has several deadlines for this unit: name one with --due or 时限标识 ({', '.join(dues)})",
                f"任务 {local} 对本单位有多项时限，请填写时限标识（--due）：{'、'.join(dues)}",
            )
        )
    if len(found) == 1:
        return found[0]
    periods = [
        t.period
        for t, _ in rows
        if t.task.plan_id == plan and t.task.local_id == local and (not due or t.due_id == due)
    ]
    if not found and periods and all(periods):
        raise RowProblem(
            say(
                f"period {period or '(empty)'} is not one of this duty's periods: {', '.join(periods)} (--period)",
                f"期次“{period}”不对，请填写期次（--period）：{'、'.join(periods)}"
                if period
                else f"周期性任务须填写期次（--period）：{'、'.join(periods)}",
            )
        )
    if not found:
        raise RowProblem(
            say(
                f"{unit_id} has no obligation {where}: see the ids on the unit's page (do not change the locked columns of the sheet)",
                f"本单位（{unit_id}）没有任务 {where}：请对照单位页面上的任务标识（表格中请勿改动锁定的各列）",
            )
        )
    raise RowProblem(
        say(
            f"{where} names several deadlines: fill 时限标识",
            f"{where} 对应多项时限：请填写时限标识",
        )
    )


def _number_matches(task: Task, local: str) -> bool:
    return task.parent is None and local.isdigit() and int(local) == task.number
