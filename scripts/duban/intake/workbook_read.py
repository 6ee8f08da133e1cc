"""Reading a filled-in workbook (.xlsx, read with openpyxl) or a CSV saved from it (UTF-8, UTF-8
with BOM, GBK/GB18030) into rows, by the columns' headings (reordered columns still work).

Rows that carry nothing but the describing columns are left out: a row the clerk did not touch.

The file comes from outside (a unit sends it back), so it is bounded before it is read: the
limits below, and for an .xlsx the archive's sizes and no DTD (:mod:`duban.load.untrusted`). The
sheet's declared dimension is not believed: at most ``MAX_ROWS`` rows are read (more is refused)
and the first ``MAX_COLUMNS`` columns (the workbook has 20; the rest are ignored).
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from duban.i18n.messages import say
from duban.intake.rows import (
    COLUMNS,
    DESCRIBING,
    HEADINGS,
    IDS,
    SHEET_TITLE,
    Row,
    RowProblem,
    read_cell,
)
from duban.load.untrusted import Untrusted, ZipLimits, check_size, check_zip
from duban.model.problems import error_reason

MAX_FILE_BYTES = 20_000_000
"""A workbook or CSV larger than this is refused unread (a unit's sheet is a few hundred KB)."""
XLSX_LIMITS = ZipLimits(file_bytes=MAX_FILE_BYTES, total_bytes=50_000_000)
MAX_ROWS = 20_000
"""Rows of the sheet, the heading row included."""
MAX_COLUMNS = 60
MAX_CELL = 32_767
"""Characters in one cell: Excel's own limit."""


@dataclass(frozen=True)
class Sheet:
    rows: list[Row]
    """The rows the clerk filled in (a row with nothing but its describing columns is left out)."""
    units: frozenset[str]
    """Every 单位标识 of the sheet, of the untouched rows too: an untouched workbook still says
    whose it is (and imports as no change)."""


def read_rows(path: Path) -> list[Row]:
    """The rows of a filled-in workbook (.xlsx) or CSV (UTF-8, UTF-8 with BOM, GBK/GB18030)."""
    return read_sheet(path).rows


def read_sheet(path: Path) -> Sheet:
    """A filled-in workbook (.xlsx) or CSV: its rows and the units it names."""
    try:
        check_size(path, MAX_FILE_BYTES)
        raw = path.read_bytes()
        if path.suffix.lower() == ".csv":
            table = _bounded(_csv_rows(raw))
        else:
            check_zip(raw, XLSX_LIMITS)
            table = _workbook_rows(raw)
    except Untrusted as error:
        raise RowProblem(str(error)) from None
    if not table:
        raise RowProblem(say("the sheet is empty", "表格是空的"))
    header = [HEADINGS.get(str(h).strip()) if h is not None else None for h in table[0]]
    names = dict(COLUMNS)
    missing = [names[k] for k in IDS if k not in header and k not in ("item", "plan")]
    if missing:
        raise RowProblem(
            say(
                f"row 1: missing columns {', '.join(missing)}",
                f"第 1 行：缺少列 {'、'.join(missing)}",
            )
        )
    rows, units = [], set()
    for number, values in enumerate(table[1:], start=2):
        cells = {
            key: value
            for key, value in zip(header, values, strict=False)
            if key
            and value not in (None, "")
            and not (isinstance(value, str) and not value.strip())
        }
        if "unit" in cells:
            units.add(read_cell(cells["unit"]))
        if set(cells) - DESCRIBING:
            rows.append(Row(number, cells))
    return Sheet(rows, frozenset(units))


def _csv_rows(raw: bytes) -> Iterator[list[Any]]:
    for encoding in ("utf-8-sig", "gb18030"):
        try:
            text = raw.decode(encoding)
            break
        except UnicodeDecodeError:
            continue
    else:
        raise RowProblem(
            say("the CSV is neither UTF-8 nor GBK", "CSV 文件既不是 UTF-8 也不是 GBK 编码")
        )
    reader = csv.reader(io.StringIO(text))
    while True:
        try:
            row = next(reader)
        except StopIteration:
            return
        except csv.Error as error:  # a cell over csv's own limit (131072), a NUL …
            raise RowProblem(
                say(
                    f"line {reader.line_num}: not a CSV row ({error}): save the sheet again as CSV",
                    f"第 {reader.line_num} 行：无法按 CSV 读取（{error}），请重新另存为 CSV",
                )
            ) from None
        yield list(row)


def _workbook_rows(raw: bytes) -> list[list[Any]]:
    from openpyxl import load_workbook  # only here: ``duban record`` never loads it

    try:
        book = load_workbook(io.BytesIO(raw), data_only=True, read_only=True)
    except Exception as error:  # a damaged or foreign file: one line, not a traceback
        raise RowProblem(_unreadable(error)) from None
    try:
        sheet = book[SHEET_TITLE] if SHEET_TITLE in book.sheetnames else book.worksheets[0]
        # the declared dimension (A1:XFD1048576) would pad every row to 16,384 cells
        sheet.reset_dimensions()
        rows = sheet.iter_rows(max_col=MAX_COLUMNS, values_only=True)
        return _bounded(rows)
    except RowProblem:
        raise
    except Exception as error:  # the sheet's XML: truncated, U+FFFE, not XML at all
        raise RowProblem(_unreadable(error)) from None
    finally:
        book.close()  # a read-only workbook keeps its file open until closed


def _bounded(rows: Iterable[Iterable[Any]]) -> list[list[Any]]:
    """At most MAX_ROWS rows of at most MAX_COLUMNS cells, no cell longer than MAX_CELL."""
    table: list[list[Any]] = []
    for number, row in enumerate(rows, start=1):
        if number > MAX_ROWS:
            raise RowProblem(
                say(
                    f"the sheet has more than {MAX_ROWS} rows: send one unit's sheet, "
                    "without rows far below the table",
                    f"表格超过 {MAX_ROWS} 行：请只填报本单位的表格，并删除表格下方远处的内容",
                )
            )
        values = list(row)[:MAX_COLUMNS]
        for value in values:
            if isinstance(value, str) and len(value) > MAX_CELL:
                raise RowProblem(
                    say(
                        f"row {number}: a cell holds more than {MAX_CELL} characters: shorten it",
                        f"第 {number} 行：单元格超过 {MAX_CELL} 个字符，请精简",
                    )
                )
        table.append(values)
    return table


def _unreadable(error: Exception) -> str:
    reason = error_reason(error)
    return say(
        f"cannot read the workbook ({reason}): save it again from Excel or WPS as .xlsx",
        f"无法读取工作簿（{reason}）：请用 Excel 或 WPS 重新另存为 .xlsx 后再试",
    )
