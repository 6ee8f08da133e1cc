"""What the pages' tables and lists show, computed once from the model and an evaluation: pure
functions, no HTML.

The templates only lay these values out. Everything a reader might compare across pages (a task's
light, a section's tally, a deadline met or missed) is computed here or in the modules beside it
(:mod:`.lights` for lights and tallies, :mod:`.holder_records` for a unit's record and the
ranking, :mod:`.names` for names and roles), so two pages can never disagree.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass
from itertools import compress
from operator import attrgetter
from typing import Any

from duban.evaluation.evaluate import Evaluation, ItemState, State
from duban.model.model import Model
from duban.model.org import Group
from duban.model.plan import Due, Plan, Task
from duban.site import kept_sorted
from duban.site.index import Index
from duban.site.lights import Tally, combine, holder_lights, light_of


# -- occurrences -------------------------------------------------------------------------------
def due_label(task: Task, due: Due) -> str | None:
    """What a deadline is about, when a task has several (its label, else nothing)."""
    return due.label if len(task.due) > 1 or due.label else None


# -- tasks and plans ---------------------------------------------------------------------------
@dataclass(frozen=True)
class TaskRow:
    """One row of the task table (任务分工表)."""

    task: Task
    holders: int
    holders_done: int
    holders_overdue: int
    light: State | None
    due_dates: tuple[dt.date, ...]
    tally: Tally

    @property
    def first_due(self) -> dt.date | None:
        return self.due_dates[0] if self.due_dates else None

    @property
    def last_due(self) -> dt.date | None:
        return self.due_dates[-1] if self.due_dates else None


def holders_done(task: Task, as_of: dt.date, items: list[ItemState]) -> list[dict[str, Any]] | None:
    """For a task with named deliverables: each holder of ``items`` and the deliverables it
    had done by ``as_of`` (None for a task without deliverables)."""
    if not task.deliverables:
        return None
    result = []
    for holder_id in holder_lights(items):
        done: dict[str, Any] = {}
        for item in items:
            if item.holder_id != holder_id or item.entry is None:
                continue
            for d in item.entry.deliverables:
                if d.done is None or d.done <= as_of:
                    done[d.id] = d
        result.append({"holder_id": holder_id, "done": done})
    return result


def task_row(task: Task, items: list[ItemState]) -> TaskRow:
    """The row of ``task``, from its occurrences (``Index.by_task``)."""
    return row_of(task, holder_lights(items), Tally.of(items))


def row_of(task: Task, lights: dict[str, State], tally: Tally) -> TaskRow:
    """h24v: the row of ``task`` from its occurrences' lights by holder and their tally."""
    applicable = {h: s for h, s in lights.items() if s is not State.NOT_APPLICABLE}
    dates = sorted({o.due for d in task.due for o in d.occurrences})
    return TaskRow(
        task=task,
        holders=len(applicable),
        holders_done=sum(1 for s in applicable.values() if s.is_done),
        holders_overdue=sum(1 for s in applicable.values() if s is State.OVERDUE),
        light=combine(lights.values()),
        due_dates=tuple(dates),
        tally=tally,
    )


def task_rows(model: Model, index: Index) -> list[TaskRow]:
    """One row per task (not sub-item): its own occurrences and its sub-items'."""
    return [task_row(t, index.by_top.get(t.id, [])) for t in model.tasks_in_order()]


@dataclass(frozen=True)
class PlanRow:
    """One plan on the home page: its facts and the tally of its occurrences."""

    plan: Plan
    issuer: str
    tasks: int
    tally: Tally
    light: State | None


def plan_rows(
    model: Model, evaluation: Evaluation, tallies: Mapping[str, Tally] | None = None
) -> list[PlanRow]:
    """Every plan of the repository, newest first. ``tallies`` (h24s): each plan's
    occurrences' tally when the caller has it (its index's, :attr:`Index.tally`)."""
    tallies = tallies or {}
    by_plan: dict[str, list[ItemState]] = {}  # h24s: one pass, not one per plan
    if any(plan_id not in tallies for plan_id in model.plans):
        for item in evaluation.items:
            by_plan.setdefault(item.plan_id, []).append(item)
    result = []
    for plan in model.plans_in_order():
        tally = tallies.get(plan.id) or Tally.of(by_plan.get(plan.id, []))
        tasks = sum(1 for t in model.tasks.values() if t.plan_id == plan.id and t.parent is None)
        result.append(PlanRow(plan, plan_issuer(model, plan), tasks, tally, tally.light))
    return result


def plan_issuer(model: Model, plan: Plan) -> str:
    """The name of the plan's issuer (:attr:`PlanRow.issuer`, without tallying the plan)."""
    issuer = model.entity(plan.issuer)
    body = model.bodies.get(plan.issuer)
    return issuer.name if issuer is not None else body.name if body is not None else plan.issuer


# -- summaries ---------------------------------------------------------------------------------
@dataclass(frozen=True)
class SectionRow:
    number: int
    numeral: str | None
    title: str
    tasks: tuple[Task, ...]
    tally: Tally


def section_rows(
    model: Model, evaluation: Evaluation, index: Index | None = None
) -> list[SectionRow]:
    """``index`` (h24s): the evaluation's; its lists by top task and by task are grouped by
    section (a section's occurrences in another order: a tally only counts them)."""
    # h24q: the occurrences by their top task's section and by task in one pass, each list in
    # the evaluation's order (scanning every occurrence for every section was quadratic)
    in_order = model.tasks_in_order()
    by_section: dict[int, list[ItemState]] = {}
    by_task: dict[str, list[ItemState]] = {}
    tasks = model.tasks
    if index is not None and index.evaluation is evaluation:
        by_task = index.by_task
        for top_id, items in index.by_top.items():
            top = tasks.get(top_id)
            if top is not None:
                by_section.setdefault(top.section, []).extend(items)
    else:
        for item in evaluation.items:
            by_task.setdefault(item.task_id, []).append(item)
            task = tasks.get(item.task_id)
            top = tasks.get(task.top_id) if task is not None else None
            if top is not None:
                by_section.setdefault(top.section, []).append(item)
    result = []
    for section in model.plan.sections:
        found = tuple(t for t in in_order if t.section == section.number)
        if not found:
            continue  # sections of plan text only (e.g. 七 工作要求) hold no obligations
        tally = Tally.of(by_section.get(section.number, ()))
        result.append(SectionRow(section.number, section.numeral, section.title, found, tally))
    # the plan-wide duties (plan.yaml duties) belong to no section: a row of their own, last
    for task in in_order:
        if task.is_plan_wide:
            items = by_task.get(task.id, [])
            result.append(SectionRow(0, None, task.title, (task,), Tally.of(items)))
    return result


@dataclass(frozen=True)
class GroupRow:
    group: Group
    members: int
    tally: Tally


def group_rows(model: Model, evaluation: Evaluation) -> list[GroupRow]:
    # occurrences by holder once: scanning every occurrence for every group was quadratic
    by_holder: dict[str, list[ItemState]] = {}
    for item in evaluation.items:
        by_holder.setdefault(item.holder_id, []).append(item)
    result = []
    for group in model.groups.values():
        ids = {m.unit_id for m in group.members} | {group.id}
        items = [i for h in ids for i in by_holder.get(h, ())]
        if items:
            result.append(GroupRow(group, len(group.members), Tally.of(items)))
    return result


@dataclass(frozen=True)
class DeadlineRow:
    """One dated deadline of one task across its holders: met or missed as of the build."""

    task: Task
    due: Due
    date: dt.date
    key: str
    tally: Tally


def deadline_rows(model: Model, evaluation: Evaluation) -> list[DeadlineRow]:
    grouped: dict[tuple[str, str, str], list[ItemState]] = {}
    for item in evaluation.items:
        grouped.setdefault((item.task_id, item.due_id, item.key), []).append(item)
    result = []
    for (task_id, due_id, key), items in grouped.items():
        task = model.tasks[task_id]
        due = task.due_item(due_id)
        assert due is not None
        result.append(DeadlineRow(task, due, items[0].due, key, Tally.of(items)))
    return sorted(result, key=lambda r: (r.date, r.task.order, r.due.id, r.key))


# -- lists of occurrences ----------------------------------------------------------------------
_OPEN = frozenset({State.DUE_SOON, State.NOT_DUE})
_state = attrgetter("state")


_soonest = attrgetter("due", "task_id", "holder_id")


def _is_open(item: ItemState) -> bool:
    return item.state in _OPEN


# h24v: the open occurrences of the last few evaluations, sorted (:func:`upcoming`); h24ae:
# serving, made from the last build's (:mod:`.kept_sorted`)
_opened = kept_sorted.SortedPicks(_is_open, _soonest)


def upcoming(evaluation: Evaluation, limit_days: int | None = None) -> list[ItemState]:
    """Open occurrences not yet overdue, soonest first; within ``limit_days`` if given."""
    every = _open_sorted(evaluation.items)
    if limit_days is None:
        return list(every)
    # a stable sort's order of a subset: the subset's
    return [i for i in every if (i.days_left or 0) <= limit_days]


def _open_sorted(items: tuple[ItemState, ...]) -> list[ItemState]:
    """The open ones of ``items`` by due date, task and holder, sorted once per tuple of
    items (h24v: a context's due-soon list and the home page's next deadlines ask for the same
    evaluation's; the sort's key made in C)."""

    def whole() -> list[ItemState]:  # h24u: the open ones picked in C
        return sorted(compress(items, map(_OPEN.__contains__, map(_state, items))), key=_soonest)

    kept = isinstance(items, tuple)  # a list may change in place: not kept
    return _opened.of(items, whole) if kept else whole()


@dataclass(frozen=True)
class NextDeadline:
    """One upcoming due date of one deadline, with the holders that still owe it."""

    date: dt.date
    task_id: str
    due_id: str
    key: str
    items: tuple[ItemState, ...]

    @property
    def light(self) -> State | None:
        return light_of(self.items)

    @property
    def days_left(self) -> int | None:
        return self.items[0].days_left if self.items else None


def next_deadlines(evaluation: Evaluation, limit: int) -> list[NextDeadline]:
    """The next ``limit`` due dates still open, each grouped across its holders."""
    grouped: dict[tuple[dt.date, str, str, str], list[ItemState]] = {}
    for item in upcoming(evaluation):
        grouped.setdefault((item.due, item.task_id, item.due_id, item.key), []).append(item)
    return [NextDeadline(*key, tuple(items)) for key, items in list(grouped.items())[:limit]]


def overdue(evaluation: Evaluation) -> list[ItemState]:
    """Overdue occurrences, longest overdue first."""

    def whole() -> list[ItemState]:
        items = evaluation.with_state(State.OVERDUE)
        if None in map(_days_late, items):
            return sorted(items, key=_longest_late)
        # h24v: the same order by two stable sorts with keys made in C (reverse keeps the
        # order of equal keys)
        items.sort(key=_by_task_and_holder)
        items.sort(key=_days_late, reverse=True)
        return items

    kept = isinstance(evaluation.items, tuple)  # a list may change in place: not kept
    # h24ae: serving, made from the last build's (a copy: callers may change it)
    return list(_late.of(evaluation.items, whole)) if kept else whole()


def _is_overdue(item: ItemState) -> bool:
    return item.state is State.OVERDUE


def _longest_late(item: ItemState) -> tuple[int, str, str]:
    return (-(item.days_late or 0), item.task_id, item.holder_id)


_days_late = attrgetter("days_late")
_late = kept_sorted.SortedPicks(_is_overdue, _longest_late)
_by_task_and_holder = attrgetter("task_id", "holder_id")
