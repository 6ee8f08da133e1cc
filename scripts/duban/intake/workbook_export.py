"""A unit's workbook to fill in (WPS, Excel): one row per obligation occurrence it reports on.

The columns that say which obligation a row is (单位标识 … 期次) and what it asks (任务内容,
完成时限) are locked; the clerk fills 状态 (a drop-down), 完成日期 (a date cell), 进度, 工作进展,
佐证材料链接, 存在问题, 下步计划 and 不适用理由, already holding what is recorded. A second sheet,
填写说明, says how. ``duban import`` reads it back (:mod:`duban.intake.workbook_read`).
"""

from __future__ import annotations

import datetime as dt
import io
from typing import Any

from duban.i18n.messages import REPORTED_STATE_NAMES
from duban.intake.rows import COLUMNS, LOCKED, SHEET_TITLE, STATE_LIST
from duban.intake.targets import ReportTarget, report_targets
from duban.model.model import Model
from duban.model.status import StatusEntry
from duban.outputs.spreadsheet import new_workbook, text_cell


def deadline_words(target: ReportTarget) -> str:
    """完成时限 as the clerk reads it: the deadline's words, and the date of this occurrence."""
    due = target.due
    words = due.as_written or due.label or target.task.deadline_as_written or ""
    if target.period:
        return f"{words}：{target.period} 期，{target.occurrence.due.isoformat()} 前".lstrip("：")
    if due.date is not None:
        return f"{words}（{due.date.isoformat()}）" if words else due.date.isoformat()
    return words or "长期坚持"


def unit_workbook(model: Model, unit_id: str, as_of: dt.date) -> bytes:
    """The unit's workbook as XLSX bytes: a row for each occurrence it answers for on ``as_of``
    (:func:`~duban.intake.targets.report_targets`). The same data gives the same bytes."""
    buffer = io.BytesIO()
    book = new_workbook(buffer, f"{SHEET_TITLE}：{unit_id}")
    shown = {"text_wrap": True, "valign": "top"}
    fillable = {**shown, "locked": False, "pattern": 1, "bg_color": "#FFF2CC"}  # yellow: fill in
    locked, fill = book.add_format(shown), book.add_format(fillable)
    date = book.add_format({**fillable, "num_format": "yyyy-mm-dd"})
    styles = [
        locked if index < LOCKED else date if key == "done" else fill
        for index, (key, _) in enumerate(COLUMNS)
    ]
    sheet = book.add_worksheet(SHEET_TITLE)
    header = book.add_format({"bold": True})
    for column, (key, heading) in enumerate(COLUMNS):
        sheet.set_column(column, column, _WIDTHS.get(key, 10))
        sheet.write_string(0, column, heading, header)
    rows = [
        _values(model, unit_id, target, entry)
        for target, entry in report_targets(model, unit_id, as_of)
    ]
    for row, values in enumerate(rows, start=1):
        for column, (key, _) in enumerate(COLUMNS):
            _write(sheet, row, column, values.get(key), styles[column])
    last = max(len(rows), 1)
    where = {key: column for column, (key, _) in enumerate(COLUMNS)}
    for key, validation in _VALIDATIONS.items():
        sheet.data_validation(1, where[key], last, where[key], validation)
    sheet.freeze_panes(1, LOCKED)
    # no password: the lock protects against slips, not people; columns and rows may be resized
    sheet.protect(
        "", {"format_columns": True, "format_rows": True, "objects": True, "scenarios": True}
    )
    guide = book.add_worksheet("填写说明")
    guide.set_column(0, 0, 100)
    for row, line in enumerate(_GUIDE):
        guide.write_string(row, 0, line)
    book.close()
    return buffer.getvalue()


def _values(
    model: Model, unit_id: str, target: ReportTarget, entry: StatusEntry | None
) -> dict[str, Any]:
    task = target.task
    top, _, item = task.local_id.partition("/")
    several_plans = len(model.plans) > 1
    values: dict[str, Any] = {
        "unit": unit_id,
        "plan": task.plan_id,
        "task": top,
        "item": item,
        "due": target.due_id,
        "period": target.period,
        "label": (f"{model.plans[task.plan_id].title}｜" if several_plans else "") + task.label,
        "text": task.text,
        "deadline": deadline_words(target),
    }
    if entry is not None:
        values.update(
            state=REPORTED_STATE_NAMES.get(entry.state, entry.state),
            done=entry.done,
            progress=entry.progress,
            summary=entry.summary,
            evidence="\n".join(e.url for e in entry.evidence if e.url),
            problems=entry.problems,
            next_steps=entry.next_steps,
            reason=entry.reason,
        )
    return values


def _write(sheet: Any, row: int, column: int, value: Any, style: Any) -> None:
    """A date as a date cell, a whole number as a number, anything else as text (never a
    formula, however it starts)."""
    if isinstance(value, dt.date):
        sheet.write_datetime(row, column, dt.datetime.combine(value, dt.time()), style)
    elif isinstance(value, int) and not isinstance(value, bool):
        sheet.write_number(row, column, value, style)
    elif value not in (None, ""):
        sheet.write_string(row, column, text_cell(str(value)), style)
    else:
        sheet.write_blank(row, column, None, style)


_WIDTHS = {"text": 48, "deadline": 24, "summary": 36, "evidence": 36, "problems": 24}
_WIDTHS |= {"next_steps": 24, "reason": 18, "label": 12, "done": 12, "plan": 22}
_CHECKED = {"ignore_blank": True, "show_input": False, "show_error": True}
_VALIDATIONS: dict[str, dict[str, Any]] = {
    "state": {
        "validate": "list",
        "source": list(REPORTED_STATE_NAMES.values()),
        "error_title": "状态",
        "error_message": f"请从下拉列表中选择：{STATE_LIST}",
        **_CHECKED,
    },
    "done": {
        "validate": "date",
        "criteria": ">",
        "value": dt.date(2000, 1, 1),
        "error_title": "完成日期",
        "error_message": "请填写日期，例如 2010-05-28",
        **_CHECKED,
    },
    "progress": {
        "validate": "integer",
        "criteria": "between",
        "minimum": 0,
        "maximum": 100,
        "error_title": "进度",
        "error_message": "请填写 0 到 100 的整数",
        **_CHECKED,
    },
}


_GUIDE = (
    "填写说明",
    "1. 每一行是本单位的一项任务（周期性任务每一期一行；督办机构下达的限期整改，每个整改期限一行）。单位标识至完成时限各列已锁定，请勿改动；黄色各列由本单位填写。",
    "2. 状态：从下拉列表选择 未开始、推进中、已完成 或 不适用。",
    "3. 已完成须填写完成日期（如 2010-05-28）；不适用须填写不适用理由。",
    "4. 佐证材料链接：以 https:// 开头的网址，多个链接请分行填写。",
    "5. 留空的格子不会删除已有内容；已有的进展记录不会丢失。",
    "6. 填好后保存（xlsx，或 CSV，UTF-8 或 GBK 均可），交给维护人员运行：duban import 文件名。",
)
