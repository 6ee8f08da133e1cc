"""Which obligation occurrences a unit reports on, and which one a row names.

One :class:`ReportTarget` per occurrence a unit answers for as of a date: the workbook has a row
for each, and a row the clerk fills in (or ``duban record``, or an issue form) is matched back
to one by its (plan, task, item, due, period). The occurrences are the evaluation's own
(:func:`duban.evaluation.evaluate.occurrences_of`), so what a unit can report is what
``duban check`` and the site count: a follow-up deadline (限期整改) is one occurrence per deadline
the office's records set for the unit, named by its period, from the day it was set.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

from duban.evaluation.evaluate import occurrences_of
from duban.i18n.messages import say
from duban.intake.rows import RowProblem, read_cell
from duban.model.model import Model, Obligation
from duban.model.plan import Due, Occurrence, Task
from duban.model.status import StatusEntry


@dataclass(frozen=True)
class ReportTarget:
    """The obligation occurrence a row reports on (not an indicator's ``model.plan.Target``)."""

    task: Task
    due: Due
    occurrence: Occurrence
    several_dues: bool
    """The unit answers for more than one deadline of the task: a row must name its ``due``."""

    @property
    def due_id(self) -> str:
        return self.due.id

    @property
    def period(self) -> str:
        """The occurrence's key: a status entry's ``period`` ("" for a one-off deadline)."""
        return self.occurrence.key


Targets = list[tuple[ReportTarget, StatusEntry | None]]


def report_targets(model: Model, unit_id: str, as_of: dt.date) -> Targets:
    """Every obligation occurrence the unit answers for, known on ``as_of``, in task order, with
    what is recorded for it."""
    held: dict[str, dict[str, Obligation]] = {}  # task id -> due id -> the unit's obligation
    for obligation in model.obligations:
        if unit_id in obligation.holders:
            for due_id in obligation.due_ids:
                held.setdefault(obligation.task_id, {})[due_id] = obligation
    result = []
    for task_id in sorted(held, key=lambda t: (model.tasks[t].plan_id, model.tasks[t].order)):
        task = model.tasks[task_id]
        mine = [d for d in task.due if d.id in held[task_id]]
        for due in mine:
            for occurrence in occurrences_of(model, due, held[task_id][due.id], as_of):
                target = ReportTarget(task, due, occurrence, len(mine) > 1)
                result.append((target, model.status_of(unit_id, task.id, due.id, occurrence.key)))
    return result


def find_target(
    model: Model, unit_id: str, targets: Targets, cells: dict[str, Any]
) -> ReportTarget:
    """The occurrence among ``targets`` (:func:`report_targets`) named by a row's (plan, task,
    item, due, period). Raises RowProblem saying what to fill in."""
    plan = read_cell(cells.get("plan", "")) or (
        next(iter(model.plans)) if len(model.plans) == 1 else ""
    )
    task = read_cell(cells.get("task", ""))
    item = read_cell(cells.get("item", ""))
    due = read_cell(cells.get("due", ""))
    period = read_cell(cells.get("period", ""))
    if task.isdigit() and len(task) == 1:
        task = task.zfill(2)  # Excel turns the text 01 into the number 1
    local = f"{task}/{item}" if item else task
    of_task = [
        target
        for target, _ in targets
        if target.task.plan_id == plan
        and (target.task.local_id == local or _number_matches(target.task, local))
    ]
    of_due = [t for t in of_task if not due or t.due_id == due]
    found = [t for t in of_due if t.period == period]
    where = "/".join(p for p in (plan, local, due, period) if p)
    if len(found) == 1 and not (found[0].several_dues and not due):
        return found[0]
    dues = sorted({t.due_id for t in of_task})
    if not due and len(dues) > 1:
        raise RowProblem(
            say(
                f"task {local} has several deadlines for this unit: name one with --due or 时限标识 ({', '.join(dues)})",
                f"任务 {local} 对本单位有多项时限，请填写时限标识（--due）：{'、'.join(dues)}",
            )
        )
    if len(found) == 1:
        return found[0]
    periods = [t.period for t in of_due]
    if not found and periods and all(periods):
        follow_up = all(t.due.kind == "follow-up" for t in of_due)
        raise RowProblem(
            say(
                f"period {period or '(empty)'} is not one of this duty's periods: {', '.join(periods)} (--period)",
                f"期次“{period}”不对，请填写期次（--period）：{'、'.join(periods)}"
                if period
                else f"限期整改须填写期次（--period），即督办机构下达整改期限的期次：{'、'.join(periods)}"
                if follow_up
                else f"周期性任务须填写期次（--period）：{'、'.join(periods)}",
            )
        )
    if not found and not of_due and _awaits_follow_up(model, unit_id, plan, local, due):
        raise RowProblem(
            say(
                f"no follow-up deadline (限期整改) has been set for {unit_id} on {where} yet (data/records): nothing to report until the office sets one",
                f"督办机构尚未对本单位（{unit_id}）下达 {where} 的整改期限（限期整改），暂无需报送；已下达的，请督办机构先在督办记录（data/records）中登记",
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


def _awaits_follow_up(model: Model, unit_id: str, plan: str, local: str, due: str) -> bool:
    """Whether the unit holds a follow-up deadline ``due`` of the task (or the task's only
    deadlines are follow-ups) that has no occurrence yet: nothing is set for it to report on."""
    for obligation in model.obligations:
        task = model.tasks[obligation.task_id]
        if unit_id not in obligation.holders or task.plan_id != plan:
            continue
        if task.local_id != local and not _number_matches(task, local):
            continue
        dues = [task.due_item(d) for d in obligation.due_ids if not due or d == due]
        if dues and all(d is not None and d.kind == "follow-up" for d in dues):
            return True
    return False
