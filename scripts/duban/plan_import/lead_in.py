"""A list assigned in its lead-in sentence (h18l, issue 18): ``2022年,区政府要……主要承担以下工作:``
then ``1.…`` ``2.…`` with no assignment of their own (上海 2022 食品安全责任清单). Each item of
the list is that unit's: the reading adds ``（责任单位：X）`` after each item's first line (the
label is the importer's; the name is the document's).

A responsibility letter says who signs it (h18ag): ``镇党委与各村(社区)签订年度目标管理责任书。
具体内容……如下:``: the party the letter is signed with answers for every item; an item that only
names who assesses or supervises it (由镇工办负责考核) still has no unit of its own."""

from __future__ import annotations

import re

from duban.i18n.messages import say
from duban.plan_import.cell_rows import ROLE_LABELS, cell_type
from duban.plan_import.chinese import simplified
from duban.plan_import.clauses import Clause, find_clause
from duban.plan_import.numbering import INDENT, NOT_DECIMAL, arabic, separator

LEAD_IN = re.compile(r"(?:承担|负责|抓好|做好|完成)(?:以下|下列|如下)(?:工作|任务|事项)[:：]\s*$")
WHO = re.compile(
    r"(?:^|[,，。；;])\s*([\u4e00-\u9fff()（）]{2,16}?)(?:要|应|应当|须|必须|主要|负责)"
)
# A与B签订(年度)(目标管理)责任书/责任状 … 如下: — B, the party that answers for the items
SIGNED = re.compile(r"与([\u4e00-\u9fff()（）]{2,16}?)签订[^。；;]{0,12}?责任[书状]")
LIST_FOLLOWS = re.compile(r"(?:如下|以下)[:：]\s*$")
# roles an item may name and still answer to the lead-in's unit: who checks it, not who does it
CHECKING_ROLES = {"assess", "supervise"}
ITEM = re.compile(rf"^{INDENT}{arabic(2)}{separator()}{NOT_DECIMAL}")


def lead_in_reading(count: int) -> str:
    return say(
        f"{count} items of a list assigned to the unit its lead-in sentence names"
        " (…要……主要承担以下工作: or …与X签订……责任书; the label 责任单位 is the importer's)",
        f"{count} 项清单条目按引语（“……要……主要承担以下工作:”或“……与X签订……责任书”）"
        "记为所写单位的责任（“责任单位：”为导入所加）",
    )


def lead_in_items(text: str) -> tuple[str, int] | None:
    """The text with each numbered item after a lead-in that names its unit given that unit."""
    lines = text.split("\n")
    count = 0
    unit = ""
    for index, line in enumerate(lines):
        folded = simplified(line)  # h18ap: 與各村(社區)簽訂 (one for one: the spans hold)
        if LEAD_IN.search(folded):
            unit = next(
                (line[m.start(1) : m.end(1)] for m in WHO.finditer(folded) if _unit(m[1])), ""
            )
            continue
        if LIST_FOLLOWS.search(folded) and (signed := _named(SIGNED, line)):
            unit = signed
            continue
        if not unit or not ITEM.match(line):
            continue
        clause = find_clause(line.strip())
        if clause is not None and set(clause.roles) - CHECKING_ROLES:
            return None  # the items carry their own assignments: the lead-in adds nothing
        lines[index] = _with_unit(line, unit, clause)
        count += 1
    return ("\n".join(lines), count) if count else None


def _with_unit(line: str, unit: str, clause: Clause | None) -> str:
    """The item with its unit added in one label after it; an item's own clause that says who
    assesses or supervises it is restated in that label, since an item keeps one clause."""
    parts = [f"{ROLE_LABELS['responsible']}：{unit}"]
    for role, names in clause.roles.items() if clause else ():
        parts.append(f"{ROLE_LABELS[role]}：{'、'.join(names)}")
    return f"{line.rstrip()}（{'；'.join(parts)}）"


def _named(pattern: re.Pattern[str], line: str) -> str:
    """The unit ``pattern`` names in the line (its group 1: who works, who signs a letter),
    matched on the line in simplified characters, kept as written."""
    folded = simplified(line)
    return next((line[m.start(1) : m.end(1)] for m in pattern.finditer(folded) if _unit(m[1])), "")


def _unit(name: str) -> bool:
    return cell_type(name) == "unit"
