"""The one XLSX and CSV writer: the task table download, the 任务落实台账 and a unit's workbook to
fill in are written here (reading a workbook is openpyxl's: ``duban import``).

Text cells are always written as text (never a formula, a number or a link, however they
start); control characters XML cannot hold are dropped, and a carriage return becomes a line
feed (XML reads one back as the other, so the CSV says the same as the XLSX). The bytes are
reproducible: a fixed creation date and XlsxWriter's fixed zip timestamps, so a rebuild of the
same data gives the same file. Every sheet has a bold, frozen header row with a filter, prints
landscape on A4 fitted to the page width, and repeats its header on every printed page.

CSV cells that start like a formula get a leading apostrophe (spreadsheet programs would run
them: "CSV injection"); the file starts with a byte-order mark so that Excel reads UTF-8.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import re
from collections.abc import Sequence
from dataclasses import dataclass

import xlsxwriter
from xlsxwriter.format import Format
from xlsxwriter.utility import xl_col_to_name

from duban.outputs.xml_text import xml_property, xml_text

Cell = str | int | float | dt.date | None

_SHEET_ILLEGAL = re.compile(r"[\[\]:*?/\\]")
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
EXCEL_CELL_MAX = 32767
FIXED_DATE = dt.datetime(2010, 1, 1)


@dataclass(frozen=True)
class Column:
    title: str
    width: float
    kind: str = "text"
    """text, date or number: how an empty cell of this column is styled."""


def clean(text: str) -> str:
    """Text without the characters XML cannot hold (:mod:`duban.outputs.xml_text`)."""
    return xml_text(text)


def text_cell(text: str) -> str:
    """A text cell's content: clean, one kind of line break, at most Excel's 32,767 characters."""
    if "\r" in text:
        text = text.replace("\r\n", "\n").replace("\r", "\n")
    return clean(text)[:EXCEL_CELL_MAX]


def column_name(index: int) -> str:
    """0 -> A, 25 -> Z, 26 -> AA."""
    return xl_col_to_name(index)


def sheet_name(name: str, taken: set[str]) -> str:
    """Excel's rules: at most 31 characters, none of []:*?/\\, unique (case-insensitive)."""
    base = _SHEET_ILLEGAL.sub("_", clean(name)).strip().strip("'") or "Sheet"
    candidate, n = base[:31], 1
    while candidate.lower() in taken:
        n += 1
        suffix = f"({n})"
        candidate = base[: 31 - len(suffix)] + suffix
    taken.add(candidate.lower())
    return candidate


def new_workbook(
    buffer: io.BytesIO, title: str, created: dt.datetime = FIXED_DATE
) -> xlsxwriter.Workbook:
    """An in-memory workbook that never turns text into formulas, numbers or links."""
    book = xlsxwriter.Workbook(
        buffer,
        {
            "in_memory": True,
            "strings_to_formulas": False,
            "strings_to_numbers": False,
            "strings_to_urls": False,
        },
    )
    book.set_properties({"title": xml_property(title), "author": "duban", "created": created})
    return book


def table_styles(book: xlsxwriter.Workbook, bordered: bool) -> dict[str, Format]:
    """The formats of a table sheet: header, text, date and number cells (bordered or not)."""
    border = {"border": 1} if bordered else {}
    top = {"valign": "top", **border}
    return {
        "header": book.add_format({"bold": True, "bg_color": "#E8ECF2", "text_wrap": True, **top}),
        "text": book.add_format({"text_wrap": True, **top}),
        "date": book.add_format({"num_format": "yyyy-mm-dd", **top}),
        "number": book.add_format(top),
    }


def write_table(
    book: xlsxwriter.Workbook,
    name: str,
    columns: Sequence[Column],
    rows: Sequence[Sequence[Cell]],
    styles: dict[str, Format],
) -> None:
    """One sheet: the columns' titles as a frozen, filterable header, then the rows."""
    sheet = book.add_worksheet(name)
    for index, column in enumerate(columns):
        sheet.set_column(index, index, column.width)
        sheet.write_string(0, index, text_cell(column.title), styles["header"])
    # a province's 台账 has 1.7 million cells: the styles and writers are looked up once
    blank_style = [styles[column.kind] for column in columns]
    date_style, number_style, text_style = styles["date"], styles["number"], styles["text"]
    blank, date, number, text = (
        sheet.write_blank,
        sheet.write_datetime,
        sheet.write_number,
        sheet.write_string,
    )
    width = len(columns)
    for r, row in enumerate(rows, 1):
        if len(row) != width:
            raise ValueError(f"row {r} has {len(row)} cells for {width} columns")
        for c, value in enumerate(row):
            if value is None or value == "":
                blank(r, c, None, blank_style[c])
            elif isinstance(value, dt.date):
                date(r, c, dt.datetime.combine(value, dt.time()), date_style)
            elif isinstance(value, int | float) and not isinstance(value, bool):
                number(r, c, value, number_style)
            else:
                text(r, c, text_cell(str(value)), text_style)
    sheet.freeze_panes(1, 0)
    sheet.autofilter(0, 0, max(len(rows), 1), max(width - 1, 0))
    sheet.set_landscape()
    sheet.set_paper(9)  # A4
    sheet.repeat_rows(0)
    sheet.fit_to_pages(1, 0)


def workbook(
    columns: Sequence[Column],
    rows: Sequence[Sequence[Cell]],
    sheet: str = "Sheet1",
    title: str = "",
) -> bytes:
    """The .xlsx bytes of one table sheet without borders (the task table download)."""
    buffer = io.BytesIO()
    book = new_workbook(buffer, title or sheet)
    write_table(book, sheet_name(sheet, set()), columns, rows, table_styles(book, bordered=False))
    book.close()
    return buffer.getvalue()


def csv_text(rows: Sequence[Sequence[Cell]]) -> str:
    """CSV with a byte-order mark, so Excel reads the Chinese as UTF-8 (RFC 4180 line ends)."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\r\n")
    for row in rows:
        writer.writerow([_csv_cell(v) for v in row])
    return "\ufeff" + buffer.getvalue()


def _csv_cell(value: Cell) -> str:
    if value is None:
        return ""
    if isinstance(value, dt.date):
        return value.isoformat()
    text = str(value)
    if isinstance(value, str) and text.startswith(_FORMULA_START):
        return "'" + text
    return text
