"""The numbered measures of one cell in a table flattened one cell a line (h18m):

    1 / 提升审批效率 / 1.推行承诺制审批。 / 2.压缩审批时限至5个工作日。 / 县行政审批局 / 2023年6月底

The reader of such tables takes the 1. 2. of a text column as rows of their own when each has
its own units (h18a: 1.… 县发改局 2.… 县财政局). When every entry but the last has nothing but
its text, the entries are the steps of the row's one cell: the row is put back together (its
number, its first cells, the steps joined by ；, the units and deadline after the last step),
and the steps become the task's sub-items as any ；1.… 2.… in a cell do.
"""

from __future__ import annotations

import re

from duban.plan_import.numbering import arabic

NUMBERED_HEAD = re.compile(f"^{arabic(group=True)} (.+)$", re.S)
"""A row the reader turned into a heading line when its text column's 1. began: 1 提升审批效率."""


def rejoin_steps(rows: list[list[str]], raw: list[list[str]]) -> None:
    """In place: ``rows`` (the header first) and ``raw`` (each later row's cells)."""
    k = 0
    while k < len(raw):
        head = NUMBERED_HEAD.match(rows[k + 1][0]) if len(rows[k + 1]) == 1 else None
        group = _steps(rows, raw, k + 1) if head and not raw[k] else []
        if (
            head
            and len(group) >= 2
            and all(len(raw[j]) == 1 for j in group[:-1])
            and raw[group[-1]]
        ):
            steps = "；".join(f"{rows[j + 1][0]}.{raw[j][0]}" for j in group)
            rows[k + 1] = [head.group(1)]
            raw[k] = [head.group(2), steps, *raw[group[-1]][1:]]
            for j in reversed(group):
                del rows[j + 1], raw[j]
        k += 1


def _steps(rows: list[list[str]], raw: list[list[str]], start: int) -> list[int]:
    """The entries 1, 2, 3 … after the row at ``start`` (indices into ``raw``)."""
    group: list[int] = []
    while start + len(group) < len(raw) and rows[start + len(group) + 1] == [str(len(group) + 1)]:
        group.append(start + len(group))
    return group
