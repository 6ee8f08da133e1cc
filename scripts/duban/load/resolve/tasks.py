"""plans/<id>/tasks/*.yaml: tasks and their sub-items, their roles and deadlines.

Each task file becomes one :class:`~duban.model.Task` per level (the task, and each sub-item,
keyed ``<plan>/<task>[/<item>…]``). Who holds an obligation: the responsible units, else the lead
units; a deadline's ``applies_to`` narrows it. A sub-item that names none of lead, cooperate and
responsible inherits them from its parent as a block; supervise and assess are inherited one by
one. A sub-item holds obligations when it has its own deadlines or its own roles (inheriting the
other); with neither it is text of its parent's duty.

The checks that span a task file are small functions listed in ``TASK_RULES``.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field, replace
from typing import Any

from duban.load.resolve.context import Report, source_of
from duban.load.resolve.dues import DueContext, build_due, check_figures_from, check_steps
from duban.load.resolve.links import FoundLink, read_links
from duban.load.resolve.org import Org, Window, union
from duban.load.resolve.plan_duties import Rule, apply_rules
from duban.load.strict_yaml import Document, KeyPath
from duban.model.plan import (
    HOLDING_ROLES,
    ROLES,
    Deliverable,
    Due,
    Leader,
    Plan,
    RoleAssignment,
    Task,
)

Check = Callable[[Document, Plan, "TaskIndex"], Iterator[tuple[KeyPath, str]]]


@dataclass
class TaskIndex:
    """What the task rules of one plan compare against: numbers already taken."""

    numbers: dict[tuple[int, int], str] = field(default_factory=dict)


def _id_is_file_name(doc: Document, plan: Plan, index: TaskIndex) -> Iterator[tuple[KeyPath, str]]:
    if doc.data["id"] != doc.path.stem:
        yield ("id",), f"must equal the file name {doc.path.stem!r}"


def _section_exists(doc: Document, plan: Plan, index: TaskIndex) -> Iterator[tuple[KeyPath, str]]:
    if plan.section(doc.data["section"]) is None:
        known = ", ".join(str(s.number) for s in plan.sections)
        yield (
            ("section",),
            f"there is no section {doc.data['section']} in plan.yaml (sections: {known})",
        )


def _number_unique(doc: Document, plan: Plan, index: TaskIndex) -> Iterator[tuple[KeyPath, str]]:
    data = doc.data
    scope = data["section"] if plan.task_numbering == "section" else 0
    other = index.numbers.get((scope, data["number"]))
    if other is not None:
        where = f" of section {scope}" if scope else ""
        yield ("number",), f"task number {data['number']}{where} is also used by task {other!r}"
    index.numbers[(scope, data["number"])] = data["id"]


def _holds_something(doc: Document, plan: Plan, index: TaskIndex) -> Iterator[tuple[KeyPath, str]]:
    if not any("due" in node for node in _nodes(doc.data)):
        yield ("due",), "is required: give the task, or at least one of its sub-items, a deadline"


def _deliverable_ids_unique(
    doc: Document, plan: Plan, index: TaskIndex
) -> Iterator[tuple[KeyPath, str]]:
    seen: set[str] = set()
    for i, item in enumerate(doc.data.get("deliverables", [])):
        if item["id"] in seen:
            yield ("deliverables", i, "id"), "deliverable id is used twice"
        seen.add(item["id"])


def _item_ids_unique(doc: Document, plan: Plan, index: TaskIndex) -> Iterator[tuple[KeyPath, str]]:
    def walk(node: dict[str, Any], keys: KeyPath) -> Iterator[tuple[KeyPath, str]]:
        seen: set[str] = set()
        for i, item in enumerate(node.get("items", [])):
            if item["id"] in seen:
                yield (*keys, "items", i, "id"), f"sub-item id {item['id']!r} is used twice"
            seen.add(item["id"])
            yield from walk(item, (*keys, "items", i))

    yield from walk(doc.data, ())


TASK_RULES: tuple[Check, ...] = (
    _id_is_file_name,
    _section_exists,
    _number_unique,
    _holds_something,
    _deliverable_ids_unique,
    _item_ids_unique,
)


def _nodes(node: dict[str, Any]) -> Iterator[dict[str, Any]]:
    yield node
    for item in node.get("items", []):
        yield from _nodes(item)


def label_of(plan: Plan, data: dict[str, Any]) -> str:
    """（三） in a plan numbered throughout; 二（一） where numbering restarts in each section."""
    if data.get("label"):
        return data["label"]
    numeral = data.get("numeral") or str(data["number"])
    if plan.task_numbering == "section":
        section = plan.section(data["section"])
        prefix = (section.numeral or str(section.number)) if section else str(data["section"])
        return f"{prefix}（{numeral}）"
    return f"（{numeral}）"


class PlanTasks:
    """Builds the tasks of one plan; ``windows[task key][holder]`` is when the holder is bound."""

    def __init__(
        self, report: Report, org: Org, plan: Plan, rank: int, rules: tuple[Rule, ...] = ()
    ):
        self.report = report
        self.rules = rules
        self.org = org
        self.plan = plan
        self.rank = rank
        self.tasks: dict[str, Task] = {}
        self.windows: dict[str, dict[str, Window]] = {}
        self.broken: set[str] = set()
        self.links: list[FoundLink] = []
        """Every well-formed ``implements`` entry, checked against the other plans later."""

    def add(self, docs: list[Document]) -> None:
        index = TaskIndex()
        for doc in sorted(docs, key=lambda d: d.display):
            problems = [p for rule in TASK_RULES for p in rule(doc, self.plan, index)]
            for keys, message in problems:
                self.report(doc, keys, message)
            if doc.data["id"] != doc.path.stem:
                self.broken.add(doc.path.stem)
                continue
            self._node(doc, (), doc.data, None, ())

    def _node(
        self,
        doc: Document,
        keys: KeyPath,
        data: dict[str, Any],
        parent: Task | None,
        order: tuple[int, ...],
        inherited_due: tuple[KeyPath, list[dict[str, Any]]] | None = None,
    ) -> Task:
        plan = self.plan
        if parent is None:
            local = data["id"]
            label = label_of(plan, data)
            order = (self.rank, data["section"], data["number"])
        else:
            local = f"{parent.local_id}/{data['id']}"
            label = f"{parent.label}{data['label']}"
        key = f"{plan.id}/{local}"
        roles = self._roles(doc, keys, data, parent)
        own_roles = any(data.get("roles", {}).get(r) for r in HOLDING_ROLES)
        if "due" in data:
            due_source: tuple[KeyPath, list[dict[str, Any]]] | None = ((*keys, "due"), data["due"])
        elif parent is not None and own_roles:
            due_source = inherited_due
        else:
            due_source = None
        windows: dict[str, Window] = {}
        # a task whose units are named only on its sub-items passes its deadlines down to them
        passes_down = (
            parent is None
            and not any(roles[r].ref_ids for r in ("responsible", "lead"))
            and any(
                any(i.get("roles", {}).get(r) for r in HOLDING_ROLES) for i in data.get("items", [])
            )
        )
        holds = due_source is not None and not passes_down
        dues = self._dues(doc, due_source, roles, windows) if holds and due_source else ()
        if dues and self.rules:
            section = parent.section if parent else data["section"]
            dues += apply_rules(self.report, doc, keys, local, section, dues, self.rules)
        self.windows[key] = windows
        links = read_links(self.report, doc, keys, data, key)
        self.links.extend(links)
        task = Task(
            id=key,
            number=parent.number if parent else data["number"],
            section=parent.section if parent else data["section"],
            title=data.get("title") or _first_sentence(data["text"]),
            text=data["text"],
            roles=roles,
            deadline_as_written=data.get("deadline_as_written")
            or (parent.deadline_as_written if parent and due_source is inherited_due else None),
            due=dues,
            numeral=data.get("numeral"),
            roles_as_written=data.get("roles_as_written"),
            deliverables=tuple(
                Deliverable(d["id"], d["name"]) for d in data.get("deliverables", [])
            ),
            note=data.get("note"),
            source=source_of(doc, keys),
            plan_id=plan.id,
            local_id=local,
            label=label,
            parent=parent.id if parent else None,
            order=order,
            item_label=data.get("label") if parent else None,
            cooperate_word=data.get("cooperate_word")
            or (parent.cooperate_word if parent else None),
            leaders=self._leaders(doc, keys, data.get("leaders", []))
            if "leaders" in data or parent is None
            else parent.leaders,
            implements=tuple(found.link for found in links),
        )
        # sub-items read their parent (its key, label, roles, deadline words) as built above
        children = []
        child_due = due_source if "due" in data else inherited_due
        for i, item in enumerate(data.get("items", [])):
            child = self._node(doc, (*keys, "items", i), item, task, (*order, i + 1), child_due)
            children.append(child.id)
        task = replace(task, children=tuple(children))
        self.tasks[key] = task
        return task

    def _roles(
        self, doc: Document, keys: KeyPath, data: dict[str, Any], parent: Task | None
    ) -> dict[str, RoleAssignment]:
        written = data.get("roles", {})
        inherit_holding = parent is not None and not any(written.get(r) for r in HOLDING_ROLES)
        roles = {}
        for role in ROLES:
            inherit = parent is not None and (
                inherit_holding if role in HOLDING_ROLES else not written.get(role)
            )
            if inherit:
                assert parent is not None
                roles[role] = parent.roles[role]
                continue
            phrases = tuple(written.get(role, []))
            refs = [
                found
                for i, phrase in enumerate(phrases)
                if (found := self.org.resolve(doc, (*keys, "roles", role, i), phrase)) is not None
            ]
            roles[role] = RoleAssignment(phrases, tuple(refs), tuple(self.org.holders_of(refs)))
        return roles

    def _leaders(
        self, doc: Document, keys: KeyPath, written: list[dict[str, Any]]
    ) -> tuple[Leader, ...]:
        """The leaders named beside the units; ``unit`` must name a unit of org.yaml."""
        leaders = []
        for i, item in enumerate(written):
            unit_id = None
            if "unit" in item:
                where = (*keys, "leaders", i, "unit")
                unit_id = self.org.resolve(doc, where, item["unit"])
                if unit_id is not None and unit_id not in self.org.units:
                    self.report(
                        doc, where, f"{item['unit']!r} is not a unit: a leader leads a unit"
                    )
                    unit_id = None
            name = "".join(item["name"].split())  # 王 健 as typeset: 王健
            leaders.append(Leader(name, item.get("post"), item.get("text"), unit_id))
        return tuple(leaders)

    def _dues(
        self,
        doc: Document,
        source: tuple[KeyPath, list[dict[str, Any]]],
        roles: dict[str, RoleAssignment],
        windows: dict[str, Window],
    ) -> tuple[Due, ...]:
        keys, items = source
        default_refs = roles["responsible"].ref_ids or roles["lead"].ref_ids
        result = []
        ids: set[str] = set()
        for index, item in enumerate(items):
            d_keys: KeyPath = (*keys, index)
            if "id" not in item and len(items) > 1:
                self.report(doc, (*d_keys, "id"), "is required when a task has several deadlines")
            due_id = item.get("id", "main")
            if due_id in ids:
                self.report(doc, (*d_keys, "id"), f"deadline id {due_id!r} is used twice")
            ids.add(due_id)
            if "applies_to" in item:
                refs = [
                    r
                    for i, phrase in enumerate(item["applies_to"])
                    if (r := self.org.resolve(doc, (*d_keys, "applies_to", i), phrase)) is not None
                ]
            else:
                refs = list(default_refs)
                if not refs:
                    self.report(
                        doc,
                        (*d_keys,),
                        "nobody holds this deadline: name responsible or lead units "
                        "(or applies_to)",
                    )
            holders = self.org.holders_of(refs)
            for holder, window in holders.items():
                windows[holder] = union(windows.get(holder), window)
            ctx = DueContext(self.report, doc, d_keys, self.plan)
            result.append(build_due(ctx, item, due_id, tuple(holders)))
        across = DueContext(self.report, doc, keys, self.plan)  # checks between the deadlines
        check_steps(across, result)
        check_figures_from(across, result)
        return tuple(result)


_CLAUSE = re.compile(
    r"[（(〔\[【][^（()）〔〕\[\]【】]*(?:单位|时限|牵头|配合)[^（()）〔〕\[\]【】]*[）)〕\]】]"
)


def _first_sentence(text: str) -> str:
    """A sub-item without a title is named by its first sentence, without its assignment
    clause (（牵头单位：…；完成时限：…）), which the page shows as roles and deadline."""
    text = _CLAUSE.sub("", text).strip()
    for stop in ("。", "；", ";"):
        head, found, _ = text.partition(stop)
        if found and len(head) <= 80:
            return head
    return text[:60] + ("…" if len(text) > 60 else "")
