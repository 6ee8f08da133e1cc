"""The resolved plan as frozen dataclasses: what every later stage reads.

Built by :mod:`duban.build` from validated data. References are resolved (an alias such as
市局法规处 becomes the unit id ``fagui-chu``), groups are expanded to their members, dates are
``datetime.date`` and each task x holder becomes an :class:`Obligation` with its occurrences.

A *holder* is whoever keeps a status file and answers for obligations: a unit, or a group whose
members are not listed yet (the group then holds its obligations itself).

Names of computed values never clash with raw data keys: ``unit_ids`` (a role expanded to
holders), ``occurrences`` (the dated instances of a deadline), ``holder_ids`` and
``active_from``/``active_until`` (when a holder is bound by an obligation) exist only here.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass, field, replace
from typing import Any

from .refs import OccurrenceRef
from .supervision import Records, Rules

ROLES = ("lead", "cooperate", "responsible", "supervise", "assess")
HOLDING_ROLES = ("lead", "cooperate", "responsible")
"""Roles inherited by a sub-item as a block when it names none of them (supervise and assess
are inherited one by one)."""


@dataclass(frozen=True)
class Source:
    """Where a record is defined: ``path`` as shown in messages (relative to the working
    directory), ``file`` relative to the data folder (for edit links and the export)."""

    path: str
    line: int = 1
    file: str = ""


@dataclass(frozen=True)
class Unit:
    id: str
    name: str
    kind: str
    short_name: str | None = None
    aliases: tuple[str, ...] = ()
    parent: str | None = None
    joined: dt.date | None = None
    left: dt.date | None = None
    maintainers: tuple[str, ...] = ()
    note: str | None = None
    source: Source = Source("")

    @property
    def is_group(self) -> bool:
        return False

    @property
    def display_name(self) -> str:
        return self.short_name or self.name


@dataclass(frozen=True)
class Membership:
    unit_id: str
    joined: dt.date | None = None
    left: dt.date | None = None


@dataclass(frozen=True)
class Group:
    id: str
    name: str
    aliases: tuple[str, ...] = ()
    members: tuple[Membership, ...] = ()
    expected_count: int | None = None
    maintainers: tuple[str, ...] = ()
    note: str | None = None
    source: Source = Source("")
    kind: str = "group"
    short_name: str | None = None
    joined: dt.date | None = None
    left: dt.date | None = None

    @property
    def is_group(self) -> bool:
        return True

    @property
    def display_name(self) -> str:
        return self.name


Holder = Unit | Group


@dataclass(frozen=True)
class Kind:
    """A kind of unit and its display names, as org.yaml defines them."""

    id: str
    name: str
    name_en: str | None = None


@dataclass(frozen=True)
class Body:
    """An actor that is not a unit (县政府, 常务会议): ``carried_by`` carries its duties."""

    id: str
    name: str
    carried_by: str
    aliases: tuple[str, ...] = ()
    note: str | None = None
    source: Source = Source("")

    @property
    def display_name(self) -> str:
        return self.name


@dataclass(frozen=True)
class Person:
    name: str
    title: str | None = None
    unit_id: str | None = None


@dataclass(frozen=True)
class Position:
    role: str
    people: tuple[Person, ...]


@dataclass(frozen=True)
class Office:
    name: str
    positions: tuple[Position, ...] = ()
    duties: str | None = None
    staffing: str | None = None
    located_at: str | None = None


@dataclass(frozen=True)
class Leadership:
    name: str
    positions: tuple[Position, ...]
    members_text: str | None = None
    office: Office | None = None


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
    source: Source = Source("")
    short_name: str | None = None
    description: str | None = None
    kind: str | None = None
    task_numbering: str = "plan"

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
    source: Source = Source("")
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
    source: Source = Source("")
    plan_id: str = ""
    local_id: str = ""
    label: str = ""
    parent: str | None = None
    children: tuple[str, ...] = ()
    order: tuple[int, ...] = ()
    item_label: str | None = None
    cooperate_word: str | None = None

    @property
    def is_item(self) -> bool:
        return self.parent is not None

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


@dataclass(frozen=True)
class Evidence:
    title: str
    url: str | None = None
    date: dt.date | None = None


@dataclass(frozen=True)
class Update:
    date: dt.date
    text: str
    by: str | None = None
    figures: dict[str, float] = field(default_factory=dict)
    """Figures as of this date (a target is checked against those reported by its date)."""


@dataclass(frozen=True)
class DeliverableStatus:
    id: str
    done: dt.date | None = None
    url: str | None = None


@dataclass(frozen=True)
class Instance:
    """One time a count duty was carried out (每年至少2次: each of the two)."""

    date: dt.date
    amount: float | None = None
    note: str | None = None


@dataclass(frozen=True)
class StatusEntry:
    """What a holder reports for one occurrence of one deadline of one task."""

    holder_id: str
    task_id: str
    due_id: str
    period: str
    state: str
    started: dt.date | None = None
    done: dt.date | None = None
    progress: int | None = None
    reason: str | None = None
    summary: str | None = None
    figures: dict[str, float] = field(default_factory=dict)
    deliverables: tuple[DeliverableStatus, ...] = ()
    evidence: tuple[Evidence, ...] = ()
    updates: tuple[Update, ...] = ()
    source: Source = Source("")
    instances: tuple[Instance, ...] = ()

    def figures_on(self, day: dt.date) -> dict[str, float]:
        """The figures as of ``day``: those of the latest dated update on or before it, else
        the entry's own (undated) figures."""
        dated = [u for u in self.updates if u.figures and u.date <= day]
        return dict(dated[-1].figures) if dated else dict(self.figures)

    problems: str | None = None
    next_steps: str | None = None


@dataclass(frozen=True)
class Obligation:
    """One task x one holder: the deadlines the holder answers for and when it is bound.

    A shared duty (``Due.shared``) is one obligation of several holders: ``holder_id`` is the
    first of ``holder_ids`` and names it; any of them may record its status.
    """

    task_id: str
    holder_id: str
    due_ids: tuple[str, ...]
    active_from: dt.date | None = None
    active_until: dt.date | None = None
    holder_ids: tuple[str, ...] = ()
    shared: str | None = None

    @property
    def holders(self) -> tuple[str, ...]:
        return self.holder_ids or (self.holder_id,)


@dataclass(frozen=True)
class Model:
    """Everything in one data folder. ``plan_id`` set: a view of one plan (:meth:`for_plan`)."""

    plans: dict[str, Plan]
    units: dict[str, Unit]
    groups: dict[str, Group]
    tasks: dict[str, Task]
    obligations: tuple[Obligation, ...]
    status: dict[OccurrenceRef, StatusEntry]
    extra: dict[str, Any] = field(default_factory=dict)
    rules: Rules = field(default_factory=Rules)
    """Escalation, ranking and grading rules (data/rules.yaml; empty when there is none)."""
    records: Records = field(default_factory=Records)
    """The supervisors' records (data/records/*.yaml): actions, follow-ups, rankings, grades."""
    kinds: dict[str, Kind] = field(default_factory=dict)
    bodies: dict[str, Body] = field(default_factory=dict)
    names: dict[str, str] = field(default_factory=dict)
    """Every id, name, short name and alias (NFKC-normalised) -> the unit, group or body."""
    plan_id: str | None = None

    @property
    def plan(self) -> Plan:
        """The plan of a one-plan view, or the only plan of the folder."""
        if self.plan_id is not None:
            return self.plans[self.plan_id]
        if len(self.plans) != 1:
            raise ValueError("this data folder holds several plans: use Model.for_plan(id)")
        return next(iter(self.plans.values()))

    @property
    def single_plan(self) -> bool:
        return self.plan_id is not None or len(self.plans) == 1

    def for_plan(self, plan_id: str) -> Model:
        """The same organisation, status and records, with only one plan's tasks."""
        tasks = {k: t for k, t in self.tasks.items() if t.plan_id == plan_id}
        return replace(
            self,
            plan_id=plan_id,
            plans={plan_id: self.plans[plan_id]},
            tasks=tasks,
            obligations=tuple(o for o in self.obligations if o.task_id in tasks),
        )

    def plans_in_order(self) -> list[Plan]:
        """Newest first: the plan an office works on now leads the list."""
        return newest_first(self.plans.values())

    def kind_name(self, kind_id: str, language: str = "zh") -> str:
        kind = self.kinds.get(kind_id)
        if kind is None:
            return kind_id
        return (kind.name_en or kind.name) if language == "en" else kind.name

    @property
    def holders(self) -> dict[str, Holder]:
        """Units, and groups that hold obligations themselves (no members listed)."""
        result: dict[str, Holder] = dict(self.units)
        result.update({g.id: g for g in self.groups.values() if not g.members})
        return result

    def entity(self, ref_id: str) -> Holder | None:
        return self.units.get(ref_id) or self.groups.get(ref_id)

    def status_of(self, holder_id: str, task_id: str, due_id: str, key: str) -> StatusEntry | None:
        return self.status.get(OccurrenceRef(task_id, holder_id, due_id, key))

    def supervisors(self, task: Task) -> tuple[str, tuple[str, ...]]:
        """(role, unit or group ids) of who watches over a task: its supervising units, else
        its lead units. The one definition the site, the check report and the 通报 share."""
        for role in ("supervise", "lead"):
            ids = tuple(i for i in task.roles[role].ref_ids if i in self.units or i in self.groups)
            if ids:
                return role, ids
        return "", ()

    def tasks_in_order(self) -> list[Task]:
        """Tasks (not sub-items) in plan order."""
        return sorted((t for t in self.tasks.values() if t.parent is None), key=lambda t: t.order)

    def all_in_order(self) -> list[Task]:
        """Tasks and their sub-items, each sub-item right after its parent."""
        return sorted(self.tasks.values(), key=lambda t: t.order)

    def items_of(self, task: Task) -> list[Task]:
        """A task's sub-items at every depth, in order."""
        return [self.tasks[c] for c in descendants(self.tasks, task.id)]


def newest_first(plans: Iterable[Plan]) -> list[Plan]:
    """Plans in the order every list shows them: newest signed first."""
    return sorted(plans, key=lambda p: (p.signed, p.id), reverse=True)


def descendants(tasks: dict[str, Task], key: str) -> list[str]:
    """The keys of a task's sub-items at every depth, each right after its parent."""
    result = []
    for child in tasks[key].children:
        result.append(child)
        result.extend(descendants(tasks, child))
    return result
