"""Every task of an import under an id and a number of its own.

A document can give a number twice in one scope (a chapter, or the plan when numbered
through): numbering that restarts in chapters read as running through, or two lists run
together. ``validate`` requires both the id and the number unique, so the later task takes the
id with a suffix (``02-2``) and a number after every other number of its scope; the first task
of each number keeps its own. A task whose id is its own but whose number is taken (a chapter
that is a task, ``5`` beside the plan's ``05``: chapter_tasks.py) keeps its id.
"""

from __future__ import annotations


def unique_numbers(tasks: list[dict], numbering: str) -> list[tuple[str, str, int]]:
    """Renumber the repeated tasks in place; (the id as read, the new id, the new number) each."""

    def scope(task: dict) -> int:
        return task["section"] if numbering == "section" else 0

    ids: set[str] = set()
    numbers: dict[int, set[int]] = {}
    again: list[dict] = []
    for task in tasks:
        taken = numbers.setdefault(scope(task), set())
        if task["id"] in ids or task["number"] in taken:
            again.append(task)
        else:
            ids.add(task["id"])
            taken.add(task["number"])
    changed = []
    for task in again:
        written, count = task["id"], 2
        if written in ids:  # h18bi: a chapter's own task (5 beside 05) keeps its id, not its number
            while f"{written}-{count}" in ids:
                count += 1
            task["id"] = f"{written}-{count}"
        ids.add(task["id"])
        taken = numbers[scope(task)]
        task["number"] = max(taken) + 1
        taken.add(task["number"])
        changed.append((written, task["id"], task["number"]))
    return changed
