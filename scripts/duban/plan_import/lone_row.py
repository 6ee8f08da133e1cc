"""A table copied one cell a line whose excerpt holds a single row (branch h18p): with no
second row, the rows' usual count of cells is unknown, and a lone number over a few lines is
no evidence of a table. Under a header the importer knows (``序号`` / ``重点工作`` /
``牵头责任单位`` / ``协同责任单位`` / ``任务来源``, 六安 2022, each word on its own line), the
header's width is: the row has as many cells as the header has columns after 序号."""

from __future__ import annotations

from duban.plan_import.cell_rows import column_kind

ROLES = {"lead", "responsible", "cooperate", "main"}
HEADER_WORD = 10
"""A header's words are short (重点工作, 牵头责任单位, 任务来源)."""


def lone_width(lines: list[str], starts: list[int]) -> int:
    """The count of cells after the number of the first row (``lines[starts[0]]``) that a
    known header above it gives (0 when there is no such header): the header's words, one a
    line from 序号 on, with at least one column of units."""
    if not starts:
        return 0
    above = [line.strip().strip("|｜").strip() for line in lines[: starts[0]]]
    words = [w for w in above if w]
    number = next(
        (
            i
            for i in range(len(words) - 1, max(len(words) - 16, -1), -1)
            if column_kind(words[i]) == "number"
        ),
        None,
    )
    if number is None:
        return 0
    header = []
    for word in words[number + 1 :]:
        if len(word) > HEADER_WORD or any(c in word for c in "，,。；;：:"):
            break
        header.append(word)
    if not ROLES & {column_kind(w) for w in header}:
        return 0
    return len(header)
