"""``duban fix plan-ids``: write ``plan: <id>`` into every entry that lacks it.

A folder with one plan lets status entries (and the follow-ups and actions of records files)
leave ``plan`` out; the day a second plan is added, every such entry needs it. This plans the
change of one file as text (through
:class:`~duban.intake.status_text.StatusText`, so comments, order, quoting and blank lines stay
as written) and says why an entry cannot be changed; the command writes the files.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from duban.intake.status_text import CannotEdit, StatusText
from duban.load.layout import PLAN_FILE, PLANS_FOLDER, TASKS_FOLDER
from duban.load.strict_yaml import Document, load_document
from duban.model.plan import PLAN_TASK
from duban.model.problems import Problem


@dataclass
class PlannedFile:
    """One status file's new text and the lines of the entries it changes."""

    document: Document
    text: str
    lines: list[int] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)


LISTS = ("obligations", "follow_ups", "actions")
"""The lists whose entries name a task: a status file's, then a records file's."""


def entries_without_plan(data: Any) -> list[tuple[str, int]]:
    """(list, position) of each entry (a mapping) without ``plan``."""
    found: list[tuple[str, int]] = []
    for name in LISTS:
        entries = data.get(name) if isinstance(data, dict) else None
        if isinstance(entries, list):
            found.extend(
                (name, i) for i, e in enumerate(entries) if isinstance(e, dict) and "plan" not in e
            )
    return found


def plan_task_ids(data_dir: Path, plan_id: str) -> set[str]:
    """The ids of a plan's task files (``tasks/<id>.yaml``), and ``plan`` when plan.yaml has
    plan-wide duties (status entries name those ``task: plan``)."""
    folder = data_dir / PLANS_FOLDER / plan_id
    try:
        found = {p.stem for p in (folder / TASKS_FOLDER).iterdir() if p.suffix == ".yaml"}
    except OSError:
        return set()
    document, _ = load_document(folder / PLAN_FILE)
    if document is not None and isinstance(document.data, dict) and document.data.get("duties"):
        found.add(PLAN_TASK)
    return found


def add_plan_ids(text: str, document: Document, plan_id: str, tasks: set[str]) -> PlannedFile:
    """``text`` with ``plan: <plan_id>`` first in each entry without plan. An entry whose task
    (given by id) is not a task of that plan, or that is written in flow style, is a problem,
    and then the file is not changed at all."""
    planned = PlannedFile(document, text)
    missing = entries_without_plan(document.data)
    if not missing:
        return planned
    edit = StatusText(text, document)
    for name, index in missing:
        keys = (name, index)
        task = document.data[name][index].get("task")
        if isinstance(task, str) and task not in tasks:
            planned.problems.append(
                document.problem((*keys, "task"), f"plan {plan_id} has no task {task!r}")
            )
            continue
        try:
            edit.prepend(index, "plan", plan_id, name)
        except CannotEdit:
            planned.problems.append(
                document.problem(keys, f"written in flow style: add plan: {plan_id} by hand")
            )
            continue
        planned.lines.append(document.position(keys)[0])
    if not planned.problems:
        planned.text = edit.text()
    else:
        planned.lines = []
    planned.lines.sort()
    return planned
