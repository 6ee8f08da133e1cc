"""Sub-headings that only name what follows (h18am, SOURCES.md 第十七批: 许昌 2011).

A chapter per project (``六、市文博馆``) may split into ``(一)主要目标任务`` (the project's goal,
one sentence with no assignment) and ``(二)具体任务、完成时限及责任单位`` (a heading that names
the columns of the list under it, like a table's header row), whose ``1.`` ``2.`` … each carry
their own ``责任单位:`` line. Those items are the chapter's tasks (ids 6-1 …): the list heading
is not a task over them, and the goal heading is the chapter's introduction, not a task. Only a
chapter whose every sub-heading is such a heading is rewritten; anything else stays as numbered.
"""

from __future__ import annotations

import re

from duban.plan_import.chinese import simplified

GOAL_HEADING = re.compile(
    r"^(?:主要|总体|工作|年度|建设)?(?:目标任务|工作目标|建设目标|目标)[:：]?$"
)
"""A sub-heading that only says "the goal": 主要目标任务, 主要工作目标, 目标任务 (simplified)."""

LIST_HEADING = re.compile(
    r"^(?:具体|主要|重点|工作)?(?:工作)?任务"
    r"(?:[、，,及和与]*(?:完成时限|时限|进度安排|责任单位|责任分工))+[:：]?$"
)
"""A sub-heading that names the columns of its list: 具体任务、完成时限及责任单位."""


def heading_kind(title: str) -> str | None:
    """``goal`` or ``list`` for a sub-heading's first line that only names what follows."""
    words = simplified("".join(title.split()))
    if GOAL_HEADING.match(words):
        return "goal"
    return "list" if LIST_HEADING.match(words) else None
