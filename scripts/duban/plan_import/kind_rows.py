"""The rows of a table copied one cell a line with no row numbers at all (branch h18bk, issue 18):
no 序号 column and no ``1.`` in the work cell, so where a row ends only the cells' kinds tell.

A clerk reads such a table by its header: the header names the columns, so it tells how many
cells a row has and what each holds (a sentence of work, unit names, a deadline, a person). A
row ends where the next cell can only be a column's of the next row. Cells a page left out (an
empty 备注, a merged cell written on the first of its rows) make rows shorter, so the reading
is the split into rows that:

1. goes furthest (the table's cells, not a closing paragraph after them: a table's first and
   last rows show their own cells; a last row of work alone, its units merged above, cannot be
   told from the sentence after the table, and is not taken);
2. with the fewest rows whose unit, deadline and leader cells are all missing (a merged cell
   covers the rows below it: the exception, not the rule);
3. with the fewest cells unlike their text column's: a unit's name, a date or a person (养老机构
   under 专项整治行业名称, 登封 2017), a telephone number anywhere but under 监督电话, a row's
   number (2, (2)), a sentence under a group's column (指标, 类别: a group's name, 营商环境);
4. with the fewest empty columns.

Each row's cells are put under their columns by :func:`cell_rows.align`, and a row is one only
when every cell fits its column's kind (:func:`leading_cells.fits`), the work cell is there and
no column holds two cells (but a unit column: its units one a line). When two splits are
equally good, the rows they share from the top are read and the rest is not guessed: the
caller leaves those lines as written and the review names them.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import cache
from itertools import combinations

from duban.plan_import.category_cells import GROUP_WORD
from duban.plan_import.cell_rows import ROLE_KINDS, align
from duban.plan_import.column_names import CONTACT_COLUMN
from duban.plan_import.leading_cells import fits
from duban.plan_import.shared_cells import SHARED_KINDS
from duban.plan_import.table_end import ROW_SOON
from duban.plan_import.table_numbers import cell_number

Cost = tuple[int, int, int]
"""(rows with every shared cell missing, cells unlike their column, empty columns): smaller is
better."""
PHONE = re.compile(r"[0-9０-９\-－—()（） ]{7,}")
SENTENCE_END = re.compile(r"[。；;！!]$")


@dataclass
class KindRows:
    rows: list[tuple[int, int]] = field(default_factory=list)
    """Each row's cells, ``cells[start:end]``."""
    unplaced: tuple[int, int] | None = None
    """The cells two readings split otherwise (start, end): left as written."""


def _add(a: Cost, b: Cost) -> Cost:
    return (a[0] + b[0], a[1] + b[1], a[2] + b[2])


def _unlike(cell: str, word: str, group: bool) -> bool:
    """A text cell unlike its column (see the module, 3)."""
    if not fits(cell, "text"):  # 养老机构, a sector's name under 行业名称, reads as a unit's
        return True
    phone = PHONE.fullmatch(cell.strip()) is not None
    if CONTACT_COLUMN.fullmatch(word):
        return not phone
    numbered = cell_number(cell) is not None  # a row's number (2, (2), ⑵): no text
    return phone or numbered or (group and SENTENCE_END.search(cell.strip()) is not None)


def rows_by_kinds(cells: list[str], kinds: list[str], main: int, words: list[str]) -> KindRows:
    """The rows of ``cells`` under columns of ``kinds`` (``main``: the work column; ``words``:
    the header's, folded)."""
    count, longest = len(cells), len(kinds) + ROW_SOON
    shared = [k for k, kind in enumerate(kinds) if kind in SHARED_KINDS]
    groups = [k < main and GROUP_WORD.match(word) is not None for k, word in enumerate(words)]

    def placed(start: int, end: int, skip: int) -> tuple[Cost, bool] | None:
        """The row ``cells[start:end]`` under the columns from ``skip`` on (the columns before
        its work left empty: a merged group's or leader's cell written on the group's first
        row), its cost and whether it shows its own shared cells."""
        found, stray = align(cells[start:end], kinds[skip:], main - skip)
        columns: list[list[str]] = [[] for _ in range(skip)] + found
        if stray or not columns[main]:
            return None
        for kind, held in zip(kinds, columns, strict=True):
            if len(held) > 1 and kind not in ROLE_KINDS:
                return None
            if not all(fits(cell, kind) or kind == "text" for cell in held):
                return None
        own = not shared or any(columns[k] for k in shared)
        unlike = sum(
            _unlike(held[0], words[k], groups[k])
            for k, held in enumerate(columns)
            if held and kinds[k] == "text"
        )
        return (int(not own), unlike, sum(1 for held in columns if not held)), own

    @cache
    def row(start: int, end: int) -> tuple[Cost, bool] | None:
        """The cheapest placing of the row ``cells[start:end]`` (:func:`placed`)."""
        made = [m for skip in range(main + 1) if (m := placed(start, end, skip))]
        return min(made, key=lambda m: m[0]) if made else None

    # forward: the best split of cells[:end] into rows (the first one showing its own cells)
    best: dict[int, tuple[Cost, int]] = {0: ((0, 0, 0), 1)}
    for end in range(1, count + 1):
        for start in _starts(end, longest):
            made = row(start, end)
            if start not in best or made is None or (start == 0 and not made[1]):
                continue
            _keep(best, end, _add(best[start][0], made[0]), best[start][1])

    def own(start: int, end: int) -> bool | None:
        """Whether the row ``cells[start:end]`` shows its own cells (None: it is no row)."""
        made = row(start, end)
        return None if made is None else made[1]

    def last_row(start: int, end: int) -> bool:
        """``cells[start:end]`` can end the table: a row showing its own cells, after rows."""
        made = row(start, end) if start in best else None
        return made is not None and made[1]

    ends = [e for e in best if e and any(last_row(s, e) for s in _starts(e, longest))]
    if not ends:
        return KindRows()
    last = max(ends)
    # backward: the best split of cells[start:last] (its last row showing its own cells, and
    # from 0 its first one too), and how many splits are as good
    after: dict[int, tuple[Cost, int]] = {last: ((0, 0, 0), 1)}
    for start in range(last - 1, -1, -1):
        for end in range(start + 1, min(last, start + longest) + 1):
            made = row(start, end)
            if end not in after or made is None or ((end == last or start == 0) and not made[1]):
                continue
            _keep(after, start, _add(made[0], after[end][0]), after[end][1])
    total, ways = after[0]
    out, at = KindRows(), 0
    while at < last:
        sure = [
            end
            for end in range(at + 1, min(last, at + longest) + 1)
            if (made := row(at, end))
            and end in after
            and ((end < last and at > 0) or made[1])
            and _add(_add(best[at][0], made[0]), after[end][0]) == total
            and best[at][1] * after[end][1] == ways
        ]
        if len(sure) != 1:
            out.unplaced = (at, last)
            break
        out.rows.append((at, sure[0]))
        at = sure[0]
    if out.unplaced is None and any(not own(a, b) for a, b in out.rows):
        # a table with merged rows: the work alone after its last row may be one more row (its
        # cells merged above) or the sentence after the table, which no clerk can tell
        tail = [e for e in range(last + 1, min(count, last + longest) + 1) if own(last, e) is False]
        out.unplaced = (last, max(tail)) if tail else None
    return out


def _keep(table: dict[int, tuple[Cost, int]], at: int, cost: Cost, ways: int) -> None:
    """The cheaper split at ``at``, counting the equally cheap ones."""
    if at not in table or cost < table[at][0]:
        table[at] = (cost, ways)
    elif cost == table[at][0]:
        table[at] = (cost, table[at][1] + ways)


def _starts(end: int, longest: int) -> range:
    """Where a row ending at ``end`` may start: at most ``longest`` cells before it."""
    return range(max(0, end - longest), end)


def placed_row(cells: list[str], words: list[str], kinds: list[str]) -> list[str]:
    """h18bk: a row of a ``|``, tab or space table with fewer cells than its header's columns
    and none of them empty (a cell merged over the rows above, which the text left out): its
    cells under the columns they fit (:func:`leading_cells.fits`, a text cell's look as in
    :func:`rows_by_kinds`), when they fit in one way only and not in their order from the left;
    else as written, padded at the end (SOURCES.md: a ``|`` row shows its empty cells)."""
    width = len(kinds)
    padded = cells + [""] * (width - len(cells))
    if not 0 < len(cells) < width or not all(c.strip() for c in cells) or "text" not in kinds:
        return padded
    main = next((k for k, kind in enumerate(kinds) if kind == "text"), 0)
    groups = [GROUP_WORD.match(word) is not None for word in words]
    work = [k for k, kind in enumerate(kinds) if kind == "text" and not groups[k]]
    main = work[0] if work else main

    def fitting(columns: tuple[int, ...]) -> bool:
        return main in columns and all(
            cell_number(cell) is not None
            if kinds[k] == "number"
            else fits(cell, kinds[k])
            and not (kinds[k] == "text" and _unlike(cell, words[k], groups[k]))
            for cell, k in zip(cells, columns, strict=True)
        )

    ways = [c for c in combinations(range(width), len(cells)) if fitting(c)]
    if len(ways) != 1 or ways[0] == tuple(range(len(cells))):
        return padded
    row = [""] * width
    for cell, k in zip(cells, ways[0], strict=True):
        row[k] = cell
    return row
