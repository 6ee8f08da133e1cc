"""The cells of the columns before a table's 序号 column, in a table flattened one cell a line
(branch h18bh, issue 18; 舒城 2024 heads its rows ``负责领导 | 序号 | 重点工作 | …``).

A row of such a table is found by its number, but its first cells stand before that number:
read in order, they close the row above. Each row's leading cells are the last cells of the
row above that fit those columns (a person under a leader column, a unit under a unit column,
a date under a deadline column), the first row's the cells between the header and its number.
"""

from __future__ import annotations

from duban.plan_import.cell_rows import ROLE_KINDS, cell_type

FITS = {"leader": "person", "deadline": "date", **dict.fromkeys(ROLE_KINDS, "unit")}
"""The type of cell each leading column holds (a text column's cell is any text)."""


def leading_kinds(kinds: list[str], number_at: int | None) -> list[str]:
    """The columns whose cells stand before a row's number: those before 序号; h18bk: with no
    序号 column, those before the work cell that carries the number (1.…): its leader, units or
    deadline (a group's name standing there is a heading row)."""
    if number_at is not None:
        return kinds[:number_at]
    return kinds[: next((i for i, kind in enumerate(kinds) if kind == "text"), 0)]


def fits(cell: str, kind: str) -> bool:
    return cell_type(cell) == FITS.get(kind, "text")


def leading_cells(current: list[str], kinds: list[str]) -> list[str]:
    """Out of ``current`` (the row above's cells, in place): its last cells that fit the
    leading columns' ``kinds`` in order (the next row's), none when they do not all fit or the
    row would keep none of its own."""
    if not kinds or len(current) <= len(kinds):
        return []
    tail = current[-len(kinds) :]
    if not all(fits(cell, kind) for cell, kind in zip(tail, kinds, strict=True)):
        return []
    del current[-len(kinds) :]
    return tail


def before_first(pending: list[str], line: str, kinds: list[str]) -> bool:
    """A cell between the header and the first row's number, kept for the first row (at most
    one a leading column, each fitting its column): True when ``line`` was kept."""
    if len(pending) >= len(kinds) or not fits(line, kinds[len(pending)]):
        return False
    pending.append(line)
    return True
