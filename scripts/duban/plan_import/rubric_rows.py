"""An assessment rubric's table by department (h18bi, SOURCES.md 第二十三批, 石城 2018):

- the department stands in a column with no name of its own: the header's 考核项目 spans two
  columns (``colspan``), the class (重点考核部门) under one half, the department (县农粮局) under
  the other. A column whose header cell is empty and whose cells are names of units is the
  column of the units that carry the row out (responsible), as a 责任单位 column would be;
- a department spans several rows (``rowspan`` on its 序号 and its name): the number is one task,
  and each row it spans (its 考核内容, its points 1. 2.) is a sub-item of it, in row order;
- each row gives its score (各项分值): a column of numbers alone, written after the row's work.
"""

from __future__ import annotations

import re

from duban.plan_import.cell_rows import cell_type
from duban.plan_import.table_header import Merged

UNIT_SHARE = 0.8
"""The share of a nameless column's cells that must be names of units."""


def nameless_unit_columns(header: list[str], rows: list[list[str]], kinds: dict[int, str]) -> None:
    """Mark (in ``kinds``) each column with an empty header cell whose cells are units."""
    for index, name in enumerate(header):
        if name.strip() or index in kinds:
            continue
        cells = [row[index].strip() for row in rows[1:] if index < len(row) and row[index].strip()]
        units = sum(1 for cell in cells if cell_type(cell) == "unit")
        if len(cells) >= 2 and units >= UNIT_SHARE * len(cells):
            kinds[index] = "responsible"


SCORE = re.compile(r"[0-9]+(?:\.[0-9]+)?\s*分?")


def score_columns(rows: list[list[str]], columns: list[int]) -> set[int]:
    """The text columns that hold only numbers (各项分值 | 5 | 11 | 2.5): a row's score, which
    follows its work when the row is written as an item (a number first would read as its own)."""
    out = set()
    for index in columns:
        cells = [row[index].strip() for row in rows[1:] if index < len(row) and row[index].strip()]
        if cells and all(SCORE.fullmatch(cell) for cell in cells):
            out.add(index)
    return out


def spanned_rows(rows: list[list[str]], number_column: int | None) -> dict[int, int]:
    """Each row (its index in ``rows``) that one merged 序号 cell spans, with its place among
    them (1 for the row that writes the number, 2, 3 … for the rows the cell covers)."""
    out: dict[int, int] = {}
    if number_column is None:
        return out
    for index, row in enumerate(rows):
        cell = row[number_column] if number_column < len(row) else ""
        if index and isinstance(cell, Merged) and cell.above.strip():
            out[index - 1] = out.get(index - 1, 1)
            out[index] = out[index - 1] + 1
    return out
