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
from dataclasses import dataclass, field
from typing import Any

from .supervision import Records, Rules

ROLES = ("lead", "supervise", "assess", "responsible")


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

    def occurrence(self, key: str) -> Occurrence | None:
        return next((o for o in self.occurrences if o.key == key), None)


@dataclass(frozen=True)
class Deliverable:
    id: str
    name: str


@dataclass(frozen=True)
class Task:
    id: str
    number: int
    section: int
    title: str
    text: str
    roles: dict[str, RoleAssignment]
    deadline_as_written: str
    due: tuple[Due, ...]
    numeral: str | None = None
    roles_as_written: str | None = None
    deliverables: tuple[Deliverable, ...] = ()
    note: str | None = None
    source: Source = Source("")

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


@dataclass(frozen=True)
class DeliverableStatus:
    id: str
    done: dt.date | None = None
    url: str | None = None


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


@dataclass(frozen=True)
class Obligation:
    """One task x one holder: the deadlines the holder answers for and when it is bound."""

    task_id: str
    holder_id: str
    due_ids: tuple[str, ...]
    active_from: dt.date | None = None
    active_until: dt.date | None = None


@dataclass(frozen=True)
class Model:
    plan: Plan
    units: dict[str, Unit]
    groups: dict[str, Group]
    tasks: dict[str, Task]
    obligations: tuple[Obligation, ...]
    status: dict[tuple[str, str, str, str], StatusEntry]
    extra: dict[str, Any] = field(default_factory=dict)
    rules: Rules = field(default_factory=Rules)
    """Escalation, ranking and grading rules (data/rules.yaml; empty when there is none)."""
    records: Records = field(default_factory=Records)
    """The supervisors' records (data/records/*.yaml): actions, follow-ups, rankings, grades."""

    @property
    def holders(self) -> dict[str, Holder]:
        """Units, and groups that hold obligations themselves (no members listed)."""
        result: dict[str, Holder] = dict(self.units)
        result.update({g.id: g for g in self.groups.values() if not g.members})
        return result

    def entity(self, ref_id: str) -> Holder | None:
        return self.units.get(ref_id) or self.groups.get(ref_id)

    def status_of(self, holder_id: str, task_id: str, due_id: str, key: str) -> StatusEntry | None:
        return self.status.get((holder_id, task_id, due_id, key))

    def tasks_in_order(self) -> list[Task]:
        return sorted(self.tasks.values(), key=lambda t: t.number)
