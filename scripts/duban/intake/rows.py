"""A row as the clerk gives it: the workbook's columns and their words (the issue form's
labels are the same words), the row itself, and how each fillable cell's value is read.

One row shows what it asks (任务编号 … 当前状态), carries what the clerk filled in (状态 …
不适用理由) and names one obligation occurrence by its ids (单位标识 … 期次). The workbook
(``workbook_export``, ``workbook_read``), ``duban record`` and the issue form all speak in these
columns, by key.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field
from typing import Any

from duban.i18n.dates import written_date
from duban.i18n.messages import REPORTED_STATE_NAMES, REPORTED_STATE_WORDS, say

# (key, heading), in the workbook's order. What the clerk reads comes first: the task as a
# reader cites it (任务编号, 任务名称), which deadline and period in words, the due date and the
# state as of the export (the first SHOWN columns, locked); then the columns the clerk fills in;
# last the ids that name the obligation occurrence (单位标识 … 期次: locked and hidden), which
# the import reads back by heading.
COLUMNS = (
    ("label", "任务编号"),
    ("title", "任务名称"),
    ("subject", "事项"),
    ("when", "时段"),
    ("deadline", "完成时限"),
    ("current", "当前状态"),
    ("state", "状态"),
    ("done", "完成日期"),
    ("progress", "进度（%）"),
    ("summary", "工作进展"),
    ("evidence", "佐证材料链接"),
    ("problems", "存在问题"),
    ("next_steps", "下步计划"),
    ("reason", "不适用理由"),
    ("unit", "单位标识"),
    ("plan", "方案"),
    ("task", "任务"),
    ("item", "子项"),
    ("due", "时限标识"),
    ("period", "期次"),
)
SHOWN = 6
"""The first SHOWN columns say what a row asks, in words: not the clerk's (locked)."""
IDS = ("unit", "plan", "task", "item", "due", "period")
"""The last columns: which obligation occurrence a row is (locked, hidden)."""
FILLED = tuple(key for key, _ in COLUMNS[SHOWN : len(COLUMNS) - len(IDS)])
"""The columns the clerk fills in."""
OLD_HEADINGS = {"任务内容": "text"}
"""Headings of workbooks written by earlier versions (still in the field): read, then ignored."""
DESCRIBING = frozenset(key for key, _ in COLUMNS if key not in FILLED) | set(OLD_HEADINGS.values())
HEADINGS = {heading: key for key, heading in COLUMNS} | OLD_HEADINGS
"""Heading (or issue form label) -> column key. English keys are accepted as headings too (a CSV
written by a script)."""
HEADINGS.update({key: key for key, _ in COLUMNS})
TEXT_FIELDS = ("summary", "problems", "next_steps", "reason")
SHEET_TITLE = "进展填报"
STATE_LIST = ",".join(REPORTED_STATE_NAMES.values())
_URL = re.compile(r"https://[^\s<>\"']+")


class RowProblem(Exception):
    """A row (or a sheet) that cannot be applied: its reason, in the clerk's words."""


@dataclass
class Row:
    number: int
    """The row number in the sheet (0 for ``duban record``: one row, no number)."""
    cells: dict[str, Any] = field(default_factory=dict)
    """Column key -> the value the clerk gave (empty cells left out)."""


def read_cell(value: Any) -> str:
    """A cell as text: a number Excel made of 2011 or 01 reads as the text it was."""
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    return str(value).strip()


def parse_state(value: Any) -> str:
    text = read_cell(value)
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
    text = read_cell(value)
    found = written_date(text)
    if found is not None:
        return found
    raise RowProblem(
        say(
            f"{what} {text!r} is not a date such as 2010-05-28",
            f"{what}“{text}”不是真实的日期，请写成 年-月-日，如 2010-05-28",
        )
    )


def parse_progress(value: Any) -> int:
    text = read_cell(value).rstrip("%％").strip()
    if re.fullmatch(r"[0-9]{1,3}(\.0+)?", text) and 0 <= float(text) <= 100:
        return int(float(text))
    raise RowProblem(say(f"progress {text!r} is not 0-100", f"进度“{text}”须为 0 到 100 的整数"))


def parse_links(value: Any) -> list[str]:
    text = read_cell(value)
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
