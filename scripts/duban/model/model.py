"""The resolved plan as frozen dataclasses: what every later stage reads.

Built by :mod:`duban.load.resolve` from validated data. References are resolved (an alias such as
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

from duban.model.org import Body, Group, Holder, Kind, Unit
from duban.model.plan import Plan, Task
from duban.model.refs import OccurrenceRef
from duban.model.status import StatusEntry
from duban.model.supervision import Records, Rules


@dataclass(frozen=True, slots=True)
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
    rules: Rules = field(default_factory=Rules)
    """Escalation, ranking and grading rules (data/rules.yaml; empty when there is none)."""
    records: Records = field(default_factory=Records)
    """The supervisors' records (data/records/*.yaml): actions, follow-ups, rankings, grades."""
    kinds: dict[str, Kind] = field(default_factory=dict)
    bodies: dict[str, Body] = field(default_factory=dict)
    names: dict[str, str] = field(default_factory=dict)
    """Every id, name, short name and alias (NFKC-normalised) -> the unit, group or body."""
    plan_id: str | None = None
    texts: bool = True
    """False: loaded without what the holders wrote (``load_project(texts=False)``, for a
    command that counts and dates but never shows it): every update's text is "", an entry's
    summary, problems and next steps are None, evidence has no title ("") nor link."""

    def require_texts(self, what: str) -> None:
        """Refuse (a programming error, not a user's) to show a model loaded without texts:
        its empty texts would pass for reports that say nothing."""
        if not self.texts:
            raise ValueError(f"{what} needs the holders' texts: load_project(..., texts=True)")

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
