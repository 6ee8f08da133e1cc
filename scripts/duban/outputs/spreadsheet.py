"""The one XLSX writer (XlsxWriter): :func:`new_workbook` for every workbook duban writes (the
ledger, a unit's workbook to fill in) and :func:`workbook`, one sheet of text and numbers (the
task table download: the first row is the header, bold, frozen, with a filter).

Text cells are always written as text (never a formula, a number or a link, however they
start); control characters XML cannot hold are dropped. The bytes are reproducible: a fixed
creation date and XlsxWriter's fixed zip timestamps, so a rebuild of the same data gives the
same file. (Reading a workbook is openpyxl's: ``duban import``.)
"""

from __future__ import annotations

import datetime as dt
import io
import re
from collections.abc import Sequence

import xlsxwriter
from xlsxwriter.utility import xl_col_to_name

Cell = str | int | float | None

# XML 1.0 forbids most control characters even as references: drop them.
_ILLEGAL_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")
_SHEET_ILLEGAL = re.compile(r"[\[\]:*?/\\]")
FIXED_DATE = dt.datetime(2010, 1, 1)


def clean(text: str) -> str:
    return _ILLEGAL_XML.sub("", text)


def cell_text(text: str) -> str:
    """Text as a cell holds it: no character XML cannot hold, a carriage return as a line feed
    (as it reads back), at most Excel's 32,767 characters."""
    if "\r" in text:
        text = text.replace("\r\n", "\n").replace("\r", "\n")
    return clean(text)[:32767]


def column_name(index: int) -> str:
    """0 -> A, 25 -> Z, 26 -> AA."""
    return xl_col_to_name(index)


def new_workbook(buffer: io.BytesIO, title: str, created: dt.datetime = FIXED_DATE):
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
    book.set_properties({"title": clean(title), "author": "duban", "created": created})
    return book


def workbook(
    rows: Sequence[Sequence[Cell]],
    sheet_name: str = "Sheet1",
    widths: Sequence[float] = (),
    title: str = "",
) -> bytes:
    """The .xlsx bytes of one sheet; the first row is the header (bold, frozen, filterable)."""
    buffer = io.BytesIO()
    book = new_workbook(buffer, title or sheet_name)
    text = book.add_format({"text_wrap": True, "valign": "top"})
    header = book.add_format(
        {"bold": True, "bg_color": "#E8ECF2", "text_wrap": True, "valign": "top"}
    )
    name = _SHEET_ILLEGAL.sub(" ", clean(sheet_name))[:31].strip().strip("'") or "Sheet1"
    sheet = book.add_worksheet(name)
    for index, width in enumerate(widths):
        sheet.set_column(index, index, width)
    for r, row in enumerate(rows):
        style = header if r == 0 else text
        for c, value in enumerate(row):
            if value is None:
                sheet.write_blank(r, c, None, style)
            elif isinstance(value, int | float) and not isinstance(value, bool):
                sheet.write_number(r, c, value, style)
            else:
                sheet.write_string(r, c, clean(str(value))[:32767], style)
    if rows:
        sheet.freeze_panes(1, 0)
        sheet.autofilter(0, 0, len(rows) - 1, max(len(rows[0]) - 1, 0))
    sheet.set_landscape()
    sheet.set_paper(9)  # A4
    sheet.repeat_rows(0)
    sheet.fit_to_pages(1, 0)
    book.close()
    return buffer.getvalue()
