"""The supervising office's records (data/records/<unit>.yaml): one function per kind of record
(follow-up deadlines, reminders and notices, rankings, gradings), and the status entries that
answer a follow-up deadline."""

from __future__ import annotations

import datetime as dt
from typing import Any

from duban.load.records.reader import RecordReader
from duban.load.resolve import parse_date, source_of
from duban.load.strict_yaml import Document, KeyPath
from duban.model.deadlines import period_every
from duban.model.plan import Task
from duban.model.problems import Problem
from duban.model.refs import OccurrenceRef, Source
from duban.model.supervision import (
    Action,
    FollowUp,
    Grade,
    Grading,
    GradingRule,
    Ladder,
    Ranking,
    Rules,
    Score,
)


def follow_up(
    c: RecordReader,
    document: Document,
    keys: KeyPath,
    keeper: str,
    item: dict[str, Any],
    rules: Rules,
) -> FollowUp | None:
    task = c.task_of(document, keys, item)
    holder = c.entity(document, (*keys, "unit"), item["unit"])
    if task is None or holder is None:
        return None
    ladder = rules.ladder_for(task.id)
    if not may_record(c, document, keys, keeper, task, holder, ladder, "a follow-up deadline"):
        return None
    due = c.due(document, keys, task, holder, item["due"])
    if due is None:
        return None
    if due.kind != "follow-up":
        c.report(
            document,
            (*keys, "due"),
            f"deadline {due.id!r} of task {task.local_id} is not a follow-up (kind: {due.kind})",
        )
        return None
    set_on, deadline = parse_date(item["date"]), parse_date(item["deadline"])
    assert set_on and deadline
    if deadline < set_on:
        c.report(document, (*keys, "deadline"), "is before date")
    return FollowUp(
        task_id=task.id,
        due_id=due.id,
        holder_id=holder,
        key=item["period"],
        set_on=set_on,
        deadline=deadline,
        by=keeper,
        text=item.get("text"),
        document=item.get("document"),
        source=source_of(document, keys),
    )


def action(
    c: RecordReader,
    document: Document,
    keys: KeyPath,
    keeper: str,
    item: dict[str, Any],
    rules: Rules,
    follow_up_keys: set[OccurrenceRef],
) -> Action | None:
    task = c.task_of(document, keys, item)
    holder = c.entity(document, (*keys, "unit"), item["unit"])
    if task is None or holder is None:
        return None
    ladder = rules.ladder_for(task.id)
    if not may_record(c, document, keys, keeper, task, holder, ladder):
        return None
    if ladder is None:
        if task.plan_id not in c.broken_rules:  # a broken rules file is reported already
            c.report(
                document,
                (*keys, "action"),
                f"rules.yaml has no ladder that covers task {task.local_id}",
            )
    elif item["action"] not in ladder.actions:
        known = ", ".join(ladder.actions) or "none"
        c.report(
            document,
            (*keys, "action"),
            f"ladder {ladder.id!r} has no action {item['action']!r} (its actions: {known})",
        )
    due = c.due(document, keys, task, holder, item.get("due"))
    if due is None:
        return None
    key = item.get("period", "")
    if not c.period_ok(document, keys, task, holder, due, key, follow_up_keys):
        return None
    date, respond_by = parse_date(item["date"]), parse_date(item.get("respond_by"))
    assert date
    if respond_by and respond_by < date:
        c.report(document, (*keys, "respond_by"), "is before date")
    return Action(
        action=item["action"],
        date=date,
        by=keeper,
        task_id=task.id,
        holder_id=holder,
        due_id=due.id,
        key=key,
        respond_by=respond_by,
        document=item.get("document"),
        text=item.get("text"),
        url=item.get("url"),
        source=source_of(document, keys),
    )


def may_record(
    c: RecordReader,
    document: Document,
    keys: KeyPath,
    keeper: str,
    task: Task,
    holder: str,
    ladder: Ladder | None,
    what: str = "an action",
) -> bool:
    """Who may record an action (a reminder, a notice …) or set a follow-up deadline (限期整改)
    against a unit, in its own records file: a unit or group that supervises the task
    (``Model.supervisors``: its supervising units, else its lead units), a unit the plan names
    to take the ladder's actions (rules.yaml ``recorded_by``), or the supervising office
    (org.yaml). A group counts as itself (its own records file), never through its members: a
    district that leads a task together with its peers does not supervise them. Reported on
    the record's unit if not."""
    _role, supervisors = c.model.supervisors(task)
    allowed = list(supervisors)
    for other in (*(ladder.recorded_by if ladder else ()), c.office):
        if other is not None and other not in allowed:
            allowed.append(other)
    if keeper in allowed:
        return True
    c.report(
        document,
        (*keys, "unit"),
        f"{keeper!r} does not supervise task {task.local_id}, so it may not record {what} "
        f"against {holder!r}: only {', '.join(repr(a) for a in allowed) or 'nobody'} may "
        f"(the task's supervising units, else its lead units; the ladder's recorded_by; the "
        f"supervising office)",
    )
    return False


def _unknown_rule(
    c: RecordReader, document: Document, keys: KeyPath, kind: str, ref: str, known: Any
) -> None:
    """A record names a ranking or grading rule its plan's rules.yaml does not have."""
    if c.broken_rules:
        return  # a broken rules file is reported already
    listed = ", ".join(r.id for r in known) or "none"
    c.report(
        document, (*keys, "rule"), f"rules.yaml has no {kind} rule {ref!r} ({kind} rules: {listed})"
    )


def ranking(
    c: RecordReader,
    document: Document,
    keys: KeyPath,
    keeper: str,
    item: dict[str, Any],
    rules: Rules,
) -> Ranking | None:
    rule = rules.ranking(item["rule"])
    if rule is None:
        _unknown_rule(c, document, keys, "ranking", item["rule"], rules.rankings)
    elif period_every(item["period"]) != rule.every:
        c.report(
            document,
            (*keys, "period"),
            f"{item['period']!r} is not a {rule.every} period (rule {rule.id!r} ranks "
            f"every {rule.every})",
        )
    scope = c.entity(document, (*keys, "scope"), item["scope"]) if "scope" in item else None
    scores: list[Score] = []
    for index, score in enumerate(item["scores"]):
        holder = c.entity(document, (*keys, "scores", index, "unit"), score["unit"])
        if holder is None:
            continue
        if any(s.holder_id == holder for s in scores):
            c.report(document, (*keys, "scores", index, "unit"), f"{holder!r} is ranked twice")
            continue
        scores.append(Score(holder, float(score["value"])))
    date = parse_date(item["date"])
    assert date
    return Ranking(
        rule_id=item["rule"],
        period=item["period"],
        date=date,
        by=keeper,
        scores=tuple(scores),
        scope=scope,
        document=item.get("document"),
        url=item.get("url"),
        source=source_of(document, keys),
    )


def grading(
    c: RecordReader,
    document: Document,
    keys: KeyPath,
    keeper: str,
    item: dict[str, Any],
    rules: Rules,
) -> tuple[Grading, list[FollowUp]]:
    rule = rules.grading(item["rule"])
    if rule is None:
        _unknown_rule(c, document, keys, "grading", item["rule"], rules.gradings)
    date = parse_date(item["date"])
    assert date
    grades: list[Grade] = []
    follow_ups: list[FollowUp] = []
    for index, data in enumerate(item["grades"]):
        g_keys = (*keys, "grades", index)
        holder = c.entity(document, (*g_keys, "unit"), data["unit"])
        if holder is None:
            continue
        if any(g.holder_id == holder for g in grades):
            c.report(document, (*g_keys, "unit"), f"{holder!r} is graded twice")
            continue
        grade = _grade(c, document, g_keys, holder, data, date, rule)
        grades.append(grade)
        if rule and rule.follow_up and grade.rectify_by:
            follow_up = _grade_follow_up(c, document, g_keys, keeper, grade, item, rule)
            if follow_up:
                follow_ups.append(follow_up)
    grading = Grading(
        rule_id=item["rule"],
        year=item["year"],
        date=date,
        by=keeper,
        grades=tuple(grades),
        document=item.get("document"),
        url=item.get("url"),
        source=source_of(document, keys),
    )
    return grading, follow_ups


def _grade(
    c: RecordReader,
    document: Document,
    keys: KeyPath,
    holder: str,
    data: dict[str, Any],
    date: dt.date,
    rule: GradingRule | None,
) -> Grade:
    recheck = data.get("recheck") or {}
    grade = Grade(
        holder_id=holder,
        grade=data["grade"],
        rectify_by=parse_date(data.get("rectify_by")),
        recheck_date=parse_date(recheck.get("date")),
        recheck_grade=recheck.get("grade"),
        note=data.get("note"),
        source=source_of(document, keys),
    )
    if grade.rectify_by and grade.rectify_by < date:
        c.report(document, (*keys, "rectify_by"), "is before the inspection date")
    if grade.recheck_date and grade.recheck_date < date:
        c.report(document, (*keys, "recheck", "date"), "is before the inspection date")
    if rule is None:
        return grade
    listed = ", ".join(rule.grades)
    for where, value in (("grade",), grade.grade), (("recheck", "grade"), grade.recheck_grade):
        if value is not None and value not in rule.grades:
            c.report(document, (*keys, *where), f"{value!r} is not a grade of {rule.id} ({listed})")
    if not rule.is_failing(grade.grade):
        for name in ("rectify_by", "recheck"):
            if name in data:
                c.report(
                    document, (*keys, name), f"is only for a failing grade (not {grade.grade})"
                )
    return grade


def _grade_follow_up(
    c: RecordReader,
    document: Document,
    keys: KeyPath,
    keeper: str,
    grade: Grade,
    item: dict[str, Any],
    rule: GradingRule,
) -> FollowUp | None:
    task = c.model.tasks.get(rule.task_id)
    due = task.due_item(rule.follow_up) if task and rule.follow_up else None
    if task is None or due is None or due.kind != "follow-up":
        return None  # the rule itself is reported
    if grade.holder_id not in due.holder_ids:
        c.report(
            document,
            (*keys, "unit"),
            f"{grade.holder_id!r} does not answer for follow-up {due.id!r} of task "
            f"{task.local_id}, so no rectification deadline can be set for it",
        )
        return None
    assert grade.rectify_by
    return FollowUp(
        task_id=task.id,
        due_id=due.id,
        holder_id=grade.holder_id,
        key=str(item["year"]),
        set_on=parse_date(item["date"]) or grade.rectify_by,
        deadline=grade.rectify_by,
        by=keeper,
        text=grade.note,
        document=item.get("document"),
        source=source_of(document, (*keys, "rectify_by")),
    )


# -- status entries of follow-up duties ---------------------------------------------------


def follow_up_status(
    c: RecordReader, status_docs: list[Document], follow_up_keys: set[OccurrenceRef]
) -> None:
    """A status entry of a follow-up duty must answer a deadline that was really set."""
    for entry in c.model.status.values():
        task = c.model.tasks[entry.task_id]
        due = task.due_item(entry.due_id)
        if due is None or due.kind != "follow-up":
            continue
        key = OccurrenceRef(entry.task_id, entry.holder_id, entry.due_id, entry.period)
        if key in follow_up_keys or c.follow_ups_unknown:
            continue
        document, keys = _entry_place(status_docs, entry.source)
        message = (
            f"no deadline was set for period {entry.period!r} of follow-up {due.id!r} of "
            f"task {task.local_id} (data/records: follow_ups or a grade's rectify_by)"
        )
        if document is None:
            source = entry.source
            c.problems.append(Problem(source.path, source.line, 1, "period", message))
        else:
            c.report(document, (*keys, "period"), message)


def _entry_place(documents: list[Document], source: Source) -> tuple[Document | None, KeyPath]:
    """The status file and entry a source line points at, found by the entries' recorded
    positions (a status file's data is released once the model is built)."""
    for document in documents:
        if document.display != source.path:
            continue
        if document.recorded_depth == -1:  # released with the data (Document.release)
            document.record_all_positions()
        for keys, (line, _col) in document.positions.items():
            if len(keys) == 2 and keys[0] == "obligations" and line == source.line:
                return document, keys
    return None, ()
