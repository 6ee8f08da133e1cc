"""What the pages show, computed once from the model and an evaluation: pure functions, no HTML.

The templates only lay these values out. Everything a reader might compare across pages (a task's
light, a unit's record, a section's tally) is computed here, so two pages can never disagree.

Computed names (never raw data keys): ``light`` (the combined state of several occurrences),
``tally`` (counts of occurrences by state), ``done_rate`` and ``on_time_rate``.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import cached_property
from typing import Any

from duban.evaluation.evaluate import Evaluation, ItemState, State
from duban.model.model import Model
from duban.model.org import Group, Holder, Unit
from duban.model.plan import ROLES, Due, Plan, Task

# Worst first: the light of several occurrences is the first state in this order that any of
# them has, except that "done" needs all of them done (see ``combine``).
OPEN_ORDER = (State.OVERDUE, State.DUE_SOON, State.NOT_DUE)


# How lights are listed in cards, bars, legends and filters: done first, then open, worst last.
DISPLAY_ORDER = (
    State.DONE_ON_TIME,
    State.DONE_LATE,
    State.ONGOING,
    State.NOT_DUE,
    State.DUE_SOON,
    State.OVERDUE,
    State.MISSED,
    State.NOT_APPLICABLE,
)

SEVERITY = (
    State.OVERDUE,
    State.MISSED,
    State.DUE_SOON,
    State.NOT_DUE,
    State.ONGOING,
    State.DONE_LATE,
    State.DONE_ON_TIME,
    State.NOT_APPLICABLE,
)


def severity(state: State | None) -> int:
    """Sort key of a light, worst first (no light last)."""
    return SEVERITY.index(state) if state is not None else len(SEVERITY)


def combine(states: Iterable[State]) -> State | None:
    """The light of several occurrences: any open one decides (worst first); then a missed
    count duty, then a duty still going on; otherwise done late beats done on time, and only
    if nothing applies is it not applicable."""
    present = set(states)
    if not present:
        return None
    for state in (*OPEN_ORDER, State.MISSED, State.ONGOING, State.DONE_LATE, State.DONE_ON_TIME):
        if state in present:
            return state
    return State.NOT_APPLICABLE


@dataclass(frozen=True)
class Tally:
    """Occurrences counted by state."""

    counts: Counter[State] = field(default_factory=Counter)
    unreported: int = 0
    """Occurrences (not applicable aside) no holder has recorded anything for: 未报送."""
    unreported_overdue: int = 0
    """Overdue occurrences among them: late and never reported."""
    unreported_by: Counter[State] = field(default_factory=Counter)
    """Unreported occurrences by state."""

    @classmethod
    def of(cls, items: Iterable[ItemState]) -> Tally:
        items = list(items)
        silent = [i for i in items if not i.reported and i.state is not State.NOT_APPLICABLE]
        return cls(
            Counter(i.state for i in items),
            len(silent),
            sum(1 for i in silent if i.state is State.OVERDUE),
            Counter(i.state for i in silent),
        )

    def unreported_in(self, state: State) -> int:
        """How many of ``state`` were never reported (drawn pale in bars for late states)."""
        return self.unreported_by.get(state, 0)

    @property
    def reported(self) -> int:
        return self.applicable - self.unreported

    def __getitem__(self, state: State) -> int:
        return self.counts.get(state, 0)

    @property
    def total(self) -> int:
        return sum(self.counts.values())

    @property
    def applicable(self) -> int:
        return self.total - self[State.NOT_APPLICABLE]

    @property
    def done(self) -> int:
        return self[State.DONE_ON_TIME] + self[State.DONE_LATE]

    @property
    def overdue(self) -> int:
        return self[State.OVERDUE]

    @property
    def open(self) -> int:
        return self[State.NOT_DUE] + self[State.DUE_SOON] + self[State.OVERDUE]

    @property
    def missed(self) -> int:
        return self[State.MISSED]

    @property
    def reckoned(self) -> int:
        """Occurrences that count for a rate: done, or due and not done (overdue or missed)."""
        return self.done + self.overdue + self.missed

    @property
    def done_rate(self) -> float | None:
        """Share (0-1) of reckoned occurrences that are done; None when nothing is reckoned."""
        return self.done / self.reckoned if self.reckoned else None

    @property
    def on_time_rate(self) -> float | None:
        return self[State.DONE_ON_TIME] / self.reckoned if self.reckoned else None

    def segments(self) -> list[tuple[State, int]]:
        """Non-zero counts in display order (for stacked bars)."""
        return [(s, self[s]) for s in DISPLAY_ORDER if self[s]]


# -- names and roles ---------------------------------------------------------------------------
def holder_name(model: Model, ref_id: str) -> str:
    entity = model.entity(ref_id)
    return entity.display_name if entity is not None else ref_id


def groups_of(model: Model, holder_id: str) -> list[Group]:
    return [g for g in model.groups.values() if any(m.unit_id == holder_id for m in g.members)]


@dataclass(frozen=True)
class Index:
    """Occurrences and reports grouped once per build. Each page looks up its own share here;
    scanning the whole evaluation for every unit page made the build quadratic in units."""

    by_holder: dict[str, list[ItemState]]
    """Every holder's occurrences, shared duties listed under each of their holders."""
    by_task: dict[str, list[ItemState]]
    """Occurrences of each task or sub-item itself."""
    by_top: dict[str, list[ItemState]]
    """Occurrences of each task and all its sub-items (a task's row and light)."""
    model: Model
    as_of: dt.date

    @classmethod
    def of(cls, model: Model, evaluation: Evaluation) -> Index:
        by_holder: dict[str, list[ItemState]] = {}
        by_task: dict[str, list[ItemState]] = {}
        by_top: dict[str, list[ItemState]] = {}
        for item in evaluation.items:
            for holder_id in item.holders:
                by_holder.setdefault(holder_id, []).append(item)
            by_task.setdefault(item.task_id, []).append(item)
            task = model.tasks.get(item.task_id)
            top = task.top_id if task is not None else item.task_id
            by_top.setdefault(top, []).append(item)
        return cls(by_holder, by_task, by_top, model, evaluation.as_of)

    # Reports are gathered when first asked for: each plan's index is built too, and its
    # reports (a second of a province's build each) were never read.
    @cached_property
    def reports(self) -> list[ReportEntry]:
        """Everything reported up to the evaluation's date, newest first."""
        return report_entries(self.model, self.as_of)

    @cached_property
    def reports_by_holder(self) -> dict[str, list[ReportEntry]]:
        found: dict[str, list[ReportEntry]] = {}
        for report in self.reports:
            found.setdefault(report.holder_id, []).append(report)
        return found


@dataclass(frozen=True)
class RoleRef:
    """One phrase of a role as the plan writes it, and the unit or group it names."""

    as_written: str
    ref_id: str


def role_refs(task: Task, role: str) -> list[RoleRef]:
    assignment = task.roles.get(role)
    if assignment is None:
        return []
    return [RoleRef(w, r) for w, r in zip(assignment.as_written, assignment.ref_ids, strict=False)]


def supervisors(model: Model, task: Task) -> list[RoleRef]:
    """Who chases a task: :meth:`Model.supervisors` (its supervising units, else its lead
    units), the same definition the check report and the overdue issue use."""
    role, _ = model.supervisors(task)
    return role_refs(task, role) if role else []


@dataclass(frozen=True)
class HolderRole:
    """A role a unit holds in a task, directly or through a group (``via``)."""

    task: Task
    role: str
    via: str | None


def roles_of(model: Model, holder_id: str) -> list[HolderRole]:
    """Every role ``holder_id`` holds across the plans, tasks and sub-items, in plan order."""
    member_of = {g.id for g in groups_of(model, holder_id)}
    order = {p.id: n for n, p in enumerate(model.plans_in_order())}
    result = []
    for task in sorted(model.all_in_order(), key=lambda t: (order.get(t.plan_id, 0), t.order)):
        for role in ROLES:
            assignment = task.roles.get(role)
            if assignment is None or holder_id not in (*assignment.unit_ids, *assignment.ref_ids):
                continue
            via = None
            if holder_id not in assignment.ref_ids:
                via = next((r for r in assignment.ref_ids if r in member_of), None)
            result.append(HolderRole(task, role, via))
    return result


# -- occurrences -------------------------------------------------------------------------------
def last_update(item: ItemState, as_of: dt.date) -> dt.date | None:
    """The latest date the holder reported anything for this occurrence, up to ``as_of``."""
    entry = item.entry
    if entry is None:
        return None
    dates = [u.date for u in entry.updates if u.date <= as_of]
    dates += [d for d in (entry.done, entry.started) if d is not None and d <= as_of]
    dates += [e.date for e in entry.evidence if e.date is not None and e.date <= as_of]
    return max(dates, default=None)


def due_label(task: Task, due: Due) -> str | None:
    """What a deadline is about, when a task has several (its label, else nothing)."""
    return due.label if len(task.due) > 1 or due.label else None


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


def holder_lights(items: Iterable[ItemState]) -> dict[str, State]:
    """The light of each holder over its occurrences (in first-seen order)."""
    by_holder: dict[str, list[State]] = {}
    for item in items:
        by_holder.setdefault(item.holder_id, []).append(item.state)
    return {h: s for h, states in by_holder.items() if (s := combine(states)) is not None}


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
    lights = holder_lights(items)
    applicable = {h: s for h, s in lights.items() if s is not State.NOT_APPLICABLE}
    dates = sorted({o.due for d in task.due for o in d.occurrences})
    return TaskRow(
        task=task,
        holders=len(applicable),
        holders_done=sum(1 for s in applicable.values() if s.is_done),
        holders_overdue=sum(1 for s in applicable.values() if s is State.OVERDUE),
        light=combine(lights.values()),
        due_dates=tuple(dates),
        tally=Tally.of(items),
    )


def task_rows(model: Model, index: Index) -> list[TaskRow]:
    """One row per task (not sub-item): its own occurrences and its sub-items'."""
    return [task_row(t, index.by_top.get(t.id, [])) for t in model.tasks_in_order()]


def task_citation(task: Task) -> str:
    """How a reader cites a task or sub-item: 二（一）, （三）1. (else its number)."""
    if task.label:
        return task.label
    return f"（{task.numeral}）" if task.numeral else str(task.number)


def plan_name(model: Model, plan_id: str) -> str:
    plan = model.plans.get(plan_id)
    return plan.display_name if plan is not None else plan_id


@dataclass(frozen=True)
class PlanRow:
    """One plan on the home page: its facts and the tally of its occurrences."""

    plan: Plan
    issuer: str
    tasks: int
    tally: Tally
    light: State | None


def plan_rows(model: Model, evaluation: Evaluation) -> list[PlanRow]:
    """Every plan of the repository, newest first."""
    result = []
    for plan in model.plans_in_order():
        items = [i for i in evaluation.items if i.plan_id == plan.id]
        tasks = sum(1 for t in model.tasks.values() if t.plan_id == plan.id and t.parent is None)
        issuer = model.entity(plan.issuer)
        body = model.bodies.get(plan.issuer)
        name = issuer.name if issuer is not None else body.name if body is not None else plan.issuer
        result.append(PlanRow(plan, name, tasks, Tally.of(items), combine(i.state for i in items)))
    return result


# -- holders -----------------------------------------------------------------------------------
@dataclass(frozen=True)
class HolderRecord:
    """A unit's (or member-less group's) overall record: one row of the ranking."""

    holder: Holder
    tally: Tally
    light: State | None
    rank: int | None = None


def holder_record(holder: Holder, items: list[ItemState]) -> HolderRecord:
    """The record of ``holder``, from its occurrences (``Index.by_holder``)."""
    return HolderRecord(holder, Tally.of(items), combine(i.state for i in items))


def reporters(model: Model) -> set[str]:
    """Holders that recorded anything for the model's tasks (a status entry)."""
    return {e.holder_id for e in model.status.values() if e.task_id in model.tasks}


def rankable(model: Model, record: HolderRecord, reported: set[str]) -> bool:
    """Only units that have reported, with something reckoned, are ranked: a unit that
    reported nothing stands at 0% for want of a report, not of work, and a group without
    listed members is not a unit."""
    return (
        not isinstance(record.holder, Group)
        and record.holder.id in reported
        and bool(record.tally.reckoned)
    )


def ranking(model: Model, index: Index) -> list[HolderRecord]:
    """Holders with obligations, best record first: on-time rate, then done rate, then fewest
    overdue. Only units that have reported are ranked (:func:`rankable`); the others come
    last, unranked."""
    by_holder = index.by_holder
    reported = reporters(model)
    records = [
        HolderRecord(h, Tally.of(by_holder[h.id]), combine(i.state for i in by_holder[h.id]))
        for h in model.holders.values()
        if h.id in by_holder
    ]
    ranked = sorted(
        (r for r in records if rankable(model, r, reported)),
        key=lambda r: (-(r.tally.on_time_rate or 0), -(r.tally.done_rate or 0), r.tally.overdue),
    )
    result = []
    previous: tuple[float, float, int] | None = None
    rank = 0
    for position, record in enumerate(ranked, start=1):
        score = (record.tally.on_time_rate or 0, record.tally.done_rate or 0, record.tally.overdue)
        if score != previous:  # ties share a rank (1, 2, 2, 4)
            rank, previous = position, score
        result.append(HolderRecord(record.holder, record.tally, record.light, rank))
    result += [r for r in records if not rankable(model, r, reported)]
    return result


def holder_kind(holder: Holder) -> str:
    return "group" if isinstance(holder, Group) else holder.kind


def page_holders(model: Model) -> list[Holder]:
    """Every unit and every group gets a page (member-less groups hold obligations)."""
    result: list[Holder] = list(model.units.values())
    result += list(model.groups.values())
    return result


def group_members(model: Model, group: Group) -> list[Unit | Group]:
    return [e for m in group.members if (e := model.entity(m.unit_id)) is not None]


# -- summaries ---------------------------------------------------------------------------------
@dataclass(frozen=True)
class SectionRow:
    number: int
    numeral: str | None
    title: str
    tasks: tuple[Task, ...]
    tally: Tally


def section_rows(model: Model, evaluation: Evaluation) -> list[SectionRow]:
    result = []
    for section in model.plan.sections:
        tasks = tuple(t for t in model.tasks_in_order() if t.section == section.number)
        if not tasks:
            continue  # sections of plan text only (e.g. 七 工作要求) hold no obligations
        ids = {t.id for t in tasks}
        tally = Tally.of(
            i
            for i in evaluation.items
            if i.task_id in model.tasks and model.tasks[i.task_id].top_id in ids
        )
        result.append(SectionRow(section.number, section.numeral, section.title, tasks, tally))
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


def upcoming(evaluation: Evaluation, limit_days: int | None = None) -> list[ItemState]:
    """Open occurrences not yet overdue, soonest first; within ``limit_days`` if given."""
    items = [i for i in evaluation.items if i.state in (State.DUE_SOON, State.NOT_DUE)]
    if limit_days is not None:
        items = [i for i in items if (i.days_left or 0) <= limit_days]
    return sorted(items, key=lambda i: (i.due, i.task_id, i.holder_id))


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
        return combine(i.state for i in self.items)

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
    return sorted(
        evaluation.with_state(State.OVERDUE),
        key=lambda i: (-(i.days_late or 0), i.task_id, i.holder_id),
    )


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


def report_entries(model: Model, as_of: dt.date) -> list[ReportEntry]:
    """Everything holders reported up to ``as_of``, newest first (the feed and 最新进展)."""
    result = []
    for entry in model.status.values():
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
        if entry.state == "done" and entry.done is not None and entry.done <= as_of:
            result.append(
                ReportEntry(
                    entry.done,
                    entry.holder_id,
                    entry.task_id,
                    entry.due_id,
                    entry.period,
                    entry.summary,
                    None,
                    "done",
                )
            )
    return sorted(
        result,
        key=lambda r: (r.date, r.kind == "done", r.holder_id, r.task_id, r.key, r.index),
        reverse=True,
    )


def ref_target(model: Model, ref_id: str) -> str:
    """The unit or group a reference's link goes to: a body (县政府常务会议) links to the unit
    that carries its duties."""
    body = model.bodies.get(ref_id)
    if body is None:
        return ref_id
    carrier = body.carried_by
    if carrier in model.units or carrier in model.groups:
        return carrier
    return model.names.get(carrier, carrier)


def kind_name(model: Model, holder: Holder, t: object) -> str:
    """A holder's kind in words, as org.yaml names it (a group: the locale's word)."""
    if isinstance(holder, Group):
        return str(t.kind_group)  # type: ignore[attr-defined]
    return model.kind_name(holder.kind, getattr(t, "language", "zh"))


def task_title(task: Task, limit: int = 40) -> str:
    """A task's title for links and lists; a sub-item without a title of its own (its title is
    its text) is cut short."""
    title = task.title or ""
    if task.is_item and title == task.text and len(title) > limit:
        return title[:limit] + "…"
    return title


def task_ranks(model: Model) -> dict[str, int]:
    """Every task's and sub-item's place in plan order, newest plan first."""
    order = {p.id: n for n, p in enumerate(model.plans_in_order())}
    ranked = sorted(model.tasks.values(), key=lambda t: (order.get(t.plan_id, 0), t.order))
    return {t.id: n for n, t in enumerate(ranked, start=1)}
