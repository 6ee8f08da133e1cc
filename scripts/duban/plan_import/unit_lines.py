"""A table copied one cell a line whose task cells carry their own numbers: the line of units
under each (moved out of strategy.py, branch h18ae, when it learnt a unit cell that says who
leads: ``办公室牵头,其他股室及属下单位配合``, 江门 文广局 one cell a line)."""

from __future__ import annotations

import re

from duban.i18n.messages import say
from duban.plan_import.cell_rows import cell_type
from duban.plan_import.chinese import signing_date
from duban.plan_import.numbering import MIXED, arabic, bracketed, separator
from duban.plan_import.role_cells import role_cell


def unit_lines(text: str) -> tuple[str, int] | None:
    """A table copied one cell a line whose task cells carry their own number (``2.纳入…`` /
    ``市经信局、市财政局等,各县、市、区政府``): a line holding only names of units (and a deadline)
    right after a numbered line of text is that item's 责任单位 (each such line gets a
    ``责任单位：`` label; the names are the document's); a line of names with the verbs that
    say who leads and who helps (h18ae: ``办公室牵头,其他股室及属下单位配合``) is put in brackets,
    the item's clause as written."""
    lines = text.split("\n")
    count = 0
    for index in range(1, len(lines)):
        line = lines[index].strip()
        before = lines[index - 1].strip()
        said = role_cell(line)  # h18ae: 办公室牵头,各科室配合 (a unit cell saying who leads)
        if not line or not before or (cell_type(line) != "unit" and not said):
            continue
        if (COLON if said else LABEL).search(line):
            continue
        if not NUMBERED_TEXT.match(before) or cell_type(before) != "text":
            continue
        after = next((x.strip() for x in lines[index + 1 :] if x.strip()), "")
        if signing_date(after):
            continue  # 某县人民政府办公室 / 2024年3月1日: the plan's signature, not a cell
        lines[index] = f"（{line}）" if said else f"（责任单位：{line}）"
        count += 1
    return ("\n".join(lines), count) if count >= 2 else None


LABEL = re.compile(r"[:：（(【\[]")
"""A line with a label or a bracket is a clause the numbering's reading reads already."""
COLON = re.compile(r"[:：]")
NUMBERED_TEXT = re.compile(rf"^(?:{arabic()}{separator(small=True)}|{bracketed(MIXED)})\S")


def unit_lines_reading(count: int) -> str:
    return say(
        f"{count} lines holding only names of units read as the 责任单位 of the numbered line"
        " above them (a table copied one cell a line; the label is the importer's)",
        f"{count} 行只有单位名称，读作上一行编号条目的责任单位（表格逐格复制成每格一行；"
        "“责任单位：”为导入所加）",
    )
