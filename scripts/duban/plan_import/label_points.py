"""The label lines of a project's record (h18br, SOURCES.md 第二十七批: a livelihood
programme's ``资金来源:`` / ``目标任务:`` / ``牵头单位:`` / ``配合单位:`` / ``实施时间:`` /
``完成时间:``, each on a line of its own under the project's number).

A clerk reads the points numbered inside such a line by the line's label: in the funding line
(``资金来源:1.自治区财政投资125万元…;2.…``) they are sums of money, never the project's items; in
the target line (``目标任务:1.10月份…安装完毕;2.…年内开工``) they are the project's items, each
dated by its own words although the project has its ``完成时间``. A target line with no points
that names a time (``目标任务:年底完成…``) gives the project that time as well, before the
``完成时间`` (as a 目标进度 column's time points are all kept, 第五批)."""

from __future__ import annotations

import re

from duban.plan_import.chinese import simplified
from duban.plan_import.deadlines import parse_deadline
from duban.plan_import.prose_deadlines import prose_deadline

FUNDING = re.compile(
    r"^[ \t\u3000]*(?:资金来源|资金筹措|资金渠道|资金安排|投资来源|筹资渠道)[ \t\u3000]*[:：]"
)
"""A line of where a project's money comes from."""
TARGET = re.compile(
    r"^[ \t\u3000]*(?:目标任务|工作目标|任务目标|建设目标|年度目标|目标)[ \t\u3000]*[:：]"
)
"""A line of what a project is to achieve."""


def _line_to(text: str, at: int) -> str:
    """The text of the line that holds ``at``, up to it (simplified: 資金來源 is 资金来源)."""
    return simplified(text[text.rfind("\n", 0, at) + 1 : at])


def in_funding_line(text: str, at: int) -> bool:
    """Whether the offset stands in a funding line (a number there counts money, not items)."""
    return FUNDING.match(_line_to(text, at)) is not None


def in_target_line(text: str, at: int) -> bool:
    """Whether the offset stands in a target line (a number there opens one of the items)."""
    return TARGET.match(_line_to(text, at)) is not None


def target_dues(item: dict, own: str, default_year: int, notes: list[str]) -> None:
    """Put first among the project's dues the time its unnumbered target line names (年底完成…
    → the plan year's end), when it names one that is not among them already, and say so in
    the task's notes."""
    dues = item.get("due", [])
    for line in own.split("\n"):
        label = TARGET.match(simplified(line))
        found = prose_deadline(line[label.end() :]) if label else None
        if found is None:
            continue
        phrase, read_as = found
        same = [{k: v for k, v in due.items() if k != "as_written"} for due in dues]
        aimed = [
            {**due, "as_written": phrase}
            for due in parse_deadline(read_as, default_year=default_year).due
            if {k: v for k, v in due.items() if k != "as_written"} not in same
        ]
        if aimed:
            item["due"] = [*aimed, *dues]
            notes.append(f"时限“{phrase}”取自“目标任务”一行，排在完成时间之前")
        return
