"""A table's header row below its first row (branch h18z): a .docx or HTML table whose first rows
are a title spanning the table (``临安区2022年民生实事项目计划表``) or the page's metadata
(``索引号 | … | 公开方式 | …``), its header (序号 | 实事项目 | … | 责任单位 | 配合单位) below
them. The text reader finds such a header on whatever line it stands; the cell reader took the
first row for the header, read no column and gave every row as one line of text. The rows above
the header are kept as lines of text, as the text reader keeps them."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from duban.plan_import.cell_rows import column_kind
from duban.plan_import.header_cells import is_header

ROLES_OR_TIME = {"lead", "responsible", "deadline", "main", "cooperate"}
LOOK = 6
"""The rows looked at for a header (a title, a few rows of page metadata)."""


def header_index(rows: list[list[str]]) -> int:
    """The row that is the table's header: the first unless it names no role or time column and
    one of the next rows is a header by its words."""
    if not rows or ROLES_OR_TIME & {column_kind(cell) for cell in rows[0] if cell.strip()}:
        return 0
    for index, row in enumerate(rows[1:LOOK], start=1):
        if is_header([cell for cell in row if cell.strip()]):
            return index
    return 0


def pipe_lines(rows: list[list[str]]) -> list[str]:
    """A .docx or HTML table's rows as a text page gives them (``A | B | C |``): the text as
    written that the readings of flattened tables read, whatever the container (h18z)."""
    return [" | ".join(" ".join(cell.split()) for cell in row) + " |" for row in rows if any(row)]


W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"


def spanned(text: str, cell: Any) -> list[str]:
    """A .docx cell's text and an empty cell for each further grid column it spans (a header's
    分解情况 over three columns): the cells of the rows below stay under their columns."""
    span = cell.find(f"{W}tcPr/{W}gridSpan")
    return [text] + [""] * (columns_spanned(span.get(f"{W}val") if span is not None else None) - 1)


def columns_spanned(value: str | None) -> int:
    """The columns a cell spans (a .docx gridSpan's or an HTML colspan's value; 1 to 64)."""
    value = (value or "").strip()
    return min(int(value), 64) if value.isdigit() and int(value) >= 1 else 1


class Merged(str):
    """h18bh: an empty cell that a cell merged down from above covers (an HTML rowspan, a .docx
    vertical merge): empty wherever a cell's text is read, its ``above`` the merged cell's words,
    which a unit, deadline or leader column shares (shared_cells.merged_down)."""

    above: str

    def __new__(cls, above: str) -> Merged:
        made = super().__new__(cls, "")
        made.above = above
        return made


class RowSpans:
    """An HTML table's cells merged down (rowspan): the rows below do not write them, so each
    gets an empty cell in that column (as a .docx keeps its merged cells' continuations), and
    its other cells stay under their columns (h18z); the empty cell is :class:`Merged`."""

    def __init__(self) -> None:
        self.left: dict[int, int] = {}  # column -> rows still covered from above
        self.words: dict[int, str] = {}  # column -> the merged cell's words

    def fill(self, row: list[str], to_end: bool = False) -> None:
        """Empty cells at the row's end for the columns covered there (all of them, to_end)."""
        while len(row) in self.left or (to_end and any(c >= len(row) for c in self.left)):
            column = len(row)
            if column in self.left:
                self.left[column] -= 1
                if not self.left[column]:
                    del self.left[column]
                row.append(Merged(self.words.get(column, "")))
            else:
                row.append("")

    def note(self, column: int, columns: int, rows: int, words: str = "") -> None:
        """A cell at ``column`` over ``columns`` columns and ``rows`` rows."""
        for covered in range(column, column + columns):
            if rows > 1:
                self.left[covered] = rows - 1
                self.words[covered] = words if covered == column else ""


def docx_rows(table: Any, runs: Callable[[Any], str]) -> list[list[str]]:
    """A .docx table's rows of cell texts: a cell over several grid columns followed by empty
    cells (:func:`spanned`), a vertically merged cell's continuations :class:`Merged`."""
    rows: list[list[str]] = []
    restarted: dict[int, str] = {}  # grid column -> the text of the merged cell that starts there
    for row in table:
        if not row.tag.endswith("}tr"):
            continue
        cells: list[str] = []
        for cell in row:
            if not cell.tag.endswith("}tc"):
                continue
            texts = spanned(runs(cell), cell)
            merge = cell.find(f"{W}tcPr/{W}vMerge")
            if merge is not None and merge.get(f"{W}val") != "restart" and not texts[0]:
                texts[0] = Merged(restarted.get(len(cells), ""))
            else:
                restarted[len(cells)] = texts[0]
            cells.extend(texts)
        rows.append(cells)
    return rows
