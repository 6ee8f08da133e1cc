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
from collections.abc import Sequence
from dataclasses import dataclass

from duban.evaluation.check_report import CheckReport, UnitSummary
from duban.evaluation.evaluate import Evaluation, ItemState, State
from duban.i18n.locale import office_words
from duban.model.model import Model
from duban.model.plan import Task
from duban.model.status import StatusEntry
from duban.outputs.spreadsheet import (
    Cell,
    Column,
    csv_text,
    new_workbook,
    sheet_name,
    table_styles,
    text_cell,
    write_table,
)


def state_text(item: ItemState) -> str:
    """The 状态 cell: the state, and 未报送 where nothing was recorded (不适用 aside)."""
    words = office_words()
    word = words.state_long[item.state.value]
    if not item.reported and item.state is not State.NOT_APPLICABLE:
        return f"{word}（{words.not_reported}）"
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
    text = task.heading
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
        entry.last_reported(as_of) if entry is not None else None,
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
    header: list[Cell] = ["方案", *(c.title for c in BASE_COLUMNS)]
    rows: list[list[Cell]] = [header]
    for _, name, columns, plan_rows in book.plans:
        titles = [c.title for c in columns]
        for row in plan_rows:
            cells = dict(zip(titles, row, strict=True))
            rows.append([name, *(_csv_value(cells.get(c.title)) for c in BASE_COLUMNS)])
    return csv_text(rows)


def _csv_value(value: Cell) -> Cell:
    """The XLSX's text of a cell (csv_text writes dates as YYYY-MM-DD)."""
    return text_cell(value) if isinstance(value, str) else value


# -- XLSX ----------------------------------------------------------------------------------------
def ledger_xlsx(book: Ledger, title: str = "任务落实台账") -> bytes:
    buffer = io.BytesIO()
    workbook = new_workbook(buffer, title, dt.datetime.combine(book.as_of, dt.time()))
    styles = table_styles(workbook, bordered=True)
    taken: set[str] = set()
    for _, name, columns, rows in book.plans:
        write_table(workbook, sheet_name(name, taken), columns, rows, styles)
    overdue = sheet_name("逾期未完成", taken)
    write_table(workbook, overdue, book.overdue_columns, book.overdue, styles)
    write_table(workbook, sheet_name("单位汇总", taken), SUMMARY_COLUMNS, book.units, styles)
    workbook.close()
    return buffer.getvalue()
