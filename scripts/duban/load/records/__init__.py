"""From the schema-valid rules file and records files to :mod:`duban.model.supervision` objects,
checking every rule that spans files on the way (like :mod:`duban.load.resolve` does for the plan).
One module per file kind: :mod:`.rules` (a plan's rules.yaml: ladders, ranking and grading
rules) and :mod:`.entries` (the records: follow-up deadlines, reminders and notices, rankings,
gradings), each rule one function; :mod:`.reader` holds what they share.

Runs after the model is built, because every check here reads it: a record must name a unit or
group of org.yaml, a task and one of its deadlines that the unit really answers for, a rule of
rules.yaml, a grade the rule lists. Every problem is reported as ``path:line:col: field: msg``.
"""

from __future__ import annotations

import dataclasses
from typing import Any

from duban.load.records import entries, events
from duban.load.records.reader import RecordReader
from duban.load.records.rules import all_rules
from duban.load.resolve.status import TaskFinder
from duban.load.strict_yaml import Document, KeyPath
from duban.model.model import Model
from duban.model.problems import Problem
from duban.model.supervision import Action, FollowUp, Grading, Ranking, Records

__all__ = ["attach_supervision"]


def _unique(
    checker: RecordReader,
    items: list[tuple[Document, KeyPath, tuple[Any, ...]]],
    describe: str,
) -> None:
    first: dict[tuple[Any, ...], str] = {}
    for document, keys, key in items:
        if key in first:
            checker.report(
                document, keys, f"the same {describe} is already recorded at {first[key]}"
            )
        first.setdefault(key, f"{document.display}:{document.position(keys)[0]}")


def _unplanned(checker: RecordReader, finder: TaskFinder, document: Document) -> set[KeyPath]:
    """The follow-ups and actions that need ``plan`` and lack it, reported in one line."""
    found: set[KeyPath] = {
        (name, index)
        for name in ("follow_ups", "actions")
        for index in finder.entries_without_plan(document.data.get(name, []))
    }
    if found:
        first = min(found, key=lambda keys: document.position(keys))
        checker.report(document, first, finder.missing_plans(len(found)))
        if any(name == "follow_ups" for name, _ in found):
            checker.follow_ups_unknown = True  # their deadlines are not known: not "unset"
    return found


def attach_supervision(
    model: Model,
    finder: TaskFinder,
    rules_documents: list[tuple[str, Document]],
    record_documents: list[Document],
    status_documents: list[Document],
    rules_broken: set[str] | bool = False,
    records_broken: bool = False,
    office: str | None = None,
) -> tuple[Model, list[Problem]]:
    """The model with its rules and records, and every problem found in them.

    ``rules_broken``: rules.yaml exists but failed its schema, so references to its rules are
    not reported again. ``records_broken``: a records file failed its schema; the follow-up
    deadlines it (or a broken rule) would have set are unknown, so entries that answer one are
    not reported as answering nothing. ``office``: the supervising office's id (org.yaml), which
    may record an action on any task.
    """
    checker = RecordReader(model, finder)
    checker.office = office
    checker.broken_rules = set(rules_broken) if isinstance(rules_broken, set) else set()
    if rules_broken is True:
        checker.broken_rules = set(model.plans)
    checker.follow_ups_unknown = bool(rules_broken) or records_broken
    rules = all_rules(checker, rules_documents)
    follow_ups: list[FollowUp] = []
    places: list[tuple[Document, KeyPath, tuple[Any, ...]]] = []
    kept: list[tuple[Document, str]] = []
    unplanned: dict[str, set[KeyPath]] = {}
    for document in sorted(record_documents, key=lambda d: d.display):
        keeper = checker.keeper(document)
        if keeper is None:
            continue
        kept.append((document, keeper))
        unplanned[document.display] = _unplanned(checker, finder, document)
        for index, item in enumerate(document.data.get("follow_ups", [])):
            f_keys: KeyPath = ("follow_ups", index)
            if f_keys in unplanned[document.display]:
                continue
            made = entries.follow_up(checker, document, f_keys, keeper, item, rules)
            if made:
                follow_ups.append(made)
                key = made.item_key
                places.append((document, f_keys, key))
    rankings: list[Ranking] = []
    gradings: list[Grading] = []
    for document, keeper in kept:
        for index, item in enumerate(document.data.get("rankings", [])):
            keys: KeyPath = ("rankings", index)
            ranking = entries.ranking(checker, document, keys, keeper, item, rules)
            if ranking:
                rankings.append(ranking)
        for index, item in enumerate(document.data.get("gradings", [])):
            keys = ("gradings", index)
            grading, follow_ups_made = entries.grading(checker, document, keys, keeper, item, rules)
            gradings.append(grading)
            for follow_up in follow_ups_made:
                follow_ups.append(follow_up)
                key = follow_up.item_key
                places.append((document, keys, key))
    _unique(checker, places, "follow-up deadline (task, unit, deadline, period)")
    _unique(
        checker,
        [
            (d, ("rankings", i), (r["rule"], r.get("scope"), r["period"]))
            for d, _ in kept
            for i, r in enumerate(d.data.get("rankings", []))
        ],
        "ranking (rule, scope, period)",
    )
    _unique(
        checker,
        [
            (d, ("gradings", i), (g["rule"], g["year"]))
            for d, _ in kept
            for i, g in enumerate(d.data.get("gradings", []))
        ],
        "grading (rule, year)",
    )
    follow_up_keys = {f.item_key for f in follow_ups}
    actions: list[Action] = []
    for document, keeper in kept:
        for index, item in enumerate(document.data.get("actions", [])):
            if ("actions", index) in unplanned[document.display]:
                continue
            action = entries.action(
                checker, document, ("actions", index), keeper, item, rules, follow_up_keys
            )
            if action:
                actions.append(action)
    entries.follow_up_status(checker, status_documents, follow_up_keys)
    recorded = events.recorded_events(checker, kept)
    events.event_status(checker, recorded, records_broken)
    problems = checker.problems
    records = Records(
        tuple(actions), tuple(follow_ups), tuple(rankings), tuple(gradings), tuple(recorded)
    )
    return dataclasses.replace(model, rules=rules, records=records), sorted(set(problems))
