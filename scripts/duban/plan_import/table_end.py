"""Where a 任务分工表 flattened one cell a line ends (out of text_tables, branch h18bh): the
table goes on over a blank line while its last row waits for cells (its units one a line, its
deadline), a row's number comes within a few lines, or rows follow heading rows; it ends at a
blank line after a row with its cells."""

from __future__ import annotations

import re
from collections.abc import Sequence

from duban.plan_import.category_cells import work_column
from duban.plan_import.cell_rows import aligned_row, cell_type
from duban.plan_import.chinese import ASCII_DIGITS
from duban.plan_import.column_names import first_cell_number
from duban.plan_import.leading_cells import FITS
from duban.plan_import.numbering import CHAPTER_RUN
from duban.plan_import.table_numbers import row_number


def next_filled(lines: list[str], index: int) -> int:
    while index < len(lines) and not bare(lines[index]):
        index += 1
    return index


def bare(line: str) -> str:
    """A cell on its line, without the | a converter put after it (序号 |)."""
    return line.strip().strip("|｜").strip()


ROW_SOON = 6
"""A row holds at most this many cells more than its columns (a column's units one a line)."""


def cell_to_come(lines: list[str], index: int, kinds: list[str], current: list[str]) -> bool:
    """h18f: the last row's deadline cell after its units one a line (12月底前), when the table
    has a deadline column and the row has no deadline yet; h18bk: so its units or its leader
    after a blank line (辽中 2024's blank line after each cell), when the row has none yet."""
    ahead = next_filled(lines, index + 1)
    if ahead >= len(lines):
        return False
    typed = cell_type(bare(lines[ahead]))
    wanted = {FITS[kind] for kind in kinds if kind in FITS}
    return typed in wanted and not any(cell_type(cell) == typed for cell in current)


def row_soon(
    lines: list[str], index: int, last: int | None, width: int = 0, numbered: bool = True
) -> bool:
    """h18f: the next row (its number) within a few lines: the lines before it are cells of
    this row (县水务局 / 县住建局 / 县护城河指挥部, one unit a line), not the text after it;
    h18j: or within three rows' cells (宁波江北 2023: a project's merged cells over two lines of
    its own, each with its unit, work, amount and target)."""
    if last is None:
        return False
    for _ in range(max(ROW_SOON, 3 * width)):
        index = next_filled(lines, index + 1)
        if index >= len(lines):
            return False
        if row_number(bare(lines[index]), last + 1):
            return True
        # h18bf: a table without a 序号 column numbers its rows in their first cell (3.…)
        own = first_cell_number(bare(lines[index]), numbered)
        if own and int(own.group(1).translate(ASCII_DIGITS)) == last + 1:
            return True
    return False


HEADING_ROW = re.compile(f"^{CHAPTER_RUN}")


def row_after_headings(lines: list[str], index: int, last: int | None) -> bool:
    """h18f: the table goes on past its heading rows (一、… 二、… with no rows of their own in
    an excerpt) when the next line after them starts a row with a larger number (68 after 3)."""
    index = next_filled(lines, index)
    headings = 0
    while index < len(lines) and HEADING_ROW.match(bare(lines[index])):
        headings += 1
        index = next_filled(lines, index + 1)
    if not headings or index >= len(lines):
        return False
    number = row_number(bare(lines[index]), None)
    value = int(number.group(1).translate(ASCII_DIGITS)) if number else 0
    return number is not None and last is not None and value > last


def header_again(lines: list[str], index: int, header: list[str]) -> int | None:
    """h18bh: the header's words again from ``index``, one a line (a page break in a copied
    PDF or Word table repeats its header row; 工 作 任 务 or 责任股室 / (单位) as the header
    was read): the index after them, or None."""
    want = "".join(re.sub(r"\s+", "", word) for word in header)
    got, at = "", index
    while at < len(lines) and len(got) < len(want):
        got += re.sub(r"\s+", "", bare(lines[at]))
        if not want.startswith(got):
            return None
        at += 1
    return at if got == want else None


SENTENCE = 15
"""The shortest closing sentence: a row's short text cell (正在推进。) is no paragraph."""


def whole_row(
    current: list[str], columns: list[str], words: list[str], above: Sequence[list[str]] = ()
) -> bool:
    """h18bh: the row's cells fill every column after its number but a group column before its
    work (merged: 指标, 类别 on a group's first row only), or its text cells fill every text
    column but the groups (its unit and deadline cells merged above, on its group's first row);
    h18bk: or every column the rows ``above`` fill (a 备注 column empty all down the table is no
    cell the row waits for)."""
    main = work_column(words, columns) or 0
    aligned = aligned_row(list(current), columns, None, main or None)
    groups = {k for k in range(main) if columns[k] == "text"}
    texts = sum(1 for k, kind in enumerate(columns) if kind == "text" and k not in groups)
    if all(cell.strip() for k, cell in enumerate(aligned) if k not in groups) or (
        0 < texts <= _texts(current)
    ):
        return True
    used = {
        k
        for cells in above
        if cells
        for k, cell in enumerate(aligned_row(list(cells), columns, None, main or None))
        if cell.strip()
    } - groups
    return bool(used) and all(aligned[k].strip() for k in used)


def after_last_row(
    line: str, current: list[str], kinds: list[str], above: list[list[str]], whole: bool = False
) -> bool:
    """h18bh: a sentence after the last row's cells is the document's text after the table
    (各责任单位要高度重视……。), not a cell of the row, when the row is ``whole``
    (:func:`whole_row`), or holds as many cells as the fullest row above it, or it has reached
    its unit, deadline or leader cells and no text column comes after those (cells stand in
    their columns' order)."""
    if len(line) < SENTENCE or not line.endswith("。") or cell_type(line) != "text":
        return False
    if whole:
        return True
    above = [cells for cells in above if cells]  # rows, not heading rows (一、…)
    if above and len(current) >= max(len(cells) for cells in above):
        return True
    first = next((i for i, kind in enumerate(kinds) if kind not in ("text", "number")), None)
    if first is None or "text" in kinds[first:]:
        return False
    return any(cell_type(cell) in ("unit", "date", "person") for cell in current)


def _texts(cells: list[str]) -> int:
    return sum(1 for cell in cells if cell_type(cell) == "text")


def paragraph_after(line: str, text: str) -> bool:
    """h18bh: a sentence on a line of its own after a table of rows on lines, whose last row's
    text is a whole sentence (…。), is the paragraph after the table, not that text running on
    (a task's text broken over two lines stops short of its 。)."""
    return len(line) >= SENTENCE and line.endswith("。") and text.rstrip().endswith("。")
