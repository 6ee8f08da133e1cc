"""A unit's workbook: export its obligations as a spreadsheet a clerk fills in (WPS, Excel),
and import the filled-in rows (or a CSV saved from it) back into ``data/status/<unit>.yaml``.

One row per obligation and occurrence. The columns that say which obligation a row is
(单位标识 … 期次) and what it asks (任务内容, 完成时限) are locked; the clerk fills 状态 (a
drop-down), 完成日期 (a date cell), 进度, 工作进展, 佐证材料链接, 存在问题, 下步计划 and
不适用理由. Import reads the columns by their headings, so reordered columns still work.

Rules of import, so that nothing already recorded is lost and a second import of the same
sheet changes nothing: an empty cell never removes a value; a cell equal to the recorded value
is no change; a link already in the entry's evidence is not added again. A row that cannot be
understood is refused with its row number and the reason, and then no row is applied.
``duban record`` builds one such row from its options and goes through the same steps.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from duban.i18n.messages import REPORTED_STATE_NAMES, REPORTED_STATE_WORDS, say
from duban.intake.status_text import CannotEdit, StatusText
from duban.load.strict_yaml import load_document
from duban.model.model import Model
from duban.model.plan import Task
from duban.model.status import StatusEntry

# (key, heading). The first nine identify and describe the row and are locked.
COLUMNS = (
    ("unit", "单位标识"),
    ("plan", "方案"),
    ("task", "任务"),
    ("item", "子项"),
    ("due", "时限标识"),
    ("period", "期次"),
    ("label", "任务编号"),
    ("text", "任务内容"),
    ("deadline", "完成时限"),
    ("state", "状态"),
    ("done", "完成日期"),
    ("progress", "进度（%）"),
    ("summary", "工作进展"),
    ("evidence", "佐证材料链接"),
    ("problems", "存在问题"),
    ("next_steps", "下步计划"),
    ("reason", "不适用理由"),
)
LOCKED = 9
HEADINGS = {heading: key for key, heading in COLUMNS}
# English keys are accepted as headings too (a CSV written by a script).
HEADINGS.update({key: key for key, _ in COLUMNS})
TEXT_FIELDS = ("summary", "problems", "next_steps", "reason")
SHEET_TITLE = "进展填报"
_STATE_LIST = ",".join(REPORTED_STATE_NAMES.values())
_URL = re.compile(r"https://[^\s<>\"']+")
_DATE_LIKE = re.compile(
    r"\s*(\d{4})\s*[年/.\-－． ]\s*(\d{1,2})\s*[月/.\-－． ]\s*(\d{1,2})\s*日?(?:\s+0{1,2}:00(?::00)?)?\s*"
)


class RowProblem(Exception):
    """A row that cannot be applied: its reason, in the clerk's words."""


@dataclass(frozen=True)
class Target:
    """The obligation occurrence a row names."""

    task: Task
    due_id: str
    period: str
    several_dues: bool


@dataclass
class Row:
    number: int
    """The row number in the sheet (0 for ``duban record``: one row, no number)."""
    cells: dict[str, Any] = field(default_factory=dict)


@dataclass
class Change:
    row: int
    target: Target
    position: int | None
    """Index of the entry in ``obligations``; None: a new entry."""
    values: dict[str, Any]
    evidence: list[dict[str, str]]
    words: list[str]


# -- export ----------------------------------------------------------------------------------------
def unit_rows(model: Model, unit_id: str) -> list[tuple[Target, StatusEntry | None]]:
    """Every obligation occurrence of the unit, in task order, with what is recorded for it."""
    result = []
    tasks = sorted(
        {o.task_id for o in model.obligations if unit_id in o.holders},
        key=lambda t: (model.tasks[t].plan_id, model.tasks[t].order),
    )
    for task_id in tasks:
        task = model.tasks[task_id]
        due_ids = {
            d
            for o in model.obligations
            if unit_id in o.holders and o.task_id == task_id
            for d in o.due_ids
        }
        mine = [d for d in task.due if d.id in due_ids]
        for due in mine:
            periods = (
                [o.key for o in due.occurrences]
                if due.kind == "recurring" or (due.kind == "follow-up" and due.occurrences)
                else [""]
            )
            for period in periods:
                target = Target(task, due.id, period, len(mine) > 1)
                result.append((target, model.status_of(unit_id, task.id, due.id, period)))
    return result


def _deadline_words(target: Target) -> str:
    due = next(d for d in target.task.due if d.id == target.due_id)
    words = due.as_written or due.label or target.task.deadline_as_written or ""
    occurrence = due.occurrence(target.period) if target.period else None
    if occurrence is None and due.date is not None and not target.period:
        return f"{words}（{due.date.isoformat()}）" if words else due.date.isoformat()
    if occurrence is not None:
        return f"{words}：{target.period} 期，{occurrence.due.isoformat()} 前".lstrip("：")
    return words or "长期坚持"


def unit_workbook(model: Model, unit_id: str) -> bytes:
    """The unit's workbook as XLSX bytes."""
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
    for target, entry in unit_rows(model, unit_id):
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
            "deadline": _deadline_words(target),
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
    state = DataValidation(type="list", formula1=f'"{_STATE_LIST}"', allow_blank=True)
    state.error, state.errorTitle = f"请从下拉列表中选择：{_STATE_LIST}", "状态"
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


# -- reading a filled-in sheet ---------------------------------------------------------------------
def read_rows(path: Path) -> list[Row]:
    """The rows of a filled-in workbook (.xlsx) or CSV (UTF-8, UTF-8 with BOM, GBK/GB18030)."""
    if path.suffix.lower() == ".csv":
        raw = path.read_bytes()
        for encoding in ("utf-8-sig", "gb18030"):
            try:
                text = raw.decode(encoding)
                break
            except UnicodeDecodeError:
                continue
        else:
            raise RowProblem(
                say("the CSV is neither UTF-8 nor GBK", "CSV 文件既不是 UTF-8 也不是 GBK 编码")
            )
        table = list(csv.reader(io.StringIO(text)))
    else:
        from openpyxl import load_workbook

        try:
            book = load_workbook(path, data_only=True, read_only=True)
        except Exception as error:  # a damaged or foreign file: one line, not a traceback
            raise RowProblem(
                say(f"cannot read the workbook: {error}", f"无法读取工作簿：{error}")
            ) from None
        sheet = book[SHEET_TITLE] if SHEET_TITLE in book.sheetnames else book.worksheets[0]
        table = [list(row) for row in sheet.iter_rows(values_only=True)]
    if not table:
        raise RowProblem(say("the sheet is empty", "表格是空的"))
    header = [HEADINGS.get(str(h).strip()) if h is not None else None for h in table[0]]
    missing = [h for k, h in COLUMNS[:6] if k not in header and k not in ("item", "plan")]
    if missing:
        raise RowProblem(
            say(
                f"row 1: missing columns {', '.join(missing)}",
                f"第 1 行：缺少列 {'、'.join(missing)}",
            )
        )
    rows = []
    for number, values in enumerate(table[1:], start=2):
        cells = {
            key: value
            for key, value in zip(header, values, strict=False)
            if key
            and value not in (None, "")
            and not (isinstance(value, str) and not value.strip())
        }
        if set(cells) - {
            "unit",
            "plan",
            "task",
            "item",
            "due",
            "period",
            "label",
            "text",
            "deadline",
        }:
            rows.append(Row(number, cells))
    return rows


# -- planning changes ------------------------------------------------------------------------------
def _text(value: Any) -> str:
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    return str(value).strip()


def parse_state(value: Any) -> str:
    text = _text(value)
    if text in REPORTED_STATE_NAMES:
        return text
    if text in REPORTED_STATE_WORDS:
        return REPORTED_STATE_WORDS[text]
    raise RowProblem(
        say(
            f"state {text!r} is not one of {', '.join(REPORTED_STATE_NAMES.values())}",
            f"状态“{text}”无法识别，请选择 {'、'.join(REPORTED_STATE_NAMES.values())}",
        )
    )


def parse_day(value: Any, what: str = "完成日期") -> dt.date:
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    text = _text(value)
    match = _DATE_LIKE.fullmatch(text)
    if match:
        try:
            return dt.date(*(int(part) for part in match.groups()))
        except ValueError:
            pass
    raise RowProblem(
        say(
            f"{what} {text!r} is not a date such as 2010-05-28",
            f"{what}“{text}”不是真实的日期，请写成 年-月-日，如 2010-05-28",
        )
    )


def parse_progress(value: Any) -> int:
    text = _text(value).rstrip("%％").strip()
    if re.fullmatch(r"[0-9]{1,3}(\.0+)?", text) and 0 <= float(text) <= 100:
        return int(float(text))
    raise RowProblem(say(f"progress {text!r} is not 0-100", f"进度“{text}”须为 0 到 100 的整数"))


def parse_links(value: Any) -> list[str]:
    text = _text(value)
    links = _URL.findall(text)
    rest = _URL.sub(" ", text)
    if not links or re.search(r"[A-Za-z0-9]", rest):
        raise RowProblem(
            say(
                f"evidence {text!r}: write links starting with https://, one per line",
                f"佐证材料链接“{text}”须为 https:// 开头的网址，多个链接请分行填写",
            )
        )
    return [link.rstrip("，。；,;") for link in links]


def find_target(model: Model, unit_id: str, cells: dict[str, Any]) -> Target:
    """The obligation occurrence named by a row's (plan, task, item, due, period)."""
    rows = unit_rows(model, unit_id)
    plan = _text(cells.get("plan", "")) or (
        next(iter(model.plans)) if len(model.plans) == 1 else ""
    )
    task = _text(cells.get("task", ""))
    item = _text(cells.get("item", ""))
    due = _text(cells.get("due", ""))
    period = _text(cells.get("period", ""))
    if task.isdigit() and len(task) == 1:
        task = task.zfill(2)  # Excel turns the text 01 into the number 1
    local = f"{task}/{item}" if item else task
    found = [
        target
        for target, _ in rows
        if target.task.plan_id == plan
        and (target.task.local_id == local or _number_matches(target.task, local))
        and (not due or target.due_id == due)
        and target.period == period
    ]
    where = "/".join(p for p in (plan, local, due, period) if p)
    if len(found) == 1 and not (found[0].several_dues and not due):
        return found[0]
    dues = sorted(
        {t.due_id for t, _ in rows if t.task.plan_id == plan and t.task.local_id == local}
    )
    if not due and len(dues) > 1:
        raise RowProblem(
            say(
                f"task {local} has several deadlines for this unit: name one with --due or 时限标识 ({', '.join(dues)})",
                f"任务 {local} 对本单位有多项时限，请填写时限标识（--due）：{'、'.join(dues)}",
            )
        )
    if len(found) == 1:
        return found[0]
    periods = [
        t.period
        for t, _ in rows
        if t.task.plan_id == plan and t.task.local_id == local and (not due or t.due_id == due)
    ]
    if not found and periods and all(periods):
        raise RowProblem(
            say(
                f"period {period or '(empty)'} is not one of this duty's periods: {', '.join(periods)} (--period)",
                f"期次“{period}”不对，请填写期次（--period）：{'、'.join(periods)}"
                if period
                else f"周期性任务须填写期次（--period）：{'、'.join(periods)}",
            )
        )
    if not found:
        raise RowProblem(
            say(
                f"{unit_id} has no obligation {where}: see the ids on the unit's page (do not change the locked columns of the sheet)",
                f"本单位（{unit_id}）没有任务 {where}：请对照单位页面上的任务标识（表格中请勿改动锁定的各列）",
            )
        )
    raise RowProblem(
        say(
            f"{where} names several deadlines: fill 时限标识",
            f"{where} 对应多项时限：请填写时限标识",
        )
    )


def _number_matches(task: Task, local: str) -> bool:
    return task.parent is None and local.isdigit() and int(local) == task.number


def plan_change(
    model: Model, unit_id: str, row: Row, positions: dict[tuple[str, str, str], int]
) -> Change | None:
    """What a row changes, or None when it changes nothing. Raises RowProblem."""
    cells = row.cells
    if "unit" in cells and _text(cells["unit"]) != unit_id:
        raise RowProblem(
            say(
                f"unit {_text(cells['unit'])!r} is not {unit_id!r}: one unit per file",
                f"单位标识“{_text(cells['unit'])}”与 {unit_id} 不符：一个文件只填一个单位",
            )
        )
    target = find_target(model, unit_id, cells)
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
        wanted["done"] = parse_day(cells["done"])
    if "progress" in cells:
        wanted["progress"] = parse_progress(cells["progress"])
    for key in TEXT_FIELDS:
        if key in cells:
            wanted[key] = _text(cells[key])
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
    key = (target.task.id, target.due_id, target.period)
    position = positions.get(key) if entry is not None else None
    evidence = [
        {"title": f"佐证材料 {link.rsplit('/', 1)[-1][:40]}", "url": link} for link in links
    ]
    words = [_word(k, current.get(k), v) for k, v in values.items()]
    words += [say(f"evidence + {link}", f"佐证材料 + {link}") for link in links]
    return Change(row.number, target, position, values, evidence, words)


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
    model: Model, unit_id: str, path: Path, rows: Iterable[Row]
) -> tuple[str | None, list[Change], list[str]]:
    """The new text of the unit's status file, the changes, and the refused rows' reasons.

    The text is None when nothing changes or any row is refused."""
    document, problems = load_document(path)
    if document is None:
        return None, [], [str(p) for p in problems]
    original = path.read_bytes().decode("utf-8")  # as it is: BOM and line endings kept
    positions = entry_positions(model, unit_id, document)
    changes: list[Change] = []
    refused: list[str] = []
    seen: dict[tuple[str, str, str], int] = {}
    for row in rows:
        try:
            change = plan_change(model, unit_id, row, positions)
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
    task = change.target.task
    where = task.label + (f"（{change.target.period}）" if change.target.period else "")
    if change.target.several_dues:
        where += f"［{change.target.due_id}］"
    new = say(" (new entry)", "（新增）") if change.position is None else ""
    return (
        (say(f"row {change.row} ", f"第 {change.row} 行 ") if change.row else "")
        + f"{where}{new}: "
        + "；".join(change.words)
    )
