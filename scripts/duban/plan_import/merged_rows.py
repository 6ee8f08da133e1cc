"""Rows of a table with merged cells (branch h18i, issue 18): a numbered project
(``1.城市人居环境提升项目``) spans several rows, only the first of which carries its number; the
rows below it hold more of its work, its deadlines and its lead units, and a page's copy may
have moved their cells a column left (``2021.8 | 城投集团 | |``).

When the table has no 序号 column and the cells of its first text column start with their own
numbers (1. 2. 3. …, at least two of them), or its 序号 column numbers some rows and not others
(h18j: 临安 2022 ``新增婴幼儿照护服务托位500个。 | 新增…600个。 | ||``, the empty 序号 cell
left out), a row without its number belongs to the numbered row above it: its cells are put
under their columns by what they hold (:mod:`cell_rows`) and added to that row's (units and
deadlines once each, in order).
"""

from __future__ import annotations

import re

from duban.plan_import.cell_rows import ROLE_KINDS, aligned_row
from duban.plan_import.numbering import NOT_DECIMAL, arabic, separator
from duban.plan_import.table_header import Merged
from duban.plan_import.table_numbers import GROUP, heading_line

# a merged cell's own number, full-width digits too (h18ap, measured: the corpus reads the same;
# １．城市… is the same number); spaces allowed around the separator; never a decimal
OWN_NUMBER = re.compile(rf"^\s*{arabic(2, group=True)}\s*{separator()}{NOT_DECIMAL}\s*\S")


def merge_continuations(rows: list[list[str]], kinds: dict[int, str]) -> list[list[str]]:
    """The rows (header first) with each unnumbered row merged into the numbered one above."""
    width = len(rows[0])
    if width < 3:
        return rows
    number_at = next((i for i, kind in kinds.items() if kind == "number"), None)
    text_at = next((i for i in range(width) if i not in kinds), None)
    if text_at is None:
        return rows
    if number_at is not None:  # h18j: 序号 | … rows whose 序号 cell holds no number (临安 2022)
        numbers = [_numbered(row, number_at) for row in rows[1:]]
    else:
        numbers = [_own(row, text_at) for row in rows[1:]]
    owned = [n for n in numbers if n is not None]
    if len(owned) < 2 or owned != sorted(owned) or len(owned) == len(numbers):
        return rows
    if numbers[0] is None:
        return rows  # rows before the first numbered one: not this table's form
    column_kinds = [kinds.get(i, "text") for i in range(width)]
    out = [rows[0]]
    for row, number in zip(rows[1:], numbers, strict=True):
        if number is not None:
            out.append(list(row) + [""] * (width - len(row)))
            continue
        filled = [cell.strip() for cell in row if cell.strip()]
        # h18ae: （一）… and a group's ``1 大力提振消费。`` (table_numbers) are heading rows too
        if len(filled) == 1 and (heading_line(filled[0], True) or GROUP.match(filled[0])):
            out.append(row)  # a heading row between projects
            continue
        if number_at is None:
            placed = aligned_row(filled, column_kinds)
        else:  # the cells after the 序号 column, the empty 序号 cell left out
            placed = aligned_row(filled, [k for i, k in enumerate(column_kinds) if i != number_at])
            placed.insert(number_at, "")
        last = out[-1]
        for column, cell in enumerate(placed):
            if cell:
                last[column] = _added(last[column], cell, column_kinds[column])
    return out


def _numbered(row: list[str], number_at: int) -> int | None:
    cell = row[number_at] if number_at < len(row) else ""
    cell = (cell.above if isinstance(cell, Merged) else cell).strip()  # h18bi: a rowspan's 序号
    match = re.fullmatch(f"{arabic(wide=False, group=True)}{separator(optional=True)}", cell)
    return int(match.group(1)) if match else None


def _own(row: list[str], text_at: int) -> int | None:
    cell = row[text_at] if text_at < len(row) else ""
    match = OWN_NUMBER.match(cell)
    return int(match.group(1)) if match else None


def _added(cell: str, more: str, kind: str) -> str:
    """A column's cell with a continuation row's cell added: units and deadlines once each."""
    if not cell.strip():
        return more
    if kind in ROLE_KINDS:
        names = [*re.split(r"[、，,]", cell), *re.split(r"[、，,]", more)]
        return "、".join(dict.fromkeys(n.strip() for n in names if n.strip()))
    if kind == "deadline":
        parts = [*cell.split("；"), *more.split("；")]
        return "；".join(dict.fromkeys(p.strip() for p in parts if p.strip()))
    return f"{cell}；{more}"
