"""A table's body rows handed to XlsxWriter whole (duban/outputs/sheet_rows.py, h24l): the
workbook's bytes are those of the same rows written cell by cell."""

from __future__ import annotations

import datetime as dt
import io

import openpyxl
import pytest

from duban.evaluation.check_report import check_report
from duban.evaluation.evaluate import evaluate
from duban.outputs import spreadsheet
from duban.outputs.ledger import ledger
from duban.outputs.ledger_files import ledger_xlsx
from duban.outputs.spreadsheet import Column, workbook
from sitekit import DEMO_AS_OF

AS_OF = dt.date.fromisoformat(DEMO_AS_OF)


def _both(make, monkeypatch: pytest.MonkeyPatch) -> tuple[bytes, bytes]:
    whole = make()
    monkeypatch.setattr(spreadsheet, "ROWS_WHOLE", False)
    by_cell = make()
    monkeypatch.setattr(spreadsheet, "ROWS_WHOLE", True)
    return whole, by_cell


def test_the_ledger_is_the_same_bytes_as_written_cell_by_cell(demo_model, monkeypatch):
    evaluation = evaluate(demo_model, AS_OF, 30)
    book = ledger(demo_model, evaluation, check_report(demo_model, evaluation))
    assert sum(len(plan.rows) for plan in book.plans) > 40  # more than two 16-row spans
    whole, by_cell = _both(lambda: ledger_xlsx(book), monkeypatch)
    assert whole == by_cell


def test_every_kind_of_cell_is_the_same_bytes_as_written_cell_by_cell(monkeypatch):
    columns = [Column("号", 6, "number"), Column("事项", 20), Column("日期", 12, "date")]
    long = "长" * 20_000 + "😀" * 7_000  # over Excel's 32,767 UTF-16 units: cut as XlsxWriter does
    rows = [[n, f"第{n}项 & <b>\n第二行", AS_OF + dt.timedelta(days=n)] for n in range(1, 40)]
    rows += [[None, "", None], [2.5, "=1+1", dt.date(1900, 1, 1)], [True, long, None]]
    rows += [[0, "  前后空格  ", dt.date(2099, 12, 31)]]
    whole, by_cell = _both(lambda: workbook(columns, rows, "表", "标题"), monkeypatch)
    assert whole == by_cell
    sheet = openpyxl.load_workbook(io.BytesIO(whole)).active
    assert sheet.cell(2, 2).value == "第1项 & <b>\n第二行"
    assert sheet.cell(42, 2).value == "=1+1"  # text, never a formula
    assert sheet.max_row == 44  # the header and 43 rows


def test_a_row_of_the_wrong_width_is_refused(monkeypatch):
    with pytest.raises(ValueError, match="row 2 has 1 cells for 2 columns"):
        workbook([Column("a", 5), Column("b", 5)], [["x", "y"], ["z"]])
