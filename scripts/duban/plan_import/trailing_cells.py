"""A numbered list whose lines end in cells with no header above them (h18ab, issue 18): a
clerk lines up the unit in charge and the deadline after each task with spaces or a tab, as
columns without a header row (``1.推进一网通办  县政务服务中心  2023年6月底前``). The
cells after the task's text, each a unit's name (or a list of them) or a time, become the
item's bracket (``（责任单位：…；完成时限：…）``; the labels are the importer's, the names and
times the document's). Lines with a header row are the table readers' (text_tables.py)."""

from __future__ import annotations

import re

from duban.i18n.messages import say
from duban.plan_import.cell_rows import cell_type
from duban.plan_import.clauses import find_clause
from duban.plan_import.numbering import INDENT, arabic, separator

LINE = re.compile(
    rf"^(?P<item>{INDENT}{arabic()}{separator(small=True)}\S.*?)"
    r"(?P<cells>(?:(?: {2,}|\u3000+)\S+)+)\s*$"
)
"""A numbered line, then cells each after two spaces or more (tabs are two spaces by then)."""
LABEL = re.compile(r"[:：\[\]【】]")
"""A cell with a label's colon or a square bracket is no cell of a unit's name or a time."""
LABELS = {"unit": "责任单位", "date": "完成时限"}
LEAST = 2
"""Lines read so: at least two (one line so is a coincidence)."""


def trailing_cells(text: str) -> tuple[str, int] | None:
    """The text with each numbered line's trailing cells of units and times in a bracket."""
    lines = text.split("\n")
    count = 0
    for index, line in enumerate(lines):
        match = LINE.match(line)
        if match is None:
            continue
        if find_clause(line) is not None or LABEL.search(match.group("cells")):
            continue  # the line carries its own assignment (牵头单位:A  责任单位:B)
        cells = match.group("cells").split()
        kinds = [cell_type(cell) for cell in cells]
        if not all(kind in LABELS for kind in kinds) or len(set(kinds)) != len(kinds):
            continue
        bracket = "；".join(f"{LABELS[k]}：{c}" for k, c in zip(kinds, cells, strict=True))
        lines[index] = f"{match.group('item').rstrip()}（{bracket}）"
        count += 1
    return ("\n".join(lines), count) if count >= LEAST else None


def trailing_cells_reading(count: int) -> str:
    return say(
        f"{count} numbered lines ending in cells of units and times with no header read as"
        " their 责任单位 and 完成时限 (the labels are the importer's)",
        f"{count} 行编号条目行末用空格隔开的单位、时间（没有表头）读作其责任单位、完成时限"
        "（“责任单位：”“完成时限：”为导入所加）",
    )
