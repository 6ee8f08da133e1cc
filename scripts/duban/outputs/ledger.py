"""The 任务落实台账 (ledger): one row per occurrence of every obligation, as the supervising office
keeps it in Excel, built from the same :class:`~duban.evaluation.check_report.CheckReport` as
``duban check``.

``ledger_rows`` gives the rows (one table per plan, the overdue rows, a per-unit summary);
``ledger_xlsx`` writes them as a workbook with XlsxWriter (a sheet per plan, an overdue sheet, a
per-unit summary; frozen header, filters, widths, dates as dates, text always as text, the same
bytes for the same data); ``ledger_csv`` the rows of every plan sheet, with the plan named in a
first column. Builds bytes and strings; writes nothing.
"""

from __future__ import annotations

import datetime as dt
import io
import re
from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from duban.evaluation.check_report import CheckReport, UnitSummary
from duban.evaluation.evaluate import Evaluation, ItemState, State
from duban.model.model import Model
from duban.model.plan import Task
from duban.model.status import StatusEntry
from duban.outputs.spreadsheet import clean, new_workbook

if TYPE_CHECKING:
    import xlsxwriter
    from xlsxwriter.format import Format

Cell = str | int | float | dt.date | None

STATE_WORDS = {
    State.NOT_DUE: "未到期",
    State.DUE_SOON: "临期",
    State.OVERDUE: "逾期未完成",
    State.DONE_ON_TIME: "按期完成",
    State.DONE_LATE: "逾期完成",
    State.MISSED: "未达到要求",
    State.ONGOING: "长期坚持",
    State.NOT_APPLICABLE: "不适用",
}
NOT_REPORTED = "未报送"


def state_text(item: ItemState) -> str:
    """The 状态 cell: the state, and 未报送 where nothing was recorded (不适用 aside)."""
    word = STATE_WORDS[item.state]
    if not item.reported and item.state is not State.NOT_APPLICABLE:
        return f"{word}（{NOT_REPORTED}）"
    return word


def progress_text(entry: StatusEntry | None) -> str:
    """工作进展: the summary, the progress percentage and the latest dated update."""
    if entry is None:
        return ""
    parts = []
    if entry.summary:
        parts.append(entry.summary)
    if entry.updates:
        last = entry.updates[-1]
        parts.append(f"{last.date.isoformat()}：{last.text}")
    if entry.progress is not None:
        parts.append(f"进度 {entry.progress}%")
    return "\n".join(parts)


def last_update(entry: StatusEntry | None, as_of: dt.date) -> dt.date | None:
    """最后更新: the latest date the entry records, known on ``as_of``."""
    if entry is None:
        return None
    dates = [d for d in (entry.started, entry.done) if d is not None]
    dates += [u.date for u in entry.updates]
    dates += [i.date for i in entry.instances]
    known = [d for d in dates if d <= as_of]
    return max(known) if known else None


@dataclass(frozen=True)
class Column:
    title: str
    width: float
    kind: str = "text"  # text, date, number


BASE_COLUMNS = (
    Column("序号", 6, "number"),
    Column("任务", 40),
    Column("牵头单位", 16),
    Column("责任单位", 16),
    Column("配合单位", 16),
    Column("完成时限", 12, "date"),
    Column("工作进展", 36),
    Column("存在问题", 24),
    Column("下步计划", 24),
    Column("状态", 14),
    Column("最后更新", 12, "date"),
)
OVERDUE_EXTRA = (Column("逾期天数", 9, "number"), Column("督办阶段", 16))
SUMMARY_COLUMNS = (
    Column("单位", 22),
    Column("事项", 8, "number"),
    Column("已报送", 8, "number"),
    Column("未报送", 8, "number"),
    Column("按期完成", 9, "number"),
    Column("逾期完成", 9, "number"),
    Column("逾期未完成", 10, "number"),
    Column("其中未报送", 10, "number"),
    Column("临期", 8, "number"),
    Column("最长逾期天数", 12, "number"),
    Column("最高督办阶段", 20),
)


def _task_text(task: Task, item: ItemState) -> str:
    text = f"{task.label}{task.title}"
    due = task.due_item(item.due_id)
    extra = []
    if len(task.due) > 1 and due is not None:
        extra.append(due.label or due.id)
    if item.key:
        extra.append(item.key)
    return text + (f"（{' '.join(extra)}）" if extra else "")


def _names(model: Model, task: Task, role: str) -> str:
    assignment = task.roles.get(role)
    return "、".join(assignment.as_written) if assignment is not None else ""


def _holder_names(model: Model, item: ItemState) -> str:
    names = []
    for holder_id in item.holders:
        holder = model.entity(holder_id)
        names.append(holder.name if holder is not None else holder_id)
    return "、".join(names)


def item_row(model: Model, item: ItemState, number: int, as_of: dt.date) -> list[Cell]:
    task = model.tasks[item.task_id]
    entry = item.entry
    return [
        number,
        _task_text(task, item),
        _names(model, task, "lead"),
        _holder_names(model, item),
        _names(model, task, "cooperate"),
        item.due,
        progress_text(entry),
        (entry.problems or "") if entry is not None else "",
        (entry.next_steps or "") if entry is not None else "",
        state_text(item),
        last_update(entry, as_of),
    ]


@dataclass(frozen=True)
class Ledger:
    as_of: dt.date
    plans: tuple[tuple[str, str, tuple[Column, ...], list[list[Cell]]], ...]
    """(plan id, plan name, columns, rows) per plan, newest plan first."""
    overdue_columns: tuple[Column, ...]
    overdue: list[list[Cell]]
    units: list[list[Cell]]


def _columns(with_cooperate: bool, extra: Sequence[Column] = ()) -> tuple[Column, ...]:
    return tuple(c for c in BASE_COLUMNS if with_cooperate or c.title != "配合单位") + tuple(extra)


def _drop_cooperate(row: list[Cell], with_cooperate: bool) -> list[Cell]:
    return row if with_cooperate else row[:4] + row[5:]


def _has_cooperate(model: Model, prefix: str) -> bool:
    """Whether any task (of the plan ``prefix`` names) has cooperating units: the 配合单位
    column appears only then."""
    return any(
        (a := t.roles.get("cooperate")) is not None and a.as_written
        for k, t in model.tasks.items()
        if k.startswith(prefix)
    )


def _unit_rows(model: Model, evaluation: Evaluation, summaries: list[UnitSummary]) -> list:
    by_id = {u.holder.id: u for u in summaries}
    per: dict[str, list[ItemState]] = {}
    for item in evaluation.items:
        if item.state is not State.NOT_APPLICABLE:
            per.setdefault(item.holder_id, []).append(item)
    rows = []
    for holder_id, holder in {**model.holders, **model.groups}.items():
        items = per.get(holder_id)
        if not items:
            continue
        found = by_id.get(holder_id)
        reported = sum(1 for i in items if i.reported)
        rows.append(
            [
                holder.name,
                len(items),
                reported,
                len(items) - reported,
                sum(1 for i in items if i.state is State.DONE_ON_TIME),
                sum(1 for i in items if i.state is State.DONE_LATE),
                found.overdue if found else 0,
                found.overdue_not_reported if found else 0,
                found.due_soon if found else 0,
                found.longest_days_late if found else None,
                (found.highest_stage or "") if found else "",
            ]
        )
    return rows


def ledger(model: Model, evaluation: Evaluation, report: CheckReport) -> Ledger:
    """Every occurrence by plan; the overdue ones exactly as the check report lists them."""
    as_of = evaluation.as_of
    order = {h: n for n, h in enumerate({**model.holders, **model.groups})}
    order.update({i.holder_id: len(order) for i in evaluation.items if i.holder_id not in order})
    plans = []
    for plan in model.plans_in_order():
        prefix = f"{plan.id}/"
        items = sorted(
            (i for i in evaluation.items if i.task_id.startswith(prefix)),
            key=lambda i: (
                model.tasks[i.task_id].order,
                i.due,
                i.due_id,
                i.key,
                order[i.holder_id],
            ),
        )
        with_cooperate = _has_cooperate(model, prefix)
        rows = [
            _drop_cooperate(item_row(model, item, n, as_of), with_cooperate)
            for n, item in enumerate(items, 1)
        ]
        plans.append((plan.id, plan.display_name, _columns(with_cooperate), rows))
    any_cooperate = _has_cooperate(model, "")
    overdue = []
    n = 0
    for _, checked in report.units:
        for ci in checked:
            if ci.item.state is not State.OVERDUE:
                continue
            n += 1
            row = _drop_cooperate(item_row(model, ci.item, n, as_of), any_cooperate)
            stage = ci.escalation.stage_name if ci.escalation is not None else ""
            overdue.append([*row, ci.item.days_late, stage])
    summaries = report.unit_summaries()
    return Ledger(
        as_of,
        tuple(plans),
        _columns(any_cooperate, OVERDUE_EXTRA),
        overdue,
        _unit_rows(model, evaluation, summaries),
    )


# -- CSV -----------------------------------------------------------------------------------------
def ledger_csv(book: Ledger) -> str:
    """The rows of every plan sheet, the plan named first; the same header for every plan."""
    from duban.site.downloads import to_csv

    header: list[str | int | float | None] = ["方案", *(c.title for c in BASE_COLUMNS)]
    rows: list[list[str | int | float | None]] = [header]
    for _, name, columns, plan_rows in book.plans:
        titles = [c.title for c in columns]
        for row in plan_rows:
            cells = dict(zip(titles, row, strict=True))
            rows.append([name, *(_csv_value(cells.get(c.title)) for c in BASE_COLUMNS)])
    return to_csv(rows)


def _csv_value(value: Cell) -> str | int | float | None:
    if isinstance(value, dt.date):
        return value.isoformat()
    return _clean(value) if isinstance(value, str) else value


# -- XLSX ----------------------------------------------------------------------------------------
_SHEET_ILLEGAL = re.compile(r"[\[\]:*?/\\]")


def sheet_name(name: str, taken: set[str]) -> str:
    """Excel's rules: at most 31 characters, none of []:*?/\\, unique (case-insensitive)."""
    base = _SHEET_ILLEGAL.sub("_", name).strip("'") or "Sheet"
    candidate, n = base[:31], 1
    while candidate.lower() in taken:
        n += 1
        suffix = f"({n})"
        candidate = base[: 31 - len(suffix)] + suffix
    taken.add(candidate.lower())
    return candidate


def ledger_xlsx(book: Ledger, title: str = "任务落实台账") -> bytes:
    buffer = io.BytesIO()
    workbook = new_workbook(buffer, title, dt.datetime.combine(book.as_of, dt.time()))
    styles = {
        "header": workbook.add_format(
            {"bold": True, "bg_color": "#E8ECF2", "border": 1, "text_wrap": True, "valign": "top"}
        ),
        "text": workbook.add_format({"text_wrap": True, "valign": "top", "border": 1}),
        "date": workbook.add_format({"num_format": "yyyy-mm-dd", "valign": "top", "border": 1}),
        "number": workbook.add_format({"valign": "top", "border": 1}),
        "title": workbook.add_format({"bold": True, "font_size": 14}),
    }
    taken: set[str] = set()
    for _, name, columns, rows in book.plans:
        _sheet(workbook, sheet_name(name, taken), columns, rows, styles)
    _sheet(workbook, sheet_name("逾期未完成", taken), book.overdue_columns, book.overdue, styles)
    _sheet(workbook, sheet_name("单位汇总", taken), SUMMARY_COLUMNS, book.units, styles)
    workbook.close()
    return buffer.getvalue()


def _sheet(
    workbook: xlsxwriter.Workbook,
    name: str,
    columns: Sequence[Column],
    rows: list[list[Cell]],
    styles: dict[str, Format],
) -> None:
    sheet = workbook.add_worksheet(name)
    for index, column in enumerate(columns):
        sheet.set_column(index, index, column.width)
        sheet.write_string(0, index, column.title, styles["header"])
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
                text(r, c, _clean(str(value)), text_style)
    sheet.freeze_panes(1, 0)
    sheet.autofilter(0, 0, max(len(rows), 1), len(columns) - 1)
    sheet.set_landscape()
    sheet.set_paper(9)  # A4
    sheet.repeat_rows(0)
    sheet.fit_to_pages(1, 0)


def _clean(text: str) -> str:
    """XML cannot hold most control characters; a carriage return reads back as a line feed."""
    if "\r" in text:
        text = text.replace("\r\n", "\n").replace("\r", "\n")
    return clean(text)[:32767]
