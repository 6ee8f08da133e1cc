"""A plan sent as a workbook (.xlsx from Excel or WPS, or a .csv saved from one): a 任务分工表 kept
as a spreadsheet.

Each visible sheet's cells become a table's rows, read as a .docx table's are (``table_lines``):
a cell merged down is a :class:`Merged` continuation (its unit, deadline or leader shared by the
rows it covers), a cell merged across leaves empty cells after it. A cell shows what the sheet
shows: a date as the date its format names (a 完成时限 cell formatted ``yyyy"年"m"月"`` is
2024年6月, not the first of June), a percentage as one, a whole number without ``.0``.

The workbook has passed ``check_zip`` before it is opened (reading.py); its sheets are bounded
again here, since a sheet's size is what the parser holds.
"""

from __future__ import annotations

import csv
import datetime as dt
import re
import zipfile
from io import BytesIO, StringIO
from typing import Any

from duban.i18n.messages import say
from duban.model.problems import error_reason, printable
from duban.plan_import.table_header import Merged

MAX_ROWS = 10_000
"""Rows of one sheet (a plan's table has a few hundred)."""
MAX_COLUMNS = 60


class WorkbookError(Exception):
    """The workbook cannot be read: one line."""


def is_workbook(data: bytes) -> bool:
    """Whether a zip archive (already checked) is a workbook: it holds ``xl/workbook.xml``."""
    try:
        return "xl/workbook.xml" in zipfile.ZipFile(BytesIO(data)).namelist()
    except (zipfile.BadZipFile, OSError):
        return False


def workbook_sheets(data: bytes) -> list[list[list[str]]]:
    """Each visible sheet's rows of cell texts, in the workbook's order."""
    from openpyxl import load_workbook  # only for a workbook: the other readers never load it

    try:
        book = load_workbook(BytesIO(data), data_only=True)
    except Exception as error:  # a damaged or foreign file: one line, not a traceback
        reason = error_reason(error)
        raise WorkbookError(
            say(
                f"not a readable .xlsx workbook ({reason}): save it again from Excel or WPS",
                f"不是可读的 .xlsx 工作簿（{reason}）：请用 Excel 或 WPS 重新另存为 .xlsx 后再试",
            )
        ) from None
    return [_rows(sheet) for sheet in book.worksheets if sheet.sheet_state == "visible"]


def above_table(rows: list[list[str]]) -> tuple[list[str], list[list[str]]]:
    """A sheet's paragraphs above its table and the table from its first row of several cells: a
    notice kept in a sheet writes its title, 文号, addressees and 落款 one cell a row in the first
    column, then the 任务分工表 (a .docx has them as paragraphs, and its table starts at its own
    first row, whose words need not all be known: 分块 | 序号 | 主要工作 | 责任单位)."""
    for index, row in enumerate(rows):
        if sum(1 for cell in row if cell.strip()) > 1:
            above = [" ".join(cell for cell in line if cell.strip()) for line in rows[:index]]
            return above, rows[index:]
    return [], rows


def csv_rows(text: str) -> list[list[str]]:
    """The rows of a table saved as CSV (commas, quoted cells that may hold line breaks)."""
    try:
        rows = [[cell_text(cell) for cell in row] for row in csv.reader(StringIO(text))]
    except csv.Error as error:  # a cell over the csv module's limit, a NUL …
        raise WorkbookError(
            say(f"not a readable CSV table ({error})", f"不是可读的 CSV 表格（{error}）")
        ) from None
    _bounded("CSV", len(rows), max((len(row) for row in rows), default=0))
    return rows


def _bounded(title: str, rows: int, columns: int) -> None:
    if rows > MAX_ROWS or columns > MAX_COLUMNS:
        title = printable(title)
        raise WorkbookError(
            say(
                f"sheet {title!r} has {rows} rows and {columns} columns, more than a plan's "
                f"table ({MAX_ROWS} rows, {MAX_COLUMNS} columns): delete what is not the plan "
                "and save again",
                f"工作表“{title}”有 {rows} 行、{columns} 列，超过方案表格的上限"
                f"（{MAX_ROWS} 行、{MAX_COLUMNS} 列）：请删去不属于方案的内容后重新保存",
            )
        )


def _rows(sheet: Any) -> list[list[str]]:
    _bounded(sheet.title, sheet.max_row, sheet.max_column)
    rows = [
        [cell_text(cell.value, cell.number_format) for cell in row]
        for row in sheet.iter_rows(max_col=sheet.max_column)
    ]
    covered: dict[tuple[int, int], str] = {}
    for merged in sheet.merged_cells.ranges:
        top, left = merged.min_row - 1, merged.min_col - 1
        for r in range(top, merged.max_row):
            for c in range(left, merged.max_col):
                if (r, c) != (top, left):
                    covered[r, c] = rows[top][left] if c == left else ""
    for (r, c), above in covered.items():
        if r < len(rows) and c < len(rows[r]):
            rows[r][c] = Merged(above) if above else ""
    return rows


QUOTED = re.compile(r'"[^"]*"|\[[^\]]*\]|\\.')
"""The literal text and the colour or locale codes of a number format, which name no field."""


def cell_text(value: object, number_format: str = "General") -> str:
    """What the sheet shows in a cell, as text (whitespace inside it made single spaces, as a
    web page's cell is read)."""
    if value is None:
        return ""
    fields = QUOTED.sub("", number_format or "").lower()
    if isinstance(value, dt.datetime | dt.date):
        return _date(value, fields)
    if isinstance(value, bool):
        return str(value).upper()  # TRUE / FALSE, as the sheet shows it
    if isinstance(value, int | float):
        if "%" in fields:
            return f"{value * 100:.15g}%"
        return format(value, ".15g")
    return re.sub(r"\s+", " ", str(value)).strip()


def _date(value: dt.date, fields: str) -> str:
    """2024年6月30日, or only the fields the format shows (2024年6月: by the month's end)."""
    day = "d" in fields
    month = "m" in fields.replace("mm:", "").replace(":mm", "") or day
    if fields in ("", "general") or (not month and "y" not in fields):
        day = month = True
    text = f"{value.year}年"
    if month:
        text += f"{value.month}月"
    if day:
        text += f"{value.day}日"
    return text
