"""A 任务分解表 that restates items written above it (branch h18a).

Work points are often written twice: first as numbered items with no assignment (一、工作要点 /
1.深入推进政策解读…), then as a table (二、重点工作任务分解: 重点任务 | 工作内容 | 负责科室) whose
rows repeat the items' words and give each its unit. Read separately, the items are provisions
without an owner and the rows are tasks of their own, so every obligation is there twice or not
at all. When a row's text is found in one such item (and only one), the item is the task: it
takes the row's roles and deadline, and the row, whose words the item already holds, is kept as
a non-task provision of the table's section. The review says which row went to which item.
Only the items of a section with no task of its own are candidates (a section of tasks keeps
its provisions as they are), and at least two rows must find their item.
"""

from __future__ import annotations

import re
from typing import Any

from duban.plan_import.chinese import simplified

CLAUSE = re.compile(r"（[^（）]*(?:单位|領導|领导|时限|時限)：[^（）]*）$")
MIN_MATCH = 12
"""Characters of a row's text that must stand in the item (punctuation and spaces aside)."""


def _plain(text: str) -> str:
    return re.sub(r"[\W_]+", "", simplified(text))


def _row_text(task: dict) -> list[str]:
    """The row's cells of text (the clause the table made aside)."""
    text = CLAUSE.sub("", task.get("text", ""))
    return [_plain(part) for part in text.split("；") if len(_plain(part)) >= MIN_MATCH]


def attach_restating_rows(
    sections: list[dict[str, Any]], tasks: list[dict[str, Any]], numbering: str
) -> list[tuple[dict, dict]]:
    """Move the roles of the table rows that restate provisions to those provisions, which
    become tasks (in place of the rows, which become provisions). Returns (item task, row)."""
    owners: list[tuple[dict, dict]] = []  # (section, provision) of items nobody owns
    with_tasks = {task["section"] for task in tasks}
    for section in sections:
        if section["number"] in with_tasks:  # a section of tasks: its provisions are not items
            continue
        for provision in section.get("provisions", []):
            if len(_plain(provision.get("text", ""))) >= MIN_MATCH:
                owners.append((section, provision))
    matches: dict[int, tuple[dict, dict, dict]] = {}
    used: set[int] = set()
    for task in tasks:
        parts = _row_text(task)
        if not parts or not task.get("roles"):
            continue
        found = [
            (section, provision)
            for section, provision in owners
            if section["number"] != task["section"]
            and any(part in _plain(provision["text"]) for part in parts)
        ]
        if len(found) == 1 and id(found[0][1]) not in used:
            used.add(id(found[0][1]))
            matches[id(task)] = (found[0][0], found[0][1], task)
    if len(matches) < 2:  # one row alike is a coincidence, not a restating table
        return []
    moved: list[tuple[dict, dict]] = []
    for index, task in enumerate(list(tasks)):
        if id(task) not in matches:
            continue
        section, provision, row = matches[id(task)]
        number = provision["number"]
        item: dict[str, Any] = {
            "id": f"{number:02d}" if numbering == "plan" else f"{section['number']}-{number}",
            "number": number,
            "numeral": provision["numeral"],
            "section": section["number"],
            "title": provision["title"],
            "text": provision["text"],
            "roles": row["roles"],
        }
        for key in ("due", "leaders", "deadline_as_written", "note"):
            if key in row:
                item[key] = row[key]
        tasks[index] = item
        section["provisions"].remove(provision)
        if not section["provisions"]:
            del section["provisions"]
        home = next(s for s in sections if s["number"] == row["section"])
        home.setdefault("provisions", []).append(
            {
                "number": row["number"],
                "numeral": row["numeral"],
                "title": row["title"],
                "text": row["text"],
            }
        )
        moved.append((item, row))
    tasks.sort(key=lambda t: (t["section"], t["number"]))
    return moved
