"""The cells a merged cell of a table flattened one cell a line shares between its rows
(branch h18bf, issue 18; out of text_tables, with h18ap's rule for 江门).

A page copying a table cell by cell writes a merged cell (rowspan) once: the rows it spans
show nothing in its column. Where the cell stands tells which rows it spans:

- on the first of its rows, above the rows that lack it (江门 2 份: ``1.… / 办公室牵头,… / 2.…``;
  略阳 2019: ``12月底前`` and ``夏俊贵`` on row 1, nothing in their columns on rows 2–9): each row
  lacking a unit, deadline or leader cell shares the one above it, up to the next row that shows
  its own (SOURCES.md, 第二十二批: the cell runs until the column next shows one);
- after the last of its rows, when nothing stands above the first (中山 2021, a group's first
  rows ``3.… / 4.… / 5.… / 法规和基金监管科、…``: the three paragraphs of one cell, the unit cell
  after them): the rows share the cell after them.

A heading row (一、…, a group's cell) spans the table's width: no merged cell runs across it.
"""

from __future__ import annotations

import re
from collections import Counter
from itertools import pairwise

from duban.plan_import.cell_rows import ROLE_KINDS
from duban.plan_import.table_header import Merged

SHARED_KINDS = ROLE_KINDS | {"deadline", "leader"}
"""The columns a merged cell is shared in: who does a row, by when, under whom (a text column's
cell is a row's own words)."""


def merged_down(rows: list[list[str]], kinds: dict[int, str]) -> list[list[str]]:
    """h18bh: a .docx or HTML table's cells merged down (:class:`Merged`): each row a unit,
    deadline or leader cell covers shares its words (SOURCES.md 第二十二批: the merged cell runs
    over the rows it spans); a merged text cell stays empty (the group's words are the first
    row's: category_cells)."""
    return [
        [
            cell.above if isinstance(cell, Merged) and kinds.get(i) in SHARED_KINDS else cell
            for i, cell in enumerate(row)
        ]
        for row in rows
    ]


def merged_units(out: list[list[str]], kinds: list[str], numbered: set[int]) -> None:
    """h18ap: a numbered row with nothing but its text right under a numbered row with units:
    their unit cell was merged (江门: 1.… / 办公室牵头,… / 2.…), a page copying it a cell a line
    writes it once; the row shares it."""
    row, units = out[-1], [i for i, kind in enumerate(kinds) if kind in ROLE_KINDS]
    above = len(out) - 2
    if not units or above not in numbered or any(c.strip() for c in row[1:]):
        return
    for i in units:
        row[i] = out[above][i]


def shared_rows(
    out: list[list[str]], kinds: list[str], numbered: set[int], lines: list[str]
) -> list[str]:
    """The numbers of the rows that share a merged cell (:func:`share_merged`), in a table whose
    ``lines`` mark no empty cell: a row of ``|`` cells shows its empty ones (``|||``, 吴江 2024),
    so there a missing cell is empty, not merged (SOURCES.md 第二十二批: no separators)."""
    if any(re.search(r"[|｜]", line) for line in lines) or blank_cells_marked(lines):
        return []
    labels = []
    for at in share_merged(out, kinds, numbered):
        own = next((cell for cell in out[at] if cell.strip()), "")
        labels.append(own.split()[0])
    return labels


def blank_cells_marked(lines: list[str]) -> bool:
    """h18ca: a table copied one cell a paragraph whose empty cells stay as paragraphs of their
    own (渝中 2020: 区城市管理局 / (blank) / (blank) / 2020 where the other rows part their cells
    by one blank line): a longer run of blank lines than the table's usual one between two cells
    is an empty cell, so there a missing cell is empty, not merged (SOURCES.md 第二十九批)."""
    gaps: list[int] = []
    run = None  # blank lines since the last cell (None before the first)
    for line in lines:
        if line.strip():
            if run is not None:
                gaps.append(run)
            run = 0
        elif run is not None:
            run += 1
    if not gaps:
        return False
    usual = Counter(gaps).most_common(1)[0][0]
    return any(gap > usual for gap in gaps)


def share_merged(out: list[list[str]], kinds: list[str], numbered: set[int]) -> list[int]:
    """In place: each numbered row of ``out`` (the header first) with an empty unit, deadline or
    leader cell gets the merged cell's words, from after its group's first rows when nothing
    stands above them, else from the row above. Returns the rows that got one (for the review:
    the words are the page's, their place in the row is the importer's reading)."""
    shared = [column for column, kind in enumerate(kinds) if kind in SHARED_KINDS]
    filled: set[int] = set()
    for run in _runs(out, numbered):
        for column in shared:
            filled.update(_share_below(out, run, column, shared))
            for at, below in pairwise(run):
                if out[at][column].strip() and not out[below][column].strip():
                    out[below][column] = out[at][column]
                    filled.add(below)
    return sorted(filled)


def _runs(out: list[list[str]], numbered: set[int]) -> list[list[int]]:
    """The numbered rows between heading rows, in order."""
    runs: list[list[int]] = [[]]
    for at in range(1, len(out)):
        if at in numbered:
            runs[-1].append(at)
        elif runs[-1]:
            runs.append([])
    return [run for run in runs if run]


def _share_below(out: list[list[str]], run: list[int], column: int, shared: list[int]) -> list[int]:
    """The first rows of a run, showing no unit, deadline or leader cell at all, share the
    first cell after them in ``column`` (one cell's paragraphs, its units written after the
    last)."""
    first = next((k for k, at in enumerate(run) if out[at][column].strip()), None)
    if not first or any(out[at][c].strip() for at in run[:first] for c in shared):
        return []
    for at in run[:first]:
        out[at][column] = out[run[first]][column]
    return run[:first]
