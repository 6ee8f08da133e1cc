"""The one XLSX and CSV writer: the task table download, the 任务落实台账 and a unit's workbook to
fill in are written here (reading a workbook is openpyxl's: ``duban import``).

Text cells are always written as text (never a formula, a number or a link, however they
start); control characters XML cannot hold are dropped, and a carriage return becomes a line
feed (XML reads one back as the other, so the CSV says the same as the XLSX). The bytes are
reproducible: a fixed creation date and XlsxWriter's fixed zip timestamps, so a rebuild of the
same data gives the same file. Every sheet has a bold, frozen header row with a filter (below a
title row, when the sheet has a title), and rows tall enough for their wrapped text (Excel and
LibreOffice do not grow a row a program wrote).

Printing: A4 landscape, the header row repeated on every page, a page header (the title, the
date) and a page footer (page numbers). The table's text is 12 pt, so a print scale of 75% or
more keeps it at 9 pt or more on paper: a sheet that fits the page width at 75% or more is
fitted to it (one page wide, as many tall as it takes); a wider one prints at 75% and runs
several pages wide, page by page across before down, with its first two columns (number, task)
repeated on every page: fewer columns to a page, but text people can read.

CSV cells that start like a formula get a leading apostrophe (spreadsheet programs would run
them: "CSV injection"); the file starts with a byte-order mark so that Excel reads UTF-8.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import math
import re
from collections.abc import Sequence
from dataclasses import dataclass

import xlsxwriter
from xlsxwriter.format import Format
from xlsxwriter.utility import xl_col_to_name
from xlsxwriter.worksheet import Worksheet

from duban.outputs.row_store import RowStore
from duban.outputs.shared_strings import SheetsWorkbook
from duban.outputs.sheet_rows import TableSheet
from duban.outputs.xml_text import xml_property, xml_text

Cell = str | int | float | dt.date | None

_SHEET_ILLEGAL = re.compile(r"[\[\]:*?/\\]")
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
EXCEL_CELL_MAX = 32767
FIXED_DATE = dt.datetime(2010, 1, 1)
FONT_SIZE = 12
"""The table's text, in points: at the smallest print scale (``MIN_PRINT_SCALE``) 9 pt on paper."""
TITLE_SIZE = 16
MIN_PRINT_SCALE = 75
LINE_HEIGHT = 18
"""Points per line of 12 pt text in a row: a Chinese font's line (Noto Sans CJK, as LibreOffice
substitutes one, 17.4 pt; DengXian 16) and a little room."""
MAX_ROW_HEIGHT = 409
"""Excel's tallest row, in points."""
PAGE_NUMBERS = "&P / &N"
ROWS_WHOLE = True
"""h24l: a table's body rows handed to XlsxWriter whole (:mod:`.sheet_rows`), the same bytes
as cell by cell (False: cell by cell, as the test compares)."""
_MARGIN = 0.3
"""Left and right page margins, inches."""
_PRINTABLE_PX = (11.69 - 2 * _MARGIN) * 96
"""The width of an A4 landscape page inside the margins, in pixels at 100%."""


@dataclass(frozen=True)
class Column:
    title: str
    width: float
    kind: str = "text"
    """text, date or number: how an empty cell of this column is styled."""


@dataclass(frozen=True)
class Heading:
    """What a sheet says about itself: ``title`` in a first row above the header (none when
    empty); on top of every printed page ``page_left`` and ``page_right`` (plain text), under
    it ``page_footer`` (Excel's codes: ``&P`` the page, ``&N`` the pages)."""

    title: str = ""
    page_left: str = ""
    page_right: str = ""
    page_footer: str = PAGE_NUMBERS


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
    book = SheetsWorkbook(  # h24af: its shared strings written in one pass
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
    top = {"valign": "top", "font_size": FONT_SIZE, **border}
    return {
        "title": book.add_format(
            {"bold": True, "font_size": TITLE_SIZE, "text_wrap": True, "valign": "vcenter"}
        ),
        "header": book.add_format({"bold": True, "bg_color": "#E8ECF2", "text_wrap": True, **top}),
        "text": book.add_format({"text_wrap": True, **top}),
        "date": book.add_format({"num_format": "yyyy-mm-dd", **top}),
        "number": book.add_format(top),
    }


def write_table(
    book: xlsxwriter.Workbook,
    name: str,
    columns: Sequence[Column],
    rows: Sequence[Sequence[Cell] | int],
    styles: dict[str, Format],
    heading: Heading = Heading(),
    numbered: bool = False,
    store: RowStore | None = None,
) -> list[int]:
    """One sheet: the heading's title row if any, the columns' titles as a frozen, filterable
    header, then the rows; each row as tall as its wrapped text; set up for printing.
    h24q, h24af: a row may be the number of a row kept in ``store``; ``numbered``: the first
    cell is the row's ordinal (``TableSheet.take_rows``); returns every body row's number in
    ``store`` (the rows made are put there; none when written cell by cell)."""
    sheet = book.add_worksheet(name, worksheet_class=TableSheet if ROWS_WHOLE else None)
    top = 1 if heading.title else 0
    titles = [text_cell(c.title) for c in columns]
    for index, column in enumerate(columns):
        sheet.set_column(index, index, column.width)
        sheet.write_string(top, index, titles[index], styles["header"])
    pairs = zip(titles, columns, strict=True)
    sheet.set_row(
        top, _height(max((text_lines(t, _capacity(c.width)) for t, c in pairs), default=1))
    )
    # a province's 台账 has 1.7 million cells: the styles and writers are looked up once
    blank_style = [styles[column.kind] for column in columns]
    date_style, number_style, text_style = styles["date"], styles["number"], styles["text"]
    blank, date, number, text = (
        sheet.write_blank,
        sheet.write_datetime,
        sheet.write_number,
        sheet.write_string,
    )
    capacity = [_capacity(column.width) for column in columns]
    width, count = len(columns), len(rows)
    if isinstance(sheet, TableSheet):  # h24l: the body's rows whole (sheet_rows.py)
        counted: dict[tuple[int, str], int] = {}  # h24o: each text's lines worked out once

        def height(texts: list[tuple[int, str]]) -> float:
            lines = 1
            for pair in texts:
                found = counted.get(pair)
                if found is None:
                    found = counted[pair] = text_lines(pair[1], capacity[pair[0]])
                lines = max(lines, found)
            return _height(lines)

        kinds = [c.kind for c in columns]
        sheet.take_rows(top + 1, rows, kinds, styles, text_cell, height, numbered, store)
        rows = ()
    for r, row in enumerate(rows, top + 1):
        if isinstance(row, int):
            raise ValueError(f"row {r - top} is a kept row: written whole only")
        if len(row) != width:
            raise ValueError(f"row {r - top} has {len(row)} cells for {width} columns")
        lines = 1
        for c, value in enumerate(row):
            if value is None or value == "":
                blank(r, c, None, blank_style[c])
            elif isinstance(value, dt.date):
                date(r, c, dt.datetime.combine(value, dt.time()), date_style)
            elif isinstance(value, int | float) and not isinstance(value, bool):
                number(r, c, value, number_style)
            else:
                cell = text_cell(str(value))
                text(r, c, cell, text_style)
                lines = max(lines, text_lines(cell, capacity[c]))
        sheet.set_row(r, _height(lines))
    sheet.freeze_panes(top + 1, 0)
    sheet.autofilter(top, 0, top + max(count, 1), max(width - 1, 0))
    _print_setup(sheet, columns, top, heading, styles["title"])
    return sheet.row_ids if isinstance(sheet, TableSheet) else []


def text_lines(text: str, capacity: float) -> int:
    """How many lines ``text`` takes wrapped in a column that holds ``capacity`` narrow
    characters a line. A Chinese character (three bytes in UTF-8) counts as two narrow ones:
    the count is the characters plus half the bytes beyond one per character, worked out by
    the encoder rather than character by character (a province's 台账 has a million cells)."""
    lines = 0
    for part in text.split("\n"):
        units = (len(part) + len(part.encode("utf-8"))) / 2
        lines += max(1, math.ceil(units / capacity))
    return lines


def _capacity(width: float) -> float:
    """Narrow characters of 12 pt text a line in a column ``width`` wide (Excel's width counts
    digits of the 11 pt default font), less a little for the cell's padding."""
    return max(1.0, width * 11 / FONT_SIZE - 1)


def _height(lines: int) -> float:
    """A row's height in points for ``lines`` lines of 12 pt text (set on every row: a 12 pt
    line is taller than the default row, and no program grows a row for wrapped text)."""
    return min(lines * LINE_HEIGHT, MAX_ROW_HEIGHT)


def column_pixels(width: float) -> int:
    """A column's width on screen and at 100% on paper, in pixels (Excel: 7 a digit and 5)."""
    return int(width * 7 + 5) if width >= 1 else int(width * 12 + 0.5)


def fit_scale(columns: Sequence[Column]) -> int:
    """The print scale (percent, at most 100) at which the columns fill an A4 landscape page's
    width."""
    total = sum(column_pixels(c.width) for c in columns) or 1
    return min(100, int(100 * _PRINTABLE_PX / total))


def _print_setup(
    sheet: Worksheet, columns: Sequence[Column], top: int, heading: Heading, title: Format
) -> None:
    sheet.set_landscape()
    sheet.set_paper(9)  # A4
    sheet.set_margins(left=_MARGIN, right=_MARGIN, top=0.6, bottom=0.6)
    sheet.repeat_rows(top)
    on_first_page = len(columns)
    if fit_scale(columns) >= MIN_PRINT_SCALE:
        sheet.fit_to_pages(1, 0)
    else:
        sheet.set_print_scale(MIN_PRINT_SCALE)
        sheet.print_across()
        sheet.repeat_columns(0, min(1, len(columns) - 1))
        room, on_first_page = _PRINTABLE_PX * 100 / MIN_PRINT_SCALE, 0
        for column in columns:
            room -= column_pixels(column.width)
            if room < 0:
                break
            on_first_page += 1
    if heading.title:
        # the title spans the columns of the first printed page, so that it is printed whole
        span = columns[: max(on_first_page, 1)]
        text = text_cell(heading.title)
        if len(span) > 1:
            sheet.merge_range(0, 0, 0, len(span) - 1, text, title)
        else:
            sheet.write_string(0, 0, text, title)
        lines = text_lines(text, sum(c.width for c in span) * 11 / TITLE_SIZE - 1)
        sheet.set_row(0, min(lines * TITLE_SIZE * 1.4 + 6, MAX_ROW_HEIGHT))
    options = {"scale_with_doc": False, "margin": 0.3}
    if heading.page_left or heading.page_right:
        sheet.set_header(page_text(heading.page_left, heading.page_right), options)
    if heading.page_footer:
        sheet.set_footer(f"&C{heading.page_footer}", options)


def page_text(left: str, right: str = "") -> str:
    """A page header: ``left`` on the left, ``right`` on the right, as text (``&`` doubled, one
    line), within Excel's 255 characters (the left part is cut)."""
    right_part = f"&R{_page_text(right, 100)}" if right else ""
    left_part = f"&L{_page_text(left, 250 - len(right_part))}" if left else ""
    return left_part + right_part


def _page_text(text: str, limit: int) -> str:
    text = " ".join(clean(text).split())
    while (excess := _utf16(text.replace("&", "&&")) - limit) > 0:
        text = text[: len(text) - excess]
    return text.replace("&", "&&")


def _utf16(text: str) -> int:
    return len(text.encode("utf-16-le")) // 2


def workbook(
    columns: Sequence[Column],
    rows: Sequence[Sequence[Cell]],
    sheet: str = "Sheet1",
    title: str = "",
) -> bytes:
    """The .xlsx bytes of one table sheet without borders (the task table download)."""
    buffer = io.BytesIO()
    book = new_workbook(buffer, title or sheet)
    heading = Heading(page_left=title or sheet)
    styles = table_styles(book, bordered=False)
    write_table(book, sheet_name(sheet, set()), columns, rows, styles, heading)
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
