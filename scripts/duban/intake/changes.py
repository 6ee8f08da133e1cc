"""Planning and applying a unit's rows to its status file, ``data/status/<unit>.yaml``.

Rules, so that nothing already recorded is lost and a second import of the same sheet changes
nothing: an empty cell never removes a value; a cell equal to the recorded value is no change; a
link already in the entry's evidence is not added again. A row that cannot be understood is
refused with its row number and the reason, and then no row is applied. ``duban record`` builds
one such row from its options (or an issue form) and goes through the same steps.

The file is edited as text (:mod:`duban.intake.status_text`): its comments and layout stay.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from duban.i18n.messages import REPORTED_STATE_NAMES, say
from duban.intake.rows import (
    TEXT_FIELDS,
    Row,
    RowProblem,
    parse_day,
    parse_links,
    parse_progress,
    parse_state,
    read_cell,
)
from duban.intake.status_text import CannotEdit, StatusText
from duban.intake.targets import ReportTarget, Targets, find_target, report_targets
from duban.load.strict_yaml import load_document
from duban.model.model import Model
from duban.model.problems import printable
from duban.model.status import earliest_report, latest_report


@dataclass
class Change:
    row: int
    target: ReportTarget
    position: int | None
    """Index of the entry in ``obligations``; None: a new entry."""
    values: dict[str, Any]
    evidence: list[dict[str, str]]
    words: list[str]


def plan_change(
    model: Model,
    unit_id: str,
    row: Row,
    positions: dict[tuple[str, str, str], int],
    targets: Targets,
    as_of: dt.date,
) -> Change | None:
    """What a row changes, or None when it changes nothing. Raises RowProblem.

    ``targets``: what the unit reports on (:func:`~duban.intake.targets.report_targets`) on
    ``as_of``, the day of the report (a completion date may not lie more than a week after it)."""
    cells = row.cells
    if "unit" in cells and read_cell(cells["unit"]) != unit_id:
        raise RowProblem(
            say(
                f"unit {read_cell(cells['unit'])!r} is not {unit_id!r}: one unit per file",
                f"单位标识“{read_cell(cells['unit'])}”与 {unit_id} 不符：一个文件只填一个单位",
            )
        )
    target = find_target(model, unit_id, targets, cells)
    entry = model.status_of(unit_id, target.task.id, target.due_id, target.period)
    current: dict[str, Any] = {}
    if entry is not None:
        current = {
            "state": entry.state,
            "done": entry.done,
            "progress": entry.progress,
            **{key: getattr(entry, key) for key in TEXT_FIELDS},
        }
    wanted: dict[str, Any] = {}
    if "state" in cells:
        wanted["state"] = parse_state(cells["state"])
    if "done" in cells:
        wanted["done"] = plausible_day(parse_day(cells["done"]), model, target, as_of)
    if "progress" in cells:
        wanted["progress"] = parse_progress(cells["progress"])
    for key in TEXT_FIELDS:
        if key in cells:
            wanted[key] = read_cell(cells[key])
    values = {k: v for k, v in wanted.items() if current.get(k) != v}
    known = {e.url for e in entry.evidence} if entry else set()
    links = (
        [u for u in parse_links(cells["evidence"]) if u not in known] if "evidence" in cells else []
    )
    state = values.get("state", current.get("state"))
    if state is None:
        raise RowProblem(say("state is empty: choose one", "状态未填写：请从下拉列表选择"))
    done = values.get("done", current.get("done"))
    if state == "done" and done is None:
        raise RowProblem(say("state 已完成 needs 完成日期", "状态为已完成时须填写完成日期"))
    if state != "done" and "done" in values:
        raise RowProblem(say("完成日期 is only for state 已完成", "填写了完成日期，状态须为已完成"))
    if state == "not-applicable" and not values.get("reason", current.get("reason")):
        raise RowProblem(say("state 不适用 needs 不适用理由", "状态为不适用时须填写不适用理由"))
    if not values and not links:
        return None
    if entry is not None and state != "done" and current.get("done") is not None:
        raise RowProblem(
            say(
                "the entry has a done date: state must stay 已完成 (edit the file to undo it)",
                "该项已填完成日期，状态须为已完成（如需撤销请直接修改文件）",
            )
        )
    ref = (target.task.id, target.due_id, target.period)
    position = positions.get(ref) if entry is not None else None
    evidence = [
        {"title": f"佐证材料 {link.rsplit('/', 1)[-1][:40]}", "url": link} for link in links
    ]
    words = [_word(k, current.get(k), v) for k, v in values.items()]
    words += [say(f"evidence + {link}", f"佐证材料 + {link}") for link in links]
    return Change(row.number, target, position, values, evidence, words)


def plausible_day(day: dt.date, model: Model, target: ReportTarget, as_of: dt.date) -> dt.date:
    """``day`` if a unit can have done the work then: not more than a year before the plan was
    signed, not more than a week after ``as_of`` (:func:`~duban.model.status.earliest_report`).
    Raises RowProblem."""
    signed = model.plans[target.task.plan_id].signed
    earliest, latest = earliest_report(signed), latest_report(as_of)
    if day < earliest:
        raise RowProblem(
            say(
                f"完成日期 {day.isoformat()} is before {earliest.isoformat()}, a year before the "
                f"plan was signed ({signed.isoformat()}): write the day the work was done, "
                f"such as {as_of.isoformat()}",
                f"完成日期 {day.isoformat()} 早于 {earliest.isoformat()}（方案 {signed.isoformat()} "
                f"印发前一年），不可能是本方案任务的完成日期：请填写工作实际完成的日期，"
                f"如 {as_of.isoformat()}",
            )
        )
    if day > latest:
        raise RowProblem(
            say(
                f"完成日期 {day.isoformat()} is after {latest.isoformat()}, a week after the day "
                f"of this report ({as_of.isoformat()}): write the day the work was done; work "
                f"not yet done is 推进中",
                f"完成日期 {day.isoformat()} 晚于 {latest.isoformat()}（填报当日 {as_of.isoformat()} "
                f"之后一周），尚未到来：请填写工作实际完成的日期；尚未完成的，状态请选推进中",
            )
        )
    return day


_NAMES = {
    "state": "状态",
    "done": "完成日期",
    "progress": "进度",
    "summary": "工作进展",
    "problems": "存在问题",
    "next_steps": "下步计划",
    "reason": "不适用理由",
}


def _word(key: str, old: Any, new: Any) -> str:
    def show(value: Any) -> str:
        if value is None:
            return say("(empty)", "（空）")
        if key == "state":
            return say(value, REPORTED_STATE_NAMES.get(value, value))
        text = value.isoformat() if isinstance(value, dt.date) else str(value)
        return text if len(text) <= 30 else text[:29] + "…"

    return f"{say(key, _NAMES[key])}: {show(old)} → {show(new)}"


def entry_positions(model: Model, unit_id: str, document: Any) -> dict[tuple[str, str, str], int]:
    """(task id, due id, period) -> index of the entry in ``obligations`` that records it."""
    by_line = {
        document.positions[("obligations", i)][0]: i
        for i in range(len(document.data["obligations"]))
        if ("obligations", i) in document.positions
    }
    return {
        (entry.task_id, entry.due_id, entry.period): by_line[entry.source.line]
        for key, entry in model.status.items()
        if key.holder_id == unit_id and entry.source.line in by_line
    }


def new_entry(model: Model, change: Change) -> dict[str, Any]:
    task = change.target.task
    top, _, item = task.local_id.partition("/")
    entry: dict[str, Any] = {}
    if len(model.plans) > 1:
        entry["plan"] = task.plan_id
    entry["task"] = top
    if item:
        entry["item"] = item
    if change.target.several_dues:
        entry["due"] = change.target.due_id
    if change.target.period:
        entry["period"] = change.target.period
    entry.update(change.values)
    if change.evidence:
        entry["evidence"] = change.evidence
    return entry


def apply_changes(
    model: Model, unit_id: str, path: Path, rows: Iterable[Row], as_of: dt.date
) -> tuple[str | None, list[Change], list[str]]:
    """The new text of the unit's status file, the changes, and the refused rows' reasons.

    A row may name any occurrence the unit answers for on ``as_of`` (the command line: today),
    follow-up deadlines set by then included. The text is None when nothing changes or any row
    is refused."""
    document, problems = load_document(path)
    if document is None:
        return None, [], [str(p) for p in problems]
    original = path.read_bytes().decode("utf-8")  # as it is: BOM and line endings kept
    positions = entry_positions(model, unit_id, document)
    targets = report_targets(model, unit_id, as_of)
    changes: list[Change] = []
    refused: list[str] = []
    seen: dict[tuple[str, str, str], int] = {}
    for row in rows:
        try:
            change = plan_change(model, unit_id, row, positions, targets, as_of)
        except RowProblem as problem:
            where = say(f"row {row.number}: ", f"第 {row.number} 行：") if row.number else ""
            refused.append(f"{where}{problem}")
            continue
        if change is None:
            continue
        key = (change.target.task.id, change.target.due_id, change.target.period)
        if key in seen:
            refused.append(
                say(
                    f"row {row.number}: the same obligation as row {seen[key]}",
                    f"第 {row.number} 行：与第 {seen[key]} 行是同一项任务",
                )
            )
            continue
        seen[key] = row.number
        changes.append(change)
    if refused or not changes:
        return None, changes, refused
    edited = StatusText(original, document)
    for change in changes:
        try:
            if change.position is None:
                edited.append(new_entry(model, change))
            else:
                edited.update(change.position, change.values, change.evidence)
        except CannotEdit:
            refused.append(
                say(
                    f"row {change.row}: the entry is written in flow style ({{…}}): edit the file by hand",
                    f"第 {change.row} 行：文件中该项用了花括号写法，请直接修改文件",
                )
            )
    if refused:
        return None, changes, refused
    return edited.text(), changes, []


def describe(change: Change) -> str:
    """One line for the terminal: cell text is escaped (``printable``), never echoed raw."""
    task = change.target.task
    where = (task.label or task.title) + (
        f"（{change.target.period}）" if change.target.period else ""
    )
    if change.target.several_dues:
        where += f"［{change.target.due_id}］"
    new = say(" (new entry)", "（新增）") if change.position is None else ""
    return printable(
        (say(f"row {change.row} ", f"第 {change.row} 行 ") if change.row else "")
        + f"{where}{new}: "
        + _joined(change.words)
    )


def _joined(words: list[str]) -> str:
    """The words of a change joined by ；, a word's own closing 。 or ； not doubled (…印发。；)."""
    return "；".join(
        [word.rstrip("。；;") if i < len(words) - 1 else word for i, word in enumerate(words)]
    )
