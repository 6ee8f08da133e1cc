"""Reading a filled-in workbook (.xlsx, read with openpyxl) or a CSV saved from it (UTF-8, UTF-8
with BOM, GBK/GB18030) into rows, by the columns' headings (reordered columns still work).

Rows that carry nothing but the describing columns are left out: a row the clerk did not touch.
"""

from __future__ import annotations

import csv
import io
from pathlib import Path
from typing import Any

from duban.i18n.messages import say
from duban.intake.rows import COLUMNS, DESCRIBING, HEADINGS, SHEET_TITLE, Row, RowProblem


def read_rows(path: Path) -> list[Row]:
    """The rows of a filled-in workbook (.xlsx) or CSV (UTF-8, UTF-8 with BOM, GBK/GB18030)."""
    if path.suffix.lower() == ".csv":
        raw = path.read_bytes()
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
        table: list[list[Any]] = list(csv.reader(io.StringIO(text)))
    else:
        from openpyxl import load_workbook  # only here: ``duban record`` never loads it

        try:
            book = load_workbook(path, data_only=True, read_only=True)
        except Exception as error:  # a damaged or foreign file: one line, not a traceback
            raise RowProblem(
                say(f"cannot read the workbook: {error}", f"无法读取工作簿：{error}")
            ) from None
        sheet = book[SHEET_TITLE] if SHEET_TITLE in book.sheetnames else book.worksheets[0]
        table = [list(row) for row in sheet.iter_rows(values_only=True)]
        book.close()  # a read-only workbook keeps its file open until closed
    if not table:
        raise RowProblem(say("the sheet is empty", "表格是空的"))
    header = [HEADINGS.get(str(h).strip()) if h is not None else None for h in table[0]]
    missing = [h for k, h in COLUMNS[:6] if k not in header and k not in ("item", "plan")]
    if missing:
        raise RowProblem(
            say(
                f"row 1: missing columns {', '.join(missing)}",
                f"第 1 行：缺少列 {'、'.join(missing)}",
            )
        )
    rows = []
    for number, values in enumerate(table[1:], start=2):
        cells = {
            key: value
            for key, value in zip(header, values, strict=False)
            if key
            and value not in (None, "")
            and not (isinstance(value, str) and not value.strip())
        }
        if set(cells) - DESCRIBING:
            rows.append(Row(number, cells))
    return rows
