"""How pages name things: holders, plans and tasks in words, where a reference links to, and
the roles a unit holds (pure functions of the model).
"""

from __future__ import annotations

from dataclasses import dataclass

from duban.i18n.locale import Locale
from duban.model.model import Model
from duban.model.org import Group, Holder, Unit, display_name
from duban.model.plan import ROLES, Task


def holder_name(model: Model, ref_id: str) -> str:
    return display_name(model.entity(ref_id), ref_id)


def plan_name(model: Model, plan_id: str) -> str:
    plan = model.plans.get(plan_id)
    return plan.display_name if plan is not None else plan_id


def task_citation(task: Task) -> str:
    """How a reader cites a task or sub-item: 二（一）, （三）1. (else its number)."""
    return task.citation


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


def kind_name(model: Model, holder: Holder, t: Locale) -> str:
    """A holder's kind in words, as org.yaml names it (a group: the locale's word)."""
    if isinstance(holder, Group):
        return str(t.kind_group)
    return model.kind_name(holder.kind, t.language)


def holder_kind(holder: Holder) -> str:
    return "group" if isinstance(holder, Group) else holder.kind


def page_holders(model: Model) -> list[Holder]:
    """Every unit and every group gets a page (member-less groups hold obligations)."""
    result: list[Holder] = list(model.units.values())
    result += list(model.groups.values())
    return result


def groups_of(model: Model, holder_id: str) -> list[Group]:
    return [g for g in model.groups.values() if any(m.unit_id == holder_id for m in g.members)]


def group_members(model: Model, group: Group) -> list[Unit | Group]:
    return [e for m in group.members if (e := model.entity(m.unit_id)) is not None]


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
