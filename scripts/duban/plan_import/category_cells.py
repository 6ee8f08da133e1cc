"""h18an: a table whose first column names the rows' category (``类别 | 民生事项名称 | …``,
招远 2022), its cell merged over the rows of one category (``四、教育文化``) and left out of the
rows below the first. The category cell is a heading above its rows (a numbered one a chapter,
as the thirteenth batch's group cells are), never a task's text; a row the page left it out of,
its cells one column left (its leader's name under the units' column), moves back right."""

from __future__ import annotations

import re

from duban.plan_import.numbering import NOT_DECIMAL, arabic, separator
from duban.plan_import.row_cells import person

CATEGORIES = "类别|類別|分类|分類|类型|類型|领域|領域|板块|板塊"
CATEGORY_WORD = re.compile(rf"^(?:{CATEGORIES})$")
GROUP_WORD = re.compile(rf"^(?:{CATEGORIES}|指标|指標)$")
"""h18bf: a text column naming the rows' group, before the column of their work (略阳 2019:
序号 | 指标 | 工作任务 | …, 指标 merged over the rows of one group and missing from the rest)."""


def work_column(words: list[str], kinds: list[str]) -> int | None:
    """The column of a row's own work among ``kinds``: the first text column whose header
    word (``words``, the same columns) names no group, when a group column stands before it."""
    texts = [k for k, kind in enumerate(kinds) if kind == "text"]
    folded = [re.sub(r"\s+", "", word) for word in words]  # 工 作 措 施 (a spaced header)
    work = [k for k in texts if not GROUP_WORD.match(folded[k])]
    return work[0] if work and texts[0] != work[0] else None


ITEM_CELL = re.compile(  # h18ap: 15﹒ １５． and 15. with a space after, as numbering reads them
    rf"^{arabic(3)}[ \u3000]*{separator()}{NOT_DECIMAL}[ \u3000]*\S"
)


def category_column(header: list[str], kinds: dict[int, str]) -> bool:
    """The table's first column is its rows' category (no 序号 column before it)."""
    return bool(header) and 0 not in kinds and CATEGORY_WORD.match(header[0].strip()) is not None


def category_rows(rows: list[list[str]], kinds: dict[int, str]) -> list[list[str]]:
    """The rows after the header with each category cell on a row of its own (a heading) and
    the rows that left the category cell out moved one column right."""
    leader = next((i for i, kind in kinds.items() if kind == "leader"), None)
    out = [rows[0]]
    for row in rows[1:]:
        if _left_out(row, leader):
            row = ["", *row[:-1]]
        if row[0].strip() and any(cell.strip() for cell in row[1:]):
            out.append([row[0], *[""] * (len(row) - 1)])
            row = ["", *row[1:]]
        out.append(row)
    return out


def _left_out(row: list[str], leader: int | None) -> bool:
    """A numbered item in the category's column, the row's last cell empty and, when the table
    has a leader column, the leader's name one column left of it."""
    if not ITEM_CELL.match(row[0].strip()) or row[-1].strip():
        return False
    if leader is None or leader < 1 or leader >= len(row):
        return True
    return person(row[leader - 1]) and not person(row[leader])
