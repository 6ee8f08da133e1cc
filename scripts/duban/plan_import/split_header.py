"""A ``|`` table whose header cells wrap onto a second line (branch h18ak, issue 18).

A narrow column's header breaks in two on the page, and a copy keeps the break as a second
header row of the same cells, the ones that did not wrap left empty::

    序号 | 工作任务 | 责任单位或 | 协助 | 完成 |
    | | 牵头单位 | 单位 | 时间 |

Read apart, the columns are 责任单位或 (a unit column), 协助 (nothing) and 完成 (nothing): the
cooperating units and the deadline are lost. The two rows are one header, each cell the two
parts read together (责任单位或牵头单位 | 协助单位 | 完成时间). Only when the second row has no
number in its first cell, no digit at all, short cells and at least one empty one, and reading
them together names more columns than the first row alone.
"""

from __future__ import annotations

import re

from duban.i18n.messages import say
from duban.plan_import.cell_rows import column_kind
from duban.plan_import.chinese import simplified

LONGEST_PART = 8
"""The characters of a wrapped header cell's second part (牵头单位, 单位, 时间)."""


def _cells(line: str) -> list[str]:
    return [cell.strip(" \t\u3000") for cell in line.split("|")]


def _named(cells: list[str]) -> int:
    return sum(1 for cell in cells if cell and column_kind(simplified(cell)) != "text")


def _continues(first: list[str], second: list[str]) -> bool:
    if len(first) != len(second) or len(first) < 4 or second[0]:
        return False
    filled = [cell for cell in second if cell]
    return (
        bool(filled)
        and len(filled) < len(second)
        and all(len(cell) <= LONGEST_PART and not re.search(r"\d", cell) for cell in filled)
    )


def joined_header(text: str) -> tuple[str, int] | None:
    """The text with each wrapped header row joined to its first row (and how many), or None."""
    lines = text.split("\n")
    out: list[str] = []
    joined = 0
    index = 0
    while index < len(lines):
        line = lines[index]
        if "|" in line and index + 1 < len(lines) and _named(_cells(line)) >= 1:
            first, second = _cells(line), _cells(lines[index + 1])
            together = [a + b for a, b in zip(first, second, strict=False)]
            if _continues(first, second) and _named(together) > _named(first):
                out.append(" | ".join(together).strip())
                joined += 1
                index += 2
                continue
        out.append(line)
        index += 1
    return ("\n".join(out), joined) if joined else None


def joined_header_reading(count: int) -> str:
    return say(
        f"{count} table headers wrapped onto a second row read as one row",
        f"{count} 处折成两行的表头合为一行读取",
    )
