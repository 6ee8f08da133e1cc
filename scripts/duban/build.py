"""From schema-valid documents to the resolved :class:`~duban.model.Model`, checking every rule
that spans files on the way: references, unique ids, dates inside the plan period, status entries
that match real obligations.

The checks and the model are one pass on purpose: a rule such as "this alias names exactly one
unit" is the same code that resolves the alias, so the two can never disagree.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from . import deadlines
from .loader import Document, KeyPath
from .model import (
    ROLES,
    Deliverable,
    DeliverableStatus,
    Due,
    Evidence,
    Group,
    Indicator,
    Leadership,
    Membership,
    Model,
    Obligation,
    Office,
    Person,
    Plan,
    Position,
    Provision,
    RoleAssignment,
    Section,
    Source,
    SourceDocument,
    StatusEntry,
    Target,
    Task,
    Unit,
    Update,
)
from .occurrence_refs import period_problem, pick_due
from .problems import Problem


@dataclass
class Inputs:
    """The schema-valid documents of one data folder."""

    plan: Document
    org: Document
    tasks: list[Document] = field(default_factory=list)
    status: list[Document] = field(default_factory=list)
    broken_task_ids: set[str] = field(default_factory=set)
    """Task files that failed their schema: references to them are not reported again."""


Window = tuple[dt.date | None, dt.date | None]
"""When a holder is bound: (from, until); None means open-ended."""


def parse_date(text: str | None) -> dt.date | None:
    """A schema-checked YYYY-MM-DD value as a date (None when absent)."""
    return dt.date.fromisoformat(text) if text else None


def source_of(document: Document, keys: KeyPath = ()) -> Source:
    """Where the value at ``keys`` is defined: for messages, annotations and edit links."""
    return Source(document.display, document.position(keys)[0], document.file)


class _Builder:
    def __init__(self, inputs: Inputs):
        self.inputs = inputs
        self.problems: list[Problem] = []
        self.lookup: dict[str, str] = {}
        self.units: dict[str, Unit] = {}
        self.groups: dict[str, Group] = {}
        # reference id -> {holder id: window in which the holder is bound through it}
        self.expanded: dict[str, dict[str, Window]] = {}
        # task id -> {holder id: window}, over every reference that binds the holder
        self.windows: dict[str, dict[str, Window]] = {}

    def report(self, document: Document, keys: KeyPath, message: str, **kw: Any) -> None:
        self.problems.append(document.problem(keys, message, **kw))

    # -- organisation -------------------------------------------------------------------------
    def organisation(self) -> None:
        org = self.inputs.org
        data = org.data
        # ids first, so that a name or alias equal to another entry's id is caught either way
        for kind in ("units", "groups"):
            for index, item in enumerate(data.get(kind, [])):
                keys: KeyPath = (kind, index)
                if item["id"] in self.lookup:
                    self.report(org, (*keys, "id"), f"id {item['id']!r} is used twice")
                    continue
                self.lookup[item["id"]] = item["id"]
        for kind in ("units", "groups"):
            for index, item in enumerate(data.get(kind, [])):
                keys = (kind, index)
                names: list[tuple[KeyPath, str]] = [(("name",), item["name"])]
                if item.get("short_name"):
                    names.append((("short_name",), item["short_name"]))
                names += [(("aliases", i), a) for i, a in enumerate(item.get("aliases", []))]
                for where, phrase in names:
                    owner = self.lookup.get(phrase)
                    if owner is not None and owner != item["id"]:
                        self.report(
                            org,
                            (*keys, *where),
                            f"{phrase!r} already names {owner!r}: names and "
                            "aliases must each point to one unit or group",
                        )
                    else:
                        self.lookup[phrase] = item["id"]
        for index, item in enumerate(data.get("units", [])):
            keys = ("units", index)
            self.units[item["id"]] = Unit(
                id=item["id"],
                name=item["name"],
                kind=item["kind"],
                short_name=item.get("short_name"),
                aliases=tuple(item.get("aliases", [])),
                parent=self.resolve(org, (*keys, "parent"), item.get("parent")),
                joined=parse_date(item.get("joined")),
                left=parse_date(item.get("left")),
                maintainers=tuple(item.get("maintainers", [])),
                note=item.get("note"),
                source=source_of(org, keys),
            )
            self.check_window(org, keys, item)
        for index, item in enumerate(data.get("groups", [])):
            keys = ("groups", index)
            members = []
            for m_index, member in enumerate(item.get("members", [])):
                m_keys = (*keys, "members", m_index)
                entry = member if isinstance(member, dict) else {"unit": member}
                ref_keys = (*m_keys, "unit") if isinstance(member, dict) else m_keys
                member_id = self.resolve(org, ref_keys, entry["unit"])
                if member_id is None:
                    continue
                if member_id == item["id"]:
                    self.report(org, ref_keys, "a group cannot be its own member")
                    continue
                self.check_window(org, m_keys, entry)
                members.append(
                    Membership(
                        member_id, parse_date(entry.get("joined")), parse_date(entry.get("left"))
                    )
                )
            if item.get("expected_count") and members and len(members) != item["expected_count"]:
                self.report(
                    org,
                    (*keys, "members"),
                    f"lists {len(members)} members but expected_count is {item['expected_count']}",
                )
            self.groups[item["id"]] = Group(
                id=item["id"],
                name=item["name"],
                aliases=tuple(item.get("aliases", [])),
                members=tuple(members),
                expected_count=item.get("expected_count"),
                maintainers=tuple(item.get("maintainers", [])),
                note=item.get("note"),
                source=source_of(org, keys),
            )
        for group_id in self.groups:
            self.expand(group_id, ())

    def check_window(self, document: Document, keys: KeyPath, item: dict[str, Any]) -> None:
        joined, left = parse_date(item.get("joined")), parse_date(item.get("left"))
        if joined and left and left < joined:
            self.report(document, (*keys, "left"), "is before joined")

    def expand(self, ref_id: str, trail: tuple[str, ...]) -> dict[str, Window]:
        """Holders a reference stands for, each with the window in which it is bound."""
        if ref_id in self.expanded:
            return self.expanded[ref_id]
        if ref_id in self.units:
            unit = self.units[ref_id]
            return {ref_id: (unit.joined, unit.left)}
        group = self.groups[ref_id]
        if ref_id in trail:
            org = self.inputs.org
            index = list(self.groups).index(ref_id)
            cycle = " -> ".join((*trail[trail.index(ref_id) :], ref_id))
            self.report(org, ("groups", index, "members"), f"groups contain each other: {cycle}")
            return {}
        if not group.members:
            result = {ref_id: (None, None)}
        else:
            result = {}
            for member in group.members:
                for holder, (start, end) in self.expand(member.unit_id, (*trail, ref_id)).items():
                    window = (_later(start, member.joined), _earlier(end, member.left))
                    result[holder] = _union(result.get(holder), window)
        self.expanded[ref_id] = result
        return result

    def resolve(self, document: Document, keys: KeyPath, ref: str | None) -> str | None:
        if ref is None:
            return None
        found = self.lookup.get(ref)
        if found is None:
            self.report(document, keys, f"{ref!r} is not a unit or group in org.yaml")
        return found

    # -- plan ---------------------------------------------------------------------------------
    def plan(self) -> Plan | None:
        doc = self.inputs.plan
        data = doc.data
        start, end = parse_date(data["period"]["start"]), parse_date(data["period"]["end"])
        assert start and end
        if end < start:
            self.report(doc, ("period", "end"), "is before period.start")
        issuer = self.resolve(doc, ("issuer",), data["issuer"])
        numbers: set[int] = set()
        sections = []
        for index, item in enumerate(data["sections"]):
            if item["number"] in numbers:
                self.report(doc, ("sections", index, "number"), "section number is used twice")
            numbers.add(item["number"])
            provisions = tuple(
                Provision(p["number"], p["title"], p["text"], p.get("numeral"))
                for p in item.get("provisions", [])
            )
            sections.append(Section(item["number"], item["title"], item.get("numeral"), provisions))
        leadership = None
        if "leadership" in data:
            lead = data["leadership"]
            office = None
            if "office" in lead:
                o = lead["office"]
                office = Office(
                    name=o["name"],
                    positions=self.positions(doc, ("leadership", "office"), o.get("positions", [])),
                    duties=o.get("duties"),
                    staffing=o.get("staffing"),
                    located_at=self.resolve(
                        doc, ("leadership", "office", "located_at"), o.get("located_at")
                    ),
                )
            leadership = Leadership(
                name=lead["name"],
                positions=self.positions(doc, ("leadership",), lead["positions"]),
                members_text=lead.get("members_text"),
                office=office,
            )
        if issuer is None:
            return None
        return Plan(
            id=data["id"],
            title=data["title"],
            issuer=issuer,
            signed=parse_date(data["signed"]) or start,
            period_start=start,
            period_end=end,
            sections=tuple(sections),
            notice_title=data.get("notice_title"),
            document_number=data.get("document_number"),
            addressees=data.get("addressees"),
            signed_as_written=data.get("signed_as_written"),
            notice_text=data.get("notice_text"),
            preamble=data.get("preamble"),
            closing=data.get("closing"),
            period_as_written=data["period"].get("as_written"),
            sources=tuple(SourceDocument(**s) for s in data.get("sources", [])),
            source_url=data.get("source_url"),
            goals=tuple(data.get("goals", [])),
            leadership=leadership,
            source=source_of(doc),
        )

    def positions(
        self, doc: Document, keys: KeyPath, items: list[dict[str, Any]]
    ) -> tuple[Position, ...]:
        result = []
        for index, item in enumerate(items):
            people = []
            for p_index, person in enumerate(item["people"]):
                where = (*keys, "positions", index, "people", p_index, "unit")
                unit = self.resolve(doc, where, person.get("unit"))
                people.append(Person(person["name"], person.get("title"), unit))
            result.append(Position(item["role"], tuple(people)))
        return tuple(result)

    # -- tasks --------------------------------------------------------------------------------
    def tasks(self, plan: Plan) -> dict[str, Task]:
        tasks: dict[str, Task] = {}
        numbers: dict[int, str] = {}
        for doc in sorted(self.inputs.tasks, key=lambda d: d.display):
            data = doc.data
            stem = doc.path.stem
            if data["id"] != stem:
                self.report(doc, ("id",), f"must equal the file name {stem!r}")
                self.inputs.broken_task_ids.add(stem)
                continue
            if data["number"] in numbers:
                self.report(
                    doc,
                    ("number",),
                    f"task number {data['number']} is also used by task "
                    f"{numbers[data['number']]!r}",
                )
            numbers[data["number"]] = data["id"]
            if plan.section(data["section"]) is None:
                known = ", ".join(str(s.number) for s in plan.sections)
                self.report(
                    doc,
                    ("section",),
                    f"there is no section {data['section']} in plan.yaml (sections: {known})",
                )
            roles = {}
            for role in ROLES:
                written = tuple(data["roles"].get(role, []))
                refs = []
                for index, phrase in enumerate(written):
                    found = self.resolve(doc, ("roles", role, index), phrase)
                    if found is not None:
                        refs.append(found)
                roles[role] = RoleAssignment(written, tuple(refs), tuple(self.holders_of(refs)))
            windows: dict[str, Window] = {}
            dues = self.dues(doc, plan, roles["responsible"], windows)
            self.windows[data["id"]] = windows
            tasks[data["id"]] = Task(
                id=data["id"],
                number=data["number"],
                section=data["section"],
                title=data["title"],
                text=data["text"],
                roles=roles,
                deadline_as_written=data["deadline_as_written"],
                due=dues,
                numeral=data.get("numeral"),
                roles_as_written=data.get("roles_as_written"),
                deliverables=tuple(
                    Deliverable(d["id"], d["name"]) for d in data.get("deliverables", [])
                ),
                note=data.get("note"),
                source=source_of(doc),
            )
            seen: set[str] = set()
            for index, item in enumerate(data.get("deliverables", [])):
                if item["id"] in seen:
                    self.report(doc, ("deliverables", index, "id"), "deliverable id is used twice")
                seen.add(item["id"])
        return tasks

    def holders_of(self, refs: Iterable[str]) -> dict[str, Window]:
        """The holders that references stand for, each with the window in which it is bound."""
        result: dict[str, Window] = {}
        for ref in refs:
            for holder, window in self.expand(ref, ()).items():
                result[holder] = _union(result.get(holder), window)
        return result

    def dues(
        self,
        doc: Document,
        plan: Plan,
        responsible: RoleAssignment,
        windows: dict[str, Window],
    ) -> tuple[Due, ...]:
        items = doc.data["due"]
        result = []
        ids: set[str] = set()
        for index, item in enumerate(items):
            keys: KeyPath = ("due", index)
            if "id" not in item and len(items) > 1:
                self.report(doc, (*keys, "id"), "is required when a task has several deadlines")
            due_id = item.get("id", "main")
            if due_id in ids:
                self.report(doc, (*keys, "id"), f"deadline id {due_id!r} is used twice")
            ids.add(due_id)
            if "applies_to" in item:
                refs = [
                    r
                    for i, phrase in enumerate(item["applies_to"])
                    if (r := self.resolve(doc, (*keys, "applies_to", i), phrase)) is not None
                ]
            else:
                refs = list(responsible.ref_ids)
            holders = self.holders_of(refs)
            for holder, window in holders.items():
                windows[holder] = _union(windows.get(holder), window)
            result.append(self.due(doc, keys, plan, item, due_id, tuple(holders)))
        return tuple(result)

    def due(
        self,
        doc: Document,
        keys: KeyPath,
        plan: Plan,
        item: dict[str, Any],
        due_id: str,
        holders: tuple[str, ...],
    ) -> Due:
        kind = item["kind"]
        common: dict[str, Any] = {
            "id": due_id,
            "kind": kind,
            "as_written": item.get("as_written"),
            "label": item.get("label"),
            "holder_ids": holders,
            "indicator": Indicator(**item["indicator"]) if "indicator" in item else None,
            "source": source_of(doc, keys),
        }
        if common["indicator"] is not None:
            self.check_indicator(doc, (*keys, "indicator"), common["indicator"])
        starts = plan.period_start
        if kind == "date":
            day = parse_date(item["date"])
            assert day
            self.in_period(doc, (*keys, "date"), plan, day)
            # a dated deadline may carry targets on its indicator (e.g. coverage 100% by then)
            targets = self.targets(doc, keys, plan, item.get("targets", []))
            for t_index, target in enumerate(targets):
                if target.date > day:
                    where = (*keys, "targets", t_index, "date")
                    self.report(doc, where, f"is after the deadline's date {day.isoformat()}")
            return Due(
                **common, date=day, targets=targets, occurrences=deadlines.single(day, starts)
            )
        if kind == "year":
            day = deadlines.year_end(item["year"])
            if not plan.period_start.year <= item["year"] <= plan.period_end.year:
                self.report(doc, (*keys, "year"), f"is outside the plan period {_span(plan)}")
            return Due(
                **common, year=item["year"], date=day, occurrences=deadlines.single(day, starts)
            )
        if kind == "recurring":
            first = parse_date(item.get("from")) or plan.period_start
            last = parse_date(item.get("until")) or plan.period_end
            self.in_period(doc, (*keys, "from"), plan, first)
            self.in_period(doc, (*keys, "until"), plan, last)
            if last < first:
                self.report(doc, (*keys, "until"), "is before from")
            return Due(
                **common,
                every=item["every"],
                times=item.get("times", 1),
                starts=first,
                ends=last,
                occurrences=deadlines.recurring(item["every"], first, last),
            )
        if kind == "milestones":
            targets = self.targets(doc, keys, plan, item["targets"])
            return Due(
                **common,
                targets=targets,
                occurrences=deadlines.milestones(targets, starts),
            )
        # follow-up: its dates are set later by the supervising office's records
        return Due(**common, trigger=item.get("trigger"), occurrences=())

    def targets(
        self, doc: Document, keys: KeyPath, plan: Plan, items: list[dict[str, Any]]
    ) -> tuple[Target, ...]:
        targets: list[Target] = []
        for t_index, target in enumerate(items):
            day = parse_date(target["date"])
            assert day
            t_keys = (*keys, "targets", t_index)
            self.in_period(doc, (*t_keys, "date"), plan, day)
            if targets and day <= targets[-1].date:
                self.report(doc, (*t_keys, "date"), "milestones must be in date order")
            low, high = target.get("min"), target.get("max")
            if low is not None and high is not None and high < low:
                self.report(doc, (*t_keys, "max"), "is below min")
            targets.append(Target(day, low, high, target.get("as_written")))
        return tuple(targets)

    def check_indicator(self, doc: Document, keys: KeyPath, indicator: Indicator) -> None:
        needs = {"ratio-of-figures": ("numerator", "denominator"), "sum-of-figures": ("figure",)}
        for name in needs.get(indicator.measure, ()):
            if getattr(indicator, name) is None:
                self.report(doc, (*keys, name), f"is required when measure is {indicator.measure}")

    def in_period(self, doc: Document, keys: KeyPath, plan: Plan, day: dt.date) -> None:
        if not plan.period_start <= day <= plan.period_end:
            self.report(doc, keys, f"{day.isoformat()} is outside the plan period {_span(plan)}")

    # -- obligations and status -----------------------------------------------------------------
    def obligations(self, tasks: dict[str, Task]) -> tuple[Obligation, ...]:
        result = []
        for task in sorted(tasks.values(), key=lambda t: t.number):
            for holder in task.holder_ids:
                due_ids = tuple(d.id for d in task.due if holder in d.holder_ids)
                start, end = self.windows[task.id].get(holder, (None, None))
                result.append(Obligation(task.id, holder, due_ids, start, end))
        return tuple(result)

    def status(
        self, tasks: dict[str, Task], obligations: tuple[Obligation, ...]
    ) -> dict[tuple[str, str, str, str], StatusEntry]:
        by_number = {t.number: t.id for t in tasks.values()}
        bound = {(o.holder_id, o.task_id): o for o in obligations}
        result: dict[tuple[str, str, str, str], StatusEntry] = {}
        files: dict[str, Document] = {}
        for doc in sorted(self.inputs.status, key=lambda d: d.display):
            data = doc.data
            holder = data["unit"]
            if holder != doc.path.stem:
                self.report(doc, ("unit",), f"must equal the file name {doc.path.stem!r}")
                continue
            if holder in self.groups and self.groups[holder].members:
                self.report(
                    doc,
                    ("unit",),
                    f"group {holder!r} lists its members: each member records "
                    "its status in its own file",
                )
                continue
            if holder not in self.units and holder not in self.groups:
                self.report(doc, ("unit",), f"{holder!r} is not a unit or group in org.yaml")
                continue
            files[holder] = doc
            for index, entry in enumerate(data["obligations"]):
                made = self.entry(
                    doc, ("obligations", index), holder, entry, tasks, by_number, bound
                )
                if made is None:
                    continue
                key = (made.holder_id, made.task_id, made.due_id, made.period)
                if key in result:
                    first = result[key].source.line
                    self.report(
                        doc,
                        ("obligations", index),
                        f"the same obligation is already reported on line {first}",
                    )
                    continue
                result[key] = made
        return result

    def entry(
        self,
        doc: Document,
        keys: KeyPath,
        holder: str,
        entry: dict[str, Any],
        tasks: dict[str, Task],
        by_number: dict[int, str],
        bound: dict[tuple[str, str], Obligation],
    ) -> StatusEntry | None:
        ref = entry["task"]
        task_id = by_number.get(ref) if isinstance(ref, int) else ref if ref in tasks else None
        if task_id is None:
            if str(ref) not in self.inputs.broken_task_ids and not (
                isinstance(ref, int) and self.inputs.broken_task_ids
            ):
                self.report(doc, (*keys, "task"), f"there is no task {ref!r}")
            return None
        task = tasks[task_id]
        obligation = bound.get((holder, task_id))
        if obligation is None:
            self.report(doc, (*keys, "task"), f"{holder!r} has no obligation under task {task_id}")
            return None
        mine = [d for d in task.due if d.id in obligation.due_ids]
        due, problem = pick_due(task, mine, entry.get("due"))
        if due is None:
            self.report(doc, (*keys, "due"), problem or "")
            return None
        period = entry.get("period", "")
        problem = period_problem(task, due, period) if due.kind != "follow-up" else None
        if problem:
            self.report(doc, (*keys, "period"), problem)
            return None
        started, done = parse_date(entry.get("started")), parse_date(entry.get("done"))
        if started and done and done < started:
            self.report(doc, (*keys, "done"), "is before started")
        if entry["state"] != "done" and done is not None:
            self.report(
                doc,
                (*keys, "done"),
                f"is given but state is {entry['state']!r}: set state to done, or remove the date",
            )
        known_figures = {f for d in task.due if d.indicator for f in d.indicator.figures}
        for name in entry.get("figures", {}):
            if name not in known_figures:
                hint = ", ".join(sorted(known_figures)) or "none"
                self.report(
                    doc,
                    (*keys, "figures", name),
                    f"task {task_id} reads no figure {name!r} (figures it reads: {hint})",
                    of_key=True,
                )
        deliverable_ids = {d.id for d in task.deliverables}
        for index, item in enumerate(entry.get("deliverables", [])):
            if item["id"] not in deliverable_ids:
                hint = ", ".join(sorted(deliverable_ids)) or "none"
                self.report(
                    doc,
                    (*keys, "deliverables", index, "id"),
                    f"task {task_id} names no "
                    f"deliverable {item['id']!r} (its deliverables: {hint})",
                )
        return StatusEntry(
            holder_id=holder,
            task_id=task_id,
            due_id=due.id,
            period=period,
            state=entry["state"],
            started=started,
            done=done,
            progress=entry.get("progress"),
            reason=entry.get("reason"),
            summary=entry.get("summary"),
            figures=dict(entry.get("figures", {})),
            deliverables=tuple(
                DeliverableStatus(d["id"], parse_date(d.get("done")), d.get("url"))
                for d in entry.get("deliverables", [])
            ),
            evidence=tuple(
                Evidence(e["title"], e.get("url"), parse_date(e.get("date")))
                for e in entry.get("evidence", [])
            ),
            updates=tuple(
                sorted(
                    (
                        Update(dt.date.fromisoformat(u["date"]), u["text"], u.get("by"))
                        for u in entry.get("updates", [])
                    ),
                    key=lambda u: u.date,
                )
            ),
            source=source_of(doc, keys),
        )


def _later(a: dt.date | None, b: dt.date | None) -> dt.date | None:
    return max(a, b) if a and b else a or b


def _earlier(a: dt.date | None, b: dt.date | None) -> dt.date | None:
    return min(a, b) if a and b else a or b


def _union(a: Window | None, b: Window) -> Window:
    if a is None:
        return b
    start = None if a[0] is None or b[0] is None else min(a[0], b[0])
    end = None if a[1] is None or b[1] is None else max(a[1], b[1])
    return start, end


def _span(plan: Plan) -> str:
    return f"{plan.period_start.isoformat()}..{plan.period_end.isoformat()}"


def build_model(inputs: Inputs) -> tuple[Model | None, list[Problem]]:
    """Resolve the documents into a model; returns None with the problems if any rule fails."""
    builder = _Builder(inputs)
    builder.organisation()
    plan = builder.plan()
    if plan is None:
        return None, sorted(set(builder.problems))
    tasks = builder.tasks(plan)
    obligations = builder.obligations(tasks)
    status = builder.status(tasks, obligations)
    if builder.problems:
        return None, sorted(set(builder.problems))
    model = Model(
        plan=plan,
        units=builder.units,
        groups=builder.groups,
        tasks=tasks,
        obligations=obligations,
        status=status,
    )
    return model, []
