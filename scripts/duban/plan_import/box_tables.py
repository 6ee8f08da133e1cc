"""A table drawn with box-drawing characters (h18l, issue 18: no file that holds tasks is
refused).

``┌─┬─┐`` / ``│ 工 作 任 务 │分管领│…│`` / ``├─┤ │…│``: ``│ ├ ┤ ┼ …`` separate the cells as
``|`` does; a cell's text wraps over lines at its column's width, so a column's cell runs from
one rule (``───`` under that column) to the next, and a cell of one column may span several of
another (a merged cell: 分管领导 over two tasks). The first rule's cells above it are the header.
Each cell of the first column is a task, except one starting with ``△`` (a measure with no
number: part of the task above it, no sub-item); every other column's cells that share a line
with a task's lines are that task's (in order, without repeats). The rows are then read as
numbered ``|`` rows (the numbers are the rows' order, not the document's).
"""

from __future__ import annotations

import re

from duban.plan_import.unnumbered import bar_rows

EDGES = "│├┤┼┬┴┌┐└┘┃"
SPLIT = re.compile(f"[{EDGES}]")
RULE = re.compile(r"^[─━═\s]*$")
BOX_LINE = re.compile(f"^[ \\t\\u3000]*[{EDGES}]")
MEASURE = "△▲"


def box_rows(text: str) -> tuple[str, int] | None:
    """The text with a box-drawn table's rows on ``|`` lines (and their count)."""
    lines = text.split("\n")
    boxed = [i for i, line in enumerate(lines) if BOX_LINE.match(line)]
    if len(boxed) < 3:
        return None
    first = boxed[0]
    last = first
    while last + 1 < len(lines) and BOX_LINE.match(lines[last + 1]):
        last += 1
    rows = [_cells(lines[i]) for i in range(first, last + 1)]
    width = max((len(r) for r in rows), default=0)
    if width < 2:
        return None
    # each column: its cells as (first line, last line, text)
    columns: list[list[tuple[int, int, str]]] = [[] for _ in range(width)]
    starts: list[int | None] = [None] * width  # the line the column's open cell started on
    texts: list[list[str]] = [[] for _ in range(width)]
    for at, row in enumerate([*rows, ["─"] * width]):  # a rule closes the last cells
        row = row + [""] * (width - len(row))
        for column, cell in enumerate(row[:width]):
            start = starts[column]
            if RULE.match(cell) and re.search("[─━═]", cell):
                if start is not None:
                    columns[column].append((start, at - 1, "".join(texts[column])))
                starts[column], texts[column] = None, []
            elif cell.strip():
                if start is None:
                    starts[column] = at
                texts[column].append(cell.strip())
    if not columns[0]:
        return None
    header_end = columns[0][0][1]
    header = [re.sub(r"[ \u3000]", "", cells[0][2]) if cells else "" for cells in columns]
    if any(not cells or cells[0][1] != header_end for cells in columns):
        return None
    tasks: list[list[tuple[int, int, str]]] = []
    for item in columns[0][1:]:
        if item[2].startswith(tuple(MEASURE)) and tasks:
            tasks[-1].append(item)
        else:
            tasks.append([item])
    if not tasks:
        return None
    out_rows: list[str] = []
    for number, group in enumerate(tasks, 1):
        start, end = group[0][0], group[-1][1]
        row = ["；".join(cell[2] for cell in group)]
        for column in range(1, width):
            shared = [c[2] for c in columns[column][1:] if c[0] <= end and c[1] >= start]
            row.append("、".join(dict.fromkeys(shared)))
        out_rows.append(" | ".join([str(number), *row]) + " |")
    table = [" | ".join(["序号", *header]), *out_rows]
    table += [""] * (last - first + 1 - len(table))
    return bar_rows("\n".join([*lines[:first], *table, *lines[last + 1 :]]))


def _cells(line: str) -> list[str]:
    parts = SPLIT.split(line.strip(" \t\u3000"))
    if parts and not parts[0].strip():
        parts = parts[1:]
    if parts and not parts[-1].strip():
        parts = parts[:-1]
    return parts
