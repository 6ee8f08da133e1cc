"""The 任务落实台账 (ledger): one row per occurrence of every obligation, as the supervising office
keeps it in Excel, built from the same :class:`~duban.evaluation.check_report.CheckReport` as
``duban check``.

``ledger`` gives the rows (one table per plan, the overdue rows, a per-unit summary);
:mod:`.ledger_files` writes them: ``ledger_xlsx`` as a workbook with XlsxWriter (a sheet per
plan, an overdue sheet, a per-unit summary). On every sheet a title row says what and when,
《方案》任务落实台账（截至2011年3月31日）, then a frozen header with filters; widths, dates as
dates, text always as text, rows as tall as their text; printed with the title and the date on
top of every page and the page numbers under it; the same bytes for the same data.
``ledger_csv`` gives the rows of every plan sheet, with the plan named in a first column, and no
title row. Builds bytes and strings; writes nothing.

The 任务 column names the task as the office does (（三）加强培训); when the task has several
deadlines, the deadline's label, and for a recurring one the period in words (2024年第一季度):
never a deadline's id, never a period's key.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace
from typing import Any

from duban.evaluation.check_report import CheckReport, UnitSummary
from duban.evaluation.evaluate import Evaluation, ItemState, State
from duban.i18n.locale import office_words
from duban.i18n.periods import period_words
from duban.model.model import Model
from duban.model.plan import Task
from duban.model.status import StatusEntry
from duban.outputs.spreadsheet import (
    Cell,
    Column,
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


# The widths fit every sheet, the overdue one with its two more columns too, to an A4 landscape
# page's width at 75% or more: 9 pt on paper (``spreadsheet.fit_scale``; tested).
BASE_COLUMNS = (
    Column("序号", 5, "number"),
    Column("任务", 31),
    Column("牵头单位", 13),
    Column("牵头领导", 9),
    Column("责任单位", 13),
    Column("配合单位", 11),
    Column("完成时限", 12, "date"),
    Column("工作进展", 28),
    Column("存在问题", 18),
    Column("下步计划", 18),
    Column("状态", 12),
    Column("最后更新", 12, "date"),
)
LEADERS = "牵头领导"
"""The leaders the plan names (people, not units): a column only where a task names one, its
width taken from 任务 and 工作进展 so the sheet still fits the page at 75%."""
NARROWER_WITH_LEADERS = {"任务": 26, "工作进展": 24}
OVERDUE_EXTRA = (Column("逾期天数", 7, "number"), Column("督办阶段", 12))
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


def task_text(task: Task, item: ItemState) -> str:
    """The 任务 cell: the task's heading; which deadline (its label, when the task has several
    and the deadline has one: a deadline's id is duban's, not the office's) and which period,
    in words."""
    due = task.due_item(item.due_id)
    extra = []
    if len(task.due) > 1 and due is not None and due.label:
        extra.append(due.label)
    if item.key:
        extra.append(period_words(item.key))
    return task.heading + (f"（{'，'.join(extra)}）" if extra else "")


def _names(model: Model, task: Task, role: str) -> str:
    assignment = task.roles.get(role)
    return "、".join(assignment.as_written) if assignment is not None else ""


def _holder_names(model: Model, item: ItemState) -> str:
    names = []
    for holder_id in item.holders:
        holder = model.entity(holder_id)
        names.append(holder.name if holder is not None else holder_id)
    return "、".join(names)


def item_row(
    model: Model,
    item: ItemState,
    number: int,
    as_of: dt.date,
    seen: dict[object, str] | None = None,
) -> list[Cell]:
    """``seen`` (h24o): the texts of tasks and holders worked out for earlier rows."""
    task = model.tasks[item.task_id]
    entry = item.entry
    if seen is None:
        seen = {}
    occurrence = ("task", item.task_id, item.due_id, item.key)
    what = seen.get(occurrence)
    if what is None:
        what = seen[occurrence] = task_text(task, item)
    holders = ("holders", item.holders)
    who = seen.get(holders)
    if who is None:
        who = seen[holders] = _holder_names(model, item)
    lead = seen.get(("lead", task.id))
    if lead is None:
        lead = seen[("lead", task.id)] = _names(model, task, "lead")
        seen[("leaders", task.id)] = "、".join(leader.label for leader in task.leaders)
        seen[("cooperate", task.id)] = _names(model, task, "cooperate")
    return [
        number,
        what,
        lead,
        seen[("leaders", task.id)],
        who,
        seen[("cooperate", task.id)],
        item.due if item.state is not State.WAITING else "",  # no date until its event
        progress_text(entry),
        (entry.problems or "") if entry is not None else "",
        (entry.next_steps or "") if entry is not None else "",
        state_text(item),
        entry.last_reported(as_of) if entry is not None else None,
    ]


Row = list[Cell] | int
"""A sheet's row: its cells, or (h24q, h24af) the number of the row a build kept of it in the
workbook's :class:`~.row_store.RowStore`."""
Kept = Callable[[str, ItemState], int | None]
"""h24q: the row kept for an occurrence's row on a sheet (a plan's id, or OVERDUE), if any."""
OVERDUE = ""


@dataclass(frozen=True)
class PlanTable:
    """One plan's sheet: the plan's id, its name (the CSV's first column, the sheet's name), its
    full title (the sheet's title row), the columns and the rows."""

    id: str
    name: str
    title: str
    columns: tuple[Column, ...]
    rows: list[Row]
    items: tuple[ItemState, ...] = ()
    """h24q: the occurrence of each row."""


@dataclass(frozen=True)
class Ledger:
    as_of: dt.date
    plans: tuple[PlanTable, ...]
    """Newest plan first."""
    overdue_columns: tuple[Column, ...]
    overdue: list[Row]
    units: list[list[Cell]]
    overdue_items: tuple[ItemState, ...] = ()
    """h24q: the occurrence of each overdue row."""


def sheet_columns(
    with_cooperate: bool, with_leaders: bool, extra: Sequence[Column] = ()
) -> tuple[Column, ...]:
    kept = [c for c in BASE_COLUMNS if _kept(c.title, with_cooperate, with_leaders)]
    if with_leaders:
        kept = [replace(c, width=NARROWER_WITH_LEADERS.get(c.title, c.width)) for c in kept]
    return tuple(kept) + tuple(extra)


def _kept(title: str, with_cooperate: bool, with_leaders: bool) -> bool:
    return (with_cooperate or title != "配合单位") and (with_leaders or title != LEADERS)


def _select(row: list[Cell], with_cooperate: bool, with_leaders: bool) -> list[Cell]:
    """The cells of the columns kept (配合单位 and 牵头领导 only where some task has them)."""
    return [
        cell
        for column, cell in zip(BASE_COLUMNS, row, strict=True)
        if _kept(column.title, with_cooperate, with_leaders)
    ]


def _has_cooperate(model: Model, prefix: str) -> bool:
    """Whether any task (of the plan ``prefix`` names) has cooperating units: the 配合单位
    column appears only then."""
    return any(
        (a := t.roles.get("cooperate")) is not None and a.as_written
        for k, t in model.tasks.items()
        if k.startswith(prefix)
    )


def _has_leaders(model: Model, prefix: str) -> bool:
    """Whether any task (of the plan ``prefix`` names) names a leader (牵头领导 column)."""
    return any(t.leaders for k, t in model.tasks.items() if k.startswith(prefix))


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


def ledger(
    model: Model, evaluation: Evaluation, report: CheckReport, kept: Kept | None = None
) -> Ledger:
    """Every occurrence by plan; the overdue ones exactly as the check report lists them.
    ``kept`` (h24q): a row's piece kept from an earlier build, used instead of its cells."""
    as_of = evaluation.as_of
    order = {h: n for n, h in enumerate({**model.holders, **model.groups})}
    order.update({i.holder_id: len(order) for i in evaluation.items if i.holder_id not in order})
    seen: dict[object, str] = {}  # h24o: texts of tasks and holders, once each
    in_order = model.plans_in_order()
    # h24af: the occurrences sorted once and shared out by plan in one pass (a task's plans
    # found by prefix once a task), not every occurrence tested once a plan
    plans_of = {
        k: [p.id for p in in_order if k.startswith(f"{p.id}/")]
        for k in {i.task_id for i in evaluation.items}
    }
    by_plan: dict[str, list[ItemState]] = {p.id: [] for p in in_order}
    task_order = {k: model.tasks[k].order for k, found in plans_of.items() if found}
    in_plans = [i for i in evaluation.items if plans_of[i.task_id]]

    def key(i: ItemState) -> tuple[Any, ...]:
        return task_order[i.task_id], i.due, i.due_id, i.key, order[i.holder_id]

    for item in sorted(in_plans, key=key):
        for pid in plans_of[item.task_id]:
            by_plan[pid].append(item)
    plans = []
    for plan in in_order:
        prefix = f"{plan.id}/"
        items = by_plan[plan.id]
        columns = _has_cooperate(model, prefix), _has_leaders(model, prefix)
        rows: list[Row] = []
        for n, item in enumerate(items, 1):
            piece = kept(plan.id, item) if kept is not None else None
            if piece is None:
                rows.append(_select(item_row(model, item, n, as_of, seen), *columns))
            else:
                rows.append(piece)
        table = PlanTable(plan.id, plan.display_name, plan.title, sheet_columns(*columns), rows)
        plans.append(replace(table, items=tuple(items)))
    any_kept = _has_cooperate(model, ""), _has_leaders(model, "")
    overdue: list[Row] = []
    late: list[ItemState] = []
    n = 0
    for _, checked in report.units:
        for ci in checked:
            if ci.item.state is not State.OVERDUE:
                continue
            n += 1
            late.append(ci.item)
            piece = kept(OVERDUE, ci.item) if kept is not None else None
            if piece is not None:
                overdue.append(piece)
                continue
            row = _select(item_row(model, ci.item, n, as_of, seen), *any_kept)
            stage = ci.escalation.stage_name if ci.escalation is not None else ""
            overdue.append([*row, ci.item.days_late, stage])
    summaries = report.unit_summaries()
    return Ledger(
        as_of,
        tuple(plans),
        sheet_columns(*any_kept, OVERDUE_EXTRA),
        overdue,
        _unit_rows(model, evaluation, summaries),
        tuple(late),
    )
