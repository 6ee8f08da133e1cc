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

from duban.i18n.messages import STATE_NAMES
from duban.intake.rows import COLUMNS, LOCKED, SHEET_TITLE, STATE_LIST
from duban.intake.targets import ReportTarget, report_targets
from duban.model.model import Model


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
    (:func:`~duban.intake.targets.report_targets`)."""
    from openpyxl import Workbook
    from openpyxl.styles import Alignment, Font, PatternFill, Protection
    from openpyxl.worksheet.datavalidation import DataValidation

    book = Workbook()
    sheet = book.active
    sheet.title = SHEET_TITLE
    sheet.append([heading for _, heading in COLUMNS])
    bold = Font(bold=True)
    fill = PatternFill("solid", fgColor="FFF2CC")
    for cell in sheet[1]:
        cell.font = bold
    several_plans = len(model.plans) > 1
    for target, entry in report_targets(model, unit_id, as_of):
        task = target.task
        top, _, item = task.local_id.partition("/")
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
                state=STATE_NAMES.get(entry.state, entry.state),
                done=entry.done,
                progress=entry.progress,
                summary=entry.summary,
                evidence="\n".join(e.url for e in entry.evidence if e.url),
                problems=entry.problems,
                next_steps=entry.next_steps,
                reason=entry.reason,
            )
        sheet.append([None] * len(COLUMNS))
        row = sheet.max_row
        for column, (key, _) in enumerate(COLUMNS, start=1):
            cell = sheet.cell(row=row, column=column)
            value = values.get(key)
            if isinstance(value, dt.date):
                cell.value = value
                cell.number_format = "yyyy-mm-dd"
            elif isinstance(value, int):
                cell.value = value
            elif value not in (None, ""):
                cell.value = str(value)
                cell.data_type = "s"  # text stays text, even when it starts with =
            if key == "done":
                cell.number_format = "yyyy-mm-dd"
            if column > LOCKED:
                cell.protection = Protection(locked=False)
                cell.fill = fill
            cell.alignment = Alignment(wrap_text=True, vertical="top")
    last = max(sheet.max_row, 2)
    letter = {
        key: sheet.cell(row=1, column=i).column_letter for i, (key, _) in enumerate(COLUMNS, 1)
    }
    state = DataValidation(type="list", formula1=f'"{STATE_LIST}"', allow_blank=True)
    state.error, state.errorTitle = f"请从下拉列表中选择：{STATE_LIST}", "状态"
    state.add(f"{letter['state']}2:{letter['state']}{last}")
    date = DataValidation(type="date", operator="greaterThan", formula1="36526", allow_blank=True)
    date.error, date.errorTitle = "请填写日期，例如 2010-05-28", "完成日期"
    date.add(f"{letter['done']}2:{letter['done']}{last}")
    progress = DataValidation(type="whole", operator="between", formula1="0", formula2="100")
    progress.allow_blank = True
    progress.error, progress.errorTitle = "请填写 0 到 100 的整数", "进度"
    progress.add(f"{letter['progress']}2:{letter['progress']}{last}")
    for validation in (state, date, progress):
        validation.showErrorMessage = True
        sheet.add_data_validation(validation)
    widths = {"text": 48, "deadline": 24, "summary": 36, "evidence": 36, "problems": 24}
    widths |= {"next_steps": 24, "reason": 18, "label": 12, "done": 12, "plan": 22}
    for key, column in letter.items():
        sheet.column_dimensions[column].width = widths.get(key, 10)
    sheet.freeze_panes = "J2"
    sheet.protection.sheet = True  # no password: the lock protects against slips, not people
    sheet.protection.formatColumns = False
    sheet.protection.formatRows = False
    guide = book.create_sheet("填写说明")
    for line in _GUIDE:
        guide.append([line])
    guide.column_dimensions["A"].width = 100
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


_GUIDE = (
    "填写说明",
    "1. 每一行是本单位的一项任务（周期性任务每一期一行）。单位标识至完成时限各列已锁定，请勿改动；黄色各列由本单位填写。",
    "2. 状态：从下拉列表选择 未开始、推进中、已完成 或 不适用。",
    "3. 已完成须填写完成日期（如 2010-05-28）；不适用须填写不适用理由。",
    "4. 佐证材料链接：以 https:// 开头的网址，多个链接请分行填写。",
    "5. 留空的格子不会删除已有内容；已有的进展记录不会丢失。",
    "6. 填好后保存（xlsx，或 CSV，UTF-8 或 GBK 均可），交给维护人员运行：duban import 文件名。",
)
