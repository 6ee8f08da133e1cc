"""The 台账 as people open and print it: a title row with the as-of date on every sheet, the 任务
column in words (no deadline ids, no period keys), rows as tall as their wrapped text, the date
and page numbers on every printed page, and text that stays 9 pt or more on paper (12 pt at a
print scale of 75% or more). The CSV keeps one header row and no title."""

from __future__ import annotations

import csv
import datetime as dt
import io
import re
from pathlib import Path

import openpyxl
import pytest

from duban.cli.main import main
from duban.load.project import load_project
from duban.outputs.ledger import (
    BASE_COLUMNS,
    OVERDUE_EXTRA,
    SUMMARY_COLUMNS,
    sheet_columns,
    task_text,
)
from duban.outputs.spreadsheet import (
    FONT_SIZE,
    LINE_HEIGHT,
    MIN_PRINT_SCALE,
    Column,
    fit_scale,
    page_text,
    text_lines,
    workbook,
)
from helpers import DATA_SETS

CASES = [("shipped", "2011-03-31"), ("office", "2024-06-30"), ("county", "2023-09-30")]
PERIOD_KEY = re.compile(
    r"[0-9]{4}-(?:Q[1-4]|H[12]|[0-9]{2})(?![0-9-])|（[0-9]{4}）|（[0-9]{4}[ ，]"
)


def _ledger(tmp_path: Path, name: str, as_of: str) -> openpyxl.Workbook:
    out = tmp_path / f"{name}.xlsx"
    data = str(DATA_SETS[name])
    assert main(["export", "xlsx", "--data", data, "--as-of", as_of, "-o", str(out)]) == 0
    return openpyxl.load_workbook(out)


def _written(as_of: str) -> str:
    day = dt.date.fromisoformat(as_of)
    return f"{day.year}年{day.month}月{day.day}日"


@pytest.fixture(scope="module", params=CASES, ids=[c[0] for c in CASES])
def book(request, tmp_path_factory):
    name, as_of = request.param
    return name, as_of, _ledger(tmp_path_factory.mktemp(name), name, as_of)


def test_every_sheet_has_its_title_row_with_the_as_of_date(book):
    name, as_of, wb = book
    model = load_project(DATA_SETS[name]).model
    titles = [p.title for p in model.plans_in_order()]
    sheets = wb.worksheets
    assert len(sheets) == len(titles) + 2
    for sheet in sheets:
        title = sheet["A1"].value
        assert isinstance(title, str), f"{sheet.title}: no title row"
        assert "任务落实台账" in title and title.endswith(f"（截至{_written(as_of)}）"), title
        assert sheet["A1"].font.b and sheet["A1"].font.sz > FONT_SIZE
        assert sheet.freeze_panes == "A3"  # the title and the header stay in view
        assert sheet.print_title_rows == "$2:$2"  # the header repeats on every printed page
        assert sheet["A2"].value in ("序号", "单位")
    for sheet, title in zip(sheets, titles, strict=False):
        assert sheet["A1"].value.startswith(f"《{title}》")
    assert "逾期未完成事项" in sheets[-2]["A1"].value and "单位汇总" in sheets[-1]["A1"].value


def _widths(sheet) -> dict[str, float]:
    """Each column's width by letter (XlsxWriter writes neighbours of one width as one range)."""
    widths = {}
    for dim in sheet.column_dimensions.values():
        for index in range(dim.min, dim.max + 1):
            widths[openpyxl.utils.get_column_letter(index)] = dim.width
    return widths


def _task_cells(wb) -> list[str]:
    cells = []
    for sheet in wb.worksheets[:-1]:
        header = [c.value for c in sheet[2]]
        column = header.index("任务")
        cells += [r[column] for r in sheet.iter_rows(min_row=3, values_only=True)]
    return cells


def test_the_task_column_says_deadlines_and_periods_in_words(book):
    name, _, wb = book
    model = load_project(DATA_SETS[name]).model
    due_ids = {d.id for t in model.tasks.values() for d in t.due}
    cells = _task_cells(wb)
    assert cells
    for text in cells:
        assert "（main）" not in text and not PERIOD_KEY.search(text), text
        extra = re.findall(r"（([^（）]*)）$", text)
        for part in extra[0].split("，") if extra else []:
            assert part not in due_ids or not part.isascii(), text
    if name != "shipped":
        assert any(re.search(r"[0-9]{4}年第[一二三四]季度）$", t) for t in cells)
    assert any(re.search(r"（[^（）]*[0-9]{4}年）$", t) for t in cells)


def test_a_task_with_one_deadline_shows_no_deadline_label():
    model = load_project(DATA_SETS["office"]).model
    import duban.evaluation.evaluate as ev

    items = ev.evaluate(model, dt.date(2024, 6, 30)).items
    for item in items:
        task = model.tasks[item.task_id]
        text = task_text(task, item)
        if len(task.due) == 1 and not item.key:
            assert text == task.heading
        due = task.due_item(item.due_id)
        if len(task.due) > 1 and due is not None and due.label:
            assert due.label in text


def test_rows_are_as_tall_as_their_wrapped_text(book):
    _, _, wb = book
    for sheet in wb.worksheets:
        widths = _widths(sheet)
        tall = 0
        for row in sheet.iter_rows(min_row=2):
            height = sheet.row_dimensions[row[0].row].height
            assert height is not None, f"{sheet.title} row {row[0].row}: no height"
            for cell in row:
                if not isinstance(cell.value, str):
                    continue
                lines = cell.value.count("\n") + 1
                # a CJK character is two narrow ones: more than the width means a second line
                units = sum(2 if ord(ch) > 0x2E80 else 1 for ch in cell.value)
                if units > 1.2 * widths[cell.column_letter]:
                    lines = max(lines, 2)
                assert height >= lines * LINE_HEIGHT, (sheet.title, cell.coordinate, cell.value)
                tall += lines > 1
        if sheet.max_row > 10 and sheet.title != "单位汇总":
            assert tall, f"{sheet.title}: no wrapped row at all?"


def test_every_printed_page_has_the_date_and_page_numbers(book):
    _, as_of, wb = book
    for sheet in wb.worksheets:
        assert "任务落实台账" in sheet.oddHeader.left.text
        assert sheet.oddHeader.right.text == f"截至{_written(as_of)}"
        footer = sheet.oddFooter.center.text
        assert "&P" in footer and "&N" in footer


def test_printed_text_stays_9_pt_or_more(book):
    _, _, wb = book
    for sheet in wb.worksheets:
        setup = sheet.page_setup
        assert setup.orientation == "landscape" and int(setup.paperSize) == 9
        if sheet.sheet_properties.pageSetUpPr.fitToPage:
            # one page wide, as many tall as it takes: only when that is 75% or more
            assert setup.fitToHeight == 0 and setup.fitToWidth in (None, 1)
            widths = _widths(sheet)
            assert len(widths) == sheet.max_column
            # the file holds a width with its padding (XlsxWriter adds 5 pixels: 0.71 of a digit)
            columns = [Column("", w - 5 / 7) for w in widths.values()]
            assert fit_scale(columns) >= MIN_PRINT_SCALE
        else:
            assert setup.scale is not None and setup.scale >= MIN_PRINT_SCALE
    assert FONT_SIZE * MIN_PRINT_SCALE / 100 >= 9


def test_the_ledgers_columns_fit_one_page_width_at_75_percent():
    sheets = [SUMMARY_COLUMNS]
    for cooperate in (True, False):
        for leaders in (True, False):  # 牵头领导 takes its width from 任务 and 工作进展
            sheets.append(sheet_columns(cooperate, leaders))
            sheets.append(sheet_columns(cooperate, leaders, OVERDUE_EXTRA))
    assert len({c.title for c in sheet_columns(True, True)}) == len(BASE_COLUMNS)
    for columns in sheets:
        assert fit_scale(columns) >= MIN_PRINT_SCALE, [c.title for c in columns]


def test_the_task_table_download_fits_one_page_width_at_75_percent():
    from duban.site.downloads import TASK_TABLE_WIDTHS

    assert fit_scale([Column("", w) for w in TASK_TABLE_WIDTHS]) >= MIN_PRINT_SCALE


def test_a_table_too_wide_prints_at_75_percent_across_pages():
    columns = [Column("序号", 6), Column("任务", 40), *(Column(f"列{n}", 30) for n in range(8))]
    assert fit_scale(columns) < MIN_PRINT_SCALE
    data = workbook(columns, [[1, "任务", *("x" * 8)]], title="宽表")
    sheet = openpyxl.load_workbook(io.BytesIO(data)).active
    assert sheet.page_setup.scale == MIN_PRINT_SCALE
    assert not sheet.sheet_properties.pageSetUpPr.fitToPage
    assert sheet.page_setup.pageOrder == "overThenDown"
    assert sheet.print_title_cols == "$A:$B" and sheet.print_title_rows == "$1:$1"
    assert sheet.oddHeader.left.text == "宽表" and "&P" in sheet.oddFooter.center.text


def test_line_estimate_counts_chinese_double():
    assert text_lines("", 10) == 1
    assert text_lines("abcdefghij", 10) == 1
    assert text_lines("abcdefghijk", 10) == 2
    assert text_lines("一二三四五", 10) == 1
    assert text_lines("一二三四五六", 10) == 2
    assert text_lines("一\n二\n三", 10) == 3


def test_a_page_header_keeps_ampersands_and_excels_limit():
    assert page_text("A&B", "截至") == "&LA&&B&R截至"
    long = page_text("标&" * 300, "截至2011年3月31日")
    assert len(long.encode("utf-16-le")) // 2 <= 255
    assert long.endswith("&R截至2011年3月31日") and "&&&R" not in long.replace("&&", "")


def test_the_csv_has_one_header_row_and_no_title(tmp_path):
    out = tmp_path / "l.csv"
    data = str(DATA_SETS["office"])
    assert main(["export", "csv", "--data", data, "--as-of", "2024-06-30", "-o", str(out)]) == 0
    table = list(csv.reader(io.StringIO(out.read_text(encoding="utf-8-sig"))))
    assert table[0][:3] == ["方案", "序号", "任务"]
    assert not any("任务落实台账" in cell for row in table for cell in row)
    assert not any("（main）" in row[2] or PERIOD_KEY.search(row[2]) for row in table[1:])
