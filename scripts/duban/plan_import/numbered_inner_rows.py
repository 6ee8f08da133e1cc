"""A ``|`` table whose rows are numbered in a column after merged category cells (branch h18y;
长兴太湖 防汛防台体系建设清单):

    建设任务 | 工作事项 | 工作指标 | 任务清单 | 责任清单 | 时限清单 |
    一、体系建设 |
    (一)组织指挥提能升级 | 1.组织机构 | (1)乡镇……第一责任人。 | 1.……; 2.…… | 党政办 应消站 | 4月 |
    (2)乡镇……明确专人负责。 | 1.明确……; | 应消站 | 4月 |
    2.根据辖区实际,补充设置……; | 农村办 规划建设办 国土所 村(社区) |

A page copies a table with merged cells one line a row, each merged cell only on the first row it
spans: a row's first cells (建设任务, 工作事项: categories) stand on the first row of their group
only, and a row that continues the one above (a second line of its 任务清单) has no number at all.
The rows are told by the number their item column carries (``(1)`` ``(2)`` …, one style running
on); cells before it are categories (kept after the item's text, never dropped), cells after it
fill the columns after it in order, a continuation row's cells go to the columns their content
fits (names to the units' column, text to the first text column). Each row becomes the item it is:
``(1)指标（责任单位：A、B；完成时限：4月）`` with the 1. 2. of a text column as its sub-items.
"""

from __future__ import annotations

import re

from duban.i18n.messages import say
from duban.plan_import.cell_rows import CELL_BAR, ROLE_KINDS, ROLE_LABELS, cell_type
from duban.plan_import.flat_header import header_kinds
from duban.plan_import.group_cell_rows import holds
from duban.plan_import.header_cells import cells
from duban.plan_import.numbering import CIRCLED_RANGE, PARENTHESIZED_RANGE
from duban.plan_import.table_numbers import glyph_number

MARK = re.compile(  # h18ap: ② and ⑵ number the rows as (2) does
    rf"^\s*(?:[（(]\s*(?P<n>[0-9]{{1,2}})\s*[)）]|(?P<glyph>[{CIRCLED_RANGE}{PARENTHESIZED_RANGE}]))"
)
CHAPTER = re.compile(r"^\s*[一二三四五六七八九十]{1,3}[、．.]")
STEP = re.compile(r"(?:^|(?<=[;；。\s]))(?=[0-9]{1,2}[.．、](?![0-9]))")


def _header(line: str) -> list[str] | None:
    kinds = header_kinds(line)
    return kinds if kinds is not None and len(kinds) >= 4 else None


def _units(cell: str) -> list[str]:
    return [n for n in re.split(r"[、，,；;\s]+", cell.strip()) if n]


def _names(cell: str) -> bool:
    """Names of units only (党政办 应消站 村(社区)): short pieces, most of them units' names."""
    names = _units(cell)
    typed = [cell_type(n) == "unit" for n in names]
    return bool(names) and all(len(n) <= 12 for n in names) and 2 * sum(typed) >= len(names)


def numbered_inner_rows(text: str) -> tuple[str, int] | None:
    """The text with such a table's rows made items (and how many), or None: a table with
    chapter rows (一、体系建设), its items numbered in their chapter (read as the text's items)."""
    found = _table(text)
    return found[:2] if found and found[2] else None


def numbered_inner_table(text: str) -> tuple[str, int] | None:
    """The same for a table without chapter rows: its items are the table's rows."""
    found = _table(text)
    return found[:2] if found and not found[2] else None


def as_read(text: str, as_written: str | None) -> str:
    """The text the readings start from: the text as written when it holds such a table (the
    reader's own reading of a ``|`` table aligns its rows from the left, where the merged
    category cells are missing), else the reader's."""
    if as_written is not None and (_table(as_written) or holds(as_written)):  # h18ac
        return as_written
    return text


def _table(text: str) -> tuple[str, int, bool] | None:
    lines = text.split("\n")
    for at, line in enumerate(lines):
        kinds = _header(line)
        if kinds is None:
            continue
        found = _rows(lines, at, kinds)
        if found is not None:
            out, count = found
            chapters = any(CHAPTER.match(o) for o in out[at + 1 :])
            return "\n".join(out), count, chapters
    return None


def _rows(lines: list[str], at: int, kinds: list[str]) -> tuple[list[str], int] | None:
    width = len(kinds)
    units_at = next(i for i, k in enumerate(kinds) if k in ROLE_KINDS)
    rows: list[dict] = []
    out = lines[: at + 1]
    for line in lines[at + 1 :]:
        parts = cells(line) if CELL_BAR.search(line) else []
        parts = [p.strip() for p in parts if p.strip()]
        if not parts:
            out.append(line)
            continue
        if len(parts) == 1 and CHAPTER.match(parts[0]):
            out.append(parts[0])  # 一、体系建设: a chapter of the plan
            continue
        numbered = next((i for i, p in enumerate(parts) if MARK.match(p)), None)
        if numbered is not None and len(parts) <= width:
            mark = MARK.match(parts[numbered])
            assert mark is not None
            number = int(mark["n"]) if mark["n"] else glyph_number(mark["glyph"])
            if rows and number not in (rows[-1]["n"] + 1, 1):
                return None  # the marks of the item column run on (or start again)
            column = width - (len(parts) - numbered)  # the cells after it fill on to the end
            column = min(column, units_at - 1)
            row: dict = {"cells": [""] * width, "pre": parts[:numbered], "n": number}
            for index, part in enumerate(parts[numbered:]):
                if column + index < width:
                    row["cells"][column + index] = part
            row["column"] = column
            rows.append(row)
            out.append(f"\0{len(rows) - 1}")
            continue
        if not rows or len(parts) > width:
            return None
        _continue(rows[-1], parts, kinds)
    if len(rows) < 2:
        return None
    return [_item(rows[int(o[1:])], kinds) if o.startswith("\0") else o for o in out], len(rows)


def _continue(row: dict, parts: list[str], kinds: list[str]) -> None:
    """A row without a number: each cell to the column its content fits, after the item's."""
    texts = [i for i in range(row["column"] + 1, len(kinds)) if kinds[i] == "text"]
    units = [i for i in range(len(kinds)) if kinds[i] in ROLE_KINDS]
    dates = [i for i in range(len(kinds)) if kinds[i] == "deadline"]
    for part in parts:
        kind = "unit" if _names(part) else cell_type(part)
        targets = units if kind == "unit" else dates if kind == "date" else texts
        if not targets:
            targets = texts or [row["column"]]
        index = targets[0]
        joined = "、" if kinds[index] in ROLE_KINDS else "\n"
        row["cells"][index] = joined.join(c for c in (row["cells"][index], part) if c)


def _item(row: dict, kinds: list[str]) -> str:
    item = row["cells"][row["column"]]
    clause: list[str] = []
    steps: list[str] = []
    extra = [*row["pre"]]
    for index, kind in enumerate(kinds):
        cell = row["cells"][index].strip()
        if index == row["column"] or not cell:
            continue
        if kind in ROLE_LABELS:
            names = list(dict.fromkeys(n for c in cell.split("、") for n in _units(c)))
            clause.append(f"{ROLE_LABELS[kind]}：{'、'.join(names)}")
        elif kind == "deadline":
            clause.append(f"完成时限：{cell}")
        elif kind == "text" and index > row["column"]:
            steps += [s.strip() for s in STEP.split(cell.replace("\n", " ")) if s.strip()]
        else:
            extra.append(cell)
    head = item + (f"（{'／'.join(extra)}）" if extra else "")  # the categories, kept
    head += f"（{'；'.join(clause)}）" if clause else ""
    return "\n".join([head, *steps])


def inner_rows_reading(count: int) -> str:
    return say(
        f"{count} rows of a | table numbered after their merged category cells read as items"
        " (the categories kept in brackets after the item; the clauses are built from the cells)",
        f"“|”表格中编号在合并分组格之后的 {count} 行转为条目（分组格文字括注在条目之后；"
        "分工括注由单元格组成，不是原文）",
    )
