"""status/<unit>.yaml: what each holder reports, matched to a real obligation.

A reference names a plan (optional when the folder holds one), a task (id, or number where the
plan numbers tasks throughout), a sub-item, a deadline (when the holder answers for several) and
a period (for recurring deadlines). The checks of one entry are small functions in
``ENTRY_RULES``; an entry that fails to match an obligation is reported once and skipped.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable, Iterator, Mapping
from dataclasses import dataclass
from typing import Any

from duban.load.resolve.context import Report, parse_date
from duban.load.resolve.due_ref import period_problem, pick_due
from duban.load.resolve.entry import status_entry
from duban.load.strict_yaml import Document, KeyPath
from duban.model.model import Model, Obligation, descendants
from duban.model.org import Group, Unit
from duban.model.plan import Due, Occurrence, Task
from duban.model.refs import OccurrenceRef
from duban.model.status import (
    StatusEntry,
    earliest_report,
)

StatusKey = OccurrenceRef
# The fields that name the obligation an entry is about ("*": the entry itself failed).
REFERENCE_FIELDS = frozenset({"plan", "task", "item", "due", "period", "*"})


@dataclass(frozen=True)
class TaskRef:
    """A task reference resolved: the task, or the problem with it (None: already reported)."""

    task: Task | None
    keys: KeyPath = ()
    problem: str | None = None


class TaskFinder:
    """Finds the task a record or status entry names: one set of rules for both files."""

    def __init__(self, tasks: dict[str, Task], plan_ids: list[str], broken: set[str]):
        self.tasks = tasks
        self.plan_ids = plan_ids
        self.broken = broken
        self.broken_plans = {b for b in broken if "/" not in b}
        self.by_number: dict[tuple[str, int], list[str]] = {}
        for task in tasks.values():
            if task.parent is None:
                self.by_number.setdefault((task.plan_id, task.number), []).append(task.id)

    def entries_without_plan(self, entries: list[Any]) -> list[int]:
        """The entries that need ``plan`` and lack it (none while the folder holds one plan,
        or while a plan.yaml is broken: which plans exist is not known then)."""
        if len(self.plan_ids) < 2 or self.broken_plans or not isinstance(entries, list):
            return []
        return [i for i, e in enumerate(entries) if isinstance(e, dict) and "plan" not in e]

    def missing_plans(self, count: int) -> str:
        """The one problem of a file whose ``count`` entries lack ``plan``."""
        known = ", ".join(self.plan_ids)
        return (
            f"plan is missing in {count} {'entry' if count == 1 else 'entries'} and is required: "
            f"this folder holds several plans ({known}); "
            "run `duban fix plan-ids --plan PLAN-ID` to write it into each"
        )

    def find(self, entry: dict[str, Any], keys: KeyPath = ()) -> TaskRef:
        plan = entry.get("plan")
        if plan is None:
            if len(self.plan_ids) != 1 or self.broken_plans:
                if self.broken_plans:
                    return TaskRef(None)  # a broken plan.yaml is reported already
                known = ", ".join(self.plan_ids)
                return TaskRef(
                    None,
                    (*keys, "task"),
                    f"plan is required: this folder holds several plans ({known})",
                )
            plan = self.plan_ids[0]
        elif plan not in self.plan_ids:
            if plan in self.broken:
                return TaskRef(None)
            known = ", ".join(self.plan_ids)
            return TaskRef(None, (*keys, "plan"), f"there is no plan {plan!r} (plans: {known})")
        ref = entry["task"]
        if isinstance(ref, int):
            found = self.by_number.get((plan, ref), [])
            if len(found) > 1:
                return TaskRef(
                    None,
                    (*keys, "task"),
                    f"task number {ref} is used in several sections: write the task id",
                )
            key = found[0] if found else None
        else:
            key = f"{plan}/{ref}" if f"{plan}/{ref}" in self.tasks else None
        if key is None:
            broken_here = any(b.startswith(f"{plan}/") for b in self.broken)
            if (
                f"{plan}/{ref}" in self.broken
                or plan in self.broken
                or (isinstance(ref, int) and broken_here)
            ):
                return TaskRef(None)  # the task file failed its schema: reported already
            return TaskRef(None, (*keys, "task"), f"there is no task {ref!r}")
        if "item" in entry:
            item_key = f"{key}/{entry['item']}"
            if item_key not in self.tasks:
                items = (
                    ", ".join(
                        self.tasks[k].local_id.split("/", 1)[1]
                        for k in descendants(self.tasks, key)
                    )
                    or "none"
                )
                return TaskRef(
                    None,
                    (*keys, "item"),
                    f"task {ref} has no sub-item {entry['item']!r} (its sub-items: {items})",
                )
            key = item_key
        return TaskRef(self.tasks[key])


@dataclass
class EntryContext:
    doc: Document
    keys: KeyPath
    entry: dict[str, Any]
    task: Task
    due: Due
    occurrence: Occurrence | None
    signed: dt.date
    """The day the task's plan was signed."""


Rule = Callable[[EntryContext], Iterator[tuple[KeyPath, str]]]


def _done_after_started(c: EntryContext) -> Iterator[tuple[KeyPath, str]]:
    started, done = parse_date(c.entry.get("started")), parse_date(c.entry.get("done"))
    if started and done and done < started:
        yield ("done",), "is before started"


def _done_needs_state_done(c: EntryContext) -> Iterator[tuple[KeyPath, str]]:
    if c.entry["state"] != "done" and c.entry.get("done") is not None:
        yield (
            ("done",),
            f"is given but state is {c.entry['state']!r}: set state to done, or remove the date",
        )


def _dates_after_signing(c: EntryContext) -> Iterator[tuple[KeyPath, str]]:
    """No date a unit reports lies more than a year before its plan was signed (1900-01-01
    would count as 按期完成). The later bound needs the day of the report: intake checks it."""
    earliest = earliest_report(c.signed)
    dated: list[tuple[KeyPath, Any]] = [(("started",), c.entry.get("started"))]
    dated.append((("done",), c.entry.get("done")))
    for name, field in (("updates", "date"), ("evidence", "date"), ("deliverables", "done")):
        dated += [((name, i, field), d.get(field)) for i, d in enumerate(c.entry.get(name, []))]
    for where, value in dated:
        day = parse_date(value)
        if day is not None and day < earliest:
            yield where, before_signing(day, earliest, c.signed)


def before_signing(day: dt.date, earliest: dt.date, signed: dt.date) -> str:
    return (
        f"{day.isoformat()} is before {earliest.isoformat()}, a year before the plan was signed "
        f"({signed.isoformat()}): write the day the work was done"
    )


def _figures_known(c: EntryContext) -> Iterator[tuple[KeyPath, str]]:
    known = {f for d in c.task.due for i, _ in d.measures for f in i.figures}
    for name in c.entry.get("figures", {}):
        if name not in known:
            hint = ", ".join(sorted(known)) or "none"
            yield (
                ("figures", name),
                f"task {c.task.local_id} reads no figure {name!r} (figures it reads: {hint})",
            )


def _deliverables_known(c: EntryContext) -> Iterator[tuple[KeyPath, str]]:
    known = {d.id for d in c.task.deliverables}
    for index, item in enumerate(c.entry.get("deliverables", [])):
        if item["id"] not in known:
            hint = ", ".join(sorted(known)) or "none"
            yield (
                ("deliverables", index, "id"),
                f"task {c.task.local_id} names no deliverable {item['id']!r} (its deliverables: {hint})",  # noqa: E501
            )


def _instances_fit(c: EntryContext) -> Iterator[tuple[KeyPath, str]]:
    instances = c.entry.get("instances", [])
    if not instances:
        return
    if not c.due.is_count:
        yield ("instances",), "are only for duties with a number of times or an amount per period"
        return
    occurrence = c.occurrence
    if occurrence is None:
        return
    last = occurrence.ends or occurrence.due
    for index, item in enumerate(instances):
        day = parse_date(item["date"])
        assert day
        if not occurrence.starts <= day <= last:
            yield (
                ("instances", index, "date"),
                f"{day.isoformat()} is outside the period {occurrence.key} "
                f"({occurrence.starts.isoformat()}..{last.isoformat()})",
            )
        if c.due.amount is not None and "amount" not in item:
            yield (
                ("instances", index, "amount"),
                f"is required: the duty counts {c.due.amount_unit or 'an amount'}",
            )


ENTRY_RULES: tuple[Rule, ...] = (
    _done_after_started,
    _done_needs_state_done,
    _dates_after_signing,
    _figures_known,
    _deliverables_known,
    _instances_fit,
)


def holder_problem(
    model_units: dict[str, Unit], groups: dict[str, Group], holder: str
) -> str | None:
    if holder in groups and groups[holder].members:
        return f"group {holder!r} lists its members: each member records its status in its own file"
    if holder not in model_units and holder not in groups:
        return f"{holder!r} is not a unit or group in org.yaml"
    return None


def bound_obligations(
    obligations: tuple[Obligation, ...],
) -> dict[tuple[str, str], list[Obligation]]:
    """(holder, task id) -> the obligations that holder answers for under that task."""
    bound: dict[tuple[str, str], list[Obligation]] = {}
    for o in obligations:
        for holder in o.holders:
            bound.setdefault((holder, o.task_id), []).append(o)
    return bound


def build_status(
    report: Report,
    docs: Iterable[Document],
    finder: TaskFinder,
    units: dict[str, Unit],
    groups: dict[str, Group],
    obligations: tuple[Obligation, ...],
    signed: Mapping[str, dt.date],
    *,
    texts: bool = True,
) -> dict[StatusKey, StatusEntry]:
    """The status entries; ``signed``: each plan's day of signing, by plan id; ``texts``
    False: without what the holders wrote (``Model.texts``)."""
    bound = bound_obligations(obligations)
    result: dict[StatusKey, StatusEntry] = {}
    for doc in docs:  # one at a time (project.py streams them)
        for keys, made in file_entries(report, doc, finder, units, groups, bound, signed, texts):
            add_entry(report, result, doc, keys, made)
    return result


def add_entry(
    report: Report,
    result: dict[StatusKey, StatusEntry],
    doc: Document,
    keys: KeyPath,
    made: StatusEntry,
) -> None:
    """Add one entry, or report it when an earlier entry answers the same occurrence (the only
    rule that spans entries: a file holds one unit's entries, named after it, so in practice
    the earlier entry is in the same file)."""
    key = OccurrenceRef(made.task_id, made.holder_id, made.due_id, made.period)
    if key in result:
        first = result[key].source.line
        report(doc, keys, f"the same obligation is already reported on line {first}")
        return
    result[key] = made


def file_entries(
    report: Report,
    doc: Document,
    finder: TaskFinder,
    units: dict[str, Unit],
    groups: dict[str, Group],
    bound: dict[tuple[str, str], list[Obligation]],
    signed: Mapping[str, dt.date],
    texts: bool = True,
) -> Iterator[tuple[KeyPath, StatusEntry]]:
    """One status file's entries that match an obligation, in the file's order, each checked
    on its own (duplicates are :func:`add_entry`'s); h24m's update of one file re-runs this."""
    holder = doc.data["unit"]
    if holder != doc.path.stem:
        report(doc, ("unit",), f"must equal the file name {doc.path.stem!r}")
        return
    problem = holder_problem(units, groups, holder)
    if problem:
        report(doc, ("unit",), problem)
        return
    unplanned = set(finder.entries_without_plan(doc.data["obligations"]))
    if unplanned:
        # one line for the file, not one per entry: the fix is one command for all of them
        report(doc, ("obligations", min(unplanned)), finder.missing_plans(len(unplanned)))
    for index, entry in enumerate(doc.data["obligations"]):
        keys: KeyPath = ("obligations", index)
        if index in unplanned:
            continue
        failed = doc.failing_entries.get(index)
        if failed is not None:
            # its schema problems are reported; its reference is checked now if it can be
            if not failed & REFERENCE_FIELDS:
                _entry(report, doc, keys, holder, entry, finder, bound, reference_only=True)
            continue
        made = _entry(report, doc, keys, holder, entry, finder, bound, signed, texts=texts)
        if made is not None:
            yield keys, made


def _entry(
    report: Report,
    doc: Document,
    keys: KeyPath,
    holder: str,
    entry: dict[str, Any],
    finder: TaskFinder,
    bound: dict[tuple[str, str], list[Obligation]],
    signed: Mapping[str, dt.date] | None = None,
    reference_only: bool = False,
    texts: bool = True,
) -> StatusEntry | None:
    found = finder.find(entry, keys)
    if found.task is None:
        if found.problem:
            report(doc, found.keys, found.problem)
        return None
    task = found.task
    obligations = bound.get((holder, task.id), [])
    if not obligations:
        cited = task.label or task.local_id
        report(doc, (*keys, "task"), f"{holder!r} has no obligation under task {cited}")
        return None
    due_ids = {d for o in obligations for d in o.due_ids}
    mine = [d for d in task.due if d.id in due_ids]
    due, problem = pick_due(task, mine, entry.get("due"))
    if due is None:
        report(doc, (*keys, "due"), problem or "")
        return None
    period = entry.get("period", "")
    by_record = due.kind == "follow-up" or (due.after is not None and due.after.is_record)
    checked = by_record or doc.vouched  # h24t: a vouched file's periods were found before
    problem = period_problem(task, due, period) if not checked else None
    if problem:
        report(doc, (*keys, "period"), problem)
        return None
    if reference_only or signed is None:
        return None
    if doc.vouched:  # h24t: clean in this context last time, so these rules find nothing
        return status_entry(doc, keys, holder, task, due, period, entry, texts)
    occurrence = due.occurrence(period)
    context = EntryContext(doc, keys, entry, task, due, occurrence, signed[task.plan_id])
    for rule in ENTRY_RULES:
        for where, message in rule(context):
            # a figure's problem is its name: point at the key, not the number
            report(doc, (*keys, *where), message, of_key=len(where) > 1 and where[-2] == "figures")
    return status_entry(doc, keys, holder, task, due, period, entry, texts)


__all__ = ["Model", "TaskFinder", "build_status"]
