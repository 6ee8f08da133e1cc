"""A plan and its tasks: sections, sub-items, roles, deadlines and their occurrences.

See :mod:`duban.model.model` for what the model as a whole promises.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from duban.model.links import Link
from duban.model.org import Leadership
from duban.model.refs import NO_SOURCE, Source

ROLES = ("lead", "cooperate", "responsible", "supervise", "assess")
PLAN_TASK = "plan"
"""The local id of the task that carries a plan's plan-wide duties (``duties`` of plan.yaml):
status entries name them ``task: plan`` with the duty's id as ``due``."""
HOLDING_ROLES = ("lead", "cooperate", "responsible")
"""Roles inherited by a sub-item as a block when it names none of them (supervise and assess
are inherited one by one)."""


@dataclass(frozen=True)
class Provision:
    number: int
    title: str
    text: str
    numeral: str | None = None


@dataclass(frozen=True)
class Section:
    number: int
    title: str
    numeral: str | None = None
    provisions: tuple[Provision, ...] = ()


@dataclass(frozen=True)
class SourceDocument:
    title: str
    number: str | None = None
    issuer: str | None = None
    short_name: str | None = None
    url: str | None = None


@dataclass(frozen=True)
class Plan:
    id: str
    title: str
    issuer: str
    signed: dt.date
    period_start: dt.date
    period_end: dt.date
    sections: tuple[Section, ...]
    notice_title: str | None = None
    document_number: str | None = None
    addressees: str | None = None
    signed_as_written: str | None = None
    notice_text: str | None = None
    preamble: str | None = None
    closing: str | None = None
    period_as_written: str | None = None
    sources: tuple[SourceDocument, ...] = ()
    source_url: str | None = None
    goals: tuple[str, ...] = ()
    leadership: Leadership | None = None
    source: Source = NO_SOURCE
    short_name: str | None = None
    description: str | None = None
    kind: str | None = None
    task_numbering: str = "plan"
    published: dt.date | None = None
    """The date issued (印发), when the data gives it: deadlines counted from publication wait
    for it."""

    @property
    def display_name(self) -> str:
        return self.short_name or self.title

    def section(self, number: int) -> Section | None:
        return next((s for s in self.sections if s.number == number), None)


@dataclass(frozen=True)
class RoleAssignment:
    """One role of a task: the phrases as written, the references and the holders they mean."""

    as_written: tuple[str, ...]
    ref_ids: tuple[str, ...]
    unit_ids: tuple[str, ...]


@dataclass(frozen=True)
class Indicator:
    id: str
    name: str
    measure: str
    unit: str = "percent"
    numerator: str | None = None
    denominator: str | None = None
    figure: str | None = None
    figures_from: str | None = None
    """Another (recurring) deadline of the task whose reports carry the figures: a target date
    reads the figures reported for the period that contains it (None: this deadline's own)."""

    @property
    def figures(self) -> tuple[str, ...]:
        return tuple(f for f in (self.numerator, self.denominator, self.figure) if f)


@dataclass(frozen=True)
class Target:
    date: dt.date
    min: float | None = None
    max: float | None = None
    as_written: str | None = None


@dataclass(frozen=True)
class Amount:
    """One of several amounts a deadline sets (公共法律知识培训不少于40学时、专业…不少于60学时):
    its own indicator, checked at each due date of the deadline (``targets``)."""

    indicator: Indicator
    targets: tuple[Target, ...]


@dataclass(frozen=True)
class Occurrence:
    """One dated instance of a deadline: the whole of a one-off, or one period of a duty.

    ``key`` is what a status entry's ``period`` names ("" for a one-off deadline).
    """

    key: str
    due: dt.date
    starts: dt.date
    ends: dt.date | None = None
    """The last day of the period covered (None for a one-off): a count duty's instances fall
    between ``starts`` and ``ends``."""
    opens: dt.date | None = None
    """The first day of a window (``kind: window``): done before it is early."""
    waiting: bool = False
    """Counted from an event that has no date yet (``kind: after``): ``due`` is only the end of
    the plan period, a placeholder; the occurrence is waiting for the event, never overdue."""


@dataclass(frozen=True)
class After:
    """自某一事件之日起 N 日（月、工作日）内: the event (``signed``, ``published``, ``record`` or
    the id of another one-off deadline of the same task) and the time allowed, counted from the
    next day."""

    event: str
    days: int | None = None
    months: int | None = None
    working_days: bool = False
    record: str | None = None
    """With ``event: record``: the kind of dated record (data/records ``events``) it counts from,
    one occurrence per such record (每次检查后10个工作日内通报)."""

    @property
    def is_step(self) -> bool:
        return self.event not in ("signed", "published", "record")

    @property
    def is_record(self) -> bool:
        return self.event == "record"


@dataclass(frozen=True)
class Due:
    id: str
    kind: str
    as_written: str | None
    label: str | None
    holder_ids: tuple[str, ...]
    occurrences: tuple[Occurrence, ...]
    date: dt.date | None = None
    year: int | None = None
    every: str | None = None
    times: int = 1
    starts: dt.date | None = None
    ends: dt.date | None = None
    indicator: Indicator | None = None
    targets: tuple[Target, ...] = ()
    trigger: str | None = None
    source: Source = NO_SOURCE
    """Where the deadline entry is written (``due[i]`` of the task file)."""
    period: str | None = None
    month: int | None = None
    day: int | None = None
    due_in: str = "same-period"
    amount: float | None = None
    amount_unit: str | None = None
    shared: str | None = None
    """``any`` or ``all``: the holders share one duty; None: each answers for its own."""
    check_in: bool = False
    """An ongoing duty whose occurrences are its periodic check-ins."""
    written: frozenset[str] = frozenset()
    """The keys the data wrote for this deadline (``times`` given explicitly, ...)."""
    after: After | None = None
    """``kind: after``: the event it is counted from and the time allowed."""
    amounts: tuple[Amount, ...] = ()
    """Several amounts under this one deadline, each with its own indicator and targets."""
    from_rule: bool = False
    """Added by a rule of plan.yaml (``task_rules``): a status entry that names no deadline
    still means the task's own one."""

    @property
    def measures(self) -> tuple[tuple[Indicator, tuple[Target, ...]], ...]:
        """Every indicator this deadline is measured by, with its targets: its own, then its
        amounts'."""
        own = ((self.indicator, self.targets),) if self.indicator is not None else ()
        return own + tuple((a.indicator, a.targets) for a in self.amounts)

    @property
    def is_ongoing(self) -> bool:
        return self.kind == "ongoing"

    @property
    def is_count(self) -> bool:
        """Met by reaching a number of times or an amount within each period."""
        return self.kind == "recurring" and (
            self.times > 1 or self.amount is not None or "times" in self.written
        )

    def occurrence(self, key: str) -> Occurrence | None:
        return next((o for o in self.occurrences if o.key == key), None)


@dataclass(frozen=True)
class Deliverable:
    id: str
    name: str


@dataclass(frozen=True)
class Leader:
    """A leader the plan names beside a task's units (牵头领导：王 健（副市长）): a person, not a
    unit; holds no obligation and never appears where units are listed or counted.

    ``unit_id`` is the unit they lead, when the data names it (a unit id from org.yaml).
    """

    name: str
    post: str | None = None
    text: str | None = None
    unit_id: str | None = None

    @property
    def label(self) -> str:
        """王健（副市长）: the name with the post, as the office's documents address a leader."""
        return f"{self.name}（{self.post}）" if self.post else self.name

    @property
    def address(self) -> str:
        """副市长王健: the post before the name, as a step addressed to the leader names them."""
        return f"{self.post}{self.name}" if self.post else self.name


@dataclass(frozen=True)
class Task:
    """A task of a plan, or one of its sub-items (``parent`` set).

    ``id`` is the key unique across plans: ``<plan>/<task>`` for a task, ``<plan>/<task>/<item>``
    for a sub-item (``local_id`` is the part after the plan). ``label`` is the full label as a
    reader cites it: （三）, 二（一） or 二（一）1.
    """

    id: str
    number: int
    section: int
    title: str
    text: str
    roles: dict[str, RoleAssignment]
    deadline_as_written: str | None
    due: tuple[Due, ...]
    numeral: str | None = None
    roles_as_written: str | None = None
    deliverables: tuple[Deliverable, ...] = ()
    note: str | None = None
    source: Source = NO_SOURCE
    plan_id: str = ""
    local_id: str = ""
    label: str = ""
    parent: str | None = None
    children: tuple[str, ...] = ()
    order: tuple[int, ...] = ()
    item_label: str | None = None
    cooperate_word: str | None = None
    leaders: tuple[Leader, ...] = ()
    """The leaders named beside the units (a sub-item naming none inherits its parent's)."""
    implements: tuple[Link, ...] = ()
    """The upper tasks this task or sub-item carries out (``implements:``; not inherited: a
    sub-item's obligations count under its task's links as part of the task)."""

    @property
    def is_item(self) -> bool:
        return self.parent is not None

    @property
    def is_plan_wide(self) -> bool:
        """The plan's own task, carrying its plan-wide duties (no number, no section)."""
        return self.local_id == PLAN_TASK

    @property
    def citation(self) -> str:
        """How a reader cites the task or sub-item: 二（一）, （三）1. (else its number)."""
        if self.label or self.is_plan_wide:
            return self.label
        return f"（{self.numeral}）" if self.numeral else str(self.number)

    @property
    def measured(self) -> tuple[tuple[Due, Indicator, tuple[Target, ...]], ...]:
        """(deadline, indicator, its targets) for every indicator of every deadline of the task,
        its amounts' included: what charts, calendars and the evaluation go through."""
        return tuple((d, i, t) for d in self.due for i, t in d.measures)

    @property
    def heading(self) -> str:
        """The label and the title, as the office's documents name a task: （三）加强培训."""
        return f"{self.label}{self.title}"

    @property
    def top_id(self) -> str:
        """The key of the task this is, or is a sub-item of."""
        plan, _, rest = self.id.partition("/")
        return f"{plan}/{rest.split('/')[0]}"

    def due_item(self, due_id: str) -> Due | None:
        return next((d for d in self.due if d.id == due_id), None)

    @property
    def holder_ids(self) -> tuple[str, ...]:
        seen: dict[str, None] = {}
        for item in self.due:
            seen.update(dict.fromkeys(item.holder_ids))
        return tuple(seen)
