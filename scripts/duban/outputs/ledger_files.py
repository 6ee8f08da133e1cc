"""The 台账's files: the workbook (``ledger_xlsx``, a sheet per plan, the overdue sheet, the
units' summary, each under its title row) and the CSV of the plan sheets (``ledger_csv``), from
the rows :func:`.ledger.ledger` gives. Builds bytes and strings; writes nothing."""

from __future__ import annotations

import datetime as dt
import io

from duban.i18n.locale import office_words
from duban.outputs.ledger import BASE_COLUMNS, LEADERS, SUMMARY_COLUMNS, Ledger
from duban.outputs.row_store import RowStore
from duban.outputs.spreadsheet import (
    Cell,
    Heading,
    csv_text,
    new_workbook,
    sheet_name,
    table_styles,
    text_cell,
    write_table,
)


# -- CSV -----------------------------------------------------------------------------------------
def ledger_csv(book: Ledger) -> str:
    """The rows of every plan sheet, the plan named first; the same header for every plan
    (牵头领导 only when some plan names a leader)."""
    with_leaders = any(c.title == LEADERS for plan in book.plans for c in plan.columns)
    columns = [c for c in BASE_COLUMNS if with_leaders or c.title != LEADERS]
    header: list[Cell] = ["方案", *(c.title for c in columns)]
    rows: list[list[Cell]] = [header]
    for plan in book.plans:
        titles = [c.title for c in plan.columns]
        for row in plan.rows:
            if isinstance(row, int):
                raise ValueError("a 台账 made of kept pieces has no CSV")
            cells = dict(zip(titles, row, strict=True))
            rows.append([plan.name, *(_csv_value(cells.get(c.title)) for c in columns)])
    return csv_text(rows)


def _csv_value(value: Cell) -> Cell:
    """The XLSX's text of a cell (csv_text writes dates as YYYY-MM-DD)."""
    return text_cell(value) if isinstance(value, str) else value


# -- XLSX ----------------------------------------------------------------------------------------
LEDGER = "任务落实台账"
PAGE_NUMBERS = "第 &P 页，共 &N 页"


def sheet_titles(book: Ledger) -> list[str]:
    """Every sheet's title row, in the order of the sheets: each plan's
    《方案》任务落实台账（截至2011年3月31日）, then the overdue items' and the units' (named by
    the plan when there is one plan)."""
    as_of = f"（截至{office_words().date(book.as_of)}）"
    whose = f"《{book.plans[0].title}》" if len(book.plans) == 1 else ""
    return [
        *(f"《{plan.title}》{LEDGER}{as_of}" for plan in book.plans),
        f"{whose}{LEDGER}：逾期未完成事项{as_of}",
        f"{whose}{LEDGER}：单位汇总{as_of}",
    ]


def ledger_xlsx(book: Ledger, title: str = LEDGER) -> bytes:
    return ledger_xlsx_pieces(book, title)[0]


def ledger_xlsx_pieces(
    book: Ledger, title: str = LEDGER, store: RowStore | None = None
) -> tuple[bytes, list[list[int]]]:
    """The workbook, and (h24q) the plan sheets' and the overdue sheet's rows by their numbers
    in ``store`` (h24af: where the book's kept rows are; the rows made are put there too)."""
    store = store if store is not None else RowStore()
    buffer = io.BytesIO()
    workbook = new_workbook(buffer, title, dt.datetime.combine(book.as_of, dt.time()))
    styles = table_styles(workbook, bordered=True)
    as_of = f"截至{office_words().date(book.as_of)}"
    titles = iter(sheet_titles(book))
    taken: set[str] = set()

    def heading(page_left: str) -> Heading:
        return Heading(next(titles), page_left, as_of, PAGE_NUMBERS)

    pieces = []
    for plan in book.plans:
        name = sheet_name(plan.name, taken)
        top = heading(f"{plan.name}{LEDGER}")
        pieces.append(
            write_table(workbook, name, plan.columns, plan.rows, styles, top, True, store)
        )
    overdue = sheet_name("逾期未完成", taken)
    late = heading(f"{LEDGER}：逾期未完成事项")
    columns = book.overdue_columns
    pieces.append(write_table(workbook, overdue, columns, book.overdue, styles, late, True, store))
    units = heading(f"{LEDGER}：单位汇总")
    write_table(workbook, sheet_name("单位汇总", taken), SUMMARY_COLUMNS, book.units, styles, units)
    workbook.close()
    return buffer.getvalue(), pieces
