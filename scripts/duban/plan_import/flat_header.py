"""The header line of a table flattened to text whose rows the readers rewrite as items with a
clause (numbered_inner_rows.py, group_cell_rows.py): one test of what such a header is."""

from __future__ import annotations

import re

from duban.plan_import.cell_rows import CELL_BAR, ROLE_KINDS, column_kind
from duban.plan_import.chinese import simplified
from duban.plan_import.header_cells import cells

SENTENCE = re.compile(r"[。，,；;！？]")
"""What a column's name never holds: a sentence's stops and commas (a row's cells hold them)."""


def header_kinds(line: str) -> list[str] | None:
    """The kinds of the header line's columns, when it is one: cells parted by
    :data:`~duban.plan_import.cell_rows.CELL_BAR`, a role column among them and no 序号 column;
    else None."""
    if not CELL_BAR.search(line.strip()):
        return None
    names = [re.sub(r"[ \u3000]", "", c) for c in cells(line)]
    if any(SENTENCE.search(n) for n in names):
        return None  # h18bh: a row (…，接受社会监督。 is no 监督单位 column), not a header
    kinds = [column_kind(simplified(n)) for n in names]
    if "number" in kinds or not ROLE_KINDS & set(kinds):
        return None
    return kinds
