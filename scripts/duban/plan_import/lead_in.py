"""A list assigned in its lead-in sentence (h18l, issue 18): ``2022年,区政府要……主要承担以下工作:``
then ``1.…`` ``2.…`` with no assignment of their own (上海 2022 食品安全责任清单). Each item of
the list is that unit's: the reading adds ``（责任单位：X）`` after each item's first line (the
label is the importer's; the name is the document's)."""

from __future__ import annotations

import re

from duban.i18n.messages import say
from duban.plan_import.cell_rows import cell_type
from duban.plan_import.clauses import find_clause
from duban.plan_import.numbering import INDENT, NOT_DECIMAL, arabic, separator

LEAD_IN = re.compile(r"(?:承担|负责|抓好|做好|完成)(?:以下|下列|如下)(?:工作|任务|事项)[:：]\s*$")
WHO = re.compile(
    r"(?:^|[,，。；;])\s*([\u4e00-\u9fff()（）]{2,16}?)(?:要|应|应当|须|必须|主要|负责)"
)
ITEM = re.compile(rf"^{INDENT}{arabic(2)}{separator()}{NOT_DECIMAL}")


def lead_in_reading(count: int) -> str:
    return say(
        f"{count} items of a list assigned to the unit its lead-in sentence names"
        " (…要……主要承担以下工作:; the label 责任单位 is the importer's)",
        f"{count} 项清单条目按引语（“……要……主要承担以下工作:”）记为所写单位的责任"
        "（“责任单位：”为导入所加）",
    )


def lead_in_items(text: str) -> tuple[str, int] | None:
    """The text with each numbered item after a lead-in that names its unit given that unit."""
    lines = text.split("\n")
    count = 0
    unit = ""
    for index, line in enumerate(lines):
        if LEAD_IN.search(line):
            unit = next((m.group(1) for m in WHO.finditer(line) if _unit(m.group(1))), "")
            continue
        if not unit or not ITEM.match(line):
            continue
        if find_clause(line.strip()) is not None:
            return None  # the items carry their own assignments: the lead-in adds nothing
        lines[index] = f"{line.rstrip()}（责任单位：{unit}）"
        count += 1
    return ("\n".join(lines), count) if count else None


def _unit(name: str) -> bool:
    return cell_type(name) == "unit"
