"""A unit's workbook to fill in (WPS, Excel): one row per obligation occurrence it reports on.

Laid out for the clerk (:data:`~duban.intake.rows.COLUMNS`): the task as a reader cites it
(任务编号, 任务名称: the two frozen columns), which deadline and period in words (事项, 时段), the
due date and the state as of the export (完成时限, 当前状态), all locked; then the yellow columns
the clerk fills in: 状态 (a drop-down), 完成日期 (a date cell), 进度, 工作进展, 佐证材料链接,
存在问题, 下步计划 and 不适用理由, already holding what is recorded. Last, locked and hidden, the
ids that name the occurrence (单位标识 … 期次), which ``duban import`` reads back by heading
(:mod:`duban.intake.workbook_read`). It prints on A4 landscape, one page wide, with the unit,
the plan and the date in the page header, the heading row on every page and page numbers in the
footer. A second sheet, 填写说明, says how.
"""

from __future__ import annotations

import datetime as dt
import io
import math
import unicodedata
from typing import Any

from duban.evaluation.evaluate import ItemState, holder_states
from duban.i18n.locale import office_words
from duban.i18n.messages import REPORTED_STATE_NAMES
from duban.i18n.periods import period_words
from duban.intake.rows import COLUMNS, FILLED, IDS, SHEET_TITLE, STATE_LIST
from duban.intake.targets import ReportTarget, report_targets
from duban.model.model import Model
from duban.model.status import StatusEntry
from duban.outputs.spreadsheet import new_workbook, text_cell

FROZEN = 2
"""任务编号 and 任务名称 stay in view while the clerk scrolls to the columns to fill in."""
TITLE_LIMIT = 40
LINE_HEIGHT = 16
"""Points per line of a row: 11-point Chinese text with a little room."""
MAX_LINES = 12
"""A longer cell is cut off in print; the clerk can still make its row higher."""


def deadline_words(target: ReportTarget) -> str:
    """完成时限 as the clerk reads it: the day this occurrence is due, in words (长期坚持 for a
    duty without one)."""
    if target.due.is_ongoing and not target.period:
        return "长期坚持"
    if target.occurrence.waiting:  # counted from an event that has no date yet
        return target.due.as_written or office_words().state_long["waiting"]
    return office_words().date(target.occurrence.due)


def subject_words(target: ReportTarget) -> str:
    """事项: which of the task's deadlines a row is about, as the plan writes it."""
    due = target.due
    if due.label or due.as_written:
        return due.label or due.as_written or ""
    # the task's deadline as written is this deadline's words only when it has no other
    return due.id if target.several_dues else target.task.deadline_as_written or ""


def current_words(item: ItemState | None) -> str:
    """当前状态: the occurrence's state on the day of the export, as the office's documents say it
    (the evaluation's own, as ``duban check`` and the site count it; 未报送 added when nothing is
    recorded and it is still open)."""
    if item is None:
        return ""
    words = office_words()
    text = str(words.state_long[item.state.value])
    if item.entry is None and item.state.is_open:
        return f"{text}（{words.not_reported}）"
    return text


def unit_workbook(model: Model, unit_id: str, as_of: dt.date) -> bytes:
    """The unit's workbook as XLSX bytes: a row for each occurrence it answers for on ``as_of``
    (:func:`~duban.intake.targets.report_targets`). The same data gives the same bytes."""
    buffer = io.BytesIO()
    book = new_workbook(buffer, f"{SHEET_TITLE}：{unit_id}")
    shown = {"text_wrap": True, "valign": "top", "border": 1, "border_color": "#BFBFBF"}
    fillable = {**shown, "locked": False, "pattern": 1, "bg_color": "#FFF2CC"}  # yellow: fill in
    locked, fill = book.add_format(shown), book.add_format(fillable)
    date = book.add_format({**fillable, "num_format": "yyyy-mm-dd"})
    styles = [
        fill if key in FILLED and key != "done" else date if key == "done" else locked
        for key, _ in COLUMNS
    ]
    sheet = book.add_worksheet(SHEET_TITLE)
    header = book.add_format({**shown, "bold": True, "bg_color": "#E8ECF2"})
    first_id = len(COLUMNS) - len(IDS)
    for column, (key, heading) in enumerate(COLUMNS):
        hidden = {"hidden": True} if column >= first_id else {}
        sheet.set_column(column, column, _WIDTHS.get(key, 10), None, hidden)
        sheet.write_string(0, column, heading, header)
    sheet.set_row(0, LINE_HEIGHT * _lines(dict(COLUMNS), first_id))
    targets = report_targets(model, unit_id, as_of)
    states = holder_states(model, unit_id, as_of)
    rows = [_values(model, unit_id, target, entry, states) for target, entry in targets]
    for row, values in enumerate(rows, start=1):
        for column, (key, _) in enumerate(COLUMNS):
            _write(sheet, row, column, values.get(key), styles[column])
        sheet.set_row(row, LINE_HEIGHT * _lines(values, first_id))
    last = max(len(rows), 1)
    where = {key: column for column, (key, _) in enumerate(COLUMNS)}
    for key, validation in _VALIDATIONS.items():
        sheet.data_validation(1, where[key], last, where[key], validation)
    sheet.freeze_panes(1, FROZEN)
    _print_setup(sheet, _page_title(model, unit_id, targets, as_of), last, first_id - 1)
    # no password: the lock protects against slips, not people; columns and rows may be resized
    sheet.protect(
        "", {"format_columns": True, "format_rows": True, "objects": True, "scenarios": True}
    )
    guide = book.add_worksheet("填写说明")
    guide.set_column(0, 0, 100, book.add_format({"text_wrap": True, "valign": "top"}))
    guide.set_landscape()
    guide.set_paper(9)
    guide.fit_to_pages(1, 0)
    for row, line in enumerate(_GUIDE):
        guide.write_string(row, 0, line)
        guide.set_row(row, LINE_HEIGHT * math.ceil(_display_width(line) / 100))
    book.close()
    return buffer.getvalue()


def _lines(values: dict[str, Any], shown: int) -> int:
    """How many lines the row's longest wrapped cell takes (a row's height is not worked out
    on opening by every program: LibreOffice keeps the default one line and hides the rest)."""
    most = 1
    for key, _ in COLUMNS[:shown]:
        value = values.get(key)
        if value in (None, "") or isinstance(value, dt.date | int):
            continue
        room = _WIDTHS.get(key, 10)
        lines = sum(math.ceil(_display_width(part) / room) or 1 for part in str(value).split("\n"))
        most = max(most, lines)
    return min(most, MAX_LINES)


def _display_width(text: str) -> float:
    """Width in the units of a column's width (a digit's): a Chinese character two (1.7 to 2
    with the fonts LibreOffice, WPS and Excel use: too high a row is better than hidden text),
    a Latin one a little over 1 (a long link breaks at its slashes)."""
    return sum(2 if unicodedata.east_asian_width(c) in "WF" else 1.1 for c in text)


def _page_title(model: Model, unit_id: str, targets: Any, as_of: dt.date) -> str:
    unit = model.units.get(unit_id) or model.groups.get(unit_id)
    name = getattr(unit, "name", None) or unit_id
    plans = sorted({target.task.plan_id for target, _ in targets})
    titles = "、".join(model.plans[p].display_name for p in plans if p in model.plans)
    day = office_words().date(as_of)
    return "　".join(part for part in (name, titles, f"截至{day}") if part)


def _print_setup(sheet: Any, title: str, last_row: int, last_column: int) -> None:
    """A4 landscape, one page wide (the widths keep it at about 75%), the headings on every
    page; the page header names the unit, the plan and the date, the footer numbers the pages.
    The hidden id columns are outside the print area."""
    sheet.set_landscape()
    sheet.set_paper(9)  # A4
    sheet.set_margins(left=0.4, right=0.4, top=0.7, bottom=0.6)
    sheet.set_header(f"&C&12&B{_header_text(title)}", {"margin": 0.3})
    sheet.set_footer("&C第 &P 页，共 &N 页", {"margin": 0.3})
    sheet.repeat_rows(0)
    sheet.print_area(0, 0, last_row, last_column)
    sheet.fit_to_pages(1, 0)


def _header_text(text: str) -> str:
    """Text for a page header: & is a header code, and Excel keeps at most 255 characters."""
    return text_cell(text).replace("&", "&&").replace("\n", " ")[:200]


def _values(
    model: Model,
    unit_id: str,
    target: ReportTarget,
    entry: StatusEntry | None,
    states: dict[tuple[str, str, str], ItemState],
) -> dict[str, Any]:
    task = target.task
    top, _, item = task.local_id.partition("/")
    title = task.title or task.text
    if len(title) > TITLE_LIMIT:
        title = title[:TITLE_LIMIT] + "…"
    if len(model.plans) > 1:
        title = f"{model.plans[task.plan_id].display_name}：{title}"
    values: dict[str, Any] = {
        "label": task.citation,
        "title": title,
        "subject": subject_words(target),
        "when": period_words(target.period),
        "deadline": deadline_words(target),
        "current": current_words(states.get((task.id, target.due_id, target.period))),
        "unit": unit_id,
        "plan": task.plan_id,
        "task": top,
        "item": item,
        "due": target.due_id,
        "period": target.period,
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


# about 180 characters wide in all: A4 landscape at about 75%, text still readable
_WIDTHS = {"label": 8, "title": 22, "subject": 12, "when": 14, "deadline": 14, "current": 10}
_WIDTHS |= {"state": 8, "done": 11, "progress": 8, "summary": 30, "evidence": 18}
_WIDTHS |= {"problems": 14, "next_steps": 14, "reason": 10, "plan": 22}
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
    "1. 每一行是本单位的一项任务（周期性任务每一期一行；督办机构下达的限期整改，每个整改期限一行）。任务编号至当前状态各列已锁定，请勿改动；黄色各列由本单位填写。表格右侧隐藏的标识列供导入使用，请勿删除。",
    "2. 状态：从下拉列表选择 未开始、推进中、已完成 或 不适用。",
    "3. 已完成须填写完成日期（如 2010-05-28）；不适用须填写不适用理由。",
    "4. 佐证材料链接：以 https:// 开头的网址，多个链接请分行填写。",
    "5. 留空的格子不会删除已有内容；已有的进展记录不会丢失。",
    "6. 填好后保存（xlsx，或 CSV，UTF-8 或 GBK 均可），交给维护人员运行：duban import 文件名。",
)
