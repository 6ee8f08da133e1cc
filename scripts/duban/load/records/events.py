"""Dated events a supervisor records (``events`` in data/records: 一次检查, 一次督查) and the
deadlines counted from them (``after: {event: record, record: <kind>}``): one occurrence per event,
keyed by the event's date. An event names its task (or sub-item), or none: then it concerns every
task of its plan with such a deadline. A status entry of such a deadline names the event's date as
its ``period``; no event, no occurrence (nothing is owed, nothing is overdue)."""

from __future__ import annotations

from typing import Any

from duban.load.records.reader import RecordReader
from duban.load.resolve import parse_date, source_of
from duban.load.strict_yaml import Document, KeyPath
from duban.model.problems import Problem
from duban.model.supervision import RecordedEvent


def counted_kinds(reader: RecordReader) -> dict[str, set[str]]:
    """For each plan, the kinds of record its deadlines count from."""
    kinds: dict[str, set[str]] = {}
    for task in reader.model.tasks.values():
        for due in task.due:
            if due.after is not None and due.after.is_record and due.after.record:
                kinds.setdefault(task.plan_id, set()).add(due.after.record)
    return kinds


def recorded_events(reader: RecordReader, kept: list[tuple[Document, str]]) -> list[RecordedEvent]:
    kinds = counted_kinds(reader)
    found: list[RecordedEvent] = []
    for document, keeper in kept:
        for index, item in enumerate(document.data.get("events", [])):
            made = _event(reader, document, ("events", index), keeper, item, kinds)
            if made is not None:
                found.append(made)
    return found


def _event(
    reader: RecordReader,
    document: Document,
    keys: KeyPath,
    keeper: str,
    item: dict[str, Any],
    kinds: dict[str, set[str]],
) -> RecordedEvent | None:
    task_id: str | None = None
    if "task" in item:
        task = reader.task_of(document, keys, item)
        if task is None:
            return None
        plan_id, task_id = task.plan_id, task.id
    else:
        plan_id = item.get("plan") or next(iter(reader.model.plans), "")
        if plan_id not in reader.model.plans or (
            len(reader.model.plans) > 1 and "plan" not in item
        ):
            known = ", ".join(sorted(reader.model.plans))
            reader.report(
                document, (*keys, "plan"), f"names no task: write the plan it concerns ({known})"
            )
            return None
    kind = item["event"]
    if kind not in kinds.get(plan_id, set()):
        reader.report(
            document,
            (*keys, "event"),
            f"no deadline of this plan counts from records of kind {kind!r} "
            f"(write after.record: {kind} on the deadline that does)",
        )
        return None
    day = parse_date(item["date"])
    assert day is not None
    return RecordedEvent(
        kind=kind,
        date=day,
        by=keeper,
        plan_id=plan_id,
        task_id=task_id,
        text=item.get("text"),
        document=item.get("document"),
        url=item.get("url"),
        source=source_of(document, keys),
    )


def event_status(reader: RecordReader, events: list[RecordedEvent], broken: bool) -> None:
    """A status entry of a deadline counted from records names the date of such a record."""
    for entry in reader.model.status.values():
        task = reader.model.tasks[entry.task_id]
        due = task.due_item(entry.due_id)
        if broken or due is None or due.after is None or not due.after.is_record:
            continue
        kind = due.after.record or ""
        dates = {
            e.date.isoformat()
            for e in events
            if e.kind == kind and e.concerns(task.plan_id, task.id)
        }
        if entry.period in dates:
            continue
        source = entry.source
        message = (
            f"no record of kind {kind!r} dated {entry.period!r} concerns task {task.local_id} "
            "(data/records: events)"
        )
        reader.problems.append(Problem(source.path, source.line, 1, "period", message))
